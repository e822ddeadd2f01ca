import AsyncAlgorithms
import Foundation

extension PipelineRunner {
    /// Runs `filings` through the two stages, overlapped: a child task reads, decides, parses and
    /// chunks filing *n + 1* (`stage`) while this task embeds, writes and records filing *n*
    /// (`complete`). They meet in an `AsyncThrowingChannel`, which holds no element — a send waits
    /// for its receive — so at most one staged filing waits between them (backpressure: parsing
    /// never runs ahead of embedding by more than a filing, and memory stays bounded). The second
    /// stage takes filings in the source's order, so the ledger sees the same sequence as a serial
    /// run. Cancellation is checked between filings in both stages.
    ///
    /// - Throws: the first `PipelineError` either stage throws (the other stage is cancelled);
    ///   `PipelineError` (stage `source`, `unavailable`) when the run is cancelled.
    func runStages(
        _ filings: [SourceFiling],
        settingsHash: String,
        options: RunOptions,
        report: inout RunReport,
        progress: (any RunProgressObserver)?,
        started: ContinuousClock.Instant
    ) async throws(PipelineError) {
        let channel = AsyncThrowingChannel<StagedFiling, any Error>()
        var completed = report
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    do {
                        for filing in filings {
                            try Task.checkCancellation()
                            await channel.send(try await stage(filing, settingsHash: settingsHash, options: options))
                        }
                        channel.finish()
                    } catch {
                        channel.fail(error)
                    }
                }
                var written = 0
                var done = 0
                for try await staged in channel {
                    try Task.checkCancellation()
                    let before = completed
                    try await complete(
                        staged,
                        settingsHash: settingsHash,
                        options: options,
                        written: &written,
                        report: &completed
                    )
                    done += 1
                    if let progress {
                        await progress.record(
                            Self.filingEvent(
                                staged,
                                total: filings.count,
                                done: done,
                                before: before,
                                after: completed,
                                started: started
                            )
                        )
                    }
                }
                try await group.waitForAll()
            }
        } catch let error as PipelineError {
            report = completed
            throw error
        } catch {
            report = completed
            throw PipelineError(stage: .source, subject: nil, category: .unavailable, message: "run cancelled")
        }
        report = completed
    }

    /// The progress event of a completed filing.
    static func filingEvent(
        _ staged: StagedFiling,
        total: Int,
        done: Int,
        before: RunReport,
        after: RunReport,
        started: ContinuousClock.Instant
    ) -> RunProgressEvent {
        var event = RunProgressEvent(
            kind: .filing,
            filingsTotal: total,
            filingsDone: done,
            report: after,
            elapsedMs: milliseconds(since: started)
        )
        event.accession = staged.filing.metadata.accession.description
        event.company = staged.filing.metadata.companyName
        event.form = staged.filing.metadata.form.rawValue
        (event.outcome, event.reason) = outcome(before: before, after: after)
        return event
    }
}
