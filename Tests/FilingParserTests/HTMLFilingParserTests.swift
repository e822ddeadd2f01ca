import SECModel
import Testing

@testable import FilingParser

@Suite struct HTMLFilingParserTests {
    private let parser = HTMLFilingParser()

    private func parse(_ html: String, form: FormType? = nil) throws -> ParsedDocument {
        try parser.parse(Array(html.utf8), form: form, source: "inline.htm")
    }

    private func section(_ document: ParsedDocument, _ key: String) -> String? {
        document.sections.first { $0.key == key }.map { document.text(charStart: $0.charStart, charEnd: $0.charEnd) }
    }

    static let tenK = """
        <html><head><title>hrsc-10k</title><style>p { margin: 0 }</style></head><body>
        <div style="display:none"><ix:header>dei:DocumentType 10-K hidden</ix:header></div>
        <p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-K</p>
        <table>
          <tr><td>Item 1.</td><td><a href="#i1">Business</a></td><td>3</td></tr>
          <tr><td>Item 1A.</td><td><a href="#i1a">Risk Factors</a></td><td>9</td></tr>
          <tr><td>Item 7.</td><td><a href="#i7">Management&#8217;s Discussion and Analysis</a></td><td>20</td></tr>
        </table>
        <div><span style="font-weight:bold">Item&#160;1. Business</span></div>
        <p>We design mixed-signal chips.</p>
        <div style="text-align:center">3</div><div><a href="#toc">Table of Contents</a></div>
        <div><span>Item 1A.</span></div><div><span>Risk Factors</span></div>
        <p>We rely on a single foundry.</p>
        <p>ITEM 7. MANAGEMENT&#8217;S DISCUSSION AND ANALYSIS</p>
        <table><tr><td>Revenue</td><td>$</td><td>1,234</td><td>(56</td><td>)</td></tr></table>
        </body></html>
        """

    @Test func findsBodyItemsNotTheTableOfContents() throws {
        let document = try parse(Self.tenK)
        #expect(document.sections.map(\.key) == ["cover", "1", "1A", "7"])
        #expect(section(document, "1") == "Item 1. Business\n\nWe design mixed-signal chips.")
        #expect(section(document, "1A") == "Item 1A.\n\nRisk Factors\n\nWe rely on a single foundry.")
        let titles = document.sections.map(\.title)
        #expect(
            titles == [
                "Cover page and table of contents", "Business", "Risk Factors",
                "MANAGEMENT\u{2019}S DISCUSSION AND ANALYSIS",
            ]
        )
    }

    @Test func dropsHiddenContentAndPageFurniture() throws {
        let text = try parse(Self.tenK).canonicalText
        #expect(!text.contains("hidden"))
        #expect(!text.contains("hrsc-10k"))
        #expect(!text.contains("margin"))
        #expect(!text.contains("Table of Contents"))
        #expect(!text.contains("\n3\n"))
        #expect(text.contains("Revenue | $1,234 | (56)"))
    }

    @Test func sectionsTileTheDocumentInOrder() throws {
        let document = try parse(Self.tenK)
        #expect(document.sections.first?.charStart == 0)
        for (a, b) in zip(document.sections, document.sections.dropFirst()) {
            #expect(a.charEnd <= b.charStart)
        }
        #expect(document.sections.last?.charEnd == document.scalarCount)
    }

    @Test func tenQItemsAreKeyedByPart() throws {
        let html = """
            <html><body><p>FORM 10-Q</p>
            <p>PART I &#8212; FINANCIAL INFORMATION</p><p>Item 1. Financial Statements</p><p>Balance sheet.</p>
            <p>Item 2. Management&#8217;s Discussion and Analysis</p><p>Freight volumes rose.</p>
            <p>PART II &#8212; OTHER INFORMATION</p><p>Item 1A. Risk Factors</p><p>See the 10-K.</p>
            <p>Item 2. Unregistered Sales of Equity Securities and Use of Proceeds</p><p>None.</p>
            </body></html>
            """
        let document = try parse(html)
        #expect(document.sections.map(\.key) == ["cover", "I-1", "I-2", "II-1A", "II-2"])
        #expect(section(document, "II-2")?.hasSuffix("None.") == true)
    }

    @Test func eightKItemsUseDecimalNumbers() throws {
        let html = """
            <html><body><p>FORM 8-K</p><p>Item 2.02 Results of Operations and Financial Condition.</p><p>Results.</p>
            <p>Item 9.01 Financial Statements and Exhibits.</p><p>99.1 Press release</p></body></html>
            """
        let document = try parse(html)
        #expect(document.sections.map(\.key) == ["cover", "2.02", "9.01"])
        #expect(document.sections[1].title == "Results of Operations and Financial Condition")
    }

    @Test func decodesWindows1252WhenNotUTF8() throws {
        let bytes: [UInt8] =
            Array("<html><body><p>Registrant".utf8) + [0x92] + Array("s common equity</p></body></html>".utf8)
        let document = try parser.parse(bytes, form: nil, source: "legacy.htm")
        #expect(document.canonicalText == "Registrant\u{2019}s common equity")
    }

    @Test func refusesEmptyBinaryAndNonHTMLInput() {
        let cases: [([UInt8], ParseError.Code)] = [
            ([], .empty),
            (Array("  \n ".utf8), .empty),
            ([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1], .notHTML),
            (Array("just some plain text, no markup".utf8), .notHTML),
            (Array("<html><body><div style='display:none'>x</div></body></html>".utf8), .empty),
        ]
        for (bytes, code) in cases {
            #expect(throws: ParseError.self) { try parser.parse(bytes, form: nil, source: "bad") }
            do {
                _ = try parser.parse(bytes, form: nil, source: "bad")
            } catch {
                #expect(error.code == code)
            }
        }
    }

    @Test func refusesInputOverTheSizeLimit() {
        let small = HTMLFilingParser(maxInputBytes: 100)
        #expect(throws: ParseError.self) {
            try small.parse(Array(String(repeating: "<p>x</p>", count: 20).utf8), form: nil, source: "big")
        }
    }
}

@Suite struct ItemHeadingPrefilterTests {
    @Test(arguments: [
        "Item 1A. Risk Factors", "ITEM 7", "  item 2.02", "PART II", "Part I — Financial", "Items 1 and 2",
    ])
    func acceptsHeadingStarts(_ text: String) {
        #expect(ItemHeading.startsWithItemOrPart(text))
    }

    @Test(arguments: ["", "Ite", "Revenue grew", "The Item 1A risks"])
    func rejectsOtherText(_ text: String) {
        #expect(!ItemHeading.startsWithItemOrPart(text))
        #expect(ItemHeading(text) == nil)
    }

    @Test func prefilterPassesAreStillCheckedByThePattern() {
        #expect(ItemHeading.startsWithItemOrPart("Particular risks"))
        #expect(ItemHeading("Particular risks") == nil)
    }
}
