import FilingParser
import Foundation
import SECModel
import Testing

/// Section and text quirks: combined item headings, items incorporated by reference, Wingdings check
/// boxes and windows-1252 characters read as Latin-1.
@Suite struct SectionQuirksTests {
    private func parse(_ html: String, form: FormType? = .tenK) throws -> ParsedDocument {
        try HTMLFilingParser().parse(Array(html.utf8), form: form, source: "quirks.htm")
    }

    @Test func combinedItemHeadingsCoverEveryItem() throws {
        let html = """
            <html><body><p>FORM 10-K</p>
            <p>Items 1 and 2. Business and Properties</p><p>We own two fabs in Austin.</p>
            <p>Item 1A. Risk Factors</p><p>We rely on a single foundry for wafers.</p>
            <p>Items 7&#8211;7A. MD&amp;A and Market Risk</p><p>Revenue rose.</p>
            <p>Items 10 through 14.</p><p>The information is incorporated by reference from our 2025 Proxy Statement.</p>
            </body></html>
            """
        let document = try parse(html)
        #expect(document.sections.map(\.key) == ["cover", "1", "1A", "7", "10"])
        #expect(
            document.sections[3].combinedKeys == ["7", "7A"] && document.sections[3].title == "MD&A and Market Risk"
        )
        let first = document.sections[1]
        #expect(first.combinedKeys == ["1", "2"] && first.title == "Business and Properties")
        #expect(first.covers("2") && !first.covers("1A"))
        #expect(document.sections[4].combinedKeys == ["10", "11", "12", "13", "14"])
        #expect(document.sections[2].combinedKeys == nil)
    }

    @Test func itemsIncorporatedByReferenceArePointers() throws {
        let html = """
            <html><body><p>FORM 10-K</p>
            <p>ITEM 1A. RISK FACTORS</p>
            <p>Information in response to this Item 1A can be found in the 2024 Annual Report to Shareholders under
            &#8220;Risk Factors.&#8221; That information is incorporated into this item by reference.</p>
            <p>ITEM 7.</p><p>MANAGEMENT&#8217;S DISCUSSION AND ANALYSIS</p>
            <p>Information in response to this Item 7 can be found in Exhibit 13 under &#8220;Financial Review.&#8221;
            That information is incorporated into this item by reference.</p>
            <p>ITEM 8. FINANCIAL STATEMENTS</p><p>Our statements follow. Certain exhibits are incorporated by reference.</p>
            \(String(repeating: "<p>Revenue grew in every segment and every quarter of the year.</p>", count: 40))
            </body></html>
            """
        let document = try parse(html)
        let risk = try #require(document.sections.first { $0.key == "1A" })
        #expect(risk.pointer?.hasPrefix("Information in response to this Item 1A") == true)
        let mdna = try #require(document.sections.first { $0.key == "7" })
        #expect(mdna.isPointer && mdna.pointer?.contains("Exhibit 13") == true)
        #expect(mdna.pointer?.contains("MANAGEMENT") == false)
        #expect(document.sections.first { $0.key == "8" }?.isPointer == false)
    }

    @Test func wingdingsCheckBoxesBecomeBallotBoxes() throws {
        let html = """
            <html><body><p>Yes <font face="Wingdings">&#120;</font> No <span style="font-family:Wingdings">&#168;</span></p>
            <p>Large accelerated filer <span style="font-family:'Wingdings 2'">T</span> Smaller <span style="font-family:Wingdings">o</span></p>
            <p>Plain x and o stay letters.</p></body></html>
            """
        let text = try parse(html, form: nil).canonicalText
        #expect(
            text
                == "Yes \u{2612} No \u{2610}\n\nLarge accelerated filer \u{2612} Smaller \u{2610}\n\nPlain x and o stay letters."
        )
    }

    @Test func latin1ReadWindows1252CharactersAreRepaired() throws {
        let text = try parse(
            "<html><body><p>Management\u{92}s \u{93}view\u{94} \u{97} 2024</p></body></html>",
            form: nil
        ).canonicalText
        #expect(text == "Management\u{2019}s \u{201C}view\u{201D} \u{2014} 2024")
    }

    @Test func sectionsWithoutNewFieldsStillDecode() throws {
        let old = #"{"key":"7","title":"MD&A","charStart":1,"charEnd":5}"#
        let section = try JSONDecoder().decode(Section.self, from: Data(old.utf8))
        #expect(section.pointer == nil && section.combinedKeys == nil && section.key == "7")
    }
}
