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
    /// Filters on the field read a per-source filter index (posting bitmaps for string, string-array
    /// and bool fields; a sorted index for int64, double and date fields) instead of scanning rows.
    /// Not part of schema compatibility: turning it on for an existing field builds the index in the
    /// background (`CollectionSchema.extends` ignores it).
    public var index: Bool

    public init(
        name: String,
        type: FieldType,
        required: Bool = false,
        defaultValue: FieldValue? = nil,
        foldCase: Bool = false,
        index: Bool = false
    ) {
        self.name = name
        self.type = type
        self.required = required
        self.defaultValue = defaultValue
        self.foldCase = foldCase
        self.index = index
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, required, defaultValue, foldCase, index
    }

    /// Decodes `collection.json`; files written before filter indexes have no `index` key (off).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        type = try container.decode(FieldType.self, forKey: .type)
        required = try container.decode(Bool.self, forKey: .required)
        defaultValue = try container.decodeIfPresent(FieldValue.self, forKey: .defaultValue)
        foldCase = try container.decodeIfPresent(Bool.self, forKey: .foldCase) ?? false
        index = try container.decodeIfPresent(Bool.self, forKey: .index) ?? false
    }

    /// The same field but for the `index` flag (schema compatibility ignores it).
    func sameIgnoringIndex(_ other: FieldDefinition) -> Bool {
        var copy = other
        copy.index = index
        return self == copy
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
