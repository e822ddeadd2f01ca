import EDGARClient
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The one updating progress line of `vectordb fetch` on stderr; silent when stderr is not a terminal.
actor ProgressDisplay {
    /// Shortest interval between two redraws.
    static let redrawInterval: Duration = .milliseconds(100)

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private var progress: FetchProgress
    private let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var ticker: Task<Void, Never>?

    init(filingsTotal: Int, enabled: Bool) {
        self.progress = FetchProgress(filingsTotal: filingsTotal)
        self.enabled = enabled
    }

    /// Draws the first line and refreshes it every second (so rate and ETA move during long waits).
    func start() {
        guard enabled else { return }
        draw(force: true)
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                await self?.draw(force: true)
            }
        }
    }

    func record(_ outcome: FilingFetchOutcome) {
        progress.record(outcome)
        draw(force: false)
    }

    /// Stops refreshing, clears the line and returns the final counts.
    func finish() -> FetchProgress {
        ticker?.cancel()
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        return progress
    }

    private func draw(force: Bool) {
        guard enabled else { return }
        let now = ContinuousClock.now
        if !force, let lastDraw, now - lastDraw < Self.redrawInterval { return }
        lastDraw = now
        let line = progress.line(elapsed: now - started)
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }
}
