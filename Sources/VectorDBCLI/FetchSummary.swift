import EDGARClient
import Foundation
import SECModel

/// The final report of `vectordb fetch`, printed on stdout.
struct FetchSummary {
    var progress: FetchProgress
    var failures: [(FilingCandidate, EDGARError)]
    var daysWithoutIndex: [EDGARDate]
    /// Requests granted by the fair-access gate (retries included).
    var requests: Int
    var coolDowns: Int
    var elapsed: Duration

    /// `fetched N (D documents, B bytes), from cache C, failed F, of S selected; …`, then one line per
    /// failure with its reason and one line listing days without a daily index.
    func lines(cacheRoot: String) -> [String] {
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
