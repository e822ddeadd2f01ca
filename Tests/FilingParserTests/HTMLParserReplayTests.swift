import Foundation
import SECModel
import Testing

@testable import FilingParser

/// Goal: for well-formed inline XBRL, the text read through libxml2's XML parser with the HTML
/// parser's events replayed (`HTMLParserReplay`) is exactly the text libxml2's HTML parser gives,
/// the oracle (`readsInlineXBRLAsXML = false`).
/// Strategy: seeded random XHTML documents, replayable from the seed, mixing block, inline, table,
/// empty, raw-text and inline-XBRL elements nested as HTML does not allow (`<div>` in `<p>`, `<p>` in
/// `<b>`, `<td>` in `<span>`), hidden styles, dingbat fonts, entities, comments and self-closing
/// tags; plus hand-written documents for each construct the replay declines.
/// Invariants: canonical text and sections are the same either way; a document without a declined
/// construct is read by the replay (it does not fall back), one with such a construct is not.
@Suite struct HTMLParserReplayTests {
    static let namespaces = """
        xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL" \
        xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2024"
        """

    /// Random XHTML: well-formed, and free of what the replay declines.
    struct DocumentGenerator {
        var random: MalformedInputTests.SplitMix64
        static let tags = """
            p div span b i u font a table tr td th tbody ul ol li br hr img h1 h3 center pre blockquote dl dt dd \
            caption col small strong sub title noscript label section xmp select option s tt big address menu \
            fieldset legend area input meta P Div TD ix:nonNumeric ix:nonFraction ix:exclude ix:continuation ix:header
            """.split(whereSeparator: \.isWhitespace).map(String.init)
        static let words = [
            "Item", "1A.", "Risk", "Factors", "revenue", "$", ")", "%", "(56", "1,234", "\u{2014}",
            "Management\u{2019}s",
            "&amp;", "&lt;b&gt;", "&#160;", "&#9744;", "x", "o", "\u{FE}",
            // Blank lines, which break paragraphs outside `p` elements.
            "\n\n", "\r\n \r\n", "\r\r", "\n\r", "\r\n", "\n&#160;\n",
        ]
        static let styles = [
            "display:none", "DISPLAY: None", "font-family:Wingdings", "font-family: wingdings 2", "color:red",
            "font-weight:bold;display : none", "a&amp;b",
        ]

        mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }

        mutating func text() -> String {
            guard chance(80) else { return pick(["", " ", "\n  ", "\n\n"]) }
            return (0..<(1 + random.next() % 5)).map { _ in pick(Self.words) }.joined(separator: " ") + pick(["", " "])
        }

        mutating func attributes() -> String {
            var written = ""
            if chance(30) { written += " style=\"\(pick(Self.styles))\"" }
            if chance(10) { written += " face=\"\(pick(["Wingdings", "Arial", "WINGDINGS2"]))\"" }
            if chance(5) { written += " STYLE=\"display:none\"" }
            return written
        }

        mutating func content(depth: Int) -> String {
            var written = ""
            for _ in 0..<(random.next() % (depth < 5 ? 5 : 2)) {
                if chance(35) {
                    written += text()
                } else if chance(5) {
                    written += "<!-- c -->"
                } else if chance(4) {
                    // Raw-text elements, with text only.
                    let tag = pick(["style", "script"])
                    written += "<\(tag)>\(pick(["p { }", "x &lt; y"]))</\(tag)>"
                } else {
                    let tag = pick(Self.tags)
                    let attributes = attributes()
                    if chance(12) || depth >= 7 {
                        written += "<\(tag)\(attributes)/>"
                    } else {
                        written += "<\(tag)\(attributes)>\(content(depth: depth + 1))</\(tag)>"
                    }
                }
            }
            return written
        }

        mutating func document() -> String {
            """
            <?xml version="1.0" encoding="utf-8"?>
            <html \(HTMLParserReplayTests.namespaces)><head><title>t</title></head><body>\
            <p>FORM 10-K</p><p>Item 1A. Risk Factors</p>\(content(depth: 0))</body></html>
            """
        }
    }

    private func bothWays(_ html: String) throws -> (replayed: ParsedDocument, oracle: ParsedDocument) {
        var oracle = HTMLFilingParser()
        oracle.readsInlineXBRLAsXML = false
        let bytes = Array(html.utf8)
        return (
            try HTMLFilingParser().parse(bytes, form: .tenK, source: "replay.htm"),
            try oracle.parse(bytes, form: .tenK, source: "oracle.htm")
        )
    }

    private func replays(_ html: String) -> Bool {
        HTMLFilingParser().extractBlocksWithXMLParser(Array(html.utf8), source: "replay.htm") != nil
    }

    @Test(arguments: 0..<300)
    func randomDocumentsGiveTheHTMLParsersText(seed: Int) throws {
        var generator = DocumentGenerator(random: .init(state: UInt64(seed)))
        let html = generator.document()
        #expect(replays(html), "seed \(seed) fell back to the HTML parser")
        let (replayed, oracle) = try bothWays(html)
        #expect(replayed.canonicalText == oracle.canonicalText, "seed \(seed)")
        #expect(replayed.sections == oracle.sections, "seed \(seed)")
    }

    @Test(arguments: [
        // `<div>` closes the `p`; the `</p>` then has nothing to close.
        "<p>a<div>b</div>c</p>",
        // `<p>` closes an open `b`, `<table>` an open `a`, `<td>` an open `span`.
        "<b>x<p>y</p>z</b>", "<a>x<table><tr><td>y</td></tr></table>z</a>",
        "<table><tr><td><span>a</span><td>b</td></td></tr></table>",
        // Empty elements end at once; a `p` written empty; text and empty tags in table rows.
        "<br>x</br><p/>y<hr></hr><img/>", "<table><tr>x<td>$</td><td>1</td><td>)</td></tr></table>",
        // Hidden subtrees and dingbat fonts.
        "<div style='display:none'><p>gone</p></div><font face='Wingdings'>x</font><span style='font-family:Wingdings 2'>R</span>",
        // Blank lines: a paragraph break in a `div`, not in a `p` or a cell, nor next to a tag.
        "<div>Item 1. Business\r\n\r\nWe make chips.\n\n<b>x</b>\n\ny</div><p>a\n\nb</p><table><tr><td>c\n\nd</td></tr></table>",
    ])
    func htmlQuirksAreReplayed(body: String) throws {
        let html = "<html \(Self.namespaces)><body><p>FORM 10-K</p>\(body)</body></html>"
        #expect(replays(html))
        let (replayed, oracle) = try bothWays(html)
        #expect(replayed.canonicalText == oracle.canonicalText)
    }

    @Test(arguments: [
        // Text directly in `html` implies `body` and `p`; the HTML parser then misplaces the `<body>` tag.
        "<html NS>text<body><p>word</p></body></html>",
        // A CDATA section, an undeclared entity under an external DTD, an internal DTD subset.
        "<html NS><body><p><![CDATA[a < b]]></p></body></html>",
        """
        <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd"><html NS><body><p>a&nbsp;b</p></body></html>
        """,
        "<!DOCTYPE html [<!ATTLIST p style CDATA 'display:none'>]><html NS><body><p>a</p></body></html>",
        // Markup inside `style` (the HTML parser ends the style at the inner `</style>`).
        "<html NS><head><style>p { }<style>q { }</style>r</style></head><body><p>word</p></body></html>",
        // A processing instruction holding `>`; a document that is not well-formed.
        "<html NS><body><?pi a>b?><p>word</p></body></html>", "<html NS><body><p>word<br></p></body></html>",
    ])
    func declinedConstructsFallBackToTheHTMLParser(written: String) throws {
        let html = written.replacingOccurrences(of: "NS>", with: "\(Self.namespaces)>")
        #expect(!replays(html))
        let (replayed, oracle) = try bothWays(html)
        #expect(replayed.canonicalText == oracle.canonicalText)
    }
}
