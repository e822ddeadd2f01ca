import Foundation

@testable import VectorStore

/// The brute-force side of `QueryPropertyTests`: the collection's expected content kept as plain
/// `Document`s, and search answered from them by a filter evaluator of its own (not
/// `CompiledFilter`), exact scores and BM25 from the definitions.
struct QueryOracle {
    struct Version {
        var document: Document
        var writtenAtMs: UInt64
    }

    var schema: CollectionSchema
    var ttlMs: UInt64?
    /// The newest live-or-expired version of every id not deleted.
    var versions: [String: Version] = [:]

    /// The documents visible at `nowMs`: not deleted, not expired (own expiry or the TTL).
    func live(nowMs: UInt64) -> [Document] {
        versions.values.compactMap { version in
            let own = version.document.expiresAt.map(StoreClock.milliseconds) ?? UInt64.max
            let ttl = ttlMs.map { version.writtenAtMs + $0 } ?? UInt64.max
            return min(own, ttl) > nowMs ? version.document : nil
        }
    }

    // MARK: Filters

    func matches(_ filters: [MetadataFilter], _ document: Document) -> Bool {
        filters.allSatisfy { matches($0, document) }
    }

    func matches(_ filter: MetadataFilter, _ document: Document) -> Bool {
        switch filter {
        case .and(let filters): return filters.allSatisfy { matches($0, document) }
        case .or(let filters): return filters.contains { matches($0, document) }
        case .not(let inner): return !matches(inner, document)
        case .equals(let name, let expected):
            guard let value = value(name, document) else { return false }
            return same(value, expected, fold: folds(name))
        case .oneOf(let name, let values):
            guard let value = value(name, document) else { return false }
            return values.contains { same(value, $0, fold: folds(name)) }
        case .range(let name, let lower, let upper):
            guard let value = value(name, document).flatMap(Self.number) else { return false }
            if let lower, let bound = Self.number(lower.value) {
                guard value > bound || (lower.inclusive && value == bound) else { return false }
            }
            if let upper, let bound = Self.number(upper.value) {
                guard value < bound || (upper.inclusive && value == bound) else { return false }
            }
            return true
        case .prefix(let name, let prefix):
            let fold = folds(name)
            let wanted = fold ? prefix.lowercased() : prefix
            switch value(name, document) {
            case .string(let text)?: return (fold ? text.lowercased() : text).hasPrefix(wanted)
            case .stringArray(let texts)?: return texts.contains { (fold ? $0.lowercased() : $0).hasPrefix(wanted) }
            default: return false
            }
        }
    }

    /// A field's value as a filter reads it: the stored one, else the schema default.
    private func value(_ name: String, _ document: Document) -> FieldValue? {
        if name == schema.primaryKey { return .string(document.id) }
        return document.fields[name] ?? schema.fields.first { $0.name == name }?.defaultValue
    }

    private func folds(_ name: String) -> Bool { schema.fields.first { $0.name == name }?.foldCase ?? false }

    private func same(_ value: FieldValue, _ expected: FieldValue, fold: Bool) -> Bool {
        func lower(_ text: String) -> String { fold ? text.lowercased() : text }
        switch (value, expected) {
        case (.string(let a), .string(let b)): return lower(a) == lower(b)
        case (.stringArray(let a), .string(let b)): return a.contains { lower($0) == lower(b) }
        case (.stringArray(let a), .stringArray(let b)): return a.map(lower) == b.map(lower)
        default: return value == expected
        }
    }

    private static func number(_ value: FieldValue) -> Double? {
        switch value {
        case .int64(let number): Double(number)
        case .double(let number): number
        case .date(let date): Double(date.daysSince1970)
        default: nil
        }
    }

    // MARK: Rankings

    /// Every matching document by exact vector score, best first.
    func vectorRanking(_ query: [Float], _ documents: [Document]) -> [(id: String, score: Float)] {
        let field = schema.vectors[0]
        let isCosine = field.metric == .cosine
        let q = isCosine ? Self.normalised(query) : query
        return documents.map { document in
            var vector = document.vectors[field.name] ?? []
            if isCosine { vector = Self.normalised(vector) }
            let score: Float =
                field.metric == .l2
                ? -zip(vector, q).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                : zip(vector, q).reduce(0) { $0 + $1.0 * $1.1 }
            return (document.id, score)
        }
        .sorted { $0.score > $1.score }
    }

    /// The matching documents holding a query term by BM25 (statistics over `live`), best first.
    func lexicalRanking(_ text: String, matching: [Document], live: [Document]) -> [(id: String, score: Float)] {
        let textField = schema.textField ?? ""
        func terms(_ document: Document) -> [String] {
            LexicalAnalyzer.terms(of: document.fields[textField]?.stringValue ?? "", analyzer: schema.textAnalyzer)
        }
        let queryTerms = Set(LexicalAnalyzer.terms(of: text, analyzer: schema.textAnalyzer)).sorted()
        let lengths = live.map { terms($0).count }
        let average = live.isEmpty ? 1 : max(Float(Double(lengths.reduce(0, +)) / Double(live.count)), 1)
        let n = Float(live.count)
        var idf: [String: Float] = [:]
        for term in queryTerms {
            let df = Float(live.filter { terms($0).contains(term) }.count)
            if df > 0 { idf[term] = log(1 + (n - df + 0.5) / (df + 0.5)) }
        }
        var ranking: [(id: String, score: Float)] = []
        for document in matching {
            let words = terms(document)
            var score: Float = 0
            var holds = false
            for term in queryTerms {
                let tf = Float(words.filter { $0 == term }.count)
                guard tf > 0, let weight = idf[term] else { continue }
                holds = true
                score += weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * Float(words.count) / average))
            }
            if holds { ranking.append((document.id, score)) }
        }
        return ranking.sorted { $0.score > $1.score }
    }

    /// Reciprocal rank fusion of two rankings (`SearchMode.hybrid`).
    static func fused(
        _ first: [(id: String, score: Float)],
        _ second: [(id: String, score: Float)],
        depth: Int
    ) -> [(id: String, score: Float)] {
        var scores: [String: Float] = [:]
        for (rank, entry) in first.prefix(depth).enumerated() { scores[entry.id, default: 0] += 1 / (61 + Float(rank)) }
        for (rank, entry) in second.prefix(depth).enumerated() {
            scores[entry.id, default: 0] += 1 / (61 + Float(rank))
        }
        return scores.map { ($0.key, $0.value) }.sorted { $0.score > $1.score }
    }

    /// Whether two neighbours of a ranking are closer than `gap` (their order is then a tie).
    static func hasNearTie(_ ranking: [(id: String, score: Float)], gap: Float) -> Bool {
        zip(ranking, ranking.dropFirst()).contains { abs($0.score - $1.score) < gap }
    }

    static func normalised(_ vector: [Float]) -> [Float] {
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm > 0 ? vector.map { $0 / norm } : vector
    }
}
