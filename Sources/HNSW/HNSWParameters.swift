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
    /// Vector compression used while traversing the graph at search time; default `.none`.
    /// Building always uses the float32 vectors.
    public var quantization: Quantization

    public init(
        m: Int = 16,
        efConstruction: Int = 200,
        efSearch: Int = 64,
        seed: UInt64 = 42,
        quantization: Quantization = .none
    ) {
        self.m = m
        self.efConstruction = efConstruction
        self.efSearch = efSearch
        self.seed = seed
        self.quantization = quantization
    }

    private enum CodingKeys: String, CodingKey {
        case m, efConstruction, efSearch, seed, quantization
    }

    /// Decodes parameters; `quantization` is optional (`.none`) so settings written before it
    /// existed still load.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        m = try container.decode(Int.self, forKey: .m)
        efConstruction = try container.decode(Int.self, forKey: .efConstruction)
        efSearch = try container.decode(Int.self, forKey: .efSearch)
        seed = try container.decode(UInt64.self, forKey: .seed)
        quantization = try container.decodeIfPresent(Quantization.self, forKey: .quantization) ?? .none
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
