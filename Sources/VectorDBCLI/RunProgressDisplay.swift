import Foundation
import Logging
import Pipeline

/// `vectordb run`'s progress on stderr: on a terminal one updating line (filings done of total,
/// ingested / skipped / failed, chunks written, filings per second, ETA, the current filing);
/// otherwise one log record per event (`progress`, the event's fields as metadata, in the
/// `--log-format` of every other log line), or bare JSON objects with `--progress json`.
actor RunProgressDisplay: RunProgressObserver {
    /// `--progress`: how progress is shown.
    enum Style: String, CaseIterable, Sendable {
        /// A live line on a terminal, log records otherwise.
        case auto
        case line
        case log
        case json
        case none

        /// `auto` resolved against whether stderr is a terminal.
        var resolved: Style { self == .auto ? (ProgressDisplay.stderrIsTerminal ? .line : .log) : self }
    }

    private let style: Style
    private var drewLine = false
    private let logger = Logger(label: "vectordb.run.progress")

    init(style: Style) { self.style = style.resolved }

    func record(_ event: RunProgressEvent) {
        switch style {
        case .log:
            logger.info("progress", metadata: Self.metadata(event))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? encoder.encode(event) else { return }
            FileHandle.standardError.write(data + Data("\n".utf8))
        case .line, .auto:
            if event.kind == .finished {
                if drewLine { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
                return
            }
            FileHandle.standardError.write(Data("\r\u{1B}[K\(Self.line(event))".utf8))
            drewLine = true
        case .none:
            return
        }
    }

    /// An event's fields as log metadata (absent fields left out).
    static func metadata(_ event: RunProgressEvent) -> Logger.Metadata {
        var metadata: Logger.Metadata = [
            "kind": "\(event.kind.rawValue)", "filingsTotal": "\(event.filingsTotal)",
            "filingsDone": "\(event.filingsDone)", "filingsIngested": "\(event.filingsIngested)",
            "filingsSkipped": "\(event.filingsSkipped)", "filingsFailed": "\(event.filingsFailed)",
            "chunksWritten": "\(event.chunksWritten)", "elapsedMs": "\(event.elapsedMs)",
        ]
        if let accession = event.accession { metadata["accession"] = "\(accession)" }
        if let outcome = event.outcome { metadata["outcome"] = "\(outcome.rawValue)" }
        if let reason = event.reason { metadata["reason"] = "\(reason)" }
        return metadata
    }

    /// The live line of an event.
    static func line(_ event: RunProgressEvent) -> String {
        let seconds = Double(event.elapsedMs) / 1_000
        let rate = seconds > 0 ? Double(event.filingsDone) / seconds : 0
        let remaining = event.filingsTotal - event.filingsDone
        let eta = rate > 0 ? " ETA \(Self.clock(Double(remaining) / rate))" : ""
        let current = event.accession.map { " | \($0) \(event.form ?? "") \(event.company ?? "")" } ?? ""
        return "filings \(event.filingsDone)/\(event.filingsTotal): \(event.filingsIngested) ingested, "
            + "\(event.filingsSkipped) skipped, \(event.filingsFailed) failed; \(event.chunksWritten) chunks; "
            + String(format: "%.1f filings/s", rate) + eta + current
    }

    /// `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return "\(whole / 60):" + String(format: "%02d", whole % 60)
    }
}
