import ArgumentParser
import Foundation
import Pipeline

/// `vectordb export jsonl --collection C --out FILE`: a collection's documents in the import format.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a collection's live documents to a file.",
        subcommands: [JSONLines.self]
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
}
