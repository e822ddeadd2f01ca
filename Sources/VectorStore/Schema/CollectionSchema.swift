/// What a collection's documents hold: a string primary key, typed scalar fields, one or more named
/// vector fields, and which string field BM25 indexes. Persisted in `collection.json` and checked
/// on every open; evolves only by appending fields (`adding(_:)`), so field ordinals — which the
/// WAL and the segments store instead of names — never change.
public struct CollectionSchema: Sendable, Hashable, Codable {
    /// Name of the primary key (a string, carried as `Document.id`); not one of `fields`.
    public var primaryKey: String
    /// Scalar fields, in ordinal order (new fields are appended).
    public var fields: [FieldDefinition]
    /// Vector fields, at least one; the first is the default for vector search and the one with an
    /// HNSW graph in large segments.
    public var vectors: [VectorFieldDefinition]
    /// The string field indexed for BM25 (lexical and hybrid search); `nil` for none.
    public var textField: String?
    /// How the text field's words become BM25 terms. Fixed when the collection is created: an open
    /// keeps the stored analyzer whatever the caller's schema says (`adoptingAnalyzer(of:)`), and
    /// a `collection.json` without it is `plural` (written before `english` existed).
    public var textAnalyzer: TextAnalyzer

    public init(
        primaryKey: String = "id",
        fields: [FieldDefinition],
        vectors: [VectorFieldDefinition],
        textField: String? = nil,
        textAnalyzer: TextAnalyzer = .current
    ) {
        self.primaryKey = primaryKey
        self.fields = fields
        self.vectors = vectors
        self.textField = textField
        self.textAnalyzer = textAnalyzer
    }

    private enum CodingKeys: String, CodingKey {
        case primaryKey, fields, vectors, textField, textAnalyzer
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        primaryKey = try container.decode(String.self, forKey: .primaryKey)
        fields = try container.decode([FieldDefinition].self, forKey: .fields)
        vectors = try container.decode([VectorFieldDefinition].self, forKey: .vectors)
        textField = try container.decodeIfPresent(String.self, forKey: .textField)
        textAnalyzer = try container.decodeIfPresent(TextAnalyzer.self, forKey: .textAnalyzer) ?? .plural
    }

    /// This schema with `stored`'s text analyzer: what a caller's schema means for an existing
    /// collection (the analyzer of its segments cannot change).
    public func adoptingAnalyzer(of stored: CollectionSchema) -> CollectionSchema {
        var adopted = self
        adopted.textAnalyzer = stored.textAnalyzer
        return adopted
    }

    /// Upper bounds of scalar and vector fields (ordinals are stored as `u16`).
    public static let fieldCountMax = 1_024
    public static let vectorFieldCountMax = 16

    /// The ordinal of a scalar field.
    public func ordinal(of name: String) -> Int? { fields.firstIndex { $0.name == name } }

    /// The ordinal of a vector field.
    public func vectorOrdinal(of name: String) -> Int? { vectors.firstIndex { $0.name == name } }

    /// The ordinal of the BM25 text field.
    var textOrdinal: Int? { textField.flatMap(ordinal(of:)) }

    /// Checks that the schema is well formed: valid, unique names; at least one vector field of a
    /// valid dimension; defaults of their field's type; a text field that is a declared string field.
    ///
    /// - Throws: `StoreError.badInput` with violation `badSchema`, naming the field.
    public func validate() throws(StoreError) {
        func bad(_ message: String, _ field: String? = nil) -> StoreError {
            .violation(.badSchema, "schema: " + message, field: field)
        }
        guard Self.isValidName(primaryKey) else {
            throw bad("primary key name is not [a-z_][a-z0-9_]{0,63}", primaryKey)
        }
        guard fields.count <= Self.fieldCountMax else { throw bad("more than \(Self.fieldCountMax) fields") }
        guard (1...Self.vectorFieldCountMax).contains(vectors.count) else {
            throw bad("needs 1 to \(Self.vectorFieldCountMax) vector fields, has \(vectors.count)")
        }
        var seen: Set<String> = [primaryKey]
        for field in fields {
            guard Self.isValidName(field.name) else { throw bad("name is not [a-z_][a-z0-9_]{0,63}", field.name) }
            guard seen.insert(field.name).inserted else { throw bad("name is declared twice", field.name) }
            if let value = field.defaultValue {
                guard value.type == field.type else {
                    throw bad(
                        "default \(value) is a \(value.type.rawValue), the field is \(field.type.rawValue)",
                        field.name
                    )
                }
                if case .double(let number) = value, !number.isFinite { throw bad("default is not finite", field.name) }
            }
            guard !field.foldCase || field.type == .string || field.type == .stringArray else {
                throw bad("fold_case applies to string fields only", field.name)
            }
        }
        for vector in vectors {
            guard Self.isValidName(vector.name) else { throw bad("name is not [a-z_][a-z0-9_]{0,63}", vector.name) }
            guard seen.insert(vector.name).inserted else { throw bad("name is declared twice", vector.name) }
            guard (1...VectorFieldDefinition.dimensionMax).contains(vector.dimension) else {
                throw bad(
                    "dimension \(vector.dimension) is not in 1...\(VectorFieldDefinition.dimensionMax)",
                    vector.name
                )
            }
        }
        if let textField {
            guard let ordinal = ordinal(of: textField), fields[ordinal].type == .string else {
                throw bad("the text field must be a declared string field", textField)
            }
        }
    }

    /// The schema with `field` appended: an evolution that needs no rewrite, because rows stored
    /// before it read the default (or nothing).
    ///
    /// - Throws: `StoreError.badInput` (`badSchema`) when the name is taken, or the field is required
    ///   without a default (old rows could not satisfy it).
    public func adding(_ field: FieldDefinition) throws(StoreError) -> CollectionSchema {
        guard !field.required || field.defaultValue != nil else {
            throw .violation(.badSchema, "an added field must be optional or have a default", field: field.name)
        }
        var evolved = self
        evolved.fields.append(field)
        try evolved.validate()
        return evolved
    }

    /// Whether `self` is `older` plus appended fields (or equal to it): what reopening an existing
    /// collection with a newer schema may do.
    func extends(_ older: CollectionSchema) -> Bool {
        primaryKey == older.primaryKey && vectors == older.vectors && textField == older.textField
            && textAnalyzer == older.textAnalyzer
            && fields.count >= older.fields.count
            && zip(fields, older.fields).allSatisfy { $0.sameIgnoringIndex($1) }
    }

    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...64).contains(bytes.count) else { return false }
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || byte == UInt8(ascii: "_")
        }
        return isLetter(bytes[0])
            && bytes.allSatisfy { isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
