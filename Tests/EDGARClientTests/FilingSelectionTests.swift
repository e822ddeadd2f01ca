import EDGARClient
import Foundation
import SECModel
import Testing

@Suite struct FilingCriteriaTests {
    static func candidate(
        _ accession: String,
        _ form: FormType,
        _ date: String,
        cik: String = "1999901"
    ) -> FilingCandidate {
        FilingCandidate(
            cik: CIK(cik)!,
            accession: AccessionNumber(accession)!,
            form: form,
            filingDate: EDGARDate(date)!,
            primaryDocument: nil
        )
    }

    @Test func formMatchesAmendmentsOnlyWhenAsked() throws {
        let plain = try FilingCriteria(forms: ["10-K"])
        #expect(plain.matches(form: "10-K"))
        #expect(!plain.matches(form: "10-K/A"))
        #expect(!plain.matches(form: "10-Q"))
        let amended = try FilingCriteria(forms: ["10-K"], includeAmendments: true)
        #expect(amended.matches(form: "10-K/A"))
        #expect(!amended.matches(form: "10-Q/A"))
        let explicit = try FilingCriteria(forms: ["10-K/A"])
        #expect(explicit.matches(form: "10-K/A"))
        #expect(!explicit.matches(form: "10-K"))
        #expect(try FilingCriteria().matches(form: "SC 13G/A"))
    }

    @Test func datesAreInclusive() throws {
        let criteria = try FilingCriteria(since: EDGARDate("2025-02-14"), until: EDGARDate("2025-02-21"))
        #expect(criteria.matches(date: EDGARDate("2025-02-14")!))
        #expect(criteria.matches(date: EDGARDate("2025-02-21")!))
        #expect(!criteria.matches(date: EDGARDate("2025-02-13")!))
        #expect(!criteria.matches(date: EDGARDate("2025-02-22")!))
    }

    @Test func rejectsReversedRangeAndNonPositiveLimit() {
        #expect(throws: EDGARError.self) {
            try FilingCriteria(since: EDGARDate("2025-03-01"), until: EDGARDate("2025-02-01"))
        }
        #expect(throws: EDGARError.self) { try FilingCriteria(limit: 0) }
    }

    @Test func selectFiltersDeduplicatesSortsNewestFirstAndLimits() throws {
        let criteria = try FilingCriteria(ciks: [CIK("1999901")!], forms: ["10-K", "8-K"], limit: 2)
        var known = Self.candidate("0001999901-25-000004", "10-K", "2025-02-14")
        known.primaryDocument = "hrsc-20241231.htm"
        let selected = criteria.select([
            known,
            Self.candidate("0001999901-25-000004", "10-K", "2025-02-14"),
            Self.candidate("0001999901-25-000002", "8-K", "2025-02-06"),
            Self.candidate("0001999901-25-000011", "8-K", "2025-04-24"),
            Self.candidate("0001999901-24-000031", "10-Q", "2024-11-05"),
            Self.candidate("0001999902-25-000007", "8-K", "2025-05-06", cik: "1999902"),
        ])
        #expect(selected.map(\.accession.description) == ["0001999901-25-000011", "0001999901-25-000004"])
        #expect(selected[1].primaryDocument == "hrsc-20241231.htm")
    }

    @Test func extraPagesOnlyWhenTheRangeAndLimitNeedThem() throws {
        let pages = [
            SubmissionsResponse.ExtraPage(
                name: "CIK0001999901-submissions-001.json",
                filingCount: 100,
                filingFrom: EDGARDate("2015-01-01")!,
                filingTo: EDGARDate("2019-12-31")!
            ),
            SubmissionsResponse.ExtraPage(
                name: "CIK0001999901-submissions-002.json",
                filingCount: 100,
                filingFrom: EDGARDate("2005-01-01")!,
                filingTo: EDGARDate("2014-12-31")!
            ),
        ]
        #expect(try FilingCriteria().pagesNeeded(pages, recentMatches: 3).count == 2)
        #expect(try FilingCriteria(since: EDGARDate("2016-01-01")).pagesNeeded(pages, recentMatches: 0).count == 1)
        #expect(
            try FilingCriteria(until: EDGARDate("2010-01-01")).pagesNeeded(pages, recentMatches: 0).map(\.name) == [
                pages[1].name
            ]
        )
        #expect(try FilingCriteria(since: EDGARDate("2024-01-01")).pagesNeeded(pages, recentMatches: 0).isEmpty)
        #expect(try FilingCriteria(limit: 3).pagesNeeded(pages, recentMatches: 3).isEmpty)
        #expect(try FilingCriteria(limit: 4).pagesNeeded(pages, recentMatches: 3).count == 2)
    }
}

@Suite struct DailyRangeTests {
    @Test func skipsWeekends() throws {
        let range = try DailyRange(parsing: "2025-02-13..2025-02-18")
        #expect(range.businessDays.map(\.description) == ["2025-02-13", "2025-02-14", "2025-02-17", "2025-02-18"])
        #expect(try DailyRange(parsing: "2025-02-15").businessDays.isEmpty)
        #expect(try DailyRange(parsing: "2025-02-14").businessDays.map(\.description) == ["2025-02-14"])
    }

    @Test func crossesMonthYearAndLeapDay() throws {
        let days = try DailyRange(parsing: "2024-02-28..2024-03-01").businessDays.map(\.description)
        #expect(days == ["2024-02-28", "2024-02-29", "2024-03-01"])
        let newYear = try DailyRange(parsing: "2024-12-31..2025-01-02").businessDays.map(\.description)
        #expect(newYear == ["2024-12-31", "2025-01-01", "2025-01-02"])
    }

    @Test func rejectsMalformedReversedAndHugeRanges() {
        for text in [
            "2025-02-30", "2025-02-14..", "2025-02-14...2025-02-15", "yesterday", "2025-03-01..2025-02-01",
            "1990-01-01..2025-01-01",
        ] {
            #expect(throws: EDGARError.self, "\(text)") { try DailyRange(parsing: text) }
        }
    }
}

@Suite struct PrimaryGuessTests {
    @Test func picksTheLargestNonExhibitPage() throws {
        let json = """
            {"directory":{"item":[
            {"name":"0001-25-000004-index.html","type":"text.gif","size":""},
            {"name":"ex21.htm","type":"text.gif","size":"90000"},
            {"name":"hrsc-ex31_1.htm","type":"text.gif","size":"80000"},
            {"name":"hrsc-20241231.htm","type":"text.gif","size":"53802"},
            {"name":"hrsc-20241231_htm.xml","type":"text.gif","size":"99999"},
            {"name":"summary.htm","type":"text.gif","size":"100"}]}}
            """
        let listing = try DirectoryListing.decode(Data(json.utf8), source: "test")
        #expect(listing.primaryGuess == "hrsc-20241231.htm")
        #expect(
            EDGARFetcher<ContinuousClock>.selectDocuments(listing: listing, primaryDocument: nil)
                == ["hrsc-20241231.htm", "hrsc-20241231_htm.xml"]
        )
    }

    @Test func fallsBackToTheFullSubmissionText() throws {
        let json = #"{"directory":{"item":[{"name":"0001999901-25-000004.txt","type":"text.gif","size":"5"}]}}"#
        #expect(try DirectoryListing.decode(Data(json.utf8), source: "t").primaryGuess == "0001999901-25-000004.txt")
    }
}

@Suite struct FetchProgressTests {
    @Test func countsAndRendersRateAndETA() {
        var progress = FetchProgress(filingsTotal: 4)
        #expect(progress.line(elapsed: .zero).contains("0/4 filings"))
        #expect(progress.line(elapsed: .zero).hasSuffix("ETA --:--"))
        progress.record(.fetched(documents: 2, bytes: 2048))
        progress.record(.fromCache)
        #expect(progress.filingsDone == 2 && progress.bytesFetched == 2048 && progress.documentsFetched == 2)
        let line = progress.line(elapsed: .seconds(2), barWidth: 10)
        #expect(line == "[#####.....] 2/4 filings  2.0 KB  1.0 filings/s  1.0 KB/s  ETA 0:02")
        #expect(progress.estimatedRemaining(elapsed: .seconds(2)) == .seconds(2))
        progress.record(.failed(EDGARError(code: .httpStatus, source: "u", message: "m", status: 404)))
        #expect(progress.line(elapsed: .seconds(3)).hasSuffix("1 failed"))
    }

    @Test func formatsBytesAndClock() {
        #expect(FetchProgress.bytes(512) == "512 B")
        #expect(FetchProgress.bytes(1536) == "1.5 KB")
        #expect(FetchProgress.bytes(3 * 1024 * 1024) == "3.0 MB")
        #expect(FetchProgress.clock(.seconds(83)) == "1:23")
        #expect(FetchProgress.clock(.seconds(3723)) == "1:02:03")
    }
}
