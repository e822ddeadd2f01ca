extension PipelineError {
    /// Whether the failure concerns this filing alone, so a run records it and goes on with the
    /// next: bad input, a missing or damaged source document, a bug met on this filing's bytes (in
    /// the `source`, `archive`, `parse` or `chunk` stage), or a store batch refused by the schema
    /// (which wrote nothing). Not confined: an unavailable disk or network, a conflict, cancellation,
    /// any other store failure, and every `embed` failure (the embedder and its cache serve every
    /// filing; a wrong vector or a refused request is the embedder's or its settings' fault) — every
    /// later filing would meet it too, so the run stops (the ledger keeps what was done; a re-run
    /// resumes).
    public var isConfinedToFiling: Bool {
        switch stage {
        case .store: category == .badInput
        case .embed, .schedule: false
        case .source, .archive, .parse, .chunk: category != .unavailable && category != .conflict
        }
    }
}
