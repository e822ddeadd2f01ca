extension LocalCollection {
    /// The background scrub: waits a 24th of `interval`, then verifies the segment scrubbed
    /// longest ago (or never) whose last scrub is older than `interval`, pausing after each as
    /// long as its bytes take at `compactionBytesPerSecond` (at least a second), and sleeps until
    /// the next one is due. Ends when the collection closes, or when it finds damage: that is
    /// logged and kept in `failure`, which refuses later writes (searches reading the damaged
    /// block fail on their own).
    func scrubInBackground(every interval: Duration) async {
        defer { scrubbing = nil }
        var pause = interval / 24
        while !Task.isCancelled, !isClosed {
            do {
                try await maintenanceClock.sleep(pause)
            } catch {
                return
            }
            let now = maintenanceClock.now()
            let due = segments.map { segment in (segment, scrubbedAt[segment.fileNumber]) }
                .filter { $0.1.map { now - $0 >= interval } ?? true }
                .min { ($0.1 ?? .zero) < ($1.1 ?? .zero) }
            guard let (segment, _) = due else {
                let oldest = segments.compactMap { scrubbedAt[$0.fileNumber] }.min() ?? now
                pause = max(.seconds(1), oldest + interval - now)
                continue
            }
            do {
                try await Self.offload { () throws(StoreError) in try segment.verify() }
            } catch {
                failure = failure ?? error
                logger.error(
                    "background scrub found damage; writes are refused until the collection is repaired",
                    metadata: ["error": "\(error)"]
                )
                return
            }
            scrubbedAt[segment.fileNumber] = maintenanceClock.now()
            let live = Set(segments.map(\.fileNumber))
            scrubbedAt = scrubbedAt.filter { live.contains($0.key) }
            let budget = options.compactionBytesPerSecond
            pause = max(.seconds(1), .seconds(budget == 0 ? 0 : Double(segment.fileBytes) / Double(budget)))
        }
    }
}
