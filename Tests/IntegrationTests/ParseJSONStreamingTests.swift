import Foundation
import SECModel
import Testing

/// `parse --json` writes its document piece by piece (sections and text escaped straight from the
/// canonical text, facts written by `FactJSONWriter` a 64 KiB piece at a time); its bytes must still
/// equal what `JSONEncoder` writes for the same document.
@Suite struct ParseJSONStreamingTests {
    struct Document: Codable {
        struct Section: Codable {
            var item: String
            var title: String
            var start: Int
            var end: Int
            var text: String
            var pointer: String?
            var combinedItems: [String]?
        }
        /// `ParseJSON.FactOutput`'s members.
        struct Fact: Codable {
            var concept: String
            var namespace: String
            var value: String?
            var `nil`: Bool
            var numeric: Bool
            var unit: String?
            var decimals: String?
            var period: XBRLPeriod
            var entity: XBRLEntity
            var dimensions: [String: String]
            var contextRef: String
            var id: String?
            var footnotes: [String]?
        }
        var characters: Int
        var facts: [Fact]?
        var factsPartial: Bool?
        var metadata: FilingFacts?
        var schemaVersion: Int
        var sections: [Section]
        var text: String?
        var warnings: [String]?
    }

    /// `document` as `JSONEncoder` writes it, with the options `parse --json` imitates.
    static func encoded(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }

    @Test func streamedJSONEqualsTheEncodersBytes() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("awkward.htm")
        let html = """
            <html><body><p>FORM 10-K</p><p>Item 1. Business</p>
            <p>Quotes "like this", a back\\slash, a/slash, control \u{1}\u{8}\u{1F} marks and 😀 é.</p>
            <table><tr><td>Revenue</td><td>$</td><td>(1,234)</td></tr></table>
            <p>Item 7. Management's Discussion</p><p>Text with\ta tab.</p></body></html>
            """
        try Data(html.utf8).write(to: file)
        // With `--facts`, a document without inline XBRL: an empty facts array.
        for flags in [["--json"], ["--json", "--text"], ["--json", "--facts"]] {
            let result = try Support.run(["parse", file.path, "--form", "10-K"] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            let printed = Data(result.stdout.utf8).dropLast()
            let document = try JSONDecoder().decode(Document.self, from: printed)
            #expect(document.sections.count >= 2)
            #expect(String(decoding: printed, as: UTF8.self) == (try Self.encoded(document)))
        }
    }

    /// Facts over many 64 KiB pieces (`JSONStringEscaper.pieceBytes`; over 1,024 facts make several
    /// hundred KB): the Northwind fixture (about 100 facts) with its body repeated 12 times.
    @Test func factsStreamedInChunksEqualTheEncodersBytes() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fixture = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"
        )
        let html = try String(contentsOf: fixture, encoding: .utf8)
        let bodyTag = try #require(html.range(of: "<body"))
        let start = html.index(after: try #require(html[bodyTag.upperBound...].firstIndex(of: ">")))
        let end = try #require(html.range(of: "</body>", options: .backwards)).lowerBound
        let repeated =
            String(html[..<start]) + String(repeating: String(html[start..<end]), count: 12) + String(html[end...])
        let file = scratch.appendingPathComponent("repeated.htm")
        try Data(repeated.utf8).write(to: file)
        let result = try Support.run(["parse", file.path, "--form", "10-K", "--json", "--facts"])
        #expect(result.status == 0, "\(result.stderr)")
        let printed = Data(result.stdout.utf8).dropLast()
        let document = try JSONDecoder().decode(Document.self, from: printed)
        #expect((document.facts?.count ?? 0) > 1_024)
        #expect(String(decoding: printed, as: UTF8.self) == (try Self.encoded(document)))
    }

    /// Facts with what `FactJSONWriter` must write as the encoder does: axes whose names sort
    /// differently by case, a forever period, footnotes, a nil fact, values with quotes, back
    /// slashes, slashes, control characters and non-ASCII text; then the quirks fixture.
    @Test func awkwardFactsEqualTheEncodersBytes() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let entity = "<xbrli:entity><xbrli:identifier scheme=\"http://www.sec.gov/CIK\">0001999901</xbrli:identifier>"
        let html = """
            <?xml version="1.0" encoding="utf-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
              xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
              xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:us-gaap="http://fasb.org/us-gaap/2024"
              xmlns:Zeta="http://zeta.example/2025" xmlns:aapl="http://apple.example/2025"
              xmlns:dei="http://xbrl.sec.gov/dei/2024">
            <body><div style="display:none"><ix:header><ix:resources>
            <xbrli:context id="F">\(entity)</xbrli:entity><xbrli:period><xbrli:forever/></xbrli:period></xbrli:context>
            <xbrli:context id="M">\(entity)<xbrli:segment>
              <xbrldi:explicitMember dimension="us-gaap:StatementBusinessSegmentsAxis">us-gaap:AMember</xbrldi:explicitMember>
              <xbrldi:explicitMember dimension="Zeta:RegionAxis">Zeta:NorthMember</xbrldi:explicitMember>
              <xbrldi:explicitMember dimension="aapl:ProductAxis">aapl:PhoneMember</xbrldi:explicitMember>
              <xbrldi:explicitMember dimension="Zeta:regionLowerAxis">Zeta:SouthMember</xbrldi:explicitMember>
              </xbrli:segment></xbrli:entity><xbrli:period><xbrli:instant>2025-03-31</xbrli:instant></xbrli:period></xbrli:context>
            <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
            </ix:resources></ix:header></div>
            <p>FORM 10-K</p><p>Item 1. Business</p>
            <p><ix:nonNumeric name="dei:EntityRegistrantName" contextRef="F">Quote " back\\slash a/b tab\tend é 😀</ix:nonNumeric></p>
            <p><ix:nonFraction name="us-gaap:Revenues" contextRef="M" unitRef="USD" decimals="-3" scale="3">1,234</ix:nonFraction></p>
            <p><ix:nonFraction name="us-gaap:Assets" contextRef="M" unitRef="USD" xsi:nil="true"
              xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></p>
            </body></html>
            """
        let file = scratch.appendingPathComponent("awkward-facts.htm")
        try Data(html.utf8).write(to: file)
        let quirks = Support.repo.appendingPathComponent("fixtures/xbrl/quirks-ixbrl.htm")
        for path in [file.path, quirks.path] {
            let result = try Support.run(["parse", path, "--json", "--facts"])
            #expect(result.status == 0, "\(result.stderr)")
            let printed = Data(result.stdout.utf8).dropLast()
            let document = try JSONDecoder().decode(Document.self, from: printed)
            #expect((document.facts?.count ?? 0) >= 3)
            #expect(document.facts?.contains { $0.dimensions.count == 4 } == true || path == quirks.path)
            #expect(String(decoding: printed, as: UTF8.self) == (try Self.encoded(document)))
        }
    }
}
