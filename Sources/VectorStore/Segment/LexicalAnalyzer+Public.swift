/// The terms the lexical index makes of a text (lowercased letter and digit runs, English stop
/// words dropped, stemmed by `analyzer`): for callers that re-rank hits by the same terms BM25 scores.
public enum LexicalTerms {
    public static func of(_ text: String, analyzer: TextAnalyzer = .current) -> [String] {
        LexicalAnalyzer.terms(of: text, analyzer: analyzer)
    }
}
