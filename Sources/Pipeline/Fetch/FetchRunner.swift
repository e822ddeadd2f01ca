import EDGARClient
import Foundation
import Logging
import SECModel

/// Watches a fetch as it goes (`vectordb fetch` draws a progress line on a terminal).
public protocol FetchProgressObserver: Sendable {
    func started(filingsTotal: Int) async
    func recorded(_ outcome: FilingFetchOutcome) async
    func finished() async
}

/// Resolves what a `FetchPlan` selects (tickers, submissions or daily indexes), then fetches it.
public struct FetchRunner: Sendable {
    public let fetcher: EDGARFetcher<ContinuousClock>
    public let plan: FetchPlan
    public let observer: (any FetchProgressObserver)?
    let logger: Logger

    public init(
        fetcher: EDGARFetcher<ContinuousClock>,
        plan: FetchPlan,
        observer: (any FetchProgressObserver)? = nil,
        logger: Logger = Logger(label: "vectordb.fetch")
    ) {
        self.fetcher = fetcher
        self.plan = plan
        self.observer = observer
        self.logger = logger
    }

    /// - Throws: `EDGARError` when selection fails (an unknown ticker, an unreachable submissions
    ///   document); failures of single filings are reported in the summary instead.
    public func run() async throws(EDGARError) -> FetchSummary {
        let started = ContinuousClock.now
        var ciks = plan.ciks
        for ticker in plan.tickers {
            let cik = try await fetcher.resolveTicker(ticker)
            logger.info("resolved ticker", metadata: ["ticker": "\(ticker)", "cik": "\(cik)"])
            ciks.append(cik)
        }
        let criteria = try plan.criteria(ciks: Set(ciks))
        var candidates: [FilingCandidate] = []
        var daysWithoutIndex: [EDGARDate] = []
        if let daily = plan.daily {
            let walk = try await fetcher.candidates(daily: daily, criteria: criteria)
            candidates = walk.candidates
            daysWithoutIndex = walk.daysWithoutIndex
        } else {
            var seen: Set<CIK> = []
            for cik in ciks where seen.insert(cik).inserted {
                candidates += try await fetcher.candidates(cik: cik, criteria: criteria)
            }
        }
        let selected = criteria.select(candidates)
        logger.info("selected filings", metadata: ["count": "\(selected.count)"])
        let observer = self.observer
        await observer?.started(filingsTotal: selected.count)
        let results = await fetcher.fetchAll(selected, concurrency: plan.concurrency) { _, outcome in
            await observer?.recorded(outcome)
        }
        await observer?.finished()
        var progress = FetchProgress(filingsTotal: selected.count)
        for (_, outcome) in results { progress.record(outcome) }
        let failures: [(FilingCandidate, EDGARError)] = results.compactMap { candidate, outcome in
            if case .failed(let error) = outcome { return (candidate, error) }
            return nil
        }
        return FetchSummary(
            progress: progress,
            failures: failures,
            daysWithoutIndex: daysWithoutIndex,
            requests: await fetcher.client.gate.grantCount,
            coolDowns: await fetcher.client.gate.coolDownCount,
            elapsed: ContinuousClock.now - started
        )
    }
}
