import SECModel
import Testing

@testable import FilingParser

/// Item layouts beyond one heading per HTML paragraph: documents converted from plain text (blank
/// lines between paragraphs), 10-Qs without a readable `PART I` heading, and the 20-F's 16-series.
@Suite struct ItemLayoutTests {
    private func parse(_ html: String, form: FormType?) throws -> ParsedDocument {
        try HTMLFilingParser().parse(Array(html.utf8), form: form, source: "layout.htm")
    }

    private func section(_ document: ParsedDocument, _ key: String) -> String? {
        document.sections.first { $0.key == key }.map { document.text(charStart: $0.charStart, charEnd: $0.charEnd) }
    }

    /// A 2001-style 20-F: plain text in one `div`, a row-less contents table, cross-references and
    /// a wrapped line starting with "Item" inside paragraphs, `-N-` page numbers.
    static let plainTextTwentyF = """
        <html><body><div>
                                     -1-

                                  FORM 20-F
        Registrant elects to follow: item 18

                                     -2-
        <TABLE>
        <S>                                                          <C>
        Item 1    Identity of Directors, Senior Management and Advisors     3
        Item 4    Information on the Company                                4
        Item 5    Operating and Financial Review and Prospects              9
        </TABLE>

        Item 1. Identity of Directors, Senior Management and Advisors

        Not applicable

        Item 4.  Information on the Company

        Northwind Assurance N.V. sells life insurance in the Netherlands; see
        Item 5 for a discussion of competition.

                                     -3-

        Item 5. Operating and Financial Review and Prospects

        See Item 18.

        Premiums rose 4% in 2000.
        </div>
        <p>An HTML paragraph with a stray

        blank line stays whole.</p></body></html>
        """

    @Test func plainTextLayoutYieldsItsItems() throws {
        let document = try parse(Self.plainTextTwentyF, form: .twentyF)
        #expect(document.sections.map(\.key) == ["cover", "1", "4", "5"])
        #expect(
            document.sections.map(\.title).dropFirst() == [
                "Identity of Directors, Senior Management and Advisors", "Information on the Company",
                "Operating and Financial Review and Prospects",
            ]
        )
        #expect(
            section(document, "4")
                == "Item 4. Information on the Company\n\nNorthwind Assurance N.V. sells life insurance in the"
                + " Netherlands; see Item 5 for a discussion of competition."
        )
        #expect(
            section(document, "5")?.hasPrefix(
                "Item 5. Operating and Financial Review and Prospects\n\nSee Item 18.\n\n"
            ) == true
        )
        #expect(!document.canonicalText.contains("-3-") && !document.canonicalText.contains("-1-"))
        // The contents table is one block listing three items: part of the cover, not Item 1.
        #expect(section(document, "cover")?.contains("Item 1 Identity of Directors") == true)
        #expect(document.canonicalText.hasSuffix("\n\nAn HTML paragraph with a stray blank line stays whole."))
    }

    @Test func blankLinesBreakOnlyInsideOneRunOfText() throws {
        let html = """
            <html><body><div>one

            two<b>bold</b>

            three</div><table><tr><td>cell

            text</td></tr></table><li>item

            text</li></body></html>
            """
        let document = try parse(html, form: nil)
        #expect(document.canonicalText == "one\n\ntwobold three\n\ncell text\n\nitem text")
        // Line breaks count as XML normalises them: `\r\n` and a lone `\r` are one each.
        let breaks = try parse("<html><body><div>a\r\nb\r\n\r\nc\r\rd\n\re</div></body></html>", form: nil)
        #expect(breaks.canonicalText == "a b\n\nc\n\nd\n\ne")
    }

    /// A fictional 10-Q whose Part I has no `PART` heading at all and whose Part II heading is
    /// written as words the grammar does not read.
    static let tenQWithoutPartI = """
        <html><body><p>FORM 10-Q</p><p>Larkspur Freight Systems, Inc.</p>
        <p>FINANCIAL INFORMATION</p>
        <p>Item 1. Financial Statements</p><p>Condensed balance sheets follow.</p>
        <p>Item 2. Management&#8217;s Discussion and Analysis of Financial Condition and Results of Operations</p>
        <p>Freight volumes rose 6% on new lanes in the Midwest.</p>
        <p>Item 3. Quantitative and Qualitative Disclosures About Market Risk</p><p>Fuel prices are hedged.</p>
        <p>Item 4. Controls and Procedures</p><p>Our controls were effective.</p>
        <p>Part Two &#8212; Other Information</p>
        <p>Item 1. Legal Proceedings</p><p>None.</p>
        <p>Item 1A. Risk Factors</p><p>No material changes.</p>
        <p>Item 2. Unregistered Sales of Equity Securities and Use of Proceeds</p><p>None.</p>
        <p>Item 6. Exhibits</p><p>31.1 Certification.</p>
        </body></html>
        """

    @Test func tenQWithoutPartIHeadingKeysItsItemsByPart() throws {
        let document = try parse(Self.tenQWithoutPartI, form: .tenQ)
        #expect(document.sections.map(\.key) == ["cover", "I-1", "I-2", "I-3", "I-4", "II-1", "II-1A", "II-2", "II-6"])
        #expect(section(document, "I-2")?.hasSuffix("Freight volumes rose 6% on new lanes in the Midwest.") == true)
        #expect(section(document, "II-1") == "Item 1. Legal Proceedings\n\nNone.")
    }

    @Test func anItemRunIntoItsPartHeadingIsFound() throws {
        let html = """
            <html><body><p>FORM 10-Q</p>
            <table><tr><td>PART I</td><td>3</td><td>Item 1.</td><td>Financial Statements</td></tr>
            <tr><td>PART II</td><td>9</td><td>Item 1.</td><td>Legal Proceedings</td></tr></table>
            <p>Our contents list above runs each part into its first item; its rows are no headings.</p>
            <p>PART I &#8212; FINANCIAL INFORMATION<br/>Item 1. Condensed Consolidated Statements</p><p>Tables.</p>
            <p>Item 2. Management&#8217;s Discussion and Analysis</p><p>Volumes rose.</p>
            <p>PART II. OTHER INFORMATION Item 1. Legal Proceedings</p><p>None.</p>
            </body></html>
            """
        let document = try parse(html, form: .tenQ)
        #expect(document.sections.map(\.key) == ["cover", "I-1", "I-2", "II-1"])
        #expect(document.sections.map(\.title).last == "Legal Proceedings")
        #expect(SectionDetector.itemRunIn("OTHER INFORMATION (SYSTEMITEM 1)") == nil)
    }

    @Test func quarterlyPartsFollowTitlesHeadingsThenNumbering() {
        // Titles say nothing: the numbering restarts after Item 4, and 1A, 5 and 6 are Part II's.
        #expect(
            QuarterlyReportParts.parts(
                numbers: ["1", "2", "3", "4", "1", "1A", "6"],
                titles: Array(repeating: "", count: 7),
                headedParts: Array(repeating: nil, count: 7)
            ) == ["I", "I", "I", "I", "II", "II", "II"]
        )
        #expect(
            QuarterlyReportParts.parts(
                numbers: ["1", "2", "5"],
                titles: ["", "", ""],
                headedParts: [nil, nil, nil]
            ) == ["I", "I", "II"]
        )
        // A contents list written as paragraphs, then the body: the numbering starts again in Part I.
        #expect(
            QuarterlyReportParts.parts(
                numbers: ["1", "2", "1", "6", "1", "2", "1"],
                titles: Array(repeating: "", count: 7),
                headedParts: Array(repeating: nil, count: 7)
            ) == ["I", "I", "II", "II", "I", "I", "II"]
        )
        // A `PART II` heading read, none for Part I; a title outranks a stale heading.
        #expect(
            QuarterlyReportParts.parts(
                numbers: ["1", "2", "1", "1"],
                titles: ["", "", "", "Financial Statements"],
                headedParts: [nil, nil, "II", "II"]
            ) == ["I", "I", "II", "I"]
        )
        #expect(QuarterlyReportParts.part(ofTitle: "MANAGEMENT\u{2019}S DISCUSSION AND ANALYSIS") == "I")
        #expect(QuarterlyReportParts.part(ofTitle: "Submission of Matters to a Vote of Security Holders") == "II")
        #expect(QuarterlyReportParts.part(ofTitle: "Financial Statements and Exhibits") == nil)
    }

    @Test func twentyFSixteenSeriesItemsHaveTheirOwnKeysAndTitles() throws {
        let rows = [
            ("16A.", "Audit Committee Financial Expert"), ("16.B.", "Item 16.B. Code of Ethics."),
            ("16C", "Principal Accountant Fees and Services"), ("16.H.", "H. Mine Safety"),
            ("16I.", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections"),
            ("16J.", "Insider Trading Policies"),
        ]
        let body = rows.map { number, title in
            "<table><tr><td>Item \(number)</td><td>\(title)</td></tr></table><p>Text of \(number)</p>"
        }
        let html = """
            <html><body><p>FORM 20-F</p><p>Item 15. Controls and Procedures</p><p>Effective.</p>
            \(body.joined(separator: "\n"))<p>Item 17. Financial Statements</p><p>Not applicable.</p></body></html>
            """
        let document = try parse(html, form: .twentyF)
        #expect(document.sections.map(\.key) == ["cover", "15", "16A", "16B", "16C", "16H", "16I", "16J", "17"])
        #expect(
            document.sections.map(\.title)[3...5] == [
                "Code of Ethics", "Principal Accountant Fees and Services", "Mine Safety",
            ]
        )
        #expect(section(document, "15") == "Item 15. Controls and Procedures\n\nEffective.")
    }
}
