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
    /// The filing whose primary document is the file at `path`, when the source lists one: its
    /// metadata is what `vectordb run` ingests the file with.
    ///
    /// - Throws: `PipelineError` from listing the source.
    public func filing(at path: String) async throws(PipelineError) -> SourceFiling? {
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        return try await filings().first {
            URL(fileURLWithPath: $0.location).standardizedFileURL.resolvingSymlinksInPath().path == wanted
        }
    }
}
