/// An EDGAR accession number, `FFFFFFFFFF-YY-NNNNNN`: filer agent CIK, year, sequence.
///
/// Invariant: exactly 18 digits. Parsing accepts the dashed and undashed forms, so a value built from
/// untrusted input is safe to place in a URL or a path.
public struct AccessionNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The 18 digits without dashes.
    public let digits: String

    /// Parses `0001999901-25-000004` or `000199990125000004`; `nil` for anything else.
    public init?(_ text: String) {
        let trimmed = String(text.trimmingASCIIWhitespace())
        let undashed: String
        if trimmed.count == 20 {
            let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 10, parts[1].count == 2, parts[2].count == 6 else { return nil }
            undashed = parts.joined()
        } else {
            undashed = trimmed
        }
        guard undashed.count == 18, undashed.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.digits = undashed
    }

    /// The dashed form used in EDGAR JSON and full-submission file names.
    public var description: String {
        let chars = Array(digits)
        return String(chars[0..<10]) + "-" + String(chars[10..<12]) + "-" + String(chars[12..<18])
    }

    /// The undashed form used as the filing folder name under `Archives/edgar/data/{cik}/`.
    public var folderName: String { digits }

    public static func < (lhs: AccessionNumber, rhs: AccessionNumber) -> Bool { lhs.digits < rhs.digits }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let parsed = AccessionNumber(try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid accession number")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
