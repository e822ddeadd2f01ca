import EDGARClient
import Foundation
import Logging
import PipelineConfig
import SECModel
import Synchronization

/// A `FilingSource` that fetches from EDGAR (`[source] kind = "edgar"`): it selects filings as
/// `vectordb fetch` does — the filers' submissions (`tickers`, `ciks`), or the daily form indexes of
/// a range of days — and fetches each filing's selected documents into the raw cache as the run
/// reaches it (`EDGARFilingSource+Fetch`), under the client's fair-access gate. A filing already in
/// the cache is not requested again, so a re-run sends only the revalidation requests of the
/// ticker list, submissions and indexes (answered 304 when unchanged) and the ledger skips what it
/// ingested.
///
/// Each filing's metadata (filer name, tickers, period, primary document) comes from its filer's
/// submissions; a filing a daily index lists that the submissions do not know is offered with the
/// index row's name and no tickers, its primary document guessed from the folder listing.
public struct EDGARFilingSource: FilingSource {
    public let fetcher: EDGARFetcher<ContinuousClock>
    public let plan: FetchPlan
    public let documentSelection: DocumentSelection
    let logger: Logger
    private let walkBox = WalkBox()

    /// - Parameter fetcher: shares its client (and so its rate limit) with every other user.
    public init(
        plan: FetchPlan,
        fetcher: EDGARFetcher<ContinuousClock>,
        documents: DocumentSelection,
        logger: Logger = Logger(label: "vectordb.edgar")
    ) {
        self.plan = plan
        self.fetcher = fetcher
        self.documentSelection = documents
        self.logger = logger
    }

    /// A source with a client and raw cache of its own (`plan.cacheRoot`).
    public init(plan: FetchPlan, documents: DocumentSelection, logger: Logger = Logger(label: "vectordb.edgar")) {
        let client = EDGARHTTPClient(configuration: plan.configuration, logger: logger)
        let cache = RawFilingCache(
            root: plan.cacheRoot,
            rawBytesMax: max(plan.configuration.bodyBytesMax, RawFilingCache(root: plan.cacheRoot).rawBytesMax)
        )
        self.init(plan: plan, fetcher: EDGARFetcher(client: client, cache: cache), documents: documents, logger: logger)
    }

    /// What the last `filings()` learnt from the daily indexes: the days read and the days without
    /// an index; `nil` before it, or when the source reads submissions.
    public var lastWalk: EDGARFetcher<ContinuousClock>.DailyWalk? { walkBox.walk.withLock { $0 } }

    /// Releases the HTTP client's connections; call once when done with the source.
    public func shutdown() async { await fetcher.client.shutdown() }

    public func filings() async throws(PipelineError) -> [SourceFiling] {
        do {
            var ciks = plan.ciks
            for ticker in plan.tickers { ciks.append(try await fetcher.resolveTicker(ticker)) }
            let criteria = try plan.criteria(ciks: Set(ciks))
            var candidates: [FilingCandidate] = []
            if let daily = plan.daily {
                let walk = try await fetcher.candidates(daily: daily, criteria: criteria)
                walkBox.walk.withLock { $0 = walk }
                candidates = walk.candidates
            } else {
                var seen: Set<CIK> = []
                for cik in ciks where seen.insert(cik).inserted {
                    candidates += try await fetcher.candidates(cik: cik, criteria: criteria)
                }
            }
            let selected = criteria.select(candidates)
            logger.info("selected filings", metadata: ["count": "\(selected.count)"])
            var filers: [CIK: Filer] = [:]
            var result: [SourceFiling] = []
            for candidate in selected {
                if filers[candidate.cik] == nil { filers[candidate.cik] = try await filer(candidate.cik) }
                result.append(filing(candidate, filer: filers[candidate.cik]))
            }
            return result
        } catch {
            throw PipelineError(stage: .source, subject: plan.configuration.dataBaseURL, wrapping: error)
        }
    }

    public func documents(of filing: SourceFiling) async throws(PipelineError) -> [SourceDocument] {
        let fetched = try await fetch(filing)
        let cached = EDGARCacheSource(root: fetcher.cache.root, documents: documentSelection)
        return try await cached.documents(of: fetched)
    }

    /// A filer's submissions and its recent filings by accession number.
    private struct Filer {
        var response: SubmissionsResponse?
        var records: [AccessionNumber: SubmissionRecord]
    }

    /// The filer's submissions: the copy the selection just revalidated, else fetched (revalidated);
    /// none when EDGAR has no submissions for the CIK (a daily index lists filings of every party).
    private func filer(_ cik: CIK) async throws(EDGARError) -> Filer {
        let key = "submissions/CIK\(cik.padded).json"
        let response: SubmissionsResponse
        if plan.daily == nil, let (bytes, _) = try fetcher.cache.loadResource(key) {
            response = try SubmissionsResponse.decode(Data(bytes), source: key)
        } else {
            do {
                response = try await fetcher.submissions(cik)
            } catch  where error.category == .notFound {
                logger.info("no submissions for a filer of the daily index", metadata: ["cik": "\(cik)"])
                return Filer(response: nil, records: [:])
            }
        }
        let records = try response.filings.recent.records(source: key)
        return Filer(
            response: response,
            records: Dictionary(records.map { ($0.accession, $0) }, uniquingKeysWith: { first, _ in first })
        )
    }

    /// The filing a candidate is, with its filer's metadata when the submissions list it.
    private func filing(_ candidate: FilingCandidate, filer: Filer?) -> SourceFiling {
        let endpoints = fetcher.endpoints
        if let response = filer?.response, let record = filer?.records[candidate.accession] {
            let metadata = FilingMetadata(response: response, record: record)
            let location = (try? endpoints.document(candidate.cik, candidate.accession, record.primaryDocument))
            return SourceFiling(
                metadata: metadata,
                location: location ?? endpoints.filingFolder(candidate.cik, candidate.accession),
                isFullSubmission: record.primaryDocument == "\(record.accession).txt"
            )
        }
        let metadata = FilingMetadata(
            cik: candidate.cik,
            companyName: filer?.response?.name ?? candidate.companyName ?? "CIK \(candidate.cik)",
            tickers: filer?.response?.tickers.map { $0.uppercased() } ?? [],
            form: candidate.form,
            accession: candidate.accession,
            filingDate: candidate.filingDate,
            reportDate: nil,
            primaryDocument: candidate.primaryDocument ?? "",
            sourceURL: FilingMetadata.archiveURL(cik: candidate.cik, accession: candidate.accession, fileName: "")
        )
        return SourceFiling(metadata: metadata, location: endpoints.filingFolder(candidate.cik, candidate.accession))
    }
}

/// The last daily walk of an `EDGARFilingSource`, shared by its copies.
private final class WalkBox: Sendable {
    let walk = Mutex<EDGARFetcher<ContinuousClock>.DailyWalk?>(nil)
}
