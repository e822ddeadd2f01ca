/// Which documents of each filing a pipeline ingests (`[source] documents`): `"primary"` for the
/// primary document, and globs on the exhibit type for exhibits (`"EX-99*"` matches `EX-99`,
/// `EX-99.1`, `EX-99.2` …; `"EX-13*"`, `"EX-*"` for every exhibit). Globs match the whole type,
/// ignoring case; `*` stands for any run of characters, `?` for one.
///
/// The default, `["primary", "EX-99*"]`, adds an 8-K's press releases (EX-99.1) to the primary
/// documents.
public struct DocumentSelection: Sendable, Hashable, CustomStringConvertible {
    /// The entries as written, e.g. `["primary", "EX-99*"]`.
    public let entries: [String]
    /// The exhibit globs, upper-cased.
    let exhibitPatterns: [[Character]]

    /// The entry that selects the primary document.
    public static let primaryEntry = "primary"
    /// `["primary", "EX-99*"]`.
    public static let `default` = DocumentSelection(["primary", "EX-99*"])
    /// The primary document alone (what pipelines ingested before exhibits).
    public static let primaryOnly = DocumentSelection(["primary"])

    /// Most entries a selection holds.
    public static let entryCountMax = 64

    /// A selection of `entries`; validate them first with `problem(with:)` (an invalid glob matches
    /// nothing).
    public init(_ entries: [String]) {
        self.entries = entries
        exhibitPatterns = entries.filter { $0.lowercased() != Self.primaryEntry }.map { Array($0.uppercased()) }
    }

    /// Whether the primary document is selected.
    public var includesPrimary: Bool { entries.contains { $0.lowercased() == Self.primaryEntry } }

    /// Whether any exhibit type can be selected (the source need not look for exhibits otherwise).
    public var includesExhibits: Bool { !exhibitPatterns.isEmpty }

    /// Whether an exhibit of `type` (`EX-99.1`) is selected.
    public func selects(exhibitType type: String) -> Bool {
        let text = Array(type.uppercased())
        return exhibitPatterns.contains { Self.matches(pattern: $0[...], text: text[...]) }
    }

    public var description: String { "[" + entries.map { "\"\($0)\"" }.joined(separator: ", ") + "]" }

    /// Why `entries` is not a valid selection, or `nil` when it is: at least one entry and at most
    /// `entryCountMax`; each entry is `primary` or an exhibit-type glob, `EX-` followed by letters,
    /// digits, `.`, `-`, `_`, spaces, `*` and `?` (EDGAR's exhibit types: `EX-99.1`, `EX-101.INS`,
    /// `EX-FILING FEES`).
    public static func problem(with entries: [String]) -> String? {
        guard !entries.isEmpty else {
            return "select at least one document: \"primary\" and/or exhibit types such as \"EX-99*\""
        }
        guard entries.count <= entryCountMax else { return "at most \(entryCountMax) entries" }
        for entry in entries where entry.lowercased() != primaryEntry {
            guard entry.uppercased().hasPrefix("EX-"), entry.count > 3, entry.count <= 64,
                entry.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._- *?".contains($0)) })
            else {
                return "'\(entry)' is not a document selector: use \"primary\" for the primary document "
                    + "(its type is the form) and exhibit-type globs such as \"EX-99*\", \"EX-13*\" or \"EX-*\""
            }
        }
        return nil
    }

    /// Glob match of the whole text: `*` any run, `?` one character, others literally.
    static func matches(pattern: ArraySlice<Character>, text: ArraySlice<Character>) -> Bool {
        var pattern = pattern
        var text = text
        // The last `*` seen and the text position it was tried at: on a mismatch, let it take one
        // more character (the classic linear-space backtracking of wildcard matching).
        var star: (pattern: ArraySlice<Character>, text: ArraySlice<Character>)?
        while let character = text.first {
            if let head = pattern.first, head == "?" || head == character {
                pattern = pattern.dropFirst()
                text = text.dropFirst()
            } else if pattern.first == "*" {
                pattern = pattern.dropFirst()
                star = (pattern, text)
            } else if let retry = star {
                star = (retry.pattern, retry.text.dropFirst())
                pattern = retry.pattern
                text = retry.text.dropFirst()
            } else {
                return false
            }
        }
        return pattern.allSatisfy { $0 == "*" }
    }
}
