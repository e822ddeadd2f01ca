import Foundation
import VectorStore

extension CollectionSchema {
    /// Reads a collection schema file such as `config/sec-collection.toml`.
    ///
    /// - Parameter embedderDimension: the width a vector field with `dimension = "embedder"` takes.
    /// - Throws: `ConfigError` naming the file, and the line and key when the problem is one key: a
    ///   missing file, a TOML syntax error, an unknown key, a wrong type, an invalid schema.
    public static func load(path: String, embedderDimension: Int) throws(ConfigError) -> CollectionSchema {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError(code: .fileNotFound, file: path, line: nil, key: nil, message: "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigError(code: .syntax, file: path, line: nil, key: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path, embedderDimension: embedderDimension)
    }

    /// Validates schema TOML text (see `load(path:embedderDimension:)`).
    public static func parse(
        _ text: String,
        file: String,
        embedderDimension: Int
    ) throws(ConfigError) -> CollectionSchema {
        let source = try TOMLSource(text: text, file: file)
        let root = TableReader(source: source, path: "", entries: source.root)
        try root.rejectUnknownKeys(["collection", "vector", "field"])
        guard let collection = try root.table("collection") else {
            throw ConfigError(
                code: .missingKey,
                file: file,
                line: nil,
                key: "collection",
                message: "a [collection] table is required"
            )
        }
        try collection.rejectUnknownKeys(["primary_key", "text_field", "text_analyzer"])
        let primaryKey = try collection.string("primary_key") ?? "id"
        let textField = try collection.string("text_field")
        var textAnalyzer = TextAnalyzer.current
        if let name = try collection.string("text_analyzer") {
            guard let analyzer = TextAnalyzer(rawValue: name) else {
                throw collection.error(
                    .invalidValue,
                    "text_analyzer",
                    "expected one of \(TextAnalyzer.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")), found \"\(name)\""
                )
            }
            textAnalyzer = analyzer
        }

        let vectorTables = try ArrayTables(root, "vector")
        guard !vectorTables.elements.isEmpty else {
            throw ConfigError(
                code: .missingKey,
                file: file,
                line: nil,
                key: "vector",
                message: "at least one [[vector]] table is required"
            )
        }
        var vectors: [VectorFieldDefinition] = []
        for index in vectorTables.elements.indices {
            let element = try vectorTables.element(index, keys: ["name", "dimension", "metric"])
            let name = try element.requiredString("name")
            let dimension: Int
            switch element.entries["dimension"] {
            case .string("embedder")?, nil: dimension = embedderDimension
            case .integer(let number)?: dimension = number
            case let value?:
                throw element.error(
                    .invalidValue,
                    "dimension",
                    "expected an integer or \"embedder\", found \(value.typeName) \(value)"
                )
            }
            let metricName = try element.string("metric") ?? "cosine"
            guard let metric = VectorMetric(rawValue: metricName) else {
                throw element.error(
                    .invalidValue,
                    "metric",
                    "unknown metric '\(metricName)'; expected one of: cosine, dot, l2"
                )
            }
            vectors.append(VectorFieldDefinition(name: name, dimension: dimension, metric: metric))
        }

        let fieldTables = try ArrayTables(root, "field")
        var fields: [FieldDefinition] = []
        for index in fieldTables.elements.indices {
            let element = try fieldTables.element(
                index,
                keys: ["name", "type", "required", "default", "fold_case", "index"]
            )
            let name = try element.requiredString("name")
            let typeName = try element.requiredString("type")
            guard let type = FieldType(rawValue: typeName) else {
                let known = FieldType.allCases.map(\.rawValue).joined(separator: ", ")
                throw element.error(.invalidValue, "type", "unknown type '\(typeName)'; expected one of: \(known)")
            }
            var defaultValue: FieldValue?
            if let value = element.entries["default"] {
                guard let typed = Self.fieldValue(value, type) else {
                    throw element.error(
                        .invalidValue,
                        "default",
                        "expected a \(type.rawValue), found \(value.typeName)"
                    )
                }
                defaultValue = typed
            }
            fields.append(
                FieldDefinition(
                    name: name,
                    type: type,
                    required: try element.bool("required") ?? false,
                    defaultValue: defaultValue,
                    foldCase: try element.bool("fold_case") ?? false,
                    index: try element.bool("index") ?? false
                )
            )
        }

        let schema = CollectionSchema(
            primaryKey: primaryKey,
            fields: fields,
            vectors: vectors,
            textField: textField,
            textAnalyzer: textAnalyzer
        )
        do {
            try schema.validate()
        } catch {
            // Point at the offending entry: the text field setting, a field, a vector, or the primary key.
            let textFieldIsString = fields.contains { $0.name == textField && $0.type == .string }
            if let name = error.field, name == textField, !textFieldIsString {
                throw collection.error(.invalidValue, "text_field", error.message)
            }
            if let name = error.field, let index = fields.lastIndex(where: { $0.name == name }) {
                throw fieldTables.error(index, .invalidValue, "name", error.message)
            }
            if let name = error.field, let index = vectors.lastIndex(where: { $0.name == name }) {
                throw vectorTables.error(index, .invalidValue, "name", error.message)
            }
            throw collection.error(.invalidValue, "primary_key", error.message)
        }
        return schema
    }

    /// A TOML value as a field value of `type`: strings, integers, floats (or integers), booleans,
    /// dates as `"YYYY-MM-DD"` strings, arrays of strings.
    static func fieldValue(_ value: ConfigValue, _ type: FieldType) -> FieldValue? {
        switch (type, value) {
        case (.string, .string(let text)): return .string(text)
        case (.int64, .integer(let number)): return .int64(Int64(number))
        case (.double, .double(let number)): return .double(number)
        case (.double, .integer(let number)): return .double(Double(number))
        case (.bool, .bool(let flag)): return .bool(flag)
        case (.date, .string(let text)): return CalendarDate(text).map(FieldValue.date)
        case (.stringArray, .array(let items)):
            var texts: [String] = []
            for item in items {
                guard case .string(let text) = item else { return nil }
                texts.append(text)
            }
            return .stringArray(texts)
        default: return nil
        }
    }
}
