import SECModel

extension Chunk {
    /// The text handed to the embedder: a one-line header naming the filer, form, fiscal year and
    /// item, then the chunk text. The header tells the model what a passage is about when the passage
    /// itself never says (a table of numbers in Item 8 vs the same numbers discussed in Item 7); the
    /// stored chunk text stays exactly the cited span.
    var embeddingInput: String {
        let item = citation.item == Section.coverKey ? "cover page" : "Item \(citation.item) \(citation.itemTitle)"
        return "\(citation.companyName) \(citation.form) fiscal \(citation.fiscalYear), \(item)\n\(text)"
    }
}
