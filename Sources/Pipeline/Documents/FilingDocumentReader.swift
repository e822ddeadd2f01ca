import EDGARClient
import FilingParser
import PipelineConfig
import SECModel

/// Finds the documents of one filing that a `DocumentSelection` picks — in a filing folder or in a
/// full submission — in the filing's document order, the primary document first.
///
/// An exhibit is ingested when its type matches the selection and it is an HTML document (`.htm`,
/// `.html`) with a safe file name (`SafeName`); plain-text, PDF, image and XBRL documents are left
/// out. The primary document is the submissions record's `primaryDocument`.
struct FilingDocumentReader: Sendable {
    let selection: DocumentSelection

    /// The selected documents of a filing folder; exhibit types as `FilingFolder.typedDocuments`
    /// finds them. A document a type source lists but the folder lacks is skipped (a partial mirror).
    ///
    /// - Throws: `PipelineError` (stage `source`): the primary document is missing (*not found*) or a
    ///   file cannot be read.
    func documents(in folder: some FilingFolder, filing: FilingMetadata) throws(PipelineError) -> [SourceDocument] {
        var documents: [SourceDocument] = []
        if selection.includesPrimary {
            let name = filing.primaryDocument
            guard let bytes = try folder.contents(of: name) else {
                throw PipelineError(
                    stage: .source,
                    subject: folder.location(of: name),
                    category: .notFound,
                    message: "cannot read the primary document"
                )
            }
            documents.append(primary(filing, bytes: bytes, location: folder.location(of: name)))
        }
        guard selection.includesExhibits else { return documents }
        let (typed, source) = try folder.typedDocuments(accession: filing.accession)
        for entry in typed where isSelectedExhibit(fileName: entry.fileName, type: entry.type, filing: filing) {
            guard let bytes = try folder.contents(of: entry.fileName) else { continue }
            documents.append(
                exhibit(filing, entry, source: source, bytes: bytes, location: folder.location(of: entry.fileName))
            )
        }
        return SourceDocument.keyed(documents)
    }

    /// The selected documents of a full submission (`{accession}.txt`): the primary document is the
    /// one named `filing.primaryDocument`, else the first of the filing's form, else the first.
    ///
    /// - Throws: `PipelineError` (stage `source`) carrying the `ParseError` when the file is not a
    ///   submission.
    func documents(
        inSubmission bytes: [UInt8],
        location: String,
        filing: FilingMetadata
    ) throws(PipelineError)
        -> [SourceDocument]
    {
        let submission: FullSubmission
        do {
            submission = try SGMLSubmissionReader(readsXBRL: false).read(bytes, source: location)
        } catch {
            throw PipelineError(stage: .source, subject: location, cause: error)
        }
        let parts = submission.documents
        let primaryIndex =
            parts.firstIndex { $0.filename == filing.primaryDocument }
            ?? parts.firstIndex { $0.type == filing.form.rawValue } ?? parts.indices.first
        var documents: [SourceDocument] = []
        if selection.includesPrimary, let primaryIndex {
            let part = parts[primaryIndex]
            let name = part.filename ?? filing.primaryDocument
            documents.append(primary(filing, bytes: Array(part.text.utf8), location: "\(location)#\(name)"))
        }
        guard selection.includesExhibits else { return documents }
        for (index, part) in parts.enumerated() where index != primaryIndex && part.kind == .text {
            guard let name = part.filename, let type = part.type,
                isSelectedExhibit(fileName: name, type: type, filing: filing)
            else { continue }
            let entry = TypedDocument(fileName: name, type: type)
            documents.append(
                exhibit(
                    filing,
                    entry,
                    source: .fullSubmission,
                    bytes: Array(part.text.utf8),
                    location: "\(location)#\(name)"
                )
            )
        }
        return SourceDocument.keyed(documents)
    }

    /// Whether the document `fileName` of `type` is an exhibit the selection ingests: not the primary
    /// document, a safe name, HTML, and a selected type.
    func isSelectedExhibit(fileName: String, type: String, filing: FilingMetadata) -> Bool {
        fileName != filing.primaryDocument && SafeName.isValid(fileName) && SourceDocument.isHTML(fileName)
            && selection.selects(exhibitType: type)
    }

    private func primary(_ filing: FilingMetadata, bytes: [UInt8], location: String) -> SourceDocument {
        SourceDocument(
            type: filing.form.rawValue,
            fileName: filing.primaryDocument,
            isPrimary: true,
            typeSource: .form,
            location: location,
            sourceURL: filing.sourceURL,
            bytes: bytes
        )
    }

    private func exhibit(
        _ filing: FilingMetadata,
        _ entry: TypedDocument,
        source: DocumentTypeSource,
        bytes: [UInt8],
        location: String
    ) -> SourceDocument {
        SourceDocument(
            type: entry.type,
            fileName: entry.fileName,
            isPrimary: false,
            typeSource: source,
            location: location,
            sourceURL: FilingMetadata.archiveURL(
                cik: filing.cik,
                accession: filing.accession,
                fileName: entry.fileName
            ),
            bytes: bytes
        )
    }
}
