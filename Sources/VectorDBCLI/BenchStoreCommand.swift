import ArgumentParser
import Foundation
import VectorStore

/// `vectordb bench store`: the SEC-scale collection benchmark of issue 12, through the public
/// collection API in process, on a dataset of `scripts/store-dataset.py`. `--phase ingest` writes
/// the collection (ingest rate, bytes per document); `--phase query`, run in a fresh process, opens
/// it (open time, page cache warm or `--cold`) and measures latency, QPS and recall@k per filter
/// and mode, RSS, and whole `vectordb search` processes.
struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure collection ingest, open, filtered search latency and recall on a store dataset.",
        discussion: """
            The dataset directory comes from scripts/store-dataset.py (scripts/bench-store.sh drives it). Search runs on
            one thread, each query after the previous; p99 is the nearest rank, so with 50 queries it is the slowest.
            """
    )

    enum Phase: String, ExpressibleByArgument, CaseIterable {
        case ingest
        case query
    }

    @Option(help: ArgumentHelp("The dataset directory.", valueName: "dir")) var dataset: String
    @Option(help: ArgumentHelp("The data directory the collection lives in.", valueName: "dir")) var dataDir: String
    @Option(help: "Collection name.") var collection: String = "bench_store"
    @Option(help: "ingest (write the collection) or query (open it and search).") var phase: Phase
    @Option(help: "Documents per upsert.") var batch: Int = 1_000
    @Option(help: "Queries per filter and mode (at most the dataset's).") var queries: Int = 50
    @Option(help: "Runs of a whole `vectordb search` process per case; the median is reported.")
    var processRuns: Int = 5
    @Flag(help: "Evict the collection's files from the page cache before opening; measure open and one query only.")
    var cold = false
    @Flag(help: "Print one JSON object instead of a markdown table.") var json = false

    func run() async throws {
        guard batch >= 1, queries >= 1 else { throw ValidationError("--batch and --queries must be at least 1") }
        let data = try StoreBenchDataset(directory: dataset, queryCountMax: queries)
        let store = LocalStore(root: URL(fileURLWithPath: dataDir))
        var result: [String: Any]
        switch phase {
        case .ingest: result = try await ingest(data, store: store)
        case .query:
            result = try await query(data, store: store)
            // After the in-process collection is released, so each child opens it as a writer would.
            if !cold {
                result["search_process"] = try StoreBenchProcess.measure(
                    dataset: data,
                    dataDir: dataDir,
                    collection: collection,
                    runs: processRuns
                )
            }
        }
        if json {
            let bytes = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
            Terminal.write(String(decoding: bytes, as: UTF8.self))
        } else {
            Terminal.write(StoreBenchReport.markdown(result))
        }
    }

    /// Upserts every document in batches, commits, and waits for maintenance; only the store calls
    /// are timed (reading and decoding the dataset is not).
    private func ingest(_ data: StoreBenchDataset, store: LocalStore) async throws -> [String: Any] {
        let dimension = data.schema.vectors.first?.dimension ?? 0
        let info = CollectionInfo(
            name: collection,
            embeddingModel: "hashing-unigram-bigram-\(dimension)",
            schema: data.schema
        )
        let target = try store.openOrCreate(info)
        var storeSeconds = 0.0
        let wallStart = ContinuousClock.now
        let count = try await data.forEachBatch(size: batch) { documents in
            let start = ContinuousClock.now
            try await target.upsert(documents)
            storeSeconds += (ContinuousClock.now - start).seconds
        }
        let start = ContinuousClock.now
        try await target.commit()
        try await target.waitForMaintenance()
        await target.close()
        storeSeconds += (ContinuousClock.now - start).seconds
        let bytes = StoreBenchProbes.bytes(under: collectionDirectory)
        return [
            "engine": "vectordb", "phase": "ingest", "documents": count, "ingest_seconds": storeSeconds,
            "wall_seconds": (ContinuousClock.now - wallStart).seconds,
            "documents_per_second": Double(count) / storeSeconds, "disk_bytes": bytes,
            "disk_bytes_per_document": Double(bytes) / Double(max(count, 1)),
            "segment_files": StoreBenchProbes.files(under: collectionDirectory).count,
        ]
    }

    /// Opens the collection (after evicting its files with `--cold`), then searches every filter in
    /// every mode.
    private func query(_ data: StoreBenchDataset, store: LocalStore) async throws -> [String: Any] {
        var result: [String: Any] = ["engine": "vectordb", "phase": "query", "cache": cold ? "cold" : "warm"]
        if cold { result["eviction"] = StoreBenchProbes.evictPageCache(collectionDirectory) }
        result["resident_fraction_before_open"] = StoreBenchProbes.residentFraction(collectionDirectory)
        let openStart = ContinuousClock.now
        let target = try store.open(collection: collection)
        result["open_ms"] = (ContinuousClock.now - openStart).seconds * 1_000
        let firstStart = ContinuousClock.now
        _ = try await target.search(try request(data, filter: data.filters[0], mode: .vector, query: 0))
        result["first_query_ms"] = (ContinuousClock.now - firstStart).seconds * 1_000
        let afterOpen = StoreBenchProbes.residentBytes()
        result["rss_after_open_bytes"] = afterOpen.current
        guard !cold else { return result }
        var cells: [[String: Any]] = []
        for filter in data.filters {
            for mode in SearchMode.allCases {
                cells.append(try await measure(target, data, filter: filter, mode: mode))
            }
        }
        let afterQueries = StoreBenchProbes.residentBytes()
        result["cells"] = cells
        result["rss_after_queries_bytes"] = afterQueries.current
        result["rss_peak_bytes"] = afterQueries.peak
        await target.close()
        return result
    }

    /// Latency, QPS and recall@k of one filter in one mode, one query at a time.
    private func measure(
        _ target: LocalCollection,
        _ data: StoreBenchDataset,
        filter: StoreBenchDataset.Filter,
        mode: SearchMode
    ) async throws -> [String: Any] {
        var seconds: [Double] = []
        var found = 0
        var expectedTotal = 0
        for query in data.queryTexts.indices {
            let request = try request(data, filter: filter, mode: mode, query: query)
            let start = ContinuousClock.now
            let hits = try await target.search(request)
            seconds.append((ContinuousClock.now - start).seconds)
            let expected = Set(data.truth[filter.name]?[mode.rawValue]?[query] ?? [])
            found += hits.filter { expected.contains($0.id) }.count
            expectedTotal += expected.count
        }
        let summary = LatencySummary(seconds: seconds)
        // Queries with no expected hit (a selective filter over rows without the query's words) count as found.
        let recall: Double = expectedTotal == 0 ? 1 : Double(found) / Double(expectedTotal)
        return [
            "filter": filter.name, "mode": mode.rawValue, "queries": seconds.count, "p50_ms": summary.p50Ms,
            "p99_ms": summary.p99Ms, "qps": summary.qps,
            "recall": recall,
            "matching": filter.count, "fraction": filter.fraction,
        ]
    }

    private func request(
        _ data: StoreBenchDataset,
        filter: StoreBenchDataset.Filter,
        mode: SearchMode,
        query: Int
    ) throws -> SearchRequest {
        let filters = try filter.expressions.map { (expression) throws(StoreError) in
            try MetadataFilter(parsing: expression, schema: data.schema)
        }
        return SearchRequest(
            vector: data.queryVectors[query],
            text: data.queryTexts[query],
            k: data.k,
            filters: filters,
            mode: mode
        )
    }

    private var collectionDirectory: URL {
        URL(fileURLWithPath: dataDir).appendingPathComponent("collections").appendingPathComponent(collection)
    }
}
