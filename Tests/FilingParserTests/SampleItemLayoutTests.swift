import FilingParser
import Foundation
import SECModel
import Testing

/// Issue 13 step 6 on the real filings of `../shared/edgar-samples/html` (when present): the 2001
/// AEGON 20-F, written as plain text in one `div`, yields its items; Loncor's 20-F keys Items
/// 16A–16H apart.
@Suite(.enabled(if: SampleFiles.available))
struct SampleItemLayoutTests {
    private func parse(_ relative: String) throws -> ParsedDocument {
        let path = SampleFiles.root + "/" + relative
        let data = try #require(FileManager.default.contents(atPath: path))
        return try HTMLFilingParser().parse([UInt8](data), form: nil, source: path)
    }

    private func text(_ document: ParsedDocument, _ key: String) -> String? {
        document.sections.first { $0.key == key }.map { document.text(charStart: $0.charStart, charEnd: $0.charEnd) }
    }

    @Test func aegonTwentyFYieldsItsItems() throws {
        let document = try parse("html/20-F/aegon_20-F_0000928385-01-500187.htm")
        // The filing has no Item 17 (it follows Item 18).
        let items = (1...16).map(String.init) + ["18", "19"]
        #expect(document.sections.map(\.key) == ["cover"] + items)
        let titles = Dictionary(uniqueKeysWithValues: document.sections.map { ($0.key, $0.title) })
        #expect(titles["4"] == "Information on the Company")
        #expect(titles["11"] == "Quantitative and Qualitative Disclosure about Market Risk")
        #expect(titles["14"] == "Material Modifications to the Rights of Security Holders and Use of Proceeds")
        // The contents table stays in the cover; a cross-reference is body text of its item.
        #expect(
            text(document, "cover")?.contains("Item 1 Identity of Directors, Senior Management and Advisors 3") == true
        )
        let eight = try #require(text(document, "8"))
        #expect(eight.hasPrefix("Item 8. Financial Information\n\nSee Item 18.\n\nLegal Proceedings\n\n"))
        #expect(
            text(document, "1") == "Item 1. Identity of Directors, Senior Management and Advisors\n\nNot applicable"
        )
        #expect(try #require(text(document, "5")).count > 50_000)
    }

    @Test func loncorTwentyFKeysItsSixteenSeriesApart() throws {
        let document = try parse("html/20-F/loncor_20-F_0001062993-16-008650.htm")
        let keys = document.sections.map(\.key)
        let sixteen = ["16A", "16B", "16C", "16D", "16E", "16F", "16G", "16H"]
        let fifteen = try #require(keys.firstIndex(of: "15"))
        #expect(Array(keys[fifteen...].prefix(11)) == ["15"] + sixteen + ["17", "18"])
        #expect(!keys.contains("16"))
        let titles = Dictionary(uniqueKeysWithValues: document.sections.map { ($0.key, $0.title) })
        #expect(titles["16A"] == "Audit Committee Financial Expert")
        #expect(titles["16B"] == "Code of Ethics")
        #expect(titles["16H"] == "Mine Safety")
        #expect(text(document, "15")?.contains("Audit Committee Financial Expert") == false)
        #expect(text(document, "16C")?.hasPrefix("Item 16.C. | Principal Accountant Fees and Services") == true)
    }
}
