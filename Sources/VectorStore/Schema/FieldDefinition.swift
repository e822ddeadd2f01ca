/// A scalar field of a collection schema.
public struct FieldDefinition: Sendable, Hashable, Codable {
    /// `[a-z_][a-z0-9_]{0,63}`, unique in the schema.
    public var name: String
    public var type: FieldType
    /// A required field must be present in every written document (unless it has a default).
    public var required: Bool
    /// Written for a document that omits the field, and read for rows stored before the field was
    /// added (schema evolution). Of `type`.
    public var defaultValue: FieldValue?
    /// String and string-array fields only: filters compare case-insensitively (`form=10-k` matches
    /// `10-K`); stored values keep their case.
    public var foldCase: Bool

    public init(
        name: String,
        type: FieldType,
        required: Bool = false,
        defaultValue: FieldValue? = nil,
        foldCase: Bool = false
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.foldCase = foldCase
    }
}

/// How vectors of a field are compared.
public enum VectorMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Cosine similarity in `-1...1`; vectors are stored L2-normalised (ones already of unit norm
    /// within 1e-4 are stored as given), so the kernel is a dot product.
    case cosine
    /// Inner product, for embeddings whose norm carries meaning.
    case dot
    /// Euclidean distance; search scores are the negated squared distance (higher is closer).
    case l2
}

/// A named vector field: every document carries one vector of `dimension` finite float32s for it.
public struct VectorFieldDefinition: Sendable, Hashable, Codable {
    /// `[a-z_][a-z0-9_]{0,63}`, unique among all field names of the schema.
    public var name: String
    /// Components per vector, `1...VectorFieldDefinition.dimensionMax`.
    public var dimension: Int
    public var metric: VectorMetric

    public init(name: String, dimension: Int, metric: VectorMetric = .cosine) {
        self.name = name
        self.dimension = dimension
        self.metric = metric
    }

    /// The largest dimension a vector field may declare.
    public static let dimensionMax = 65_536
}
