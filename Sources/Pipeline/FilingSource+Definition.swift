import EDGARClient
import Foundation
import PipelineConfig
import SECModel

/// The source a pipeline's `[source]` table describes: `edgar` (EDGAR itself, through a client of
/// its own: `EDGARFilingSource`), `edgar-cache` (the raw cache `vectordb fetch` fills) or
/// `edgar-archive` (an EDGAR-shaped directory) or `directory` (a plain folder of downloaded filings,
/// `DirectorySource`), narrowed to its forms and CIKs, ingesting the
/// documents its `documents` selects. Nothing is requested here.
///
/// - Parameters:
///   - file: the pipeline file, named in errors.
///   - dataRoot: the data directory (the `edgar` kind's raw cache defaults to `<dataRoot>/edgar-cache`).
///   - daily: for `edgar`, the days of a daily-index walk overriding the file's (a scheduler tick).
///   - now: the current time, for `edgar`'s default dates (EDGAR's today).
/// - Throws: `PipelineError` (stage `source`, *bad input*) for `edgar` settings the EDGAR client
///   rejects or a missing User-Agent (`FetchPlan.init(source:…)`).
public func makeFilingSource(
    _ settings: PipelineDefinition.SourceSettings,
    file: String = "",
    dataRoot: URL,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    daily: DailyRange? = nil,
    now: Date = Date()
) throws(PipelineError) -> any FilingSource {
    let forms = Set(settings.forms.map { FormType($0) })
    let ciks = Set(settings.ciks.compactMap { CIK(value: UInt64($0)) })
    let root = settings.root ?? dataRoot.appendingPathComponent("edgar-cache")
    switch settings.kind {
    case "edgar":
        let plan = try FetchPlan(
            source: settings,
            file: file,
            dataRoot: dataRoot,
            environment: environment,
            daily: daily,
            today: EDGARCalendar.day(of: now)
        )
        return EDGARFilingSource(plan: plan, documents: settings.documents)
    case "edgar-cache":
        return EDGARCacheSource(root: root, forms: forms, ciks: ciks, documents: settings.documents)
    case "directory":
        return DirectorySource(root: root, forms: forms, ciks: ciks, documents: settings.documents)
    default:
        return EDGARArchiveSource(root: root, forms: forms, ciks: ciks, documents: settings.documents)
    }
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
