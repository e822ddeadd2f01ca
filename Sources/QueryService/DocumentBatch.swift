import Hummingbird
import Pipeline
import VectorStore

/// Reads the documents of an upsert request: `{"documents": [...]}` (JSON) or one document per
/// line (`application/x-ndjson`, `application/jsonl`), each read by `ImportRecord` against the
/// collection's schema, at most `batchDocumentsMax` of them.
struct DocumentBatch {
    let limits: ServiceLimits

    static let lineTypes: Set<String> = ["application/x-ndjson", "application/jsonl", "application/jsonlines"]

    /// - Throws: `APIError` 400 naming the document (`documents[3]` or `line 4`) and field, or for
    ///   an empty or oversized batch; 415 for another content type.
    func records(_ bytes: ByteBuffer, contentType: String?, schema: CollectionSchema) throws(APIError) -> [ImportRecord]
    {
        let type =
            (contentType ?? "application/json").split(separator: ";").first.map {
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            } ?? "application/json"
        var records: [ImportRecord] = []
        if Self.lineTypes.contains(type) {
            let text = String(decoding: bytes.readableBytesView, as: UTF8.self)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                guard !line.allSatisfy(\.isWhitespace) else { continue }
                try checkCount(records.count + 1)
                do {
                    records.append(try ImportRecord(line: line, schema: schema))
                } catch {
                    throw .badInput("line \(index + 1)" + Self.describe(error))
                }
            }
        } else if type == "application/json" {
            let body = try JSONBody.decode(JSONValue.self, from: bytes)
            guard case .object(let object) = body, case .array(let items)? = object["documents"], object.count == 1
            else {
                throw .badInput("the body must be {\"documents\": [...]} (or JSON lines as application/x-ndjson)")
            }
            try checkCount(items.count)
            for (index, item) in items.enumerated() {
                do {
                    records.append(try ImportRecord(value: item, schema: schema))
                } catch {
                    throw .badInput("documents[\(index)]" + Self.describe(error))
                }
            }
        } else {
            throw APIError(
                .unsupportedMediaType,
                code: "unsupported_media_type",
                message: "send application/json or application/x-ndjson, not \(type)"
            )
        }
        guard !records.isEmpty else { throw .badInput("the batch holds no document") }
        return records
    }

    private func checkCount(_ count: Int) throws(APIError) {
        guard count <= limits.batchDocumentsMax else {
            throw .badInput("a batch holds at most \(limits.batchDocumentsMax) documents")
        }
    }

    private static func describe(_ fault: ImportRecord.Fault) -> String {
        (fault.field.map { ", field '\($0)'" } ?? "") + ": " + fault.message
    }
}
