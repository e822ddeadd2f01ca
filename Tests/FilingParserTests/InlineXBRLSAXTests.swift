import Foundation
import SECModel
import Testing

@testable import FilingParser

/// The SAX reading of inline XBRL: text of continued facts, libxml2's recovery mode, the one-pass
/// text-and-facts parse, and the byte-level fast paths beside it.
@Suite struct InlineXBRLSAXTests {
    private func document(_ body: String) -> [UInt8] {
        Array(
            """
            <html \(HTMLParserReplayTests.namespaces) xmlns:dei="http://xbrl.sec.gov/dei/2024"><body>
            <div style="display:none"><ix:header><ix:resources><xbrli:context id="c"><xbrli:entity>\
            <xbrli:identifier scheme="s">1</xbrli:identifier></xbrli:entity><xbrli:period>\
            <xbrli:instant>2025-01-01</xbrli:instant></xbrli:period></xbrli:context></ix:resources></ix:header></div>
            \(body)
            </body></html>
            """.utf8
        )
    }

    private func values(_ body: String) throws -> [String?] {
        try InlineXBRLReader().read(document(body), source: "sax.htm").facts.map(\.value)
    }

    @Test func continuationsGiveTheSameTextPlainAndEscaped() throws {
        // The continuation comes after the facts and is kept escaped only; the plain fact's text is
        // derived from it (an attribute value holding `>` and `"`, references, an exclusion).
        let continuation = """
            <ix:continuation id="k"><span title="a&gt;b &quot;q&quot;">two &amp; <b>three</b> &lt;4&gt;</span>\
            <ix:exclude>no</ix:exclude><br/></ix:continuation>
            """
        let facts = try values(
            """
            <p><ix:nonNumeric name="dei:A" contextRef="c" continuedAt="k">one </ix:nonNumeric></p>
            <p><ix:nonNumeric name="dei:B" contextRef="c" continuedAt="k" escape="true">one </ix:nonNumeric></p>
            \(continuation)
            """
        )
        #expect(
            facts == [
                "one two & three <4>",
                "one <span title=\"a>b &quot;q&quot;\">two &amp; <b>three</b> &lt;4&gt;</span><br/>",
            ]
        )
        let unescaped = IXTextCapture.plain(fromEscaped: Array("<a b=\">\">x &amp;&lt;y&gt;</a>&".utf8))
        #expect(String(decoding: unescaped, as: UTF8.self) == "x &<y>&")
    }

    @Test func recoveryEndsAbandonedAndUnclosedElements() throws {
        // A start tag libxml2 cannot finish is dropped without an end event, as its tree drops it.
        let broken = try InlineXBRLReader().read(
            document(
                """
                <p><ix:nonNumeric contextRef="c" name="dei:A">before</ix:nonNumeric>
                <span><ix:nonNumeric contextRef="c" name="dei:E="f-6">13</ix:nonNumeric></span></p>
                <p><ix:nonNumeric contextRef="c" name="dei:B">after</ix:nonNumeric></p>
                """
            ),
            source: "broken.htm"
        )
        #expect(broken.isPartial)
        #expect(broken.facts.map(\.value) == ["before", "", "after"])
        // A document cut short: what is open ends with the text read so far.
        let whole = String(
            decoding: document("<p><ix:nonNumeric contextRef=\"c\" name=\"dei:A\" escape=\"true\">CUT"),
            as: UTF8.self
        )
        let cut = try #require(whole.range(of: "CUT")).lowerBound
        let short = try InlineXBRLReader().read(Array((whole[..<cut] + "<b>cut <i>short").utf8), source: "cut.htm")
        #expect(short.isPartial)
        #expect(short.facts.map(\.value) == ["<b>cut <i>short</i></b>"])
    }

    @Test func onePassGivesTheSeparateResults() throws {
        let bytes = try #require(FileManager.default.contents(atPath: InlineXBRLReaderTests.fixture)).map { $0 }
        let both = try HTMLFilingParser().parse(bytes, form: nil, source: "q.htm", readingFactsWith: .init())
        #expect(both.facts == (try InlineXBRLReader().read(bytes, source: "q.htm")))
        #expect(
            both.document.canonicalText
                == (try HTMLFilingParser().parse(bytes, form: nil, source: "q.htm")).canonicalText
        )
    }

    @Test func declaredEncodings() {
        func declared(_ text: String) -> String?? { XMLDeclaration.encoding(in: Array(text.utf8)) }
        #expect(declared("<?xml version='1.0' encoding='ASCII'?><a/>") == .some("ascii"))
        #expect(declared("<?xml version=\"1.0\"?><a/>") == .some(nil))
        #expect(declared("<html/>") == .some(nil))
        #expect(declared("<?xml-stylesheet href='a' encoding='x'?><a/>") == .some(nil))
        #expect(declared("<?xml version='1.0' encoding=utf-8?>") == .none)
        let ascii = Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>x</a>".utf8)
        #expect(XMLDeclaration.decodesAsUTF8(ascii, isValidUTF8: true))
        let latin = Array("<?xml version='1.0' encoding='ISO-8859-1'?><a>\u{E9}</a>".utf8)
        #expect(!XMLDeclaration.decodesAsUTF8(latin, isValidUTF8: true))
        let utf8 = Array("<?xml version='1.0' encoding='UTF-8'?><a>\u{E9}</a>".utf8)
        #expect(XMLDeclaration.decodesAsUTF8(utf8, isValidUTF8: true))
        #expect(!XMLDeclaration.decodesAsUTF8([0xEF, 0xBB, 0xBF] + utf8, isValidUTF8: true))
    }

    /// Goal: the byte-level page-furniture test agrees with the regex it stands in for. Strategy:
    /// seeded random short strings over digits, roman numerals, letters, dashes and a few non-ASCII
    /// characters. Invariant: `isPageFurniture` equals the reference on every string.
    @Test func pageFurnitureFastPathMatchesTheRegex() {
        func reference(_ text: String) -> Bool {
            guard text.utf8.count <= 24 else { return false }
            let lowered = text.lowercased()
            if lowered == "table of contents" || lowered == "index" || lowered == "back to contents" { return true }
            return text.count <= 6 && text.wholeMatch(of: /(?i)(?:[a-z]-)?\d{1,4}|[ivxl]{1,6}/) != nil
        }
        let pieces = [
            "1", "2", "0", "i", "V", "x", "L", "a", "F", "-", " ", "K", "\u{2212}", "\u{0661}", "\u{212A}", ".",
        ]
        var random = MalformedInputTests.SplitMix64(state: 7)
        for _ in 0..<3_000 {
            let text = (0..<(1 + random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }
                .joined()
            #expect(HTMLFilingParser.isPageFurniture(text) == reference(text), "\(text)")
        }
        for text in ["Table of Contents", "INDEX", "Back to Contents", "F-3", "xiv", "12345"] {
            #expect(HTMLFilingParser.isPageFurniture(text) == reference(text), "\(text)")
        }
    }
}
