/// Validation of every externally supplied name before it reaches a path or a URL.
///
/// A safe name is 1–200 characters of `[A-Za-z0-9._-]`, does not start with `.` or `-`, and is not
/// `.` or `..`. EDGAR document names (`hrsc-20241231.htm`, `0001999901-25-000004.txt`,
/// `FilingSummary.xml`) all pass; anything with `/`, `\`, `%`, spaces, `?` or `#` does not.
public enum SafeName {
    public static let lengthMax = 200

    /// `true` when `name` is safe to use as one path component and one URL path segment.
    public static func isValid(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= lengthMax, name != ".", name != "..",
            let first = name.utf8.first, first != UInt8(ascii: "."), first != UInt8(ascii: "-")
        else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }

    /// Returns `name` or throws.
    ///
    /// - Throws: `EDGARError.invalidInput` naming `what` (e.g. "document name") and the value.
    public static func validated(_ name: String, what: String) throws(EDGARError) -> String {
        guard isValid(name) else {
            throw EDGARError(code: .invalidInput, source: name, message: "unsafe \(what): '\(name)'")
        }
        return name
    }

    /// Validates a relative key such as `submissions/CIK0001999901.json` component by component.
    public static func validatedKey(_ key: String) throws(EDGARError) -> [String] {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty else { throw EDGARError(code: .invalidInput, source: key, message: "empty cache key") }
        for part in parts { _ = try validated(part, what: "cache key component") }
        return parts
    }
}
