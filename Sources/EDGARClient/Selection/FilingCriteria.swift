import SECModel

/// What `vectordb fetch` selects, as a pure value: filers, forms, a date range and a count limit.
///
/// Invariants (checked by `init`): `since <= until` when both are set; `limit > 0` when set.
public struct FilingCriteria: Sendable, Hashable {
    /// Filers to keep; empty keeps every filer (only meaningful with a daily index walk).
    public var ciks: Set<CIK>
    /// Forms to keep, exactly as EDGAR writes them; empty keeps every form.
    public var forms: Set<FormType>
    /// When `true`, `10-K` also keeps `10-K/A`. Without it an amendment is kept only if listed itself.
    public var includeAmendments: Bool
    /// First filing date kept, inclusive.
    public var since: EDGARDate?
    /// Last filing date kept, inclusive.
    public var until: EDGARDate?
    /// Most filings kept, newest first.
    public var limit: Int?

    /// - Throws: `EDGARError.invalidInput` for `since > until` or a non-positive limit.
    public init(
        ciks: Set<CIK> = [],
        forms: Set<FormType> = [],
        includeAmendments: Bool = false,
        since: EDGARDate? = nil,
        until: EDGARDate? = nil,
        limit: Int? = nil
    ) throws(EDGARError) {
        if let since, let until, until < since {
            throw EDGARError(code: .invalidInput, source: "--since/--until", message: "\(since) is after \(until)")
        }
        if let limit, limit <= 0 {
            throw EDGARError(code: .invalidInput, source: "--limit", message: "must be positive, got \(limit)")
        }
        self.ciks = ciks
        self.forms = forms
        self.includeAmendments = includeAmendments
        self.since = since
        self.until = until
        self.limit = limit
    }

    /// `true` when `form` is wanted: listed exactly, or an amendment of a listed form with
    /// `includeAmendments`.
    public func matches(form: FormType) -> Bool {
        if forms.isEmpty { return true }
        if forms.contains(form) { return true }
        return includeAmendments && form.isAmendment && forms.contains(form.base)
    }

    /// `true` when `date` lies in `since...until`.
    public func matches(date: EDGARDate) -> Bool {
        if let since, date < since { return false }
        if let until, until < date { return false }
        return true
    }

    /// `true` when the candidate passes every filter but the limit.
    public func matches(_ candidate: FilingCandidate) -> Bool {
        (ciks.isEmpty || ciks.contains(candidate.cik)) && matches(form: candidate.form)
            && matches(date: candidate.filingDate)
    }

    /// The candidates to fetch: filtered, deduplicated by accession number (the first occurrence
    /// wins, so a source that knows the primary document should come first), newest filing date
    /// first (ties by accession number, descending), then cut to `limit`.
    public func select(_ candidates: [FilingCandidate]) -> [FilingCandidate] {
        var seen: Set<AccessionNumber> = []
        var kept: [FilingCandidate] = []
        for candidate in candidates where matches(candidate) && seen.insert(candidate.accession).inserted {
            kept.append(candidate)
        }
        kept.sort { ($0.filingDate, $0.accession) > ($1.filingDate, $1.accession) }
        if let limit, kept.count > limit { kept.removeLast(kept.count - limit) }
        return kept
    }

    /// The extra submissions pages (`filings.files`) that may hold wanted filings: those whose
    /// `filingFrom...filingTo` overlaps `since...until`. None when `recentMatches` already reaches
    /// the limit, since pages only hold filings older than `filings.recent`.
    public func pagesNeeded(
        _ pages: [SubmissionsResponse.ExtraPage],
        recentMatches: Int
    ) -> [SubmissionsResponse.ExtraPage] {
        if let limit, recentMatches >= limit { return [] }
        return pages.filter { page in
            if let since, page.filingTo < since { return false }
            if let until, until < page.filingFrom { return false }
            return true
        }
    }
}
