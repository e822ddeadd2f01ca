import Foundation
import SECModel

/// One reported value of an XBRL concept, as listed by the `companyfacts` and `companyconcept` APIs.
public struct XBRLFactValue: Sendable, Hashable, Decodable {
    /// Start of the duration; `nil` for instant facts (balances, share counts).
    public var start: EDGARDate?
    /// End of the duration, or the instant.
    public var end: EDGARDate
    /// The value in the unit named by the enclosing key (`USD`, `shares`, `USD/shares`). Stored as a
    /// `Double`: every integer up to 2^53 (9 quadrillion) is exact.
    public var value: Double
    /// The accession number of the filing that reported it.
    public var accession: AccessionNumber
    /// Fiscal year and period (`FY`, `Q1`…) of the reporting filing; `nil` when EDGAR omits them.
    public var fiscalYear: Int?
    public var fiscalPeriod: String?
    public var form: FormType
    public var filed: EDGARDate
    /// The calendar frame (`CY2019Q1I`) when EDGAR chose this fact for one.
    public var frame: String?

    enum CodingKeys: String, CodingKey {
        case start, end, form, filed, frame
        case value = "val"
        case accession = "accn"
        case fiscalYear = "fy"
        case fiscalPeriod = "fp"
    }
}

/// `data.sec.gov/api/xbrl/companyfacts/CIK##########.json`: every XBRL fact a filer reported,
/// grouped by taxonomy (`us-gaap`, `dei`, `ifrs-full`, …), concept and unit.
public struct CompanyFacts: Sendable, Decodable {
    public var cik: CIK
    public var entityName: String
    /// `facts[taxonomy][concept]`.
    public var facts: [String: [String: Concept]]

    /// One concept with its values per unit.
    public struct Concept: Sendable, Decodable {
        public var label: String?
        public var description: String?
        /// Values keyed by unit (`USD`, `shares`, `USD/shares`).
        public var units: [String: [XBRLFactValue]]
    }

    /// Decodes a companyfacts document.
    ///
    /// - Throws: `EDGARError.malformedResponse` naming the failing field.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> CompanyFacts {
        do {
            return try JSONDecoder().decode(CompanyFacts.self, from: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
    }

    /// The number of values across every taxonomy, concept and unit.
    public var valueCount: Int {
        facts.values.reduce(0) { total, concepts in
            total + concepts.values.reduce(0) { $0 + $1.units.values.reduce(0) { $0 + $1.count } }
        }
    }
}

/// `data.sec.gov/api/xbrl/companyconcept/CIK##########/{taxonomy}/{tag}.json`: one concept of one
/// filer.
public struct CompanyConcept: Sendable, Decodable {
    public var cik: CIK
    public var taxonomy: String
    public var tag: String
    public var label: String?
    public var description: String?
    public var entityName: String
    public var units: [String: [XBRLFactValue]]

    /// Decodes a companyconcept document.
    ///
    /// - Throws: `EDGARError.malformedResponse` naming the failing field.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> CompanyConcept {
        do {
            return try JSONDecoder().decode(CompanyConcept.self, from: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
    }
}
