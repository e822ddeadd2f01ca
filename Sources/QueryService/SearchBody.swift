import Pipeline

/// The body of `POST /v1/collections/{name}/search` (openapi.yaml `SearchRequest`).
struct SearchBody: Decodable, Sendable {
    /// Either a filter object (docs/service.md, "Filters") or a list of `KEY OP VALUE` expressions.
    enum Filter: Decodable, Sendable {
        case object(JSONValue)
        case expressions([String])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let expressions = try? container.decode([String].self) {
                self = .expressions(expressions)
            } else {
                let value = try container.decode(JSONValue.self)
                guard case .object = value else {
                    throw DecodingError.typeMismatch(
                        [String: JSONValue].self,
                        DecodingError.Context(
                            codingPath: decoder.codingPath,
                            debugDescription: "expected a filter object or an array of expressions"
                        )
                    )
                }
                self = .object(value)
            }
        }
    }

    /// A version number or an ISO 8601 time.
    enum AsOf: Decodable, Sendable {
        case version(UInt64)
        case text(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let version = try? container.decode(UInt64.self) {
                self = .version(version)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    var query: String?
    var vector: [Float]?
    var k: Int?
    var filter: Filter?
    var mode: String?
    var ranking: String?
    var asOf: AsOf?
    var include: [String]?

    static let keys: Set<String> = ["query", "vector", "k", "filter", "mode", "ranking", "asOf", "include"]
    static let includes: Set<String> = ["text", "fields", "interpretation"]
}
