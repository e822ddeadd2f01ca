import Foundation
import PipelineConfig
import SECModel

/// The source a pipeline's `[source]` table describes: `edgar-cache` (the raw cache `vectordb fetch`
/// fills) or `edgar-archive` (an EDGAR-shaped directory), narrowed to its forms and CIKs, ingesting
/// the documents its `documents` selects.
public func makeFilingSource(_ settings: PipelineDefinition.SourceSettings) -> any FilingSource {
    let forms = Set(settings.forms.map { FormType($0) })
    let ciks = Set(settings.ciks.compactMap { CIK(value: UInt64($0)) })
    return settings.kind == "edgar-cache"
        ? EDGARCacheSource(root: settings.root, forms: forms, ciks: ciks, documents: settings.documents)
        : EDGARArchiveSource(root: settings.root, forms: forms, ciks: ciks, documents: settings.documents)
}

extension FilingSource {
    /// The filing and document at `path`, when the source selects a document there (the primary
    /// document or an exhibit of a filing folder): its metadata and type are what `vectordb run`
    /// ingests the file with. Only filings whose primary document is in the same folder are read.
    ///
    /// - Throws: `PipelineError` from listing the source or reading that filing's documents.
    public func document(
        at path: String
    ) async throws(PipelineError) -> (filing: SourceFiling, document: SourceDocument)? {
        let wanted = Self.normalized(path)
        let folder = URL(fileURLWithPath: wanted).deletingLastPathComponent().path
        for filing in try await filings()
        where URL(fileURLWithPath: Self.normalized(filing.location)).deletingLastPathComponent().path == folder {
            if let document = try await documents(of: filing).first(where: { Self.normalized($0.location) == wanted }) {
                return (filing, document)
            }
        }
        return nil
    }

    private static func normalized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
