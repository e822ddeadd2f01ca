import SECModel

/// An equality condition on a chunk's filing metadata. Several filters are combined with AND.
public struct MetadataFilter: Sendable, Hashable, CustomStringConvertible {
    /// The metadata fields a filter can name.
    public enum Field: String, Sendable, CaseIterable {
        case cik
        case ticker
        case form
        case fiscalYear = "fiscal_year"
        case item
    }

    public let field: Field
    /// The expected value, normalised: CIK without padding, ticker and form upper case, item upper case.
    public let value: String

    /// Builds a filter, validating the value for its field.
    ///
    /// - Throws: `StoreError.badInput` for a CIK or fiscal year that is not a number.
    public init(field: Field, value: String) throws(StoreError) {
        self.field = field
        switch field {
        case .cik:
            guard let cik = CIK(value) else {
                throw StoreError(code: .badInput, message: "filter cik=\(value): not a CIK (1 to 10 digits)")
            }
            self.value = cik.description
        case .fiscalYear:
            guard let year = Int(value), (1993...2100).contains(year) else {
                throw StoreError(code: .badInput, message: "filter fiscal_year=\(value): not a year")
            }
            self.value = String(year)
        case .ticker, .form, .item:
            self.value = value.uppercased()
        }
    }

    /// Parses `KEY=VALUE`, where KEY is one of `cik`, `ticker`, `form`, `fiscal_year` (or `year`), `item`.
    ///
    /// - Throws: `StoreError.badInput` naming the expression and the accepted keys.
    public init(parsing expression: String) throws(StoreError) {
        guard let equals = expression.firstIndex(of: "=") else {
            throw StoreError(code: .badInput, message: "filter '\(expression)' must be KEY=VALUE")
        }
        let key = expression[..<equals].lowercased()
        let value = String(expression[expression.index(after: equals)...])
        let field: Field? = key == "year" ? .fiscalYear : Field(rawValue: key)
        guard let field else {
            let known = Field.allCases.map(\.rawValue).joined(separator: ", ")
            throw StoreError(
                code: .badInput,
                message: "filter '\(expression)': unknown key '\(key)'; use one of \(known)"
            )
        }
        guard !value.isEmpty else {
            throw StoreError(code: .badInput, message: "filter '\(expression)': empty value")
        }
        try self.init(field: field, value: value)
    }

    /// `true` when the citation satisfies the condition.
    public func matches(_ citation: Citation) -> Bool {
        switch field {
        case .cik: return citation.cik.description == value
        case .ticker: return citation.tickers.contains { $0.uppercased() == value }
        case .form: return citation.form.rawValue.uppercased() == value
        case .fiscalYear: return String(citation.fiscalYear) == value
        case .item: return citation.item.uppercased() == value
        }
    }

    public var description: String { "\(field.rawValue)=\(value)" }
}
