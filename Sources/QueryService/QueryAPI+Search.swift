import Hummingbird
import Pipeline
import Retrieval
import SECDocuments
import VectorStore

extension QueryAPI {
    struct SearchResponse: Encodable {
        var collection: String
        var mode: String
        var ranking: String
        var hits: [HitBody]
        var interpretation: QuestionInterpretation?
    }

    /// `POST /v1/collections/{name}/search`: under the tenant's concurrent-query cap and the
    /// query deadline, cancelled when the client goes away.
    @Sendable func search(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try context.requireCaller()
        let name = try context.parameters.require("name")
        let bytes = try await request.body.collect(upTo: limits.bodyBytesMax)
        guard case .object(let object) = try JSONBody.decode(JSONValue.self, from: bytes) else {
            throw APIError.badInput("the body must be a JSON object")
        }
        if let unknown = object.keys.sorted().first(where: { !SearchBody.keys.contains($0) }) {
            throw APIError.badInput("unknown key '\(unknown)' (\(SearchBody.keys.sorted().joined(separator: ", ")))")
        }
        let search = try JSONBody.decode(SearchBody.self, from: bytes)
        let timeout = limits.queryTimeout
        return try await qos.withQuerySlot(caller.tenant) {
            try await context.connection.cancellingOnClose {
                try await Deadline.run(timeout) { try await self.run(search, collection: name, caller: caller) }
            }
        }
    }

    /// Validates `body` against the collection and the bounds, embeds the query when needed and
    /// ranks with `FilingSearcher` (the ranking of `vectordb search`).
    func run(_ body: SearchBody, collection name: String, caller: Caller) async throws -> Response {
        if let query = body.query, query.utf8.count > limits.queryBytesMax {
            throw APIError.badInput("query: longer than \(limits.queryBytesMax) bytes")
        }
        let k = body.k ?? 10
        guard (1...limits.kMax).contains(k) else { throw APIError.badInput("k: must be in 1...\(limits.kMax)") }
        let include = Set(body.include ?? [])
        if let unknown = include.subtracting(SearchBody.includes).sorted().first {
            throw APIError.badInput(
                "include: unknown '\(unknown)' (\(SearchBody.includes.sorted().joined(separator: ", ")))"
            )
        }
        let query = body.query.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        let mode = try searchMode(body, hasQuery: query != nil)
        let collection = try await collection(caller, name)
        let info = await collection.info
        let filters = try searchFilters(body.filter, schema: info.schema)
        let ranking = try searchRanking(body.ranking, schema: info.schema)
        var asOf: VersionSelector?
        switch body.asOf {
        case .version(let version)?: asOf = .version(version)
        case .text(let text)?:
            guard let selector = VersionSelector(parsing: text) else {
                throw APIError.badInput("asOf: '\(text)' is neither a version number nor an ISO 8601 time")
            }
            asOf = selector
        case nil: asOf = nil
        }
        var vector = body.vector
        if let given = vector {
            guard given.count == info.dimension else {
                throw APIError.badInput(
                    "vector: \(given.count) components; collection '\(name)' holds \(info.dimension)"
                )
            }
            guard given.allSatisfy(\.isFinite) else { throw APIError.badInput("vector: components must be finite") }
        }
        var embedder: QueryEmbedder?
        if mode != .lexical, vector == nil, let query {
            let made = try stores.embedder(caller.tenant, info)
            try Task.checkCancellation()
            vector = try await made.vector(for: query)
            embedder = made
        }
        try Task.checkCancellation()
        let request = FilingSearchRequest(
            question: query ?? "",
            vector: vector,
            k: k,
            filters: filters,
            mode: mode,
            asOf: asOf,
            ranking: ranking,
            passageEmbedder: embedder?.embedder
        )
        let result = try await searcher.search(request, in: collection)
        let hits = result.hits.map {
            HitBody($0.hit, query: query ?? "", textField: info.schema.textField, include: include)
        }
        let interpretation = include.contains("interpretation") && ranking == .aware ? result.interpretation : nil
        return JSONBody.response(
            SearchResponse(
                collection: name,
                mode: mode.rawValue,
                ranking: ranking.rawValue,
                hits: hits,
                interpretation: interpretation
            )
        )
    }

    /// `mode`, or `hybrid` with a query and `vector` without.
    private func searchMode(_ body: SearchBody, hasQuery: Bool) throws(APIError) -> SearchMode {
        let mode: SearchMode
        if let text = body.mode {
            guard let parsed = SearchMode(rawValue: text) else {
                throw .badInput("mode: '\(text)' is not one of hybrid, vector, lexical")
            }
            mode = parsed
        } else {
            mode = hasQuery ? .hybrid : .vector
        }
        switch mode {
        case .lexical where !hasQuery: throw .badInput("mode lexical needs a query")
        case .hybrid where !hasQuery: throw .badInput("mode hybrid needs a query")
        case .vector where !hasQuery && body.vector == nil: throw .badInput("give a query or a vector")
        default: return mode
        }
    }

    private func searchFilters(_ filter: SearchBody.Filter?, schema: CollectionSchema) throws -> [MetadataFilter] {
        switch filter {
        case nil: return []
        case .expressions(let expressions):
            guard expressions.count <= limits.filterConditionsMax else {
                throw APIError.badInput("filter: more than \(limits.filterConditionsMax) conditions")
            }
            return try expressions.map { (expression) throws(StoreError) in
                try MetadataFilter(parsing: expression, schema: schema, aliases: CollectionSchema.secFilterAliases)
            }
        case .object(let value):
            var reader = FilterJSON(
                schema: schema,
                depthMax: limits.filterDepthMax,
                conditionsMax: limits.filterConditionsMax
            )
            return try reader.filters(value)
        }
    }

    /// `ranking`, or `aware` for a collection of SEC chunks and `plain` for any other.
    private func searchRanking(
        _ text: String?,
        schema: CollectionSchema
    ) throws(APIError) -> FilingSearchRequest.Ranking {
        guard let text else { return (try? schema.checkHoldsSECChunks()) == nil ? .plain : .aware }
        guard let ranking = FilingSearchRequest.Ranking(rawValue: text) else {
            throw .badInput("ranking: '\(text)' is not one of aware, plain")
        }
        return ranking
    }
}
