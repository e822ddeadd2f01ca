import EDGARClient
import Foundation
import Pipeline

#if canImport(Glibc)
import Glibc
#endif

/// The one updating progress line of `vectordb fetch` on stderr; silent when stderr is not a terminal.
actor ProgressDisplay: FetchProgressObserver {
    /// Shortest interval between two redraws.
    static let redrawInterval: Duration = .milliseconds(100)

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    private var progress: FetchProgress
    private let enabled: Bool
    private let started = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?
    private var ticker: Task<Void, Never>?

    init(enabled: Bool) {
        self.progress = FetchProgress(filingsTotal: 0)
        self.enabled = enabled
    }

    /// Draws the first line and refreshes it every second (so rate and ETA move during long waits).
    func started(filingsTotal: Int) {
        progress = FetchProgress(filingsTotal: filingsTotal)
        guard enabled else { return }
        draw(force: true)
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                await self?.draw(force: true)
            }
        }
    }

    func recorded(_ outcome: FilingFetchOutcome) {
        progress.record(outcome)
        draw(force: false)
    }

    /// Stops refreshing and clears the line.
    func finished() {
        ticker?.cancel()
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
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
