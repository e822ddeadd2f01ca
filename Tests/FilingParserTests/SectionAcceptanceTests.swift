import FilingParser
import Foundation
import SECModel
import Testing

/// Issue 4 acceptance: in every 10-K and 10-Q of `../shared/edgar-samples/html` (and the Apple 10-Q
/// of its filing folder), the body — not the table of contents — of 10-K Items 1A and 7 and of 10-Q
/// Part I Item 2 is found and opens with the words written below (read off each filing). An item
/// incorporated by reference is found and marked as a pointer with its pointer text. Filings from
/// before Item 1A existed (2005) assert what they have.
@Suite(.enabled(if: SampleFiles.available))
struct SectionAcceptanceTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var form: FormType
        /// Item key → opening words of the body (the text after the heading and its title).
        var openings: [String: String]
        /// Item key → the whole pointer text, for items incorporated by reference.
        var pointers: [String: String] = [:]
        /// Keys the filing does not have (e.g. Item 1A before 2005).
        var absent: [String] = []

        var testDescription: String { file }
    }

    static let expectations: [Expected] = [
        Expected(
            file: "html/10-K/aapl-20240928_10-K_0000320193-24-000123.htm",
            form: .tenK,
            openings: [
                "1A": "The Company\u{2019}s business, reputation, results of operations, financial condition and stock"
                    + " price can be affected by a number of factors",
                "7": "The following discussion should be read in conjunction with the consolidated financial"
                    + " statements and accompanying notes included in Part II, Item 8 of this Form 10-K",
            ]
        ),
        Expected(
            file: "html/10-K/commonwealth-income-growth-fund-v_10-K_0001376474-16-000635.htm",
            form: .tenK,
            openings: [
                "1A": "NOT APPLICABLE",
                "7": "The following is a discussion of our current financial position and results of operations.",
            ]
        ),
        Expected(
            file: "html/10-K/gainsco_10-K_0001193125-10-073212.htm",
            form: .tenK,
            openings: [
                "1A": "Readers of this Annual Report on Form 10-K should consider the risk factors described in the"
                    + " following paragraphs",
                "7": "The discussion in this Item includes forward-looking statements and should be read in the"
                    + " context of the risks",
            ]
        ),
        Expected(
            file: "html/10-K/medicis_10-K_0000950153-99-001234.htm",
            form: .tenK,
            openings: [:],
            pointers: [
                "7": "Information required by this item is incorporated by reference on pages 14-21 of the 1999"
                    + " Annual Report to Shareholders."
            ],
            absent: ["1A"]
        ),
        Expected(
            file: "html/10-K/wfc_10-K_2025-02-25.htm",
            form: .tenK,
            openings: [:],
            pointers: [
                "1A": "Information in response to this Item 1A can be found in this report under Item 1 and in the 2024"
                    + " Annual Report to Shareholders under \u{201C}Financial Review \u{2013} Risk Factors.\u{201D} That"
                    + " information is incorporated into this item by reference.",
                "7": "Information in response to this Item 7 can be found in the 2024 Annual Report to Shareholders"
                    + " under \u{201C}Financial Review.\u{201D} That information is incorporated into this item by"
                    + " reference.",
            ]
        ),
        Expected(
            file: "html/10-Q/nvda_10-Q_2025-08-27.htm",
            form: .tenQ,
            openings: [
                "I-2": "Forward-Looking Statements\n\nThis Quarterly Report on Form 10-Q contains forward-looking"
                    + " statements",
                "II-1A": "Other than the risk factors listed below, there have been no material changes",
            ]
        ),
        Expected(
            file: "html/10-Q/orcl_10-Q_period-2024-08-31.htm",
            form: .tenQ,
            openings: [
                "I-2": "We begin Management\u{2019}s Discussion and Analysis of Financial Condition and Results of"
                    + " Operations with an overview",
                "II-1A": "In addition to the other information set forth in this Quarterly Report",
            ]
        ),
        Expected(
            file: "html/10-Q/riot_10-Q_0001558370-23-014305.htm",
            form: .tenQ,
            openings: [
                "I-2": "The following Management\u{2019}s Discussion and Analysis of Financial Condition and Results of"
                    + " Operations (this \u{201C}MD&A\u{201D}) should be read in conjunction with",
                "II-1A": "Investors should carefully review and consider the information regarding certain factors",
            ]
        ),
        Expected(
            file: "filing-folder/320193/000032019325000057/aapl-20250329.htm",
            form: .tenQ,
            openings: [
                "I-2": "This Item and other sections of this Quarterly Report on Form 10-Q (\u{201C}Form 10-Q\u{201D})"
                    + " contain forward-looking statements"
            ]
        ),
    ]

    @Test(arguments: expectations)
    func itemBodiesOpenWithTheirFirstWords(_ expected: Expected) throws {
        let path = SampleFiles.root + "/" + expected.file
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try HTMLFilingParser().parse([UInt8](data), form: expected.form, source: path)
        for (key, opening) in expected.openings.sorted(by: { $0.key < $1.key }) {
            let section = try #require(document.sections.first { $0.key == key }, "\(expected.file): no item \(key)")
            let body = Self.body(of: section, in: document)
            #expect(body.hasPrefix(opening), "\(expected.file) item \(key) opens with: \(body.prefix(160))")
            #expect(!section.isPointer, "\(expected.file) item \(key) is not a pointer")
        }
        for (key, pointerText) in expected.pointers.sorted(by: { $0.key < $1.key }) {
            let section = try #require(document.sections.first { $0.key == key }, "\(expected.file): no item \(key)")
            #expect(section.pointer == pointerText, "\(expected.file) item \(key) pointer: \(section.pointer ?? "nil")")
        }
        for key in expected.absent {
            #expect(!document.sections.contains { $0.key == key || $0.covers(key) }, "\(expected.file): \(key)")
        }
    }

    /// Every 10-K and 10-Q in the samples has expectations above, so a new sample cannot go unchecked.
    @Test func everyTenKAndTenQIsCovered() {
        let covered = Set(Self.expectations.map { SampleFiles.root + "/" + $0.file })
        let samples = SampleFiles.html().filter { $0.contains("/10-K/") || $0.contains("/10-Q/") }
        #expect(!samples.isEmpty)
        for path in samples { #expect(covered.contains(path), "\(path) has no section expectations") }
    }

    /// The section's text after its heading block (and after the title block when the title stands in
    /// the block after the heading).
    static func body(of section: Section, in document: ParsedDocument) -> String {
        var paragraphs = document.text(charStart: section.charStart, charEnd: section.charEnd)
            .components(separatedBy: "\n\n")
        paragraphs.removeFirst()
        if paragraphs.first == section.title { paragraphs.removeFirst() }
        return paragraphs.joined(separator: "\n\n")
    }
}
