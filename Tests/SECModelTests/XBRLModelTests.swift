import Foundation
import SECModel
import Testing

/// The XBRL value types: QName identity, period and unit spelling, JSON round trips, metadata.
@Suite struct XBRLModelTests {
    @Test func qnamesCompareByNamespaceNotPrefix() {
        let a = XBRLQName(namespace: "http://fasb.org/us-gaap/2024", prefix: "us-gaap", localName: "Revenues")
        let b = XBRLQName(namespace: "http://fasb.org/us-gaap/2024", prefix: "gaap", localName: "Revenues")
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.description == "us-gaap:Revenues" && a.clarkName == "{http://fasb.org/us-gaap/2024}Revenues")
    }

    @Test func periodsAndFactsRoundTripThroughJSON() throws {
        for period in [XBRLPeriod.instant("2025-03-31"), .duration(start: "2025-01-01", end: "2025-03-31"), .forever] {
            let data = try JSONEncoder().encode(period)
            #expect(try JSONDecoder().decode(XBRLPeriod.self, from: data) == period)
        }
        let fact = XBRLFact(
            concept: XBRLQName(namespace: "urn:x", prefix: "x", localName: "A"),
            value: "-1.5",
            isNumeric: true,
            unit: XBRLUnit(id: "u", numerators: ["iso4217:USD"], denominators: ["xbrli:shares"]),
            decimals: "2",
            period: .instant("2025-03-31"),
            entity: XBRLEntity(scheme: "http://www.sec.gov/CIK", identifier: "0000000001"),
            dimensions: [
                XBRLDimension(axis: XBRLQName(namespace: "urn:x", prefix: "x", localName: "Axis"), member: "x:M")
            ],
            contextID: "c",
            footnotes: ["note"]
        )
        #expect(try JSONDecoder().decode(XBRLFact.self, from: JSONEncoder().encode(fact)) == fact)
        #expect(fact.unit?.description == "iso4217:USD/xbrli:shares")
    }

    @Test func metadataPrefersUndimensionedFacts() {
        let dei = "http://xbrl.sec.gov/dei/2024"
        func fact(_ name: String, _ value: String, axis: Bool = false) -> XBRLFact {
            XBRLFact(
                concept: XBRLQName(namespace: dei, prefix: "dei", localName: name),
                value: value,
                isNumeric: false,
                period: .instant("2025-03-31"),
                entity: XBRLEntity(scheme: "s", identifier: "1"),
                dimensions: axis
                    ? [
                        XBRLDimension(
                            axis: XBRLQName(namespace: "urn:x", prefix: "x", localName: "ClassAxis"),
                            member: "x:A"
                        )
                    ] : [],
                contextID: "c"
            )
        }
        let metadata = FilingFacts(facts: [
            fact("TradingSymbol", "AAA", axis: true), fact("DocumentType", "10-Q"), fact("TradingSymbol", "BBB"),
            fact("AmendmentFlag", "true"), fact("DocumentType", "10-K"),
        ])
        #expect(metadata.tradingSymbol == "BBB" && metadata.documentType == "10-Q" && metadata.amendmentFlag == true)
        #expect(FilingFacts(facts: [fact("TradingSymbol", "AAA", axis: true)]).tradingSymbol == "AAA")
    }
}
