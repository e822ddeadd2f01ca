import Foundation

/// The JSON of `POST /v1/embeddings`: the request body, and the response validated into vectors.
enum OpenAIEmbeddingsCodec {
    /// The request body: `model`, `input` as an array, `encoding_format: "base64"`, optional `dimensions`.
    static func requestBody(inputs: [String], model: String, dimensions: Int?) -> [UInt8] {
        var object: [String: Any] = ["model": model, "input": inputs, "encoding_format": "base64"]
        if let dimensions { object["dimensions"] = dimensions }
        // Only strings, string arrays and integers: serialisation cannot fail.
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
    }

    /// Why a response was rejected (the caller adds provider, model and batch).
    struct Rejection: Error {
        var message: String
        var inputIndex: Int?
    }

    /// The vectors of a 200 response, in input order.
    ///
    /// Accepts each `embedding` as a base64 string of little-endian float32 (what was asked for) or
    /// as a JSON number array (servers that ignore `encoding_format`). Orders by `index` when present.
    ///
    /// - Throws: `Rejection` for malformed JSON, a vector count other than `expectedCount`, an index
    ///   out of range or repeated, a vector of other than `dimension` components, or a non-finite one.
    static func vectors(from body: [UInt8], expectedCount: Int, dimension: Int) throws(Rejection) -> [[Float]] {
        guard let root = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let data = root["data"] as? [[String: Any]]
        else {
            throw Rejection(message: "malformed response: expected a JSON object with a 'data' array")
        }
        guard data.count == expectedCount else {
            throw Rejection(message: "returned \(data.count) vectors for \(expectedCount) inputs")
        }
        var vectors = [[Float]?](repeating: nil, count: expectedCount)
        for (position, item) in data.enumerated() {
            let index = (item["index"] as? Int) ?? position
            guard vectors.indices.contains(index), vectors[index] == nil else {
                throw Rejection(message: "response item \(position) has a missing, repeated or out-of-range index")
            }
            let vector: [Float]
            if let text = item["embedding"] as? String {
                guard let decoded = decodeBase64Float32(text) else {
                    throw Rejection(message: "embedding is not base64 of float32 values", inputIndex: index)
                }
                vector = decoded
            } else if let numbers = item["embedding"] as? [Double] {
                vector = numbers.map { Float($0) }
            } else {
                throw Rejection(message: "response item \(position) has no embedding", inputIndex: index)
            }
            guard vector.count == dimension else {
                throw Rejection(
                    message: "vector of \(vector.count) components, expected \(dimension)",
                    inputIndex: index
                )
            }
            guard vector.allSatisfy(\.isFinite) else {
                throw Rejection(message: "vector has a NaN or infinite component", inputIndex: index)
            }
            vectors[index] = vector
        }
        return vectors.map { $0 ?? [] }
    }

    /// Little-endian float32 values from base64; `nil` when not base64 or not a multiple of 4 bytes.
    static func decodeBase64Float32(_ text: String) -> [Float]? {
        guard let data = Data(base64Encoded: text), data.count % 4 == 0 else { return nil }
        let bytes = Array(data)
        return stride(from: 0, to: bytes.count, by: 4).map { offset in
            let bits =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            return Float(bitPattern: bits)
        }
    }
}
