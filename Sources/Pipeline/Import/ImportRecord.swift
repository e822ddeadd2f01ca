import Foundation
import VectorStore

/// One line of an import file, read against the collection's schema: a document, and the text to
/// embed when the line gives `text` instead of a vector (docs/import-export.md). The query service
/// reads the documents of an upsert request with it too.
public struct ImportRecord: Sendable {
    public var document: Document
    /// The text to embed into the first vector field, when the line has no vector for it.
    public var textToEmbed: String?

    /// The keys a line may hold.
    static let keys: Set<String> = ["id", "fields", "vector", "vectors", "text", "expires_at"]

    /// A line's fault: the key or field, and why.
    public struct Fault: Error, Sendable {
        public var field: String?
        public var message: String
    }

    /// Parses one line.
    ///
    /// - Throws: `Fault` naming the key or field: not a JSON object, an unknown key, a missing or
    ///   empty id, a field the schema does not declare or of another type, a non-numeric or
    ///   non-finite vector component, neither a vector nor text for the first vector field.
    public init(line: Substring, schema: CollectionSchema) throws(Fault) {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
        } catch {
            throw Fault(field: nil, message: "not valid JSON (\(Self.reason(error)))")
        }
        try self.init(value: value, schema: schema)
    }

    /// Reads one decoded JSON value (an element of a request's `documents` array) like a line.
    ///
    /// - Throws: `Fault` as `init(line:schema:)`, but for the JSON syntax.
    public init(value: JSONValue, schema: CollectionSchema) throws(Fault) {
        guard case .object(let object) = value else {
            throw Fault(field: nil, message: "expected a JSON object, found \(value.kind)")
        }
        if let unknown = object.keys.sorted().first(where: { !Self.keys.contains($0) }) {
            throw Fault(
                field: unknown,
                message: "unknown key (a line holds id, fields, vector or vectors, text, expires_at)"
            )
        }
        guard case .string(let id)? = object["id"], !id.isEmpty else {
            throw Fault(field: "id", message: "every line needs a non-empty string id")
        }
        var fields: [String: FieldValue] = [:]
        if let given = object["fields"] {
            guard case .object(let values) = given else {
                throw Fault(field: "fields", message: "expected an object of field values, found \(given.kind)")
            }
            for (name, raw) in values where raw != .null {
                guard let definition = schema.fields.first(where: { $0.name == name }) else {
                    throw Fault(field: name, message: "the collection's schema has no such field")
                }
                fields[name] = try Self.fieldValue(raw, type: definition.type, field: name)
            }
        }
        var vectors: [String: [Float]] = [:]
        if let given = object["vectors"] {
            guard case .object(let named) = given else {
                throw Fault(field: "vectors", message: "expected an object of named vectors, found \(given.kind)")
            }
            for (name, raw) in named { vectors[name] = try Self.vector(raw, field: name) }
        }
        let first = schema.vectors.first?.name
        if let given = object["vector"] {
            guard let first else { throw Fault(field: "vector", message: "the collection has no vector field") }
            vectors[first] = try Self.vector(given, field: "vector")
        }
        var text: String?
        if let given = object["text"] {
            guard case .string(let value) = given, !value.isEmpty else {
                throw Fault(field: "text", message: "expected a non-empty string to embed")
            }
            text = value
            if let textField = schema.textField, fields[textField] == nil { fields[textField] = .string(value) }
        }
        if let first, vectors[first] == nil, text == nil {
            throw Fault(field: "vector", message: "give either a vector or a text to embed for '\(first)'")
        }
        var expiresAt: Date?
        if let given = object["expires_at"] {
            guard case .string(let stamp) = given, let date = Self.time(stamp) else {
                throw Fault(field: "expires_at", message: "expected an ISO 8601 time, e.g. 2026-01-31T00:00:00Z")
            }
            expiresAt = date
        }
        document = Document(id: id, fields: fields, vectors: vectors, expiresAt: expiresAt)
        textToEmbed = first.flatMap { vectors[$0] == nil ? text : nil }
    }

    private static func fieldValue(_ raw: JSONValue, type: FieldType, field: String) throws(Fault) -> FieldValue {
        switch (type, raw) {
        case (.string, .string(let value)): return .string(value)
        case (.int64, .integer(let value)): return .int64(value)
        case (.double, _) where raw.doubleValue != nil: return .double(raw.doubleValue ?? 0)
        case (.bool, .bool(let value)): return .bool(value)
        case (.date, .string(let text)):
            guard let date = CalendarDate(text) else {
                throw Fault(field: field, message: "'\(text)' is not a date (YYYY-MM-DD)")
            }
            return .date(date)
        case (.stringArray, .array(let items)):
            var strings: [String] = []
            for item in items {
                guard case .string(let value) = item else {
                    throw Fault(field: field, message: "expected an array of strings, found \(item.kind) in it")
                }
                strings.append(value)
            }
            return .stringArray(strings)
        default:
            throw Fault(field: field, message: "expected \(Self.expected(type)), found \(raw.kind)")
        }
    }

    private static func vector(_ raw: JSONValue, field: String) throws(Fault) -> [Float] {
        guard case .array(let items) = raw, !items.isEmpty else {
            throw Fault(field: field, message: "expected a non-empty array of numbers")
        }
        var vector: [Float] = []
        vector.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let number = item.doubleValue, Float(number).isFinite else {
                throw Fault(field: field, message: "component \(index) is \(item.kind), not a finite number")
            }
            vector.append(Float(number))
        }
        return vector
    }

    /// An ISO 8601 time, with or without fractional seconds.
    private static func time(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    private static func expected(_ type: FieldType) -> String {
        switch type {
        case .string: "a string"
        case .int64: "an integer"
        case .double: "a number"
        case .bool: "a boolean"
        case .date: "a date string (YYYY-MM-DD)"
        case .stringArray: "an array of strings"
        }
    }

    /// The decoder's reason, without its Swift type names.
    private static func reason(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
        }
        return "\(error)"
    }
}
