import Embedding
import Foundation

#if canImport(Glibc)
import Glibc

/// Process CPU time in nanoseconds (Darwin has this function; Glibc does not).
func clock_gettime_nsec_np(_ clock: clockid_t) -> UInt64 {
    var time = timespec()
    clock_gettime(clock, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
}
#endif

// Embedding throughput of the native MiniLM: sentences per second for inputs of exactly `tokens`
// WordPiece tokens (after truncation), `batch` texts per forward pass. Threads come from
// OPENBLAS_NUM_THREADS. Built only when VECTORDB_BENCHMARKS is set (see Package.swift).
//
// usage: EmbedBench [model-dir] [--texts N] [--batch N] [--tokens N] [--precision auto|float32|bfloat16]

let arguments = Array(CommandLine.arguments.dropFirst())
func option(_ name: String, _ fallback: Int) -> Int {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
    return Int(arguments[index + 1]) ?? fallback
}
let precisionName = arguments.firstIndex(of: "--precision").flatMap {
    $0 + 1 < arguments.count ? arguments[$0 + 1] : nil
}
let directory =
    arguments.enumerated().first(where: { index, argument in
        !argument.hasPrefix("--") && Int(argument) == nil && (index == 0 || arguments[index - 1] != "--precision")
    })?.element ?? ".models/all-MiniLM-L6-v2"
let textCount = option("--texts", 128)
let batch = option("--batch", 32)
let tokens = option("--tokens", 256)

let sentences = [
    "The fund's net asset value declined as credit spreads widened and redemptions accelerated.",
    "We rely on a single third-party foundry for substantially all of our wafer supply.",
    "Operating margin compressed to 8.3% due to higher input costs and unfavorable currency movements.",
    "Diesel fuel prices and driver wages raised our freight operating costs in the fourth quarter.",
    "Credit card delinquencies rose for the third consecutive quarter across all customer segments.",
]

do {
    guard let precision = MatrixPrecision(rawValue: precisionName ?? "auto") else {
        FileHandle.standardError.write(Data("error: --precision takes auto, float32 or bfloat16\n".utf8))
        exit(2)
    }
    let embedder = try MiniLMEmbedder(
        directory: URL(fileURLWithPath: directory),
        batchSize: batch,
        precision: precision
    )
    // Texts long enough to be truncated to exactly `tokens` tokens, each a different rotation.
    var texts: [String] = []
    for index in 0..<textCount {
        var words: [String] = ["Document \(index):"]
        var cursor = index
        while embedder.tokenIDs(words.joined(separator: " ")).count < min(tokens, embedder.maxInputTokens) {
            words.append(sentences[cursor % sentences.count])
            cursor += 1
        }
        texts.append(words.joined(separator: " "))
    }
    let lengths = texts.map { embedder.tokenIDs($0).count }
    _ = try embedder.vectors(for: Array(texts.prefix(batch)))  // warm-up: page in the weights
    let clock = ContinuousClock()
    let cpuStart = clock_gettime_nsec_np(CLOCK_PROCESS_CPUTIME_ID)
    let elapsed = try clock.measure { _ = try embedder.vectors(for: texts) }
    let cpuSeconds = Double(clock_gettime_nsec_np(CLOCK_PROCESS_CPUTIME_ID) - cpuStart) / 1e9
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let threads = ProcessInfo.processInfo.environment["OPENBLAS_NUM_THREADS"] ?? "default"
    print(
        "swift-minilm-\(embedder.precision.rawValue) threads=\(threads) texts=\(textCount) batch=\(batch) tokens=\(lengths.min() ?? 0)-\(lengths.max() ?? 0) "
            + "cpu_seconds=\(String(format: "%.2f", cpuSeconds)) seconds=\(String(format: "%.2f", seconds)) "
            + "sentences_per_s=\(String(format: "%.1f", Double(textCount) / seconds))"
    )
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
}
