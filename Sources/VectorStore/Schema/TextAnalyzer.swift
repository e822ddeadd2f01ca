/// How the BM25 index of a collection's text field turns words into terms: chosen when the
/// collection is created and fixed for its life (segments store terms, so queries must be analysed
/// as the rows were).
///
/// Both lower-case runs of letters and digits and drop English stop words; they differ in stemming.
public enum TextAnalyzer: String, Sendable, Hashable, Codable, CaseIterable {
    /// Plurals only ("risks" → "risk", "policies" → "policy"): collections created before
    /// `english` existed (a `collection.json` without `textAnalyzer`).
    case plural
    /// Snowball English (Porter2) on ASCII-letter words ("employees", "employment" → "employ";
    /// "operating", "operations" → "oper"), plurals for other words: new collections.
    case english

    /// What a collection created now uses.
    public static let current = TextAnalyzer.english
}
