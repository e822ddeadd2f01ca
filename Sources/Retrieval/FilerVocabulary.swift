/// The filers a collection holds, as the names, short forms, tickers and CIKs a question can use
/// for them: built from the collection's own `company` and `tickers` values (and, when present,
/// the SEC's `company_tickers.json`), matched by `QuestionInterpreter`.
///
/// Short forms are derived, never listed by hand: the EDGAR name without its state suffix
/// (`/MN`) and legal form (`Inc.`, `Corp`, `N.V.`, `& Co`), every leading run of two or more of
/// its words, each distinctive single word (not a common business word like "Financial" or
/// "Gold"; a question must capitalise it), and the initials of a multi-word name with its ampersand (`LG&E`).
public struct FilerVocabulary: Sendable {
    /// What an alias stands for.
    public struct Target: Sendable, Hashable {
        /// The collection's `company` value, or the ticker file's title.
        public var company: String
        public var cik: Int64?
    }

    /// Lowercased alias word sequences → filers.
    private(set) var phrases: [[String]: Set<Target>] = [:]
    /// Aliases a mixed-case question must write capitalised: single words, and runs of common
    /// business words only ("Premier Financial").
    private(set) var capitalisedOnly: Set<[String]> = []
    /// Uppercase acronyms → filers.
    private(set) var acronyms: [String: Set<Target>] = [:]
    /// Lowercased tickers (as the `tickers` index keys them) → CIK when the ticker file gives one.
    private(set) var tickers: [String: Int64?] = [:]
    /// The longest alias, in words.
    private(set) var longestPhrase = 1

    public init() {}

    /// A vocabulary of the collection's company names and tickers.
    public init(companies: [String], tickers: [String]) {
        for company in companies { add(company: company, cik: nil) }
        for ticker in tickers { self.tickers[ticker.lowercased(), default: nil] = nil }
    }

    /// One row of the SEC's `company_tickers.json`.
    public struct KnownFiler: Sendable, Hashable {
        public var cik: Int64
        public var ticker: String
        public var title: String

        public init(cik: Int64, ticker: String, title: String) {
            self.cik = cik
            self.ticker = ticker
            self.title = title
        }
    }

    /// Adds the rows of a `company_tickers.json` that are about the collection's filers — a row
    /// whose ticker the collection holds, or whose title names a company it holds (legal form and
    /// state suffix aside) — with their CIKs and every ticker of those CIKs ("BRK-B" beside
    /// "BRK-A"). Rows of other filers are left out: a question naming a company the collection
    /// does not hold has nothing to boost, and ten thousand more names would only add false matches.
    public mutating func add(tickerFile entries: [KnownFiler]) {
        let companies = Set(phrases.values.flatMap { $0 }.map { Self.nameWords($0.company) })
        let held = entries.filter {
            tickers[$0.ticker.lowercased()] != nil || companies.contains(Self.nameWords($0.title))
        }
        let ciks = Set(held.map(\.cik))
        for entry in entries where ciks.contains(entry.cik) {
            add(company: entry.title, cik: entry.cik)
            tickers[entry.ticker.lowercased()] = entry.cik
        }
    }

    mutating func add(company: String, cik: Int64?) {
        let words = Self.nameWords(company)
        guard !words.isEmpty else { return }
        let target = Target(company: company, cik: cik)
        var aliases: Set<[String]> = [words]
        if words.count >= 2 {
            for length in 2..<words.count where words[length - 1] != "&" { aliases.insert(Array(words[..<length])) }
            let initials = words.compactMap { $0 == "&" ? "&" : $0.first.map(String.init) }.joined()
            if initials.count >= 3, initials.contains("&") {
                acronyms[initials.uppercased(), default: []].insert(target)
            }
        }
        for word in words where word.count >= 4 && !Self.genericWords.contains(word) {
            aliases.insert([word])
        }
        for alias in aliases {
            if alias.count == 1 || alias.allSatisfy({ Self.genericWords.contains($0) || $0 == "&" }) {
                capitalisedOnly.insert(alias)
            }
            phrases[alias, default: []].insert(target)
            longestPhrase = max(longestPhrase, alias.count)
        }
    }

    /// The lowercased words of a company name without its state suffix and legal form.
    static func nameWords(_ name: String) -> [String] {
        var text = name.lowercased()
        if let slash = text.firstIndex(of: "/") { text = String(text[..<slash]) }
        var words = text.split { !($0.isLetter || $0.isNumber || $0 == "&") }.map(String.init)
        while let last = words.last, legalForms.contains(last) || last == "&" { words.removeLast() }
        if words.count >= 2, words.first == "the" { words.removeFirst() }
        return words
    }

    static let legalForms: Set<String> = [
        "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "nv", "n", "v",
        "sa", "ag", "se", "llc", "lp", "l", "p", "bv", "spa", "ab", "asa", "oyj", "de", "the",
    ]

    /// Words too common in company names to stand for one filer alone.
    static let genericWords: Set<String> = [
        "american", "national", "general", "united", "international", "global", "capital", "financial",
        "premier", "first", "royal", "bank", "bancorp", "bancshares", "energy", "power", "electric", "income",
        "growth", "fund", "trust", "resources", "gold", "platforms", "pharmaceutical", "pharmaceuticals",
        "systems", "technologies", "technology", "holdings", "group", "partners", "industries", "services",
        "solutions", "therapeutics", "health", "healthcare", "insurance", "realty", "properties", "investment",
        "investments", "securities", "products", "communications", "entertainment", "motors", "foods",
        "brands", "enterprises", "america", "north", "south", "east", "west", "new", "york", "city", "state",
        "commonwealth", "utilities", "mining", "oil", "petroleum", "chemical", "materials", "semiconductor",
        "software", "networks", "media", "retail", "stores", "airlines", "acquisition", "acquisitions", "life",
        "medical", "sciences", "biosciences", "data", "digital", "labs", "laboratories", "manufacturing",
    ]
}
