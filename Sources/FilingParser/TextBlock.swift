/// One block of a document's text as the HTML walker emits it: a paragraph, a heading, a list item or
/// one table row.
struct TextBlock: Sendable, Hashable {
    /// Whitespace-collapsed text, never empty, never holding a newline.
    var text: String
    /// The table the row belongs to (an index counting tables in document order), or `nil`.
    var tableIndex: Int?
}
