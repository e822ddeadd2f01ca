import SECModel
import VectorStore

/// The mapping between `SECModel.Chunk` and documents of the SEC schema (`CollectionSchema.secFilings`).
public enum SECChunkMapping {
    public static func fields(of chunk: Chunk) -> [String: FieldValue] {
        let citation = chunk.citation
        var fields: [String: FieldValue] = [
            "cik": .int64(Int64(citation.cik.value)),
            "company": .string(citation.companyName),
            "tickers": .stringArray(citation.tickers),
            "form": .string(citation.form.rawValue),
            "filing_date": .date(date(citation.filingDate)),
            "fiscal_year": .int64(Int64(citation.fiscalYear)),
            "accession": .string(citation.accession.description),
            "source_url": .string(citation.sourceURL),
            "item": .string(citation.item),
            "item_title": .string(citation.itemTitle),
            "text": .string(chunk.text),
            "char_start": .int64(Int64(citation.charStart)),
            "char_end": .int64(Int64(citation.charEnd)),
            "content_hash": .string(chunk.contentHash),
            "document_type": .string(citation.documentType),
        ]
        if let tokens = chunk.tokenCount { fields["token_count"] = .int64(Int64(tokens)) }
        if let report = citation.reportDate { fields["report_date"] = .date(date(report)) }
        return fields
    }

    /// The chunk of a document, or `nil` when a required field is missing or does not parse. A
    /// document stored before `document_type` was added holds a primary-document chunk: its type is
    /// the form.
    public static func chunk(_ document: Document) -> Chunk? {
        let fields = document.fields
        guard case .int64(let cikValue)? = fields["cik"], cikValue > 0, let cik = CIK(value: UInt64(cikValue)),
            let company = fields["company"]?.stringValue, let form = fields["form"]?.stringValue,
            let filingDate = fields["filing_date"]?.dateValue.flatMap(edgarDate),
            let fiscalYear = fields["fiscal_year"]?.int64Value,
            let accession = fields["accession"]?.stringValue.flatMap(AccessionNumber.init),
            let sourceURL = fields["source_url"]?.stringValue, let item = fields["item"]?.stringValue,
            let itemTitle = fields["item_title"]?.stringValue, let text = fields["text"]?.stringValue,
            let charStart = fields["char_start"]?.int64Value, let charEnd = fields["char_end"]?.int64Value
        else { return nil }
        let filing = FilingMetadata(
            cik: cik,
            companyName: company,
            tickers: fields["tickers"]?.stringArrayValue ?? [],
            form: FormType(form),
            accession: accession,
            filingDate: filingDate,
            reportDate: fields["report_date"]?.dateValue.flatMap(edgarDate),
            primaryDocument: "",
            sourceURL: sourceURL
        )
        var citation = Citation(
            filing: filing,
            section: Section(key: item, title: itemTitle, charStart: Int(charStart), charEnd: Int(charEnd)),
            charStart: Int(charStart),
            charEnd: Int(charEnd)
        )
        citation.fiscalYear = Int(fiscalYear)
        citation.documentType = fields["document_type"]?.stringValue ?? form
        return Chunk(
            id: document.id,
            text: text,
            citation: citation,
            tokenCount: fields["token_count"]?.int64Value.map { Int($0) }
        )
    }

    private static func date(_ date: EDGARDate) -> CalendarDate {
        CalendarDate(year: date.year, month: date.month, day: date.day) ?? CalendarDate(daysSince1970: 0)
    }

    private static func edgarDate(_ date: CalendarDate) -> EDGARDate? {
        let (year, month, day) = date.components
        return EDGARDate(year: year, month: month, day: day)
    }
}
