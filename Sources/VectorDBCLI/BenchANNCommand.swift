import ArgumentParser
import Foundation
import HNSW

/// `vectordb bench ann`: HNSW build time, index bytes, and recall@k / QPS per efSearch on standard
/// `.fvecs` / `.ivecs` files, plus exact search throughput.
struct BenchANNCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ann",
        abstract: "Measure HNSW recall and queries per second on .fvecs/.ivecs files.",
        discussion: "Search runs on one thread (each query after the previous); build uses --threads."
    )

    @Option(help: "Base vectors (.fvecs).") var base: String
    @Option(help: "Query vectors (.fvecs).") var queries: String
    @Option(help: "Ground-truth neighbour ids per query (.ivecs), closest first.") var groundtruth: String
    @Option(help: "Neighbours per query.") var k: Int = 10
    @Option(help: "Comma-separated efSearch values.") var ef: String = "16,32,64,128,256"
    @Option(help: "HNSW M.") var m: Int = 16
    @Option(name: .customLong("ef-construction"), help: "HNSW efConstruction.") var efConstruction: Int = 200
    @Option(help: "Build threads.") var threads: Int = 1
    @Option(help: "Metric: cosine, dot or l2.") var metric: String = "l2"
    @Option(
        help:
            "Comma-separated traversal modes measured on one graph: none (float32) and/or int8 (codes, then exact float32 re-ranking)."
    )
    var quantize: String = "none"
    @Option(name: .customLong("repeat"), help: "Timed passes over the queries per ef; the fastest is reported.")
    var repeats: Int = 3
    @Flag(help: "Print one JSON object per traversal mode instead of a table.") var json = false

    func run() throws {
        guard let metric = Metric(rawValue: metric) else { throw ValidationError("unknown --metric \(metric)") }
        let modes = try quantize.split(separator: ",").map { name in
            guard let mode = Quantization(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown --quantize \(name) (none or int8)")
            }
            return mode
        }
        guard !modes.isEmpty else { throw ValidationError("--quantize needs none and/or int8") }
        let quantization: Quantization = modes.contains(.int8) ? .int8 : .none
        let efValues = ef.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !efValues.isEmpty else { throw ValidationError("--ef needs at least one integer") }
        let baseRows = try VectorFiles.readFvecs(base)
        let queryRows = try VectorFiles.readFvecs(queries)
        let truth = try VectorFiles.readIvecs(groundtruth)
        guard let dimension = baseRows.first?.count, queryRows.count == truth.count, truth.allSatisfy({ $0.count >= k })
        else {
            throw ValidationError(
                "files disagree: \(queryRows.count) queries, \(truth.count) ground-truth rows, k \(k)"
            )
        }

        let index = try HNSWIndex(
            dimension: dimension,
            metric: metric,
            capacity: baseRows.count,
            parameters: HNSWParameters(m: m, efConstruction: efConstruction, quantization: quantization)
        )
        let buildStart = ContinuousClock.now
        try index.add(contentsOf: baseRows, threads: threads)
        let buildSeconds = (ContinuousClock.now - buildStart).seconds

        let results = try measure(index, queryRows, truth, efValues: efValues, modes: modes)
        let exact = try exactThroughput(baseRows, queryRows.prefix(20), metric: metric, dimension: dimension)
        for mode in modes {
            report(mode, buildSeconds: buildSeconds, index: index, results: results[mode] ?? [], exact: exact)
        }
    }

    /// Recall@k and queries per second (fastest of `repeats` single-threaded passes) per mode and
    /// ef. The modes' passes alternate, so a burst of load from other processes hits them alike.
    private func measure(
        _ index: HNSWIndex,
        _ queryRows: [[Float]],
        _ truth: [[Int32]],
        efValues: [Int],
        modes: [Quantization]
    ) throws -> [Quantization: [[String: Double]]] {
        var results: [Quantization: [[String: Double]]] = [:]
        for efValue in efValues {
            var found: [Quantization: Int] = [:]
            var seconds: [Quantization: Double] = [:]
            for _ in 0..<max(1, repeats) {
                for mode in modes {
                    var answers: [[Neighbor]] = []
                    answers.reserveCapacity(queryRows.count)
                    let start = ContinuousClock.now
                    for query in queryRows {
                        answers.append(try index.search(query, k: k, ef: efValue, quantized: mode == .int8))
                    }
                    seconds[mode] = min(seconds[mode] ?? .infinity, (ContinuousClock.now - start).seconds)
                    found[mode] = zip(answers, truth).reduce(0) { total, pair in
                        let expected = Set(pair.1.prefix(k))
                        return total + pair.0.filter { expected.contains(Int32($0.id)) }.count
                    }
                }
            }
            for mode in modes {
                results[mode, default: []].append([
                    "ef": Double(efValue), "recall": Double(found[mode] ?? 0) / Double(queryRows.count * k),
                    "qps": Double(queryRows.count) / (seconds[mode] ?? .infinity),
                ])
            }
        }
        return results
    }

    /// Brute-force scan speed in GB of vectors per second (single thread).
    private func exactThroughput(
        _ rows: [[Float]],
        _ queries: ArraySlice<[Float]>,
        metric: Metric,
        dimension: Int
    )
        throws -> Double
    {
        var flat = FlatIndex(dimension: dimension, metric: metric)
        for row in rows { try flat.add(row) }
        let start = ContinuousClock.now
        for query in queries { _ = try flat.search(query, k: k) }
        let seconds = (ContinuousClock.now - start).seconds
        return Double(rows.count * dimension * 4 * queries.count) / seconds / 1e9
    }

    private func report(
        _ mode: Quantization,
        buildSeconds: Double,
        index: HNSWIndex,
        results: [[String: Double]],
        exact: Double
    ) {
        if json {
            let object: [String: Any] = [
                "engine": mode == .int8 ? "vectordb-int8" : "vectordb", "build_seconds": buildSeconds,
                "index_bytes": index.memoryBytes,
                "threads": threads, "m": m, "ef_construction": efConstruction, "results": results,
                "quantize": mode.rawValue,
                "exact_gb_per_s": exact,
            ]
            if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
                Terminal.write(String(decoding: data, as: UTF8.self))
            }
            return
        }
        Terminal.write(
            "vectordb HNSW  M=\(m) efConstruction=\(efConstruction) build threads=\(threads) quantize=\(mode.rawValue)"
        )
        Terminal.write(String(format: "build %.2f s, index %.1f MB", buildSeconds, Double(index.memoryBytes) / 1e6))
        Terminal.write("ef\trecall@\(k)\tQPS (1 thread)")
        for result in results {
            Terminal.write(
                String(format: "%d\t%.4f\t%.0f", Int(result["ef"] ?? 0), result["recall"] ?? 0, result["qps"] ?? 0)
            )
        }
        Terminal.write(String(format: "exact scan: %.2f GB/s of vectors", exact))
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
