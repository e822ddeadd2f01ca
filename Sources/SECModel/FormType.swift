/// An EDGAR form type such as `10-K`, `10-Q`, `8-K` or `10-K/A`.
///
/// Comparison is exact and case-sensitive, as EDGAR writes form types in upper case.
public struct FormType: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The form type as EDGAR writes it.
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = String(rawValue.trimmingASCIIWhitespace()) }

    public init(stringLiteral value: String) { self.init(value) }

    /// `true` for amendments (`10-K/A`, `8-K/A`).
    public var isAmendment: Bool { rawValue.hasSuffix("/A") }

    /// The form without an amendment suffix: `10-K/A` → `10-K`.
    public var base: FormType { isAmendment ? FormType(String(rawValue.dropLast(2))) : self }

    public var description: String { rawValue }

    public static let tenK: FormType = "10-K"
    public static let tenQ: FormType = "10-Q"
    public static let eightK: FormType = "8-K"
    public static let twentyF: FormType = "20-F"

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
