import EDGARClient
import FilingParser
import Foundation
import SECModel

/// A document and its EDGAR type, as a type source lists it.
struct TypedDocument: Sendable, Hashable {
    var fileName: String
    var type: String
}

extension FilingFolder {
    /// The folder's documents with their EDGAR types, in the filing's document order, and where the
    /// types were read: the first of the `-index-headers.html` page, the `-index.htm` / `-index.html`
    /// page and the full submission `.txt` that the folder holds and that decodes with at least one
    /// typed document (one that does not is passed over for the next), else the documents'
    /// conventional file names (`ExhibitFileName`; documents whose name implies no type are left out).
    ///
    /// - Throws: `PipelineError` (stage `source`) when a file cannot be read.
    func typedDocuments(
        accession: AccessionNumber
    ) throws(PipelineError) -> (
        documents: [TypedDocument], source: DocumentTypeSource
    ) {
        let headers = "\(accession)-index-headers.html"
        if let bytes = try contents(of: headers),
            let submission = try? IndexHeadersPage.read(bytes, source: location(of: headers))
        {
            let typed = Self.typed(submission)
            if !typed.isEmpty { return (typed, .indexHeaders) }
        }
        for page in ["\(accession)-index.htm", "\(accession)-index.html"] {
            guard let bytes = try contents(of: page),
                let decoded = try? FilingIndexPage.decode(Data(bytes), source: location(of: page))
            else { continue }
            let typed = decoded.documents.filter { !$0.type.isEmpty }.map {
                TypedDocument(fileName: $0.fileName, type: $0.type)
            }
            if !typed.isEmpty { return (typed, .indexPage) }
        }
        let full = "\(accession).txt"
        if let bytes = try contents(of: full),
            let submission = try? SGMLSubmissionReader(readsXBRL: false).read(bytes, source: location(of: full))
        {
            let typed = Self.typed(submission)
            if !typed.isEmpty { return (typed, .fullSubmission) }
        }
        let guessed = try documentNames().compactMap { name in
            ExhibitFileName.exhibitType(of: name).map { TypedDocument(fileName: name, type: $0) }
        }
        return (guessed, .fileName)
    }

    /// The documents of a submission that have both a file name and a type.
    static func typed(_ submission: FullSubmission) -> [TypedDocument] {
        submission.documents.compactMap { document in
            guard let name = document.filename, let type = document.type, !type.isEmpty else { return nil }
            return TypedDocument(fileName: name, type: type)
        }
    }
}
