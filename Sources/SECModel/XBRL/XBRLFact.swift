/// One XBRL fact, from an inline-XBRL document or an XBRL instance: the same model for both.
///
/// Numeric values are decimal strings after the inline transformation, `scale` and `sign` (so
/// `<ix:nonFraction scale="6" sign="-">1,234</ix:nonFraction>` is `-1234000000`), without an exponent
/// or trailing fractional zeros. Non-numeric values are the fact's text as XBRL defines it
/// (whitespace kept; escaped HTML for `escape="true"`).
public struct XBRLFact: Hashable, Sendable, Codable {
    /// The concept, e.g. `us-gaap:Revenues`.
    public var concept: XBRLQName
    /// The value; `nil` exactly when `isNil`.
    public var value: String?
    /// `xsi:nil="true"`: the fact is reported as having no value.
    public var isNil: Bool
    /// `true` for `ix:nonFraction` and for instance facts that carry a `unitRef`.
    public var isNumeric: Bool
    /// The unit of a numeric fact.
    public var unit: XBRLUnit?
    /// The `decimals` attribute as written: an integer (`-6`) or `INF`; `nil` when absent.
    public var decimals: String?
    public var period: XBRLPeriod
    public var entity: XBRLEntity
    /// Explicit and typed dimensions, sorted by axis.
    public var dimensions: [XBRLDimension]
    /// The context's `id`.
    public var contextID: String
    /// The fact's `id`, when it has one.
    public var id: String?
    /// Texts of the footnotes linked to this fact, in document order; empty when none.
    public var footnotes: [String]

    public init(
        concept: XBRLQName,
        value: String?,
        isNil: Bool = false,
        isNumeric: Bool,
        unit: XBRLUnit? = nil,
        decimals: String? = nil,
        period: XBRLPeriod,
        entity: XBRLEntity,
        dimensions: [XBRLDimension] = [],
        contextID: String,
        id: String? = nil,
        footnotes: [String] = []
    ) {
        self.concept = concept
        self.value = value
        self.isNil = isNil
        self.isNumeric = isNumeric
        self.unit = unit
        self.decimals = decimals
        self.period = period
        self.entity = entity
        // Most facts have no dimension or one: nothing to sort (the comparison builds two strings).
        self.dimensions =
            dimensions.count < 2 ? dimensions : dimensions.sorted { $0.axis.description < $1.axis.description }
        self.contextID = contextID
        self.id = id
        self.footnotes = footnotes
    }
}
