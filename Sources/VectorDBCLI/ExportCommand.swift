import ArgumentParser
import Foundation
import Pipeline

/// `vectordb export jsonl|parquet --collection C --out FILE`: a collection's documents in the import
/// format, or as a Parquet table for analytics engines.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a collection's live documents to a file.",
        subcommands: [JSONLines.self, Parquet.self]
    )

    struct JSONLines: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jsonl",
            abstract: "One JSON object per document, vectors included: the format `vectordb import` reads."
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "The collection to export.")
        var collection: String

        @Option(name: .long, help: ArgumentHelp("The file to write (replaced atomically).", valueName: "file.jsonl"))
        var out: String

        func run() async throws {
            LogSetup.bootstrap(global)
            let count = try await global.withEngine { engine in
                try DocumentExporter.export(try await engine.snapshot(of: collection), to: out)
            }
            Terminal.write("Exported \(count) documents of '\(collection)' to \(out).")
        }
    }

    struct Parquet: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parquet",
            abstract: "One Parquet file: the id and every schema field as columns (docs/formats/parquet.md)."
        )

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "The collection to export.")
        var collection: String

        @Option(name: .long, help: ArgumentHelp("The file to write (replaced atomically).", valueName: "file.parquet"))
        var out: String

        @Flag(name: .long, help: "Add one LIST<FLOAT> column per vector field.")
        var vectors = false

        @Option(name: .long, help: ArgumentHelp("Documents per row group, 1...100000.", valueName: "n"))
        var rowGroupRows = 10_000

        func run() async throws {
            LogSetup.bootstrap(global)
            let options = ParquetExporter.Options(rowGroupRowCountMax: rowGroupRows, includingVectors: vectors)
            let count = try await global.withEngine { engine in
                try ParquetExporter.export(try await engine.snapshot(of: collection), to: out, options: options)
            }
            Terminal.write("Exported \(count) documents of '\(collection)' to \(out).")
        }
    }
}
