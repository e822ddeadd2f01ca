/// Construction and search parameters of an HNSW graph (see docs/hnsw.md for tuning).
public struct HNSWParameters: Sendable, Hashable, Codable {
    /// Links per node on upper layers; level 0 keeps `2 * m`. Typical 8…48; default 16.
    public var m: Int
    /// Candidate list size while inserting; larger builds a better graph, slower. Default 200.
    public var efConstruction: Int
    /// Default candidate list size while searching (at least k is used). Default 64.
    public var efSearch: Int
    /// Seed of the level generator, so a single-threaded build is reproducible.
    public var seed: UInt64

    public init(m: Int = 16, efConstruction: Int = 200, efSearch: Int = 64, seed: UInt64 = 42) {
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.seed = seed
    }

    /// - Throws: `HNSWError.badInput` unless `2 <= m <= 128`, `efConstruction >= m`, `efSearch >= 1`.
    public func validate() throws(HNSWError) {
        guard (2...128).contains(m) else { throw HNSWError(code: .badInput, message: "m must be in 2...128, got \(m)") }
        guard efConstruction >= m, efConstruction <= 10_000 else {
            throw HNSWError(code: .badInput, message: "efConstruction must be in \(m)...10000, got \(efConstruction)")
        }
        guard (1...10_000).contains(efSearch) else {
            throw HNSWError(code: .badInput, message: "efSearch must be in 1...10000, got \(efSearch)")
        }
    }
}
