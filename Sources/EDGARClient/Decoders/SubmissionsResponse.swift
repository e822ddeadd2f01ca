import Foundation
import SECModel

/// The `data.sec.gov/submissions/CIK##########.json` document: a filer's profile and its filings in
/// column-oriented arrays (`filings.recent`), with older filings in extra pages (`filings.files`).
public struct SubmissionsResponse: Sendable, Decodable {
    public var cik: CIK
    public var name: String
    public var tickers: [String]
    public var exchanges: [String?]
    public var sic: String?
    public var sicDescription: String?
    public var fiscalYearEnd: String?
    public var stateOfIncorporation: String?
    public var filings: Filings

    public struct Filings: Sendable, Decodable {
        public var recent: FilingColumns
        /// Extra pages (`CIK##########-submissions-001.json`, …) that hold older filings.
        public var files: [ExtraPage]
    }

    /// One entry of `filings.files`.
    public struct ExtraPage: Sendable, Decodable, Hashable {
        public var name: String
        public var filingCount: Int
        public var filingFrom: EDGARDate
        public var filingTo: EDGARDate

        public init(name: String, filingCount: Int, filingFrom: EDGARDate, filingTo: EDGARDate) {
            self.name = name
            self.filingCount = filingCount
            self.filingFrom = filingFrom
            self.filingTo = filingTo
        }
    }

    /// Decodes a submissions document.
    ///
    /// - Parameter source: the URL or path it came from, named in errors.
    /// - Throws: `EDGARError.malformedResponse` naming the source and the failing field.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> SubmissionsResponse {
        do {
            return try JSONDecoder().decode(SubmissionsResponse.self, from: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
    }
}

/// The column-oriented filing list of a submissions document or of one of its extra pages: every
/// array has one entry per filing, at the same index.
public struct FilingColumns: Sendable, Decodable {
    public var accessionNumber: [String]
    public var filingDate: [String]
    public var reportDate: [String]
    public var acceptanceDateTime: [String]
    public var form: [String]
    public var items: [String]
    public var size: [Int]
    public var isXBRL: [Int]
    public var isInlineXBRL: [Int]
    public var primaryDocument: [String]
    public var primaryDocDescription: [String]

    /// Decodes an extra page (`CIK##########-submissions-001.json`), which is a bare column object.
    public static func decodePage(_ data: Data, source: String) throws(EDGARError) -> FilingColumns {
        do {
            return try JSONDecoder().decode(FilingColumns.self, from: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: describe(error))
        }
    }

    /// The filings as records, in the document's order (newest first on EDGAR).
    ///
    /// - Throws: `EDGARError.malformedResponse` when the columns differ in length or a row holds an
    ///   invalid accession number or date.
    public func records(source: String) throws(EDGARError) -> [SubmissionRecord] {
        let count = accessionNumber.count
        let lengths = [
            filingDate.count, reportDate.count, acceptanceDateTime.count, form.count, items.count, size.count,
            isXBRL.count, isInlineXBRL.count, primaryDocument.count, primaryDocDescription.count,
        ]
        guard lengths.allSatisfy({ $0 == count }) else {
            throw EDGARError(
                code: .malformedResponse,
                source: source,
                message: "filings columns differ in length: accessionNumber has \(count), others \(lengths)"
            )
        }
        var result: [SubmissionRecord] = []
        result.reserveCapacity(count)
        for row in 0..<count {
            guard let accession = AccessionNumber(accessionNumber[row]) else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "row \(row): invalid accessionNumber '\(accessionNumber[row])'"
                )
            }
            guard let filed = EDGARDate(filingDate[row]) else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "row \(row): invalid filingDate '\(filingDate[row])'"
                )
            }
            result.append(
                SubmissionRecord(
                    accession: accession,
                    form: FormType(form[row]),
                    filingDate: filed,
                    reportDate: EDGARDate(reportDate[row]),
                    acceptanceDateTime: acceptanceDateTime[row],
                    items: items[row].split(separator: ",").map { String($0) },
                    sizeBytes: size[row],
                    isXBRL: isXBRL[row] != 0,
                    isInlineXBRL: isInlineXBRL[row] != 0,
                    primaryDocument: primaryDocument[row],
                    primaryDocDescription: primaryDocDescription[row]
                )
            )
        }
        return result
    }
}

/// One filing from a submissions document.
public struct SubmissionRecord: Sendable, Hashable {
    public var accession: AccessionNumber
    public var form: FormType
    public var filingDate: EDGARDate
    /// Period of report; `nil` when EDGAR leaves it empty.
    public var reportDate: EDGARDate?
    /// ISO 8601 acceptance time as EDGAR writes it, e.g. `2025-02-14T16:05:12.000Z`.
    public var acceptanceDateTime: String
    /// 8-K item numbers such as `2.02`; empty for other forms.
    public var items: [String]
    /// Size of the whole submission in bytes.
    public var sizeBytes: Int
    public var isXBRL: Bool
    public var isInlineXBRL: Bool
    public var primaryDocument: String
    public var primaryDocDescription: String
}

/// A short, field-naming account of a `DecodingError`.
func describe(_ error: any Error) -> String {
    guard let decodingError = error as? DecodingError else { return String(describing: error) }
    func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch decodingError {
    case .keyNotFound(let key, let context):
        return "missing key '\(key.stringValue)' at \(path(context).isEmpty ? "top level" : path(context))"
    case .typeMismatch(let type, let context):
        return "wrong type at \(path(context)): expected \(type)"
    case .valueNotFound(let type, let context):
        return "null at \(path(context)): expected \(type)"
    case .dataCorrupted(let context):
        return "\(context.debugDescription) at \(path(context).isEmpty ? "top level" : path(context))"
    @unknown default:
        return String(describing: decodingError)
    }
}
