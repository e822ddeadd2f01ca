import Foundation
import Logging
import ServiceLifecycle

/// Hears a scheduler's ticks (`vectordb schedule` prints a line per tick).
public protocol ScheduleObserver: Sendable {
    /// A tick finished; `report` is `nil` when it failed with `error`.
    func tickFinished(at instant: Date, report: TickReport?, error: PipelineError?) async
    /// The scheduler sleeps until `instant`, its next tick.
    func sleeping(until instant: Date) async
}

/// `vectordb schedule` as a `Service`: sleeps on the injected `ScheduleClock` until the cron's next
/// instant, runs the tick, and repeats. A graceful shutdown (SIGTERM in a `ServiceGroup`) wakes a
/// sleeping scheduler at once; a tick under way finishes the filings in flight and stops
/// (`StopSignal`, `StoppingFilingSource`), leaving its state unrecorded so the next start walks the
/// same days (the ledger skips what was ingested).
///
/// A tick that fails with an error a retry may help (EDGAR unreachable, throttled, a busy store) is
/// reported and the scheduler waits for the next instant; any other failure ends `run()` with it.
public struct ScheduleService: Service {
    public let tick: ScheduledTick
    public let clock: any ScheduleClock
    public let observer: (any ScheduleObserver)?
    let stop = StopSignal()
    let logger: Logger

    public init(
        tick: ScheduledTick,
        clock: any ScheduleClock = SystemScheduleClock(),
        observer: (any ScheduleObserver)? = nil,
        logger: Logger = Logger(label: "vectordb.schedule")
    ) {
        self.tick = tick
        self.clock = clock
        self.observer = observer
        self.logger = logger
    }

    public func run() async throws {
        let stop = self.stop
        try await withGracefulShutdownHandler {
            try await loop()
        } onGracefulShutdown: {
            stop.request()
        }
    }

    private func loop() async throws {
        while !stop.isRequested {
            guard let instant = tick.machine.nextTick(after: clock.now) else { return }
            await observer?.sleeping(until: instant)
            let clock = self.clock
            do {
                try await cancelWhenGracefulShutdown { try await clock.sleep(until: instant) }
            } catch {
                if stop.isRequested || Task.isCancelled { return }
                throw error
            }
            guard !stop.isRequested else { return }
            let started = clock.now
            do {
                let report = try await tick.run(at: started, stop: stop)
                logger.info("tick finished", metadata: ["summary": "\(report.line)"])
                await observer?.tickFinished(at: started, report: report, error: nil)
            } catch {
                await observer?.tickFinished(at: started, report: nil, error: error)
                if stop.isRequested { return }
                guard error.category.retryMayHelp else { throw error }
                logger.warning("tick failed; waiting for the next one", metadata: ["error": "\(error)"])
            }
        }
    }
}
