import FilingParser
import Foundation
import PipelineConfig
import SECModel

/// A `FilingSource` over a plain folder of filings a user already downloaded (`[source] kind =
/// "directory"`), in any layout: every `.htm`/`.html` file below `root` is a filing's primary
/// document, every `.txt` that is a full submission (`{accession}.txt`) a whole filing.
///
/// Metadata comes from the files themselves: a full submission's SEC header (accession, form,
/// filing date, period, filer and CIK); an HTML document's inline XBRL cover facts (filer, CIK,
/// form, period, ticker), else the form and period its cover page states
/// (`ChunkFilingMetadata`), an accession number found in its path, else a local one derived from
/// the path (`9999` + digits of its SHA-256: stable, and never an EDGAR number). A full submission
/// yields its selected exhibits too; an HTML file is its filing's only document. Citations point at
/// the EDGAR URL of a full submission's documents and at the local path of an HTML file. Files
/// are read in path order; hidden files and other extensions are skipped, and so is a `.txt` that
/// is not a submission. A document that cannot be parsed is still offered (with placeholder
/// metadata), so the run records it as failed with its reason instead of losing it silently.
public struct DirectorySource: FilingSource {
    public let root: URL
    public let forms: Set<FormType>
    public let ciks: Set<CIK>
    public let documentSelection: DocumentSelection
    /// Bytes read from one file at most.
    public let maxInputBytes: Int

    public init(
        root: URL,
        forms: Set<FormType> = [],
        ciks: Set<CIK> = [],
        documents: DocumentSelection = .default,
        maxInputBytes: Int = HTMLFilingParser().maxInputBytes
    ) {
        self.root = root
        self.forms = forms
        self.ciks = ciks
        self.documentSelection = documents
        self.maxInputBytes = maxInputBytes
    }

    public func filings() async throws(PipelineError) -> [SourceFiling] {
        var result: [SourceFiling] = []
        for path in try files() {
            guard let filing = try filing(at: path) else { continue }
            if !forms.isEmpty, !forms.contains(filing.metadata.form) { continue }
            if !ciks.isEmpty, !ciks.contains(filing.metadata.cik) { continue }
            result.append(filing)
        }
        return result
    }

    public func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument] {
        let bytes = try read(filing.location)
        let reader = FilingDocumentReader(selection: documentSelection)
        if filing.isFullSubmission {
            return try reader.documents(inSubmission: bytes, location: filing.location, filing: filing.metadata)
        }
        guard documentSelection.includesPrimary else { return [] }
        return [
            SourceDocument(
                type: filing.metadata.form.rawValue,
                fileName: filing.metadata.primaryDocument,
                isPrimary: true,
                typeSource: .form,
                location: filing.location,
                sourceURL: filing.metadata.sourceURL,
                bytes: bytes
            )
        ]
    }

    /// The `.htm`, `.html` and `.txt` files below `root`, sorted by path.
    func files() throws(PipelineError) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            throw PipelineError(
                stage: .source,
                subject: root.path,
                category: .notFound,
                message: "cannot list the directory"
            )
        }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard !name.hasPrefix("."), !relative.contains("/.") else { continue }
            let suffix = (name as NSString).pathExtension.lowercased()
            guard ["htm", "html", "txt"].contains(suffix) else { continue }
            paths.append(root.appendingPathComponent(relative).path)
        }
        return paths.sorted()
    }

    func read(_ path: String) throws(PipelineError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError(stage: .source, subject: path, category: .notFound, message: "cannot read the file")
        }
        return [UInt8](data.prefix(maxInputBytes + 1))
    }
}
