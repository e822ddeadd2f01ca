import PipelineConfig

/// The bounds of every request (docs/service.md, "Bounds"; openapi.yaml states the same numbers):
/// a request over one is refused before any work (413 for the body, 400 for the others).
public struct ServiceLimits: Sendable, Hashable {
    /// Largest request body, bytes.
    public var bodyBytesMax: Int
    /// Most documents in one upsert request.
    public var batchDocumentsMax: Int
    /// Largest `k`.
    public var kMax: Int
    /// Deepest `$and`/`$or`/`$not` nesting of a filter.
    public var filterDepthMax: Int
    /// Most conditions in one filter.
    public var filterConditionsMax: Int
    /// Longest `query`, bytes of UTF-8.
    public var queryBytesMax: Int
    /// A search is cancelled and answered 504 after this long.
    public var queryTimeout: Duration

    public init(_ settings: ServiceSettings) {
        bodyBytesMax = settings.bodyBytesMax
        batchDocumentsMax = settings.batchDocumentsMax
        kMax = settings.kMax
        filterDepthMax = settings.filterDepthMax
        filterConditionsMax = settings.filterConditionsMax
        queryBytesMax = settings.queryBytesMax
        queryTimeout = .milliseconds(settings.queryTimeoutMs)
    }
}
