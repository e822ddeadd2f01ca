import FilingParser
import Foundation
import SECModel

/// The document and filing metadata `vectordb chunk` and `vectordb bench chunk` work on when they
/// have only a file (not one a pipeline's source lists, whose metadata `FilingChunker.sourceFiling`
/// finds): the inline XBRL cover facts (filer, CIK, period, form) when present, else the period and
/// form the cover page states (10-K when it names none), an accession number from the option or the
/// file's path, and placeholders for the rest.
public enum ChunkFilingMetadata {
    public static let placeholderAccession = "0000000000-00-000000"

    /// Parses `bytes`, the contents of `file`. An inline-XBRL document is parsed with its facts in
    /// one pass (the text is the same as without them); when its facts cannot be read, it is parsed
    /// for its text alone and gets no cover facts.
    ///
    /// - Throws: `PipelineError` (stage `parse`) carrying the `ParseError`.
    public static func load(
        bytes: [UInt8],
        file: String,
        form: String?,
        accession: String?,
        maxBytes: Int
    ) throws(PipelineError) -> (document: ParsedDocument, filing: FilingMetadata) {
        let parser = HTMLFilingParser(maxInputBytes: maxBytes)
        let formType = form.map { FormType($0) }
        if InlineXBRLReader.looksInline(bytes),
            let (document, facts) = try? parser.parse(
                bytes,
                form: formType,
                source: file,
                readingFactsWith: InlineXBRLReader(maxInputBytes: maxBytes)
            )
        {
            return (document, guess(file: file, form: form, accession: accession, cover: facts.metadata, document))
        }
        do {
            let document = try parser.parse(bytes, form: formType, source: file)
            return (document, guess(file: file, form: form, accession: accession, cover: nil, document))
        } catch {
            throw PipelineError(stage: .parse, subject: file, cause: error)
        }
    }

    private static func guess(
        file: String,
        form: String?,
        accession: String?,
        cover facts: FilingFacts?,
        _ document: ParsedDocument
    ) -> FilingMetadata {
        let name = URL(fileURLWithPath: file).lastPathComponent
        let found =
            accession ?? file.firstMatch(of: /\d{10}-\d{2}-\d{6}/).map { String($0.0) }
            ?? file.firstMatch(of: /\/(\d{18})\//).map { String($0.1) }
        let number = found.flatMap { AccessionNumber($0) } ?? AccessionNumber(placeholderAccession)
        let coverText = document.slice(charStart: 0, charEnd: min(document.scalarCount, CoverPeriod.searchedCharacters))
        let period = facts?.documentPeriodEndDate.flatMap { EDGARDate($0) } ?? CoverPeriod.find(in: coverText)
        let cik = facts?.entityCentralIndexKey.flatMap { CIK($0) } ?? CIK(value: 1)
        let filingForm =
            form.map { FormType($0) } ?? facts?.documentType.map { FormType($0) } ?? document.form ?? FormType("10-K")
        guard let number, let cik, let epoch = EDGARDate(year: 1970, month: 1, day: 1) else {
            preconditionFailure("placeholder accession, CIK and date are valid")
        }
        return FilingMetadata(
            cik: cik,
            companyName: facts?.entityRegistrantName ?? name,
            tickers: facts?.tradingSymbol.map { [$0] } ?? [],
            form: filingForm,
            accession: number,
            filingDate: period ?? epoch,
            reportDate: period,
            primaryDocument: name,
            sourceURL: URL(fileURLWithPath: file).standardizedFileURL.path
        )
    }
}
