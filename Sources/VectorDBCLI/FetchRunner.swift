import EDGARClient
import Foundation
import Logging
import SECModel

/// Resolves what `vectordb fetch` should download, then fetches it with progress on a terminal.
struct FetchRunner {
    let fetcher: EDGARFetcher<ContinuousClock>
    let plan: FetchPlan
    let logger: Logger

    /// - Throws: `EDGARError` when selection fails (an unknown ticker, an unreachable submissions
    ///   document); failures of single filings are reported in the summary instead.
    func run() async throws(EDGARError) -> FetchSummary {
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
        let display = ProgressDisplay(filingsTotal: selected.count, enabled: ProgressDisplay.stderrIsTerminal)
        await display.start()
        let results = await fetcher.fetchAll(selected, concurrency: plan.concurrency) { _, outcome in
            await display.record(outcome)
        }
        let progress = await display.finish()
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
