/// How two vectors are compared. Every metric is expressed as a distance: smaller is closer.
public enum Metric: String, Sendable, Hashable, Codable, CaseIterable {
    /// `1 - cos(a, b)`, in `0...2`. Vectors are L2-normalised when added and queries when searched,
    /// so the kernel is a dot product.
    case cosine
    /// `-dot(a, b)`: for embeddings that are already normalised or whose norm carries meaning.
    case dot
    /// Squared Euclidean distance.
    case l2
}
