import Foundation
import SECModel
import VectorStore

/// `vectordb export jsonl`: every live document of a snapshot as one JSON object per line, in the
/// format `DocumentImporter` reads (vectors included), so export then import round-trips.
public enum DocumentExporter {
    /// Writes `snapshot`'s documents to `path` (replaced atomically: a temporary file renamed over
    /// it), keys sorted, one document per line.
    ///
    /// - Returns: the number of documents written.
    /// - Throws: `ImportError` (*unavailable*) when the file cannot be written.
    @discardableResult
    public static func export(_ snapshot: ReadSnapshot, to path: String) throws(ImportError) -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let schema = snapshot.info.schema
        return try ExportFile.replace(path) { file in
            var count = 0
            var pending = Data()
            for document in snapshot.documents() {
                pending.append(try encoder.encode(line(document, schema: schema)))
                pending.append(UInt8(ascii: "\n"))
                count += 1
                if pending.count >= 1 << 20 {
                    try file.append(pending)
                    pending.removeAll(keepingCapacity: true)
                }
            }
            try file.append(pending)
            return count
        }
    }

    /// The line of one document: `id`, `fields`, `vector` (the first vector field), `vectors`
    /// (any others), `expires_at`.
    static func line(_ document: Document, schema: CollectionSchema) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(document.id)]
        object["fields"] = .object(document.fields.mapValues(json))
        var others: [String: JSONValue] = [:]
        for (index, field) in schema.vectors.enumerated() {
            guard let vector = document.vectors[field.name] else { continue }
            let value = JSONValue.array(vector.map { .number(Double($0)) })
            if index == 0 { object["vector"] = value } else { others[field.name] = value }
        }
        if !others.isEmpty { object["vectors"] = .object(others) }
        if let expiresAt = document.expiresAt {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            object["expires_at"] = .string(formatter.string(from: expiresAt))
        }
        return .object(object)
    }

    private static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .int64(let number): .integer(number)
        case .double(let number): .number(number)
        case .bool(let flag): .bool(flag)
        case .date(let date): .string(date.description)
        case .stringArray(let texts): .array(texts.map { .string($0) })
        }
    }
}
