import FilingParser
import Foundation
import SECModel
import Testing

/// The XBRL instance reader: items, tuples, nil, units, footnotes; and agreement with the inline reader.
@Suite struct XBRLInstanceReaderTests {
    static let instance = """
        <?xml version="1.0" encoding="utf-8"?>
        <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
          xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
          xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:t="urn:t">
          <link:schemaRef xlink:type="simple" xlink:href="t.xsd"/>
          <xbrli:context id="FY"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier>
            <xbrli:segment><xbrldi:explicitMember dimension="us-gaap:ProductOrServiceAxis">t:ChipsMember</xbrldi:explicitMember></xbrli:segment>
          </xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
          <xbrli:context id="D"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0000000001</xbrli:identifier></xbrli:entity>
            <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>
          <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
          <dei:DocumentType contextRef="D">10-K</dei:DocumentType>
          <us-gaap:Revenues contextRef="FY" unitRef="USD" decimals="-6" id="r1">1500000000.00</us-gaap:Revenues>
          <us-gaap:Assets contextRef="D" unitRef="USD" decimals="-6" xsi:nil="true"/>
          <t:Holding><t:Name contextRef="D">Fab 1</t:Name></t:Holding>
          <link:footnoteLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
            <link:loc xlink:type="locator" xlink:href="#r1" xlink:label="l1"/>
            <link:footnote xlink:type="resource" xlink:label="f1">Chips only.</link:footnote>
            <link:footnoteArc xlink:type="arc" xlink:from="l1" xlink:to="f1" xlink:arcrole="http://www.xbrl.org/2003/arcrole/fact-footnote"/>
          </link:footnoteLink>
        </xbrli:xbrl>
        """

    @Test func readsItemsTuplesNilAndFootnotes() throws {
        let set = try XBRLInstanceReader().read(Array(Self.instance.utf8), source: "t.xml")
        #expect(
            set.facts.map(\.concept.description) == [
                "dei:DocumentType", "us-gaap:Revenues", "us-gaap:Assets", "t:Name",
            ]
        )
        let revenue = set.facts[1]
        #expect(revenue.value == "1500000000" && revenue.isNumeric && revenue.footnotes == ["Chips only."])
        #expect(revenue.dimensions.map(\.member) == ["t:ChipsMember"])
        #expect(set.facts[2].isNil && set.facts[2].value == nil)
        #expect(set.facts[3].value == "Fab 1" && !set.facts[3].isNumeric)
        #expect(set.metadata.documentType == "10-K")
    }

    @Test func refusesDocumentsThatAreNotInstances() {
        #expect(throws: ParseError.self) { try XBRLInstanceReader().read(Array("<root/>".utf8), source: "x.xml") }
    }
}

/// Runs when `../shared/edgar-samples` is present: every inline and instance sample reads without
/// warnings, and Apple's 10-Q read from its inline document equals the SEC's extracted instance.
@Suite(.enabled(if: SampleFiles.available))
struct SampleXBRLTests {
    static let appleFolder = SampleFiles.root + "/filing-folder/320193/000032019325000057/"

    @Test func inlineSamplesReadCleanly() throws {
        let inline = SampleFiles.html().filter { path in
            FileManager.default.contents(atPath: path).map { InlineXBRLReader.looksInline([UInt8]($0)) } ?? false
        }
        #expect(inline.count >= 9)
        for path in inline {
            let data = try #require(FileManager.default.contents(atPath: path))
            let set = try InlineXBRLReader().read([UInt8](data), source: path)
            #expect(!set.facts.isEmpty, "\(path)")
            #expect(set.warnings.isEmpty, "\(path): \(set.warnings.prefix(3))")
            #expect(set.metadata.documentType != nil && set.metadata.entityCentralIndexKey != nil, "\(path)")
        }
    }

    @Test func appleInlineEqualsTheSECExtract() throws {
        let inlineData = try #require(FileManager.default.contents(atPath: Self.appleFolder + "aapl-20250329.htm"))
        let xmlData = try #require(FileManager.default.contents(atPath: Self.appleFolder + "aapl-20250329_htm.xml"))
        let inline = try InlineXBRLReader().read([UInt8](inlineData), source: "aapl.htm")
        let instance = try XBRLInstanceReader().read([UInt8](xmlData), source: "aapl.xml")
        func key(_ fact: XBRLFact) -> String {
            let measures = (fact.unit?.numerators ?? []).map { $0.split(separator: ":").last ?? "" }
            return
                "\(fact.concept.clarkName) \(fact.period) \(fact.dimensions.map(\.member)) \(measures) \(fact.value ?? "nil")"
        }
        #expect(inline.facts.count == 760)
        #expect(inline.facts.map(key).sorted() == instance.facts.map(key).sorted())
        #expect(inline.metadata == instance.metadata)
        #expect(inline.metadata.tradingSymbol == "AAPL" && inline.metadata.documentFiscalPeriodFocus == "Q2")
    }
}
