import Foundation
import HNSW
import Testing

@testable import VectorStore

// Goal: every search — vector, lexical, hybrid; exact, filtered-graph or planner-chosen; filters on
// indexed and unindexed fields — returns what brute force over the documents returns.
//
// Strategy: per seed, a small random collection (random schema: which fields are indexed, cosine
// or l2) is driven through random upserts (overwriting ids), deletes, explicit commits (flushes),
// compactions, a schema evolution (a field added with a default mid-way), index toggles and clock
// moves past a collection TTL and per-document expiries; a tiny memtable bound and graph threshold
// mix memtable rows, segments with and without HNSW graphs and compacted segments. Then random
// filter trees (eq, in, range, prefix, and/or/not, on every field type and the primary key) are
// searched in each mode and checked against `QueryOracle`, which evaluates filters on plain
// `Document`s itself (never through `CompiledFilter`). Graphs are searched with a beam wider than
// any segment, so a filtered traversal is exhaustive and must be exact too.
//
// Invariants: exactly min(k, matches) hits (lexical: matches holding a query term); every hit is
// live and matches; the i-th score equals the oracle's i-th score (tolerance 2e-4 on vector and
// BM25 scores, 1e-6 on fused ones, which makes ties harmless) and each hit's own oracle score; hybrid: the fused scores equal the oracle's
// fusion unless a near-tie makes the rank order ambiguous. A failure names its seed.
@Suite struct QueryPropertyTests {
    static let caseCount = 1_000
    static let vocabulary = ["alpha", "bravo", "carbon", "delta", "ember", "fjord", "gamma", "harbor"]
    static let categories = ["Alpha", "alpha", "BETA", "beta", "Gamma", "delta", "Épée", "ab"]
    static let tagValues = ["x", "y", "xy", "Z", "zz"]

    @Test func searchesMatchBruteForce() async throws {
        var failures: [String] = []
        for seed in 0..<UInt64(Self.caseCount) {
            do {
                try await Self.runCase(seed: seed)
            } catch {
                failures.append("seed \(seed): \(error)")
                if failures.count >= 5 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    static func schema(_ random: inout SeededGenerator) -> CollectionSchema {
        func indexed() -> Bool { random.next() % 3 != 0 }
        return CollectionSchema(
            fields: [
                FieldDefinition(name: "cat", type: .string, foldCase: random.next() % 2 == 0, index: indexed()),
                FieldDefinition(name: "tags", type: .stringArray, foldCase: true, index: indexed()),
                FieldDefinition(name: "year", type: .int64, index: indexed()),
                FieldDefinition(name: "day", type: .date, index: indexed()),
                FieldDefinition(name: "weight", type: .double, index: indexed()),
                FieldDefinition(name: "flag", type: .bool, defaultValue: .bool(false), index: indexed()),
                FieldDefinition(name: "body", type: .string),
            ],
            vectors: [VectorFieldDefinition(name: "v", dimension: 6, metric: random.next() % 3 == 0 ? .l2 : .cosine)],
            textField: "body"
        )
    }

    static func document(_ slot: Int, _ random: inout SeededGenerator, clock: ManualClock) -> Document {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        var fields: [String: FieldValue] = [:]
        if random.next() % 5 != 0 { fields["cat"] = .string(pick(categories)) }
        if random.next() % 4 != 0 {
            fields["tags"] = .stringArray((0..<Int(random.next() % 3)).map { _ in pick(tagValues) })
        }
        if random.next() % 5 != 0 { fields["year"] = .int64(2_000 + Int64(random.next() % 8)) }
        if random.next() % 5 != 0 { fields["day"] = .date(CalendarDate(daysSince1970: Int64(random.next() % 10))) }
        if random.next() % 5 != 0 { fields["weight"] = .double(Double(random.next() % 7) / 2) }
        if random.next() % 3 != 0 { fields["flag"] = .bool(random.next() % 2 == 0) }
        if random.next() % 4 == 0 { fields["extra"] = .int64(Int64(random.next() % 4)) }
        // Distinct lengths per id keep BM25 scores apart (ties would make rank order arbitrary).
        let words = (0..<(1 + Int(random.next() % 4))).map { _ in pick(vocabulary) }
        fields["body"] = .string((words + Array(repeating: "filler", count: 1 + slot)).joined(separator: " "))
        let vector = (0..<6).map { _ in Float(Int(random.next() % 2_001) - 1_000) / 1_000 + 0.001 }
        let expiry: Date? = random.next() % 6 == 0 ? clock.now.addingTimeInterval(Double(1 + random.next() % 40)) : nil
        return Document(id: "d\(slot)", fields: fields, vectors: ["v": vector], expiresAt: expiry)
    }

    /// A fresh directory, in memory where the host has `/dev/shm` (the test's cost is then its
    /// queries, not segment and manifest `fsync`s).
    static func directory() -> URL {
        let shm = URL(fileURLWithPath: "/dev/shm")
        guard FileManager.default.isWritableFile(atPath: shm.path) else { return StoreTestSupport.temporaryDirectory() }
        return shm.appendingPathComponent("vstore-query-\(UUID().uuidString)")
    }

    static func runCase(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let clock = ManualClock()
        let ttl: Duration? = random.next() % 3 == 0 ? .seconds(60) : nil
        let options = StoreOptions(
            fsyncPolicy: .interval(.seconds(60)),
            memtableBytesMax: 600 + Int(random.next() % 3_000),
            compactionFanIn: 2,
            compactionBytesPerSecond: 0,
            graphRowsMin: 4,
            graph: HNSWParameters(m: 8, efConstruction: 32, efSearch: 200, seed: seed),
            ttl: ttl
        )
        let store = LocalStore(root: Self.directory(), options: options, clock: clock.storeClock)
        defer { try? FileManager.default.removeItem(at: store.root) }
        let schema = schema(&random)
        let collection = try store.openOrCreate(CollectionInfo(name: "p", embeddingModel: "m", schema: schema))
        do {
            try await exercise(collection, schema: schema, ttl: ttl, clock: clock, &random)
        } catch {
            // No background compaction may outlive the directory.
            await collection.close()
            throw error
        }
        await collection.close()
    }

    /// Random writes, flushes, compactions and schema changes, then one checked search per mode.
    static func exercise(
        _ collection: LocalCollection,
        schema: CollectionSchema,
        ttl: Duration?,
        clock: ManualClock,
        _ random: inout SeededGenerator
    ) async throws {
        var oracle = QueryOracle(schema: schema, ttlMs: ttl.map { _ in 60_000 })
        let slots = 8 + Int(random.next() % 40)
        let steps = 4 + Int(random.next() % 8)
        for _ in 0..<steps {
            switch random.next() % 10 {
            case 0...4:
                var batch: [Document] = []
                for _ in 0..<(1 + Int(random.next() % 10)) {
                    let slot = Int(random.next() % UInt64(slots))
                    var document = document(slot, &random, clock: clock)
                    if oracle.schema.ordinal(of: "extra") == nil { document.fields["extra"] = nil }
                    batch.removeAll { $0.id == document.id }
                    batch.append(document)
                }
                try await collection.upsert(batch)
                for document in batch {
                    // The store fills an omitted field's default at write.
                    var stored = document
                    for field in oracle.schema.fields where stored.fields[field.name] == nil {
                        stored.fields[field.name] = field.defaultValue
                    }
                    oracle.versions[document.id] = .init(document: stored, writtenAtMs: clock.storeClock.nowMs)
                }
            case 5:
                let ids = (0..<(1 + Int(random.next() % 3))).map { _ in "d\(random.next() % UInt64(slots))" }
                try await collection.delete(ids)
                for id in ids { oracle.versions[id] = nil }
            case 6: try await collection.commit()
            case 7:
                try await collection.waitForMaintenance()
                try await collection.compactIfNeeded()
            case 8:
                if oracle.schema.ordinal(of: "extra") == nil {
                    let field = FieldDefinition(
                        name: "extra",
                        type: .int64,
                        defaultValue: .int64(7),
                        index: random.next() % 2 == 0
                    )
                    try await collection.addField(field)
                    oracle.schema = try oracle.schema.adding(field)
                } else {
                    let name = oracle.schema.fields[Int(random.next() % UInt64(oracle.schema.fields.count))].name
                    let on = random.next() % 2 == 0
                    try await collection.setIndexed(name, on)
                    if let ordinal = oracle.schema.ordinal(of: name) { oracle.schema.fields[ordinal].index = on }
                }
            default: clock.advance(seconds: Double(random.next() % 30))
            }
        }
        for mode in SearchMode.allCases {
            let filters = (0..<Int(random.next() % 3)).map { _ in filter(&random, schema: oracle.schema, depth: 0) }
            let strategy = SearchStrategy.allCases[Int(random.next() % 3)]
            try await check(collection, oracle, mode: mode, filters: filters, strategy: strategy, &random, clock)
        }
    }

    static func check(
        _ collection: LocalCollection,
        _ oracle: QueryOracle,
        mode: SearchMode,
        filters: [MetadataFilter],
        strategy: SearchStrategy,
        _ random: inout SeededGenerator,
        _ clock: ManualClock
    ) async throws {
        let k = 1 + Int(random.next() % 12)
        let query = (0..<6).map { _ in Float(Int(random.next() % 2_001) - 1_000) / 1_000 + 0.002 }
        let text = (0..<(1 + Int(random.next() % 3))).map { _ in vocabulary[Int(random.next() % 8)] }.joined(
            separator: " "
        )
        var request = SearchRequest(vector: query, text: text, k: k, filters: filters, mode: mode)
        request.strategy = strategy
        let explained = try await collection.searchExplained(request)
        let live = oracle.live(nowMs: clock.storeClock.nowMs)
        let matching = live.filter { oracle.matches(filters, $0) }
        let depth = mode == .hybrid ? max(k * 5, 100) : k
        let vector = oracle.vectorRanking(query, matching)
        let lexical = oracle.lexicalRanking(text, matching: matching, live: live)
        let expected: [(id: String, score: Float)]
        switch mode {
        case .vector: expected = vector
        case .lexical: expected = lexical
        case .hybrid: expected = QueryOracle.fused(vector, lexical, depth: depth)
        }
        let context = "\(mode) \(strategy) k=\(k) filters=\(filters) text='\(text)'\n\(explained.plan)"
        let hits = explained.hits
        guard hits.count == min(k, expected.count) else {
            throw Mismatch(description: "\(context): \(hits.count) hits, expected \(min(k, expected.count))")
        }
        guard explained.plan.matchingRows == matching.count else {
            throw Mismatch(
                description: "\(context): plan counts \(explained.plan.matchingRows), oracle \(matching.count)"
            )
        }
        let byID = Dictionary(expected.map { ($0.id, $0.score) }, uniquingKeysWith: { first, _ in first })
        let ambiguous =
            mode == .hybrid
            && (QueryOracle.hasNearTie(vector, gap: 1e-4) || QueryOracle.hasNearTie(lexical, gap: 1e-4))
        for (rank, hit) in hits.enumerated() {
            guard let own = byID[hit.id] else {
                throw Mismatch(description: "\(context): hit \(hit.id) is not live or does not match")
            }
            guard !ambiguous else { continue }
            let tolerance: Float = mode == .hybrid ? 1e-6 : 2e-4
            guard abs(own - hit.score) <= tolerance, abs(expected[rank].score - hit.score) <= tolerance else {
                throw Mismatch(
                    description: "\(context): rank \(rank) \(hit.id) scored \(hit.score), oracle \(own); "
                        + "expected \(expected[rank].id) at \(expected[rank].score)"
                )
            }
        }
    }

    /// A random filter over the schema's fields (and the primary key), up to two levels of and/or/not.
    static func filter(_ random: inout SeededGenerator, schema: CollectionSchema, depth: Int) -> MetadataFilter {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        if depth < 2, random.next() % 4 == 0 {
            let children = (0..<(1 + Int(random.next() % 3))).map { _ in
                filter(&random, schema: schema, depth: depth + 1)
            }
            switch random.next() % 3 {
            case 0: return .and(children)
            case 1: return .or(children)
            default: return .not(children[0])
            }
        }
        let names = ["id"] + schema.fields.map(\.name).filter { $0 != "body" }
        let name = pick(names)
        func bound(_ value: FieldValue) -> MetadataFilter.Bound { .init(value, inclusive: random.next() % 2 == 0) }
        switch name {
        case "id":
            return random.next() % 2 == 0
                ? .equals(field: name, .string("d\(random.next() % 12)")) : .prefix(field: name, "d1")
        case "cat":
            switch random.next() % 3 {
            case 0: return .equals(field: name, .string(pick(categories)))
            case 1: return .oneOf(field: name, [.string(pick(categories)), .string(pick(categories))])
            default: return .prefix(field: name, pick(["a", "A", "b", "É", "gam", ""]))
            }
        case "tags":
            return random.next() % 2 == 0
                ? .equals(field: name, .string(pick(tagValues))) : .prefix(field: name, pick(["x", "z"]))
        case "flag": return .equals(field: name, .bool(random.next() % 2 == 0))
        default:
            func value() -> FieldValue {
                switch name {
                case "day": .date(CalendarDate(daysSince1970: Int64(random.next() % 10)))
                case "weight": .double(Double(random.next() % 7) / 2)
                case "extra": .int64(Int64(random.next() % 9))
                default: .int64(2_000 + Int64(random.next() % 8))
                }
            }
            switch random.next() % 4 {
            case 0: return .equals(field: name, value())
            case 1: return .oneOf(field: name, [value(), value()])
            case 2: return .range(field: name, lower: bound(value()), upper: nil)
            default: return .range(field: name, lower: bound(value()), upper: bound(value()))
            }
        }
    }
}
