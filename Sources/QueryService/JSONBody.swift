import Foundation
import Hummingbird

/// JSON in and out of the API: bodies decoded with messages that name the field at fault, responses
/// encoded with sorted keys.
enum JSONBody {
    /// Decodes `bytes` as `T`.
    ///
    /// - Throws: `APIError` 400 `malformed_json` for invalid JSON, or `bad_input` naming the key
    ///   path for a missing key or a value of the wrong type.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: ByteBuffer) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes.readableBytesView))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw .malformedJSON("the body is not valid JSON (\(reason(error)))")
            }
            throw .badInput(reason(error))
        } catch {
            throw .malformedJSON("the body is not valid JSON")
        }
    }

    /// A decoding error in words, with the key path and without Swift type names.
    static func reason(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing key '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return "key '\(path(context.codingPath))': expected \(describe(type))"
        case .dataCorrupted(let context):
            let detail =
                (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
                ?? context.debugDescription
            return context.codingPath.isEmpty ? detail : "key '\(path(context.codingPath))': \(detail)"
        @unknown default:
            return "the body does not match the expected document"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type, is Float.Type: "a number"
        case is Bool.Type: "a boolean"
        case is [Float].Type, is [Double].Type: "an array of numbers"
        case is [String].Type: "an array of strings"
        default: "another type"
        }
    }

    /// `value` as JSON bytes, keys sorted, slashes unescaped.
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map(Array.init) ?? Array(#"{"error":{"code":"internal"}}"#.utf8)
    }

    /// A response of `status` with `value` as its JSON body.
    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(
            status: status,
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: encode(value)))
        )
    }
}
