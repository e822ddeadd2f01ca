import Foundation
import SECModel

extension EDGARFetcher {
    /// The CIK of a ticker, from `company_tickers.json` (cached and revalidated).
    ///
    /// - Throws: `EDGARError.invalidInput` when the ticker is not listed; any error of the request.
    public func resolveTicker(_ ticker: String) async throws(EDGARError) -> CIK {
        let url = endpoints.companyTickers
        let bytes = try await revalidated(url: url, key: "files/company_tickers.json")
        let tickers = try CompanyTickers.decode(Data(bytes), source: url)
        guard let cik = tickers.cik(forTicker: ticker) else {
            throw EDGARError(code: .invalidInput, source: url, message: "ticker '\(ticker)' is not listed")
        }
        return cik
    }

    /// A filer's filings that match `criteria` (the limit not yet applied), from its submissions and
    /// the extra pages the date range needs.
    public func candidates(cik: CIK, criteria: FilingCriteria) async throws(EDGARError) -> [FilingCandidate] {
        let submissions = try await submissions(cik)
        let source = endpoints.submissions(cik)
        var found = try submissions.filings.recent.records(source: source).map { FilingCandidate(cik: cik, record: $0) }
            .filter(criteria.matches)
        for page in criteria.pagesNeeded(submissions.filings.files, recentMatches: found.count) {
            let url = try endpoints.submissionsPage(page.name)
            let bytes = try await revalidated(url: url, key: "submissions/\(page.name)")
            let records = try FilingColumns.decodePage(Data(bytes), source: url).records(source: url)
            found += records.map { FilingCandidate(cik: cik, record: $0) }.filter(criteria.matches)
        }
        return found
    }

    /// The result of walking daily form indexes.
    public struct DailyWalk: Sendable {
        /// Matching filings, in index order.
        public var candidates: [FilingCandidate]
        /// Business days that have no index (404, or 403 without a throttle page): holidays, or days
        /// not yet published.
        public var daysWithoutIndex: [EDGARDate]
        /// Business days whose index was read, in order.
        public var daysIndexed: [EDGARDate] = []
    }

    /// Walks the daily form indexes of `range` (business days only) and keeps the rows matching
    /// `criteria`.
    ///
    /// - Throws: any request error but 404 and a 403 without a throttle page, which mean "no index
    ///   that day".
    public func candidates(daily range: DailyRange, criteria: FilingCriteria) async throws(EDGARError) -> DailyWalk {
        var walk = DailyWalk(candidates: [], daysWithoutIndex: [])
        for day in range.businessDays {
            let url = try endpoints.dailyIndex(day)
            let key = String(url.dropFirst(endpoints.www.count + "/Archives/edgar/".count))
            let bytes: [UInt8]
            do {
                bytes = try await revalidated(url: url, key: key, forbiddenMeansAbsent: true)
            } catch  where error.code == .httpStatus && (error.status == 404 || error.status == 403) {
                walk.daysWithoutIndex.append(day)
                continue
            }
            walk.daysIndexed.append(day)
            let entries = try EDGARIndexFile.parse(Data(bytes), source: url)
            walk.candidates += entries.compactMap(FilingCandidate.init(entry:)).filter(criteria.matches)
        }
        return walk
    }
}
