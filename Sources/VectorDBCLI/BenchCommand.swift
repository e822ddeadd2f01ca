import ArgumentParser

/// `vectordb bench …`: measurements that compare VectorDB with its peers on the same files.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmarks (see BENCHMARKS.md).",
        subcommands: [BenchANNCommand.self, BenchParseCommand.self, BenchChunkCommand.self, BenchStoreCommand.self]
    )
}
