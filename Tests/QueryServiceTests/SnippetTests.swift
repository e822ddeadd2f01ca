import Testing

@testable import QueryService

/// Highlighted snippets: escaped text, marked terms, the densest window.
@Suite struct SnippetTests {
    @Test func termsAreMarkedAndTheTextEscaped() {
        let html = Snippet.highlight("R&D on <b>wafers</b>: the Foundry's wafer.", query: "foundry wafer on")
        #expect(
            html
                == "R&amp;D on &lt;b&gt;<mark>wafers</mark>&lt;/b&gt;: the <mark>Foundry</mark>&#39;s <mark>wafer</mark>."
        )
    }

    @Test func theWindowHoldsTheMostTerms() {
        let filler = String(repeating: "lorem ipsum ", count: 60)
        let text = "foundry " + filler + "tariffs raise the cost of foundry wafers " + filler
        let html = Snippet.highlight(text, query: "foundry wafers tariffs")
        #expect(html.hasPrefix("…"))
        #expect(html.hasSuffix("…"))
        #expect(html.contains("<mark>tariffs</mark> raise the cost of <mark>foundry</mark> <mark>wafers</mark>"))
        #expect(html.count < Snippet.lengthMax + 120)
    }

    @Test func withoutTermsTheTextStartsTheSnippet() {
        #expect(Snippet.highlight("Plain text.", query: "the of") == "Plain text.")
    }
}
