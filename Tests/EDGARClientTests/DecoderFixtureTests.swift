import EDGARClient
import Foundation
import SECModel
import Testing

/// Every decoder on the project's fictional fixtures, with exact expected values.
@Suite struct DecoderFixtureTests {
    @Test func tickersInBothLayoutsAgree() throws {
        let (keyedData, keyedPath) = try TestPaths.fixture("files/company_tickers.json")
        let keyed = try CompanyTickers.decode(keyedData, source: keyedPath)
        let (columnarData, columnarPath) = try TestPaths.fixture("files/company_tickers_exchange.json")
        let columnar = try CompanyTickers.decode(columnarData, source: columnarPath)
        #expect(keyed.entries.map(\.ticker) == ["HRSC", "NWFL", "CMEP"])
        #expect(columnar.entries.map(\.cik) == keyed.entries.map(\.cik))
        #expect(columnar.entries[1].exchange == "NYSE")
        #expect(columnar.entries[2].exchange == nil)
        #expect(keyed.cik(forTicker: "nwfl") == CIK("1999902"))
        #expect(keyed.cik(forTicker: "XXXX") == nil)
    }

    @Test func filingFolderListing() throws {
        let (data, path) = try TestPaths.fixture("Archives/edgar/data/1999901/000199990125000004/index.json")
        let listing = try DirectoryListing.decode(data, source: path)
        #expect(listing.items.count == 3)
        #expect(listing.documents.map(\.name) == ["hrsc-20241231.htm"])
        #expect(listing.documents.first?.sizeBytes == 53802)
    }

    @Test func dailyFixedWidthFormIndex() throws {
        let (data, path) = try TestPaths.fixture("Archives/edgar/daily-index/2025/QTR1/form.20250214.idx")
        let entries = try EDGARIndexFile.parse(data, source: path)
        #expect(entries.count == 24)
        let hrsc = try #require(entries.first { $0.cik == CIK("1999901") })
        #expect(hrsc.formType == .tenK)
        #expect(hrsc.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(hrsc.dateFiled == EDGARDate("2025-02-14"))
        #expect(hrsc.accession == AccessionNumber("0001999901-25-000004"))
        let truncated = try #require(entries.first { $0.cik == CIK("1999915") })
        #expect(truncated.companyName.hasPrefix("MERIDIAN PACIFIC INFRASTRUCTURE"))
        #expect(entries.allSatisfy { $0.accession != nil })
    }

    @Test func quarterlyIndexWithOverflowingCompanyColumn() throws {
        let (data, path) = try TestPaths.fixture("Archives/edgar/full-index/2025/QTR1/form.idx")
        let entries = try EDGARIndexFile.parse(data, source: path)
        #expect(entries.count == 8)
        let long = try #require(entries.first { $0.cik == CIK("1999915") })
        #expect(long.companyName == "MERIDIAN PACIFIC INFRASTRUCTURE INCOME & GROWTH OPPORTUNITIES LP")
        #expect(long.formType == .tenK)
        #expect(long.dateFiled == EDGARDate("2025-02-14"))
        #expect(entries.contains { $0.formType == "10-K/A" })
        #expect(entries.contains { $0.formType == "8-K/A" && $0.companyName == "Cedar Mesa Energy Partners LP" })
    }

    @Test func pipeDelimitedMasterIndex() throws {
        let (data, path) = try TestPaths.fixture("Archives/edgar/daily-index/2025/QTR1/master.20250214.idx")
        let entries = try EDGARIndexFile.parse(data, source: path)
        #expect(entries.count == 4)
        #expect(entries[0].companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(entries[3].formType == "10-K/A")
    }

    @Test func twoLineDailyHeaderAndCompanyFirstLayout() throws {
        let text = """
            Description:           Daily Index of EDGAR Dissemination Feed by Company Name
            Last Data Received:    Feb 14, 2025
             
            Company Name                                                  Form Type   CIK
                  Date Filed  File Name
            -------------------------------------------------------------------------------------------------
            Harbor Ridge Semiconductor, Inc.                              10-K        1999901     20250214    edgar/data/1999901/0001999901-25-000004.txt
            Cedar Mesa Energy Partners LP                                 8-K/A       1999913     20250214    edgar/data/1999913/0001999913-25-000010.txt

            """
        let entries = try EDGARIndexFile.parse(Data(text.utf8), source: "inline")
        #expect(entries.count == 2)
        #expect(entries[1].formType == "8-K/A")
        #expect(entries[1].companyName == "Cedar Mesa Energy Partners LP")
    }

    @Test func indexRowErrorsNameTheLine() {
        let text =
            "CIK|Company Name|Form Type|Date Filed|Filename\n-----------------------------\nx|A|10-K|2025-01-01|f\n"
        #expect {
            try EDGARIndexFile.parse(Data(text.utf8), source: "inline")
        } throws: { error in
            (error as? EDGARError)?.message.contains("line 3") == true
        }
    }

    @Test func companyFactsAndConcept() throws {
        let (data, path) = try TestPaths.fixture("api/xbrl/companyfacts/CIK0001999902.json")
        let facts = try CompanyFacts.decode(data, source: path)
        #expect(facts.entityName == "Northwind Freight Lines Corp")
        let revenues = try #require(facts.facts["us-gaap"]?["Revenues"]?.units["USD"])
        #expect(revenues.map(\.value) == [1_331_900_000, 1_284_600_000])
        #expect(revenues[1].start == EDGARDate("2025-01-01"))
        #expect(facts.facts["dei"]?["EntityCommonStockSharesOutstanding"]?.units["shares"]?.first?.start == nil)
        #expect(facts.valueCount == 4)
        let (conceptData, conceptPath) = try TestPaths.fixture(
            "api/xbrl/companyconcept/CIK0001999902/us-gaap/Revenues.json"
        )
        let concept = try CompanyConcept.decode(conceptData, source: conceptPath)
        #expect(concept.tag == "Revenues")
        #expect(concept.units["USD"]?.count == 2)
    }

    @Test func currentFilingsAtomInLatin1() throws {
        let (data, path) = try TestPaths.fixture("feeds/getcurrent.atom.xml")
        let feed = try CurrentFilingsFeed.decode(data, source: path)
        #expect(feed.entries.count == 2)
        #expect(feed.entries[0].accession == AccessionNumber("0001999901-25-000004"))
        #expect(feed.entries[0].form == .tenK)
        #expect(feed.entries[0].filed == EDGARDate("2025-02-14"))
        #expect(feed.entries[1].companyName == "Caf\u{E9} Holdings (Bermuda) Ltd")
        #expect(feed.entries[1].role == "Filed by")
        #expect(feed.entries[1].cik == CIK("1999977"))
    }

    @Test func xbrlRSSInWindows1252() throws {
        let (data, path) = try TestPaths.fixture("Archives/edgar/usgaap.rss.xml")
        let feed = try XBRLFilingsFeed.decode(data, source: path)
        let item = try #require(feed.items.first)
        #expect(item.companyName == "Northwind Freight Lines Corp \u{201C}NWFL\u{201D}")
        #expect(item.filed == EDGARDate("2025-05-06"))
        #expect(item.period == EDGARDate("2025-03-31"))
        #expect(item.files.first?.isInlineXBRL == true)
        #expect(item.files.first?.sizeBytes == 51697)
    }

    @Test func fullTextSearch() throws {
        let (data, path) = try TestPaths.fixture("LATEST/search-index.json")
        let response = try FullTextSearchResponse.decode(data, source: path)
        #expect(response.totalCount == 2)
        #expect(response.hits[0].fileName == "hrsc-20241231.htm")
        #expect(response.hits[1].ciks == [CIK("1999902")].compactMap { $0 })
    }

    @Test func throttlePageIsRecognisedOnlyInTheHead() {
        let page = Data("<html><title>SEC.gov | Request Rate Threshold Exceeded</title></html>".utf8)
        #expect(ThrottlePage.matches(page))
        let deep = Data((String(repeating: "x", count: 5000) + "Request Rate Threshold Exceeded").utf8)
        #expect(!ThrottlePage.matches(deep))
    }
}
