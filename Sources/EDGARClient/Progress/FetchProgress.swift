import Foundation

/// Counts of a `vectordb fetch` run and their rendering, as a pure value: the caller supplies the
/// elapsed time, so tests need no clock.
public struct FetchProgress: Sendable, Hashable {
    /// Filings selected for this run.
    public let filingsTotal: Int
    public private(set) var fetched = 0
    public private(set) var fromCache = 0
    public private(set) var failed = 0
    /// Documents downloaded in this run.
    public private(set) var documentsFetched = 0
    /// Raw (decompressed) bytes downloaded in this run.
    public private(set) var bytesFetched = 0

    public init(filingsTotal: Int) { self.filingsTotal = max(0, filingsTotal) }

    /// Filings finished, whatever the outcome.
    public var filingsDone: Int { fetched + fromCache + failed }

    public mutating func record(_ outcome: FilingFetchOutcome) {
        switch outcome {
        case .fetched(let documents, let bytes):
            fetched += 1
            documentsFetched += documents
            bytesFetched += bytes
        case .fromCache: fromCache += 1
        case .failed: failed += 1
        }
    }

    /// Filings per second over `elapsed`; 0 before any time has passed.
    public func filingsPerSecond(elapsed: Duration) -> Double {
        let seconds = Self.seconds(elapsed)
        return seconds > 0 ? Double(filingsDone) / seconds : 0
    }

    /// Time left at the rate so far; `nil` until a filing finished or when done.
    public func estimatedRemaining(elapsed: Duration) -> Duration? {
        let rate = filingsPerSecond(elapsed: elapsed)
        let left = filingsTotal - filingsDone
        guard rate > 0, left > 0 else { return nil }
        return .milliseconds(Int64((Double(left) / rate * 1000).rounded()))
    }

    /// One status line: `[#####.....] 12/40 filings  3.4 MB  1.2 filings/s  410 KB/s  ETA 0:23`.
    ///
    /// - Parameter barWidth: characters inside the brackets.
    public func line(elapsed: Duration, barWidth: Int = 20) -> String {
        let width = max(1, barWidth)
        let filled = filingsTotal == 0 ? width : min(width, filingsDone * width / filingsTotal)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let seconds = Self.seconds(elapsed)
        let bytesPerSecond = seconds > 0 ? Double(bytesFetched) / seconds : 0
        let eta = estimatedRemaining(elapsed: elapsed).map { Self.clock($0) } ?? "--:--"
        return "[\(bar)] \(filingsDone)/\(filingsTotal) filings  \(Self.bytes(Double(bytesFetched)))  "
            + String(format: "%.1f filings/s  ", filingsPerSecond(elapsed: elapsed))
            + "\(Self.bytes(bytesPerSecond))/s  ETA \(eta)"
            + (failed > 0 ? "  \(failed) failed" : "")
    }

    /// `512 B`, `3.4 KB`, `12.0 MB` (powers of 1024).
    public static func bytes(_ count: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = max(0, count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(Int(value)) B" : String(format: "%.1f", value) + " " + units[unit]
    }

    /// `m:ss`, or `h:mm:ss` from one hour.
    public static func clock(_ duration: Duration) -> String {
        let total = max(0, Int(duration.components.seconds))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    /// A duration in seconds, as a `Double`.
    public static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
