/// How an index compresses vectors for graph traversal.
///
/// Quantised traversal only ranks the candidates; the `ef` best are always re-ranked by exact
/// float32 distance, so reported distances are exact whichever mode is chosen.
public enum Quantization: String, Sendable, Hashable, Codable, CaseIterable {
    /// Traverse on the float32 vectors (4 bytes per component).
    case none
    /// Traverse on 8-bit scalar codes (1 byte per component, see `ScalarQuantizer`), then re-rank
    /// the `ef` candidates by exact float32 distance. The float32 vectors are kept for re-ranking.
    case int8
}
