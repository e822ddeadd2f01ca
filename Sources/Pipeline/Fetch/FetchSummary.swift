import EDGARClient
import Foundation
import SECModel

/// The final report of a fetch (`vectordb fetch` prints its `lines` on stdout).
public struct FetchSummary: Sendable {
    public var progress: FetchProgress
    public var failures: [(FilingCandidate, EDGARError)]
    public var daysWithoutIndex: [EDGARDate]
    /// Requests granted by the fair-access gate (retries included).
    public var requests: Int
    public var coolDowns: Int
    public var elapsed: Duration

    /// `fetched N (D documents, B bytes), from cache C, failed F, of S selected; …`, then one line per
    /// failure with its reason and one line listing days without a daily index.
    public func lines(cacheRoot: String) -> [String] {
        let seconds = String(format: "%.2f", FetchProgress.seconds(elapsed))
        var lines = [
            "fetched \(progress.fetched) (\(progress.documentsFetched) documents, \(progress.bytesFetched) bytes), "
                + "from cache \(progress.fromCache), failed \(progress.failed), of \(progress.filingsTotal) selected; "
                + "\(requests) requests, \(coolDowns) cool-downs, \(seconds) s; cache \(cacheRoot)"
        ]
        for (candidate, error) in failures {
            lines.append(
                "failed \(candidate.accession) (\(candidate.form), CIK \(candidate.cik), filed \(candidate.filingDate)): "
                    + error.description
            )
        }
        if !daysWithoutIndex.isEmpty {
            lines.append(
                "no daily index (holiday or not published): "
                    + daysWithoutIndex.map(\.description).joined(separator: ", ")
            )
        }
        return lines
    }
}
