import EDGARClient
import Foundation
import SECModel
import Testing

/// Every decoder on every relevant real EDGAR file in `../shared/edgar-samples/`. Runs only where
/// that folder exists (developer machines and CI); the expectations are structural, plus a few
/// values read from the files by hand.
@Suite(.enabled(if: TestPaths.samplesAvailable, "needs ../shared/edgar-samples"))
struct DecoderSampleTests {
    @Test func tickers() throws {
        for file in ["api/tickers/company_tickers.json", "api/tickers/company_tickers_exchange.json"] {
            let (data, path) = try TestPaths.sample(file)
            let tickers = try CompanyTickers.decode(data, source: path)
            #expect(tickers.entries.count > 5000, "\(file)")
            #expect(tickers.cik(forTicker: "AAPL") == CIK("320193"), "\(file)")
            #expect(tickers.cik(forTicker: "BRK.B") == CIK("1067983"), "\(file)")
        }
    }

    @Test func submissionsAndExtraPage() throws {
        let (data, path) = try TestPaths.sample("api/submissions/CIK0000320193.json")
        let response = try SubmissionsResponse.decode(data, source: path)
        let records = try response.filings.recent.records(source: path)
        #expect(records.count == 1000)
        #expect(response.filings.files.map(\.name) == ["CIK0000320193-submissions-001.json"])
        let (pageData, pagePath) = try TestPaths.sample("api/submissions/CIK0000320193-submissions-001.json")
        let page = try FilingColumns.decodePage(pageData, source: pagePath).records(source: pagePath)
        #expect(page.count == response.filings.files[0].filingCount)
    }

    @Test func directoryListings() throws {
        for file in TestPaths.samples(under: "api/archives-json", suffix: ".json") {
            let (data, path) = try TestPaths.sample(file)
            let listing = try DirectoryListing.decode(data, source: path)
            #expect(!listing.items.isEmpty, "\(file)")
        }
        let (data, path) = try TestPaths.sample(
            "api/archives-json/Archives_edgar_data_320193_000114036125000228_index.json"
        )
        let listing = try DirectoryListing.decode(data, source: path)
        #expect(listing.documents.contains { $0.name == "ef20040370_8k.htm" && $0.sizeBytes == 42802 })
        #expect(listing.documents.contains { $0.name == "FilingSummary.xml" })
    }

    @Test(arguments: [
        "indexes/daily/company.20221003.idx", "indexes/daily/crawler.20230703.idx",
        "indexes/daily/form.20200318.idx", "indexes/daily/master.20181231.idx",
        "indexes/full/1993-QTR4_master.idx", "indexes/full/2019-QTR4_xbrl.idx",
        "indexes/full/2021-QTR1_form.excerpt.idx", "indexes/full/empty_form.idx",
    ])
    func indexFiles(file: String) throws {
        let (data, path) = try TestPaths.sample(file)
        let entries = try EDGARIndexFile.parse(data, source: path)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let ruleLine = try #require(lines.firstIndex { $0.hasPrefix("-----") })
        let rowCount = lines[(ruleLine + 1)...].filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(entries.count == rowCount)
        if file.hasSuffix("empty_form.idx") {
            #expect(entries.isEmpty)
            return
        }
        #expect(!entries.isEmpty)
        // Every row names a file under its own CIK's folder, and forms and names are never empty.
        for entry in entries {
            #expect(!entry.formType.rawValue.isEmpty && !entry.companyName.isEmpty, "\(entry)")
            #expect(entry.fileName.contains("data/\(entry.cik)/"), "\(entry)")
            #expect(entry.accession != nil, "\(entry)")
        }
    }

    @Test func companyFormIndexSplitsMultiWordFormTypes() throws {
        let (data, path) = try TestPaths.sample("indexes/daily/company.20221003.idx")
        let entries = try EDGARIndexFile.parse(data, source: path)
        let first = try #require(entries.first)
        #expect(first.companyName == "1st stREIT Office Inc.")
        #expect(first.formType == "1-A POS")
        #expect(first.dateFiled == EDGARDate("2022-10-03"))
    }

    @Test func companyFactsAndConcept() throws {
        let (data, path) = try TestPaths.sample("api/companyfacts/CIK0000320193.json")
        let facts = try CompanyFacts.decode(data, source: path)
        #expect(facts.cik == CIK("320193"))
        #expect(facts.facts["us-gaap"]?.count == 498)
        #expect(facts.valueCount == 23259)
        let (conceptData, conceptPath) = try TestPaths.sample(
            "api/companyconcept/CIK0000320193_dei_EntityCommonStockSharesOutstanding.json"
        )
        let concept = try CompanyConcept.decode(conceptData, source: conceptPath)
        #expect(concept.units["shares"]?.first?.value == 895_816_758)
    }

    @Test func currentFilingsFeeds() throws {
        for file in ["feeds/getcurrent_count100_start0.atom.xml", "feeds/getcurrent_type4_count100_start0.atom.xml"] {
            let (data, path) = try TestPaths.sample(file)
            let feed = try CurrentFilingsFeed.decode(data, source: path)
            #expect(feed.entries.count == 100, "\(file)")
            #expect(feed.entries.allSatisfy { $0.filed != nil && !$0.companyName.isEmpty }, "\(file)")
        }
        let (data, path) = try TestPaths.sample("feeds/getcurrent_count100_start0.atom.xml")
        let first = try #require(try CurrentFilingsFeed.decode(data, source: path).entries.first)
        #expect(first.accession == AccessionNumber("0002063236-25-000004"))
        #expect(first.cik == CIK("2063236"))
        #expect(first.role == "Reporting")
    }

    @Test func xbrlRSSFeed() throws {
        let (data, path) = try TestPaths.sample("feeds/usgaap.rss.xml")
        let feed = try XBRLFilingsFeed.decode(data, source: path)
        #expect(feed.items.count > 100)
        let first = try #require(feed.items.first)
        #expect(first.companyName == "HF Sinclair Corp")
        #expect(first.accession == AccessionNumber("0001193125-25-012309"))
        #expect(first.filed == EDGARDate("2025-01-24"))
        #expect(first.files.first?.name == "d904491d8k.htm")
    }

    @Test func fullTextSearch() throws {
        let (data, path) = try TestPaths.sample("api/efts/efts_search-index_maquia.json")
        let response = try FullTextSearchResponse.decode(data, source: path)
        #expect(response.totalCount == 146)
        #expect(!response.hits.isEmpty)
        #expect(response.hits[0].accession == AccessionNumber("0001104659-21-077166"))
        #expect(response.hits[0].fileName == "tm2118859d1_8k.htm")
    }

    @Test func throttlePages() throws {
        let (page, _) = try TestPaths.sample("misc/sec_rate-exceeded.html")
        #expect(ThrottlePage.matches(page))
        let (unavailable, _) = try TestPaths.sample("misc/getcurrent_503.html")
        #expect(!ThrottlePage.matches(unavailable))
    }
}
