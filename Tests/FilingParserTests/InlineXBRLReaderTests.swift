import FilingParser
import Foundation
import SECModel
import Testing

/// The inline-XBRL reader on `fixtures/xbrl/quirks-ixbrl.htm`, where each fact exercises one quirk.
@Suite struct InlineXBRLReaderTests {
    static let fixture: String = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/xbrl/quirks-ixbrl.htm").path

    private func read() throws -> XBRLFactSet {
        let data = try #require(FileManager.default.contents(atPath: Self.fixture))
        return try InlineXBRLReader().read([UInt8](data), source: Self.fixture)
    }

    private func facts(_ set: XBRLFactSet, _ name: String) -> [XBRLFact] {
        set.facts.filter { $0.concept.description == name }
    }

    @Test func appliesScaleSignAndFormats() throws {
        let set = try read()
        #expect(set.warnings.isEmpty)
        #expect(!set.isPartial)
        let revenue = try #require(facts(set, "us-gaap:Revenues").first)
        #expect(revenue.value == "1234500000")
        #expect(revenue.decimals == "-5")
        #expect(revenue.unit?.description == "iso4217:USD")
        #expect(revenue.period == .duration(start: "2025-01-01", end: "2025-03-31"))
        #expect(revenue.entity == XBRLEntity(scheme: "http://www.sec.gov/CIK", identifier: "0001999901"))
        #expect(facts(set, "us-gaap:NetIncomeLoss").first?.value == "-56000")
        #expect(facts(set, "us-gaap:GoodwillImpairmentLoss").first?.value == "0")
        #expect(facts(set, "us-gaap:RestructuringCharges").first?.value == "0")
        #expect(facts(set, "us-gaap:EarningsPerShareBasic").first?.value == "0.5")
        #expect(facts(set, "us-gaap:EarningsPerShareBasic").first?.unit?.description == "iso4217:USD/xbrli:shares")
        #expect(facts(set, "dei:EntityCommonStockSharesOutstanding").first?.value == "23000")
        #expect(facts(set, "dei:EntityCommonStockSharesOutstanding").first?.period == .instant("2025-03-31"))
    }

    @Test func readsNilFactsAndDimensions() throws {
        let set = try read()
        let lease = try #require(facts(set, "us-gaap:OperatingLeaseLiability").first)
        #expect(lease.isNil && lease.value == nil)
        let foundry = try #require(facts(set, "us-gaap:Revenues").last)
        #expect(foundry.value == "1234500")
        let dims = foundry.dimensions.map {
            "\($0.axis)=\($0.member)\($0.isTyped ? "(typed)" : "")\($0.inScenario ? "(scenario)" : "")"
        }
        #expect(
            dims == [
                "hrsc:WaferLotAxis=L-42(typed)", "us-gaap:StatementBusinessSegmentsAxis=hrsc:FoundryServicesMember",
                "us-gaap:StatementScenarioAxis=us-gaap:ScenarioForecastMember(scenario)",
            ]
        )
    }

    @Test func followsContinuationsSkipsExcludesAndEscapes() throws {
        let set = try read()
        #expect(
            facts(set, "us-gaap:RiskFactorsTextBlock").first?.value
                == "We rely on one foundry. Supply may stop. Prices may rise."
        )
        let segment = try #require(facts(set, "us-gaap:SegmentReportingDisclosureTextBlock").first)
        #expect(segment.value == "<p class=\"x\" style=\"a&amp;b\">Two <br/>segments &amp; more</p>")
        #expect(segment.footnotes == ["Segments are unaudited."])
        #expect(facts(set, "dei:EntityRegistrantName").first?.value == "Harbor Ridge Semiconductor, Inc.")
    }

    @Test func readsCoverMetadataIncludingHiddenFacts() throws {
        let metadata = try read().metadata
        #expect(
            metadata
                == FilingFacts(
                    documentType: "10-Q",
                    documentPeriodEndDate: "2025-03-31",
                    entityRegistrantName: "Harbor Ridge Semiconductor, Inc.",
                    entityCentralIndexKey: "0001999901",
                    tradingSymbol: "HRSC",
                    documentFiscalYearFocus: "2025",
                    documentFiscalPeriodFocus: "Q1",
                    amendmentFlag: false
                )
        )
    }

    @Test func secTransformsOnTheCoverPage() throws {
        let set = try read()
        #expect(facts(set, "dei:SecurityExchangeName").first?.value == "NASDAQ")
        #expect(facts(set, "dei:EntityIncorporationStateCountryCode").first?.value == "DE")
        #expect(facts(set, "dei:EntityShellCompany").first?.value == "false")
        #expect(facts(set, "dei:DocumentPeriodEndDate").first?.value == "2025-03-31")
    }

    @Test func badValuesBecomeWarningsNotFailures() throws {
        let html = """
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
              xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12" xmlns:xbrli="http://www.xbrl.org/2003/instance"
              xmlns:us-gaap="http://fasb.org/us-gaap/2024"><body>
            <ix:nonFraction name="us-gaap:Revenues" contextRef="nowhere" unitRef="USD">1</ix:nonFraction>
            <ix:resources><xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="s">1</xbrli:identifier></xbrli:entity>
            <xbrli:period><xbrli:instant>2025-01-01</xbrli:instant></xbrli:period></xbrli:context></ix:resources>
            <ix:nonFraction name="us-gaap:Assets" contextRef="c" unitRef="USD" format="ixt:num-dot-decimal">n/a</ix:nonFraction>
            <ix:nonFraction name="us-gaap:Assets" contextRef="c" unitRef="USD" format="ixt:no-such-format">3</ix:nonFraction>
            </body></html>
            """
        let set = try InlineXBRLReader().read(Array(html.utf8), source: "bad.htm")
        #expect(set.facts.count == 2)
        #expect(
            set.warnings.map(\.code) == [.missingContext, .missingUnit, .invalidValue, .missingUnit, .unknownFormat]
        )
    }

    @Test func refusesNonXBRLAndGarbage() {
        #expect(throws: ParseError.self) {
            try InlineXBRLReader().read(Array("<html><body>x</body></html>".utf8), source: "a")
        }
        #expect(throws: ParseError.self) { try InlineXBRLReader().read([0, 1, 2, 0xFF], source: "b") }
        #expect(throws: ParseError.self) {
            try InlineXBRLReader(maxInputBytes: 4).read(Array("<html/>".utf8), source: "c")
        }
    }
}
