/// A conjunction of `MetadataFilter`s bound to a schema: field names resolved to ordinals, types
/// checked, case-folded values lowered once. Compiled per source to a `RowBitmap` from the filter
/// indexes (`CompiledFilter+Bitmap.swift`), or evaluated per row where a field has none.
struct CompiledFilter: Sendable {
    indirect enum Node: Sendable {
        /// `ordinal` -1 is the primary key; `label` is the condition as written (for `SearchPlan`).
        case test(ordinal: Int, foldCase: Bool, Predicate, label: String)
        case and([Node])
        case or([Node])
        case not(Node)
    }

    enum Predicate: Sendable {
        case equals(FieldValue)
        case oneOf([FieldValue])
        case range(lower: MetadataFilter.Bound?, upper: MetadataFilter.Bound?)
        case prefix(String)
    }

    let root: Node
    /// Default of each field, read for rows that predate it.
    let defaults: [FieldValue?]
    /// The schema's fields (which are indexed, their types).
    let fields: [FieldDefinition]
    /// `true` when there is no condition.
    let isEmpty: Bool

    /// - Throws: `StoreError.badInput` (`unknownField`, `wrongType`) naming the field.
    init(_ filters: [MetadataFilter], schema: CollectionSchema) throws(StoreError) {
        var nodes: [Node] = []
        for filter in filters { nodes.append(try Self.compile(filter, schema)) }
        root = .and(nodes)
        defaults = schema.fields.map(\.defaultValue)
        fields = schema.fields
        isEmpty = filters.isEmpty
    }

    /// Whether a document (of the schema the filter was compiled for) matches: tests and tools.
    func matches(_ document: Document, schema: CollectionSchema) -> Bool {
        isEmpty || evaluate(root) { $0 < 0 ? .string(document.id) : document.fields[schema.fields[$0].name] }
    }

    /// `value(ordinal)`: the stored value of a field, -1 for the primary key; `nil` when missing.
    private func evaluate(_ node: Node, _ value: (Int) -> FieldValue?) -> Bool {
        switch node {
        case .and(let nodes): return nodes.allSatisfy { evaluate($0, value) }
        case .or(let nodes): return nodes.contains { evaluate($0, value) }
        case .not(let inner): return !evaluate(inner, value)
        case .test(let ordinal, let foldCase, let predicate, _):
            let stored = value(ordinal) ?? (ordinal < 0 ? nil : defaults[ordinal])
            guard var value = stored else { return false }
            if foldCase { value = Self.lowered(value) }
            return Self.test(predicate, value)
        }
    }

    static func test(_ predicate: Predicate, _ value: FieldValue) -> Bool {
        switch predicate {
        case .equals(let expected): return equal(value, expected)
        case .oneOf(let expected): return expected.contains { equal(value, $0) }
        case .range(let lower, let upper):
            if let lower {
                guard let order = value.compare(lower.value), order > 0 || (lower.inclusive && order == 0) else {
                    return false
                }
            }
            if let upper {
                guard let order = value.compare(upper.value), order < 0 || (upper.inclusive && order == 0) else {
                    return false
                }
            }
            return true
        case .prefix(let prefix):
            switch value {
            case .string(let text): return text.hasPrefix(prefix)
            case .stringArray(let texts): return texts.contains { $0.hasPrefix(prefix) }
            default: return false
            }
        }
    }

    /// Equality; a string array equals a string when it holds it.
    private static func equal(_ value: FieldValue, _ expected: FieldValue) -> Bool {
        if case .stringArray(let texts) = value, case .string(let text) = expected { return texts.contains(text) }
        return value == expected
    }

    static func lowered(_ value: FieldValue) -> FieldValue {
        switch value {
        case .string(let text): .string(text.lowercased())
        case .stringArray(let texts): .stringArray(texts.map { $0.lowercased() })
        default: value
        }
    }

    private static func compile(_ filter: MetadataFilter, _ schema: CollectionSchema) throws(StoreError) -> Node {
        switch filter {
        case .and(let filters):
            var nodes: [Node] = []
            for filter in filters { nodes.append(try compile(filter, schema)) }
            return .and(nodes)
        case .or(let filters):
            var nodes: [Node] = []
            for filter in filters { nodes.append(try compile(filter, schema)) }
            return .or(nodes)
        case .not(let inner): return .not(try compile(inner, schema))
        case .equals(let name, let value):
            let (ordinal, type, fold) = try resolve(name, schema)
            try check(value, for: type, name, filter)
            return .test(
                ordinal: ordinal,
                foldCase: fold,
                .equals(fold ? lowered(value) : value),
                label: filter.description
            )
        case .oneOf(let name, let values):
            let (ordinal, type, fold) = try resolve(name, schema)
            for value in values { try check(value, for: type, name, filter) }
            return .test(
                ordinal: ordinal,
                foldCase: fold,
                .oneOf(fold ? values.map(lowered) : values),
                label: filter.description
            )
        case .range(let name, let lower, let upper):
            let (ordinal, type, fold) = try resolve(name, schema)
            guard type.isOrdered else {
                throw .violation(
                    .wrongType,
                    "filter \(filter): ranges need an int64, double or date field",
                    field: name
                )
            }
            for bound in [lower, upper].compactMap({ $0 }) where bound.value.type != type {
                throw .violation(
                    .wrongType,
                    "filter \(filter): bound \(bound.value) is not a \(type.rawValue)",
                    field: name
                )
            }
            return .test(
                ordinal: ordinal,
                foldCase: fold,
                .range(lower: lower, upper: upper),
                label: filter.description
            )
        case .prefix(let name, let prefix):
            let (ordinal, type, fold) = try resolve(name, schema)
            guard type == .string || type == .stringArray else {
                throw .violation(.wrongType, "filter \(filter): prefix needs a string field", field: name)
            }
            return .test(
                ordinal: ordinal,
                foldCase: fold,
                .prefix(fold ? prefix.lowercased() : prefix),
                label: filter.description
            )
        }
    }

    private static func resolve(
        _ name: String,
        _ schema: CollectionSchema
    ) throws(StoreError) -> (ordinal: Int, type: FieldType, foldCase: Bool) {
        if name == schema.primaryKey { return (-1, .string, false) }
        guard let ordinal = schema.ordinal(of: name) else {
            throw .violation(.unknownField, "filter on a field the schema does not declare", field: name)
        }
        let field = schema.fields[ordinal]
        return (ordinal, field.type, field.foldCase)
    }

    private static func check(
        _ value: FieldValue,
        for type: FieldType,
        _ name: String,
        _ filter: MetadataFilter
    ) throws(StoreError) {
        guard value.type == type || (type == .stringArray && value.type == .string) else {
            throw .violation(
                .wrongType,
                "filter \(filter): \(value) is a \(value.type.rawValue), the field is \(type.rawValue)",
                field: name
            )
        }
    }
}
