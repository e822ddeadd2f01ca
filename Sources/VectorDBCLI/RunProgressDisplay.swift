import Foundation
import Pipeline

/// `vectordb run`'s progress on stderr: on a terminal one updating line (filings done of total,
/// ingested / skipped / failed, chunks written, filings per second, ETA, the current filing);
/// otherwise one JSON object per event (`RunProgressEvent`), for logs and CI.
actor RunProgressDisplay: RunProgressObserver {
    /// `--progress`: how progress is shown.
    enum Style: String, CaseIterable, Sendable {
        /// A live line on a terminal, JSON lines otherwise.
        case auto
        case line
        case json
        case none

        /// `auto` resolved against whether stderr is a terminal.
        var resolved: Style { self == .auto ? (ProgressDisplay.stderrIsTerminal ? .line : .json) : self }
    }

    private let style: Style
    private var drewLine = false

    init(style: Style) { self.style = style.resolved }

    func record(_ event: RunProgressEvent) {
        switch style {
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
