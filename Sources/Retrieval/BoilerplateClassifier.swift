/// Tells boilerplate passages (`BoilerplateKind`) from the rest by their wording, not by their
/// section key alone: a 6-K or a press release is one "cover" section from start to end, and a
/// signature block sits inside the last item.
///
/// The rules look for phrases the SEC's forms prescribe (cover-page check boxes, the signature
/// sentence, exhibit-index columns) and for the density of item or exhibit references; a passage
/// is boilerplate when such wording dominates it, so a paragraph that merely mentions an exhibit
/// is not.
public enum BoilerplateClassifier {
    /// The kind of boilerplate `text` is, or `nil` for ordinary prose and tables.
    ///
    /// - Parameters:
    ///   - itemKey: the section key (`cover`, `15`, `II-6`, `9.01`).
    ///   - itemTitle: the section title as the filing gives it.
    ///   - text: the passage.
    public static func classify(itemKey: String, itemTitle: String, text: String) -> BoilerplateKind? {
        let lowered = LoweredBytes(text)
        let words = max(1, lowered.wordCount)
        if let start = lowered.first(of: "pursuant to the requirements of", from: 0),
            lowered.contains("duly caused") || lowered.contains("signed on its behalf"),
            lowered.share(before: start) < contentShareMax
        {
            return .signatures
        }
        if isCover(lowered, itemKey: itemKey) { return .cover }
        if isTableOfContents(lowered, words: words) { return .tableOfContents }
        if isExhibitIndex(lowered, title: itemTitle.lowercased(), words: words) { return .exhibitIndex }
        if let start = lowered.first(of: "forward-looking statements", from: 0)
            ?? lowered.first(of: "forward looking statements", from: 0),
            forwardLookingMarkers.contains(where: lowered.contains), lowered.share(before: start) < contentShareMax
        {
            return .forwardLooking
        }
        if words < stubWordsMax || (words < stubWithPhraseWordsMax && stubPhrases.contains(where: lowered.contains)) {
            return .stub
        }
        return nil
    }

    /// A signature block or a legend is boilerplate only when less than this share of the passage
    /// precedes it: a press release's last paragraph followed by its safe-harbor legend is not.
    static let contentShareMax = 0.35

    /// Passages shorter than this many words are stubs (a heading alone, "None.").
    static let stubWordsMax = 12
    /// Passages shorter than this many words that say they say nothing are stubs ("Item 6.
    /// [Reserved]", "Not applicable.", "incorporated herein by reference to the Proxy Statement").
    static let stubWithPhraseWordsMax = 45
    static let stubPhrases = [
        "[reserved]", "not applicable", "none.", "incorporated herein by reference", "will be included in",
        "is incorporated by reference", "omitted",
    ]

    static let forwardLookingMarkers = [
        "private securities litigation reform act", "safe harbor", "differ materially", "undue reliance",
        "speak only as of",
    ]

    static let coverMarkers = [
        "indicate by check mark", "exact name of registrant", "commission file number",
        "securities registered pursuant to section", "(address of principal executive offices",
        "registrant's telephone number", "registrant\u{2019}s telephone number", "i.r.s. employer",
        "irs employer identification", "check the appropriate box below",
    ]

    /// Two or more prescribed cover-page phrases, or check boxes with one.
    static func isCover(_ text: LoweredBytes, itemKey: String) -> Bool {
        var markers = coverMarkers.reduce(0) { $0 + (text.contains($1) ? 1 : 0) }
        if text.contains("\u{2610}") || text.contains("\u{2612}") || text.contains("[x]") || text.contains("[ ]") {
            markers += 1
        }
        return markers >= 2 || (itemKey == "cover" && markers >= 1 && text.contains("table of contents"))
    }

    /// Many item references with page numbers: a table of contents or a cross-reference index.
    static func isTableOfContents(_ text: LoweredBytes, words: Int) -> Bool {
        let items = text.occurrences(of: "item ")
        return items >= 5 && Double(items) / Double(words) > 0.03
    }

    /// An exhibit list: exhibit numbers (`10.1`, `31.2`) and filing references dominate.
    static func isExhibitIndex(_ text: LoweredBytes, title: String, words: Int) -> Bool {
        let references = ["incorporated by reference", "filed herewith", "furnished herewith", "exhibit"]
            .reduce(0) { $0 + text.occurrences(of: $1) }
        let numbers = text.exhibitNumberCount
        let dense = Double(numbers + references) / Double(words) > 0.06
        let titled = title.contains("exhibit")
        return dense && ((numbers >= 4 && (references >= 2 || titled)) || (titled && numbers + references >= 3))
    }
}
