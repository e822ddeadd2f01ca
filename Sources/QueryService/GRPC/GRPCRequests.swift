import NIOCore
import Pipeline
import VectorStore

// The gRPC requests as the HTTP API's bodies: each is read into the type the HTTP handler decodes,
// and both APIs go on with the same validation.

extension SearchBody {
    /// The search a gRPC `SearchRequest` asks for (unset fields as absent JSON keys).
    init(_ request: Vectordb_V1_SearchRequest) {
        var filter: Filter?
        switch request.filter {
        case .filterObject(let object)?: filter = .object(ProtoJSON.json(object))
        case .filterExpressions(let list)?: filter = .expressions(list.expressions)
        case nil: filter = nil
        }
        var asOf: AsOf?
        switch request.asOf {
        case .asOfVersion(let version)?: asOf = .version(version)
        case .asOfTime(let time)?: asOf = .text(time)
        case nil: asOf = nil
        }
        self.init(
            query: request.hasQuery ? request.query : nil,
            vector: request.vector.isEmpty ? nil : request.vector,
            k: request.hasK ? Int(request.k) : nil,
            filter: filter,
            mode: request.hasMode ? request.mode : nil,
            ranking: request.hasRanking ? request.ranking : nil,
            asOf: asOf,
            include: request.include.isEmpty ? nil : request.include
        )
    }
}

extension CreateCollectionBody {
    /// The collection a gRPC `CreateCollectionRequest` asks for.
    ///
    /// - Throws: `APIError` 400 without a schema, for a named schema other than `sec`, or for a
    ///   custom schema that is not a valid schema object.
    init(_ request: Vectordb_V1_CreateCollectionRequest) throws(APIError) {
        let schema: Schema
        switch request.schema {
        case .namedSchema(let name)?:
            guard name == "sec" else {
                throw .badInput("named_schema: the only named schema is \"sec\"; give custom_schema otherwise")
            }
            schema = .sec
        case .customSchema(let object)?:
            let bytes = ByteBuffer(bytes: JSONBody.encode(ProtoJSON.json(object)))
            do {
                schema = .custom(try JSONBody.decode(CollectionSchema.self, from: bytes))
            } catch {
                throw .badInput("custom_schema: " + error.message)
            }
        case nil:
            throw .badInput("schema: give named_schema \"sec\" or a custom_schema object")
        }
        self.init(
            name: request.name,
            schema: schema,
            embedder: request.hasEmbedder
                ? Embedder(
                    provider: request.embedder.provider,
                    dimension: request.embedder.hasDimension ? Int(request.embedder.dimension) : nil
                )
                : nil
        )
    }
}

extension Vectordb_V1_DocumentInput {
    /// The document as the JSON object a line of `vectordb import` (and the HTTP body) holds.
    var json: JSONValue {
        var object: [String: JSONValue] = ["id": .string(id)]
        if hasFields { object["fields"] = ProtoJSON.json(fields) }
        if !vector.isEmpty { object["vector"] = .array(vector.map { .number(Double($0)) }) }
        if !vectors.isEmpty {
            object["vectors"] = .object(vectors.mapValues { .array($0.values.map { .number(Double($0)) }) })
        }
        if hasText { object["text"] = .string(text) }
        if hasExpiresAt { object["expires_at"] = .string(expiresAt) }
        return .object(object)
    }
}
