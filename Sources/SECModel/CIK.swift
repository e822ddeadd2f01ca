/// A Central Index Key: the SEC's permanent identifier of a filer, 1 to 10 decimal digits.
///
/// Invariant: `value` is in `1...9_999_999_999`. The canonical text form is unpadded (`320193`);
/// EDGAR's JSON API paths use the ten-digit zero-padded form (`CIK0000320193.json`).
public struct CIK: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The numeric key.
    public let value: UInt64

    /// Parses a CIK from decimal text, with or without leading zeros or a `CIK` prefix.
    ///
    /// - Returns: `nil` when the text is empty, longer than ten digits, zero, or not all digits.
    public init?(_ text: String) {
        var digits = Substring(text.trimmingASCIIWhitespace())
        if digits.uppercased().hasPrefix("CIK") { digits = digits.dropFirst(3) }
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let parsed = UInt64(digits), parsed > 0
        else { return nil }
        self.value = parsed
    }

    /// Creates a CIK from a number, or `nil` when it is outside `1...9_999_999_999`.
    public init?(value: UInt64) {
        guard value > 0, value <= 9_999_999_999 else { return nil }
        self.value = value
    }

    /// The ten-digit zero-padded form used by `data.sec.gov` paths.
    public var padded: String {
        let text = String(value)
        return String(repeating: "0", count: 10 - text.count) + text
    }

    public var description: String { String(value) }

    public static func < (lhs: CIK, rhs: CIK) -> Bool { lhs.value < rhs.value }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let parsed: CIK?
        if let number = try? container.decode(UInt64.self) {
            parsed = CIK(value: number)
        } else {
            parsed = CIK(try container.decode(String.self))
        }
        guard let parsed else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a valid CIK")
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs, CR and LF.
    func trimmingASCIIWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
