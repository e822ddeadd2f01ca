import Testing

@testable import Retrieval

@Suite struct BoilerplateClassifierTests {
    @Test func signatureBlock() {
        let text = """
            SIGNATURES Pursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly \
            caused this report to be signed on its behalf by the undersigned hereunto duly authorized.
            """
        #expect(
            BoilerplateClassifier.classify(itemKey: "16", itemTitle: "Form 10-K Summary", text: text) == .signatures
        )
    }

    @Test func coverPage() {
        let text = """
            Indicate by check mark whether the registrant (1) has filed all reports required to be filed by Section 13 \
            ☒ Yes ☐ No. Commission File Number 001-36743. (Exact name of registrant as specified in its charter)
            """
        #expect(BoilerplateClassifier.classify(itemKey: "cover", itemTitle: "Cover page", text: text) == .cover)
    }

    @Test func exhibitIndex() {
        let text = """
            Exhibit Number | Exhibit Description | Form | Filed herewith 3.1 | Restated Articles | 8-K | 3.2 | Bylaws | \
            8-K 4.1 | Indenture | S-3 10.1 | Employee Stock Plan | 10-Q 31.1 | Certification | Filed herewith 32.1 | \
            Certification | Furnished herewith
            """
        #expect(
            BoilerplateClassifier.classify(
                itemKey: "15",
                itemTitle: "Exhibit and Financial Statement Schedules",
                text: text
            )
                == .exhibitIndex
        )
    }

    @Test func proseIsNotBoilerplate() {
        let text = """
            The Company's net sales increased 2% during 2024 compared to 2023, driven by higher Services revenue. \
            The Company expects interest rates of 4.5 and 3.2 percent to persist; see Exhibit 99.1 for details.
            """
        #expect(BoilerplateClassifier.classify(itemKey: "7", itemTitle: "Management's Discussion", text: text) == nil)
    }

    @Test func forwardLookingLegend() {
        let text = """
            This report contains forward-looking statements within the meaning of the Private Securities Litigation \
            Reform Act of 1995. Actual results may differ materially from those anticipated.
            """
        #expect(BoilerplateClassifier.classify(itemKey: "cover", itemTitle: "", text: text) == .forwardLooking)
    }
}

@Suite struct BoilerplateDominanceTests {
    @Test func contentBeforeALegendIsNotBoilerplate() {
        let text = """
            Headquartered in Kearney, Nebraska, the retailer currently operates 445 retail stores in 42 states, and its \
            online sales grew 4.1 percent during the quarter compared with the prior-year quarter, while comparable \
            store sales were flat. SAFE HARBOR STATEMENT: forward-looking statements involve risks and actual results \
            may differ materially.
            """
        #expect(BoilerplateClassifier.classify(itemKey: "cover", itemTitle: "", text: text) == nil)
    }

    @Test func stubs() {
        #expect(
            BoilerplateClassifier.classify(itemKey: "6", itemTitle: "[Reserved]", text: "Item 6. [Reserved]") == .stub
        )
        let reference =
            "Item 14. Principal Accountant Fees and Services. The information required by this Item will be "
            + "included in the 2025 Proxy Statement, and is incorporated herein by reference."
        #expect(BoilerplateClassifier.classify(itemKey: "14", itemTitle: "Fees", text: reference) == .stub)
    }

    @Test func tableRowsAreNotExhibitIndexes() {
        let text = """
            Interest rate sensitivity | 2024 | 2023 Effect of a 1.0 percentage point increase | 3.5 | 2.9 \
            Effect of a 0.5 percentage point increase | 1.8 | 1.4 Effect on net interest income | 4.2 | 3.3
            """
        #expect(BoilerplateClassifier.classify(itemKey: "7A", itemTitle: "Market Risk", text: text) == nil)
    }
}
