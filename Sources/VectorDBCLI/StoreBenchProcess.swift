import ArgumentParser
import Foundation

/// Times whole `vectordb search` processes (exec, open, query embedding with the collection's
/// hashing embedder, search, output) on the benchmark collection: what a user waits for per question.
enum StoreBenchProcess {
    /// The median wall time of `runs` processes per case (hybrid mode, k = 10; no filter and the
    /// first selective filter), in milliseconds.
    static func measure(
        dataset: StoreBenchDataset,
        dataDir: String,
        collection: String,
        runs: Int
    ) throws -> [[String: Any]] {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let question = dataset.queryTexts.first ?? "revenue"
        var cases: [[String: Any]] = []
        for filter in dataset.filters.prefix(2) {
            var arguments = [
                "search", question, "--data-dir", dataDir, "--collection", collection, "--k", "10", "--mode", "hybrid",
                "--log-level", "error", "--json",
            ]
            for expression in filter.expressions { arguments += ["--filter", expression] }
            var milliseconds: [Double] = []
            for _ in 0..<max(1, runs) {
                let process = Process()
                process.executableURL = executable
                process.arguments = arguments
                process.standardOutput = FileHandle.nullDevice
                let start = ContinuousClock.now
                try process.run()
                process.waitUntilExit()
                milliseconds.append((ContinuousClock.now - start).seconds * 1_000)
                guard process.terminationStatus == 0 else {
                    throw ValidationError(
                        "vectordb \(arguments.joined(separator: " ")) exited \(process.terminationStatus)"
                    )
                }
            }
            milliseconds.sort()
            cases.append([
                "filter": filter.name, "mode": "hybrid", "runs": milliseconds.count,
                "median_ms": milliseconds[milliseconds.count / 2], "min_ms": milliseconds[0],
            ])
        }
        return cases
    }
}
