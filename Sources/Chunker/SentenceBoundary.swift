/// Where one sentence ends and the next begins, judged from the two words on either side of a space.
///
/// A sentence ends after a word ending in `.`, `?` or `!` (closing quotes and brackets may follow)
/// when the next word starts with a capital letter or a digit (opening quotes and brackets may come
/// first) and the word is not a common abbreviation (`Inc.`, `U.S.`, `No.`, initials …). A heuristic:
/// a missed boundary only makes the chunker cut at a word instead.
enum SentenceBoundary {
    static func between(_ previous: ArraySlice<Unicode.Scalar>, _ next: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let terminal = previous.lastIndex(where: { !closers.contains($0) }),
            terminators.contains(previous[terminal])
        else { return false }
        guard let first = next.first(where: { !openers.contains($0) }),
            first.properties.isUppercase || first.properties.numericType != nil
        else { return false }
        if previous[terminal] != "." { return true }
        let word = previous[previous.startIndex...terminal]
        if word.count == 2, word.first?.properties.isUppercase == true { return false }
        var lowered = ""
        for scalar in word { lowered.unicodeScalars.append(scalar) }
        return !abbreviations.contains(lowered.lowercased())
    }

    private static let terminators: Set<Unicode.Scalar> = [".", "?", "!"]
    private static let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}"]
    private static let openers: Set<Unicode.Scalar> = ["\"", "'", "(", "[", "\u{201C}", "\u{2018}"]
    private static let abbreviations: Set<String> = [
        "inc.", "corp.", "co.", "ltd.", "llc.", "l.p.", "n.a.", "no.", "nos.", "mr.", "mrs.", "ms.", "dr.", "st.",
        "u.s.", "u.k.", "e.g.", "i.e.", "vs.", "v.", "approx.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.",
        "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "sec.", "art.", "fig.", "ref.",
    ]
}
