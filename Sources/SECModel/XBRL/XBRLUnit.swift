/// The unit of a numeric fact: a product of measures, optionally divided by another product
/// (`iso4217:USD`, `xbrli:shares`, `iso4217:USD / xbrli:shares`).
public struct XBRLUnit: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The unit's `id` in its document.
    public var id: String
    /// Numerator measures as written (`iso4217:USD`), sorted.
    public var numerators: [String]
    /// Denominator measures as written, sorted; empty for a plain unit.
    public var denominators: [String]

    public init(id: String, numerators: [String], denominators: [String] = []) {
        self.id = id
        self.numerators = numerators.sorted()
        self.denominators = denominators.sorted()
    }

    /// `iso4217:USD`, `iso4217:USD*xbrli:pure`, `iso4217:USD/xbrli:shares`.
    public var description: String {
        let top = numerators.joined(separator: "*")
        return denominators.isEmpty ? top : top + "/" + denominators.joined(separator: "*")
    }
}
