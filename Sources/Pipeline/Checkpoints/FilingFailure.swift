/// A filing a run could not ingest, as the run report lists it.
public struct FilingFailure: Sendable, Hashable, Codable {
    /// The filing's accession number.
    public var accession: String
    /// The stage that failed (`source`, `archive`, `parse`, `chunk`, `embed`, `store`).
    public var stage: String
    /// The failure's `ErrorCategory` (`badInput`, `corrupt`, …).
    public var category: String
    /// What went wrong: the error's description, e.g. `parse stage (0000320193-24-000123): binary
    /// data (NUL bytes) …`.
    public var reason: String

    public init(accession: String, stage: String, category: String, reason: String) {
        self.accession = accession
        self.stage = stage
        self.category = category
        self.reason = reason
    }

    /// The failure `error` describes, for the filing `accession`.
    init(accession: String, error: PipelineError) {
        self.init(
            accession: accession,
            stage: error.stage.rawValue,
            category: error.category.rawValue,
            reason: error.description
        )
    }
}
