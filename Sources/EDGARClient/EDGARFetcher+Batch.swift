extension EDGARFetcher {
    /// Concurrent fetches at most; the rate limiter, not this number, bounds requests per second.
    public static var concurrencyMax: Int { 16 }

    /// Fetches every candidate into the cache, `concurrency` filings at a time, all sharing the
    /// client's fair-access gate.
    ///
    /// - Parameters:
    ///   - concurrency: filings in flight, clamped to `1...concurrencyMax`.
    ///   - onOutcome: called once per filing as it finishes (in completion order).
    /// - Returns: every candidate with its outcome, in the order given.
    public func fetchAll(
        _ candidates: [FilingCandidate],
        concurrency: Int,
        onOutcome: @escaping @Sendable (FilingCandidate, FilingFetchOutcome) async -> Void
    ) async -> [(FilingCandidate, FilingFetchOutcome)] {
        let width = max(1, min(concurrency, Self.concurrencyMax))
        var outcomes = [FilingFetchOutcome?](repeating: nil, count: candidates.count)
        await withTaskGroup(of: (Int, FilingFetchOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < candidates.count else { return }
                let index = next
                let candidate = candidates[index]
                next += 1
                group.addTask {
                    let outcome = await fetchFiling(
                        cik: candidate.cik,
                        accession: candidate.accession,
                        primaryDocument: candidate.primaryDocument
                    )
                    await onOutcome(candidate, outcome)
                    return (index, outcome)
                }
            }
            for _ in 0..<width { startNext() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                startNext()
            }
        }
        return zip(candidates, outcomes).map { candidate, outcome in
            (
                candidate,
                outcome ?? .failed(EDGARError(code: .cancelled, source: "\(candidate.accession)", message: "not run"))
            )
        }
    }
}
