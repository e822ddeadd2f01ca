import SECModel

/// What a question says about the filings it is about, read by `QuestionInterpreter`: used as
/// ranking boosts, never as filters (the caller's filters stay the only hard ones).
public struct QuestionInterpretation: Sendable, Hashable, Codable {
    /// A filer the question names, as the collection knows it.
    public struct Filer: Sendable, Hashable, Codable {
        /// The collection's `company` value (exact), empty when recognised by ticker or CIK only.
        public var company: String
        /// A ticker the question used (lowercased, as the `tickers` index keys it), if any.
        public var ticker: String?
        /// A CIK the question used, if any.
        public var cik: Int64?
        /// The words of the question that named it.
        public var matched: String
    }

    /// A section the question asks about: item keys per form family, and the words its titles use.
    public struct SectionAsk: Sendable, Hashable, Codable {
        /// A short name for reports (`risk factors`, `MD&A`).
        public var label: String
        /// Item keys that hold it: `FORM:KEY` where a key alone is ambiguous (`10-K:1A`, `20-F:3`),
        /// the bare key otherwise (`II-1A`, `2.02`).
        public var items: [String]
        /// Lowercased words an item title holding it contains (all of them).
        public var titleWords: [String]
    }

    public var filers: [Filer] = []
    /// Forms asked for (`10-K` for "annual report").
    public var forms: [String] = []
    /// Years named ("fiscal 2024", "June 2026", "2023").
    public var years: [Int] = []
    /// The question speaks of a fiscal year or quarter: the company's fiscal label can run a year
    /// ahead of the calendar year of the period, so the year before counts too.
    public var fiscal = false
    public var sections: [SectionAsk] = []
    /// Kinds of boilerplate the question asks for (they are not ranked down).
    public var wantsBoilerplate: Set<BoilerplateKind> = []
    /// Lowercased content words of the question (stop words removed), for title matching.
    public var contentWords: [String] = []
    /// The question without the words that name filers and forms or only phrase the asking
    /// ("what", "say", "company"): what the lexical ranking scores (those words match page
    /// footers and every chunk of a filer, not the answer).
    public var lexicalQuery = ""

    public init() {}

    /// Whether nothing was recognised.
    public var isEmpty: Bool { filers.isEmpty && forms.isEmpty && years.isEmpty && sections.isEmpty }

    /// Encodes every field, `wantsBoilerplate` sorted so one question always gives the same JSON.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(filers, forKey: .filers)
        try container.encode(forms, forKey: .forms)
        try container.encode(years, forKey: .years)
        try container.encode(fiscal, forKey: .fiscal)
        try container.encode(sections, forKey: .sections)
        try container.encode(wantsBoilerplate.map(\.rawValue).sorted(), forKey: .wantsBoilerplate)
        try container.encode(contentWords, forKey: .contentWords)
        try container.encode(lexicalQuery, forKey: .lexicalQuery)
    }
}
