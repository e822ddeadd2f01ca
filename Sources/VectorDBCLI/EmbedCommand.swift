import ArgumentParser
import Embedding
import Foundation
import Pipeline
import PipelineConfig

/// `vectordb embed "text"`: the vector a provider gives one text, to check a model by hand.
struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Embed one text and print its norm and first components (or the whole vector with --json).",
        discussion: "minilm reads .models/all-MiniLM-L6-v2 (run `make deps`) unless --model-dir is given."
    )

    enum Provider: String, ExpressibleByArgument, CaseIterable {
        case minilm
        case hashing
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The text to embed.")
    var text: String

    @Option(name: .long, help: "Embedding provider: minilm or hashing.")
    var provider: Provider = .minilm

    @Option(name: .long, help: ArgumentHelp("Model directory for minilm.", valueName: "dir"))
    var modelDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Products of minilm: auto (bfloat16 where the CPU has AVX-512 BF16), float32 or bfloat16.",
            valueName: "precision"
        )
    )
    var precision: String = MatrixPrecision.automatic.rawValue

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Embed with a pipeline file's [embedder] instead (any provider, openai included).",
            valueName: "file"
        )
    )
    var pipeline: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Embed as `vectordb search` embeds a question for this collection (its recorded embedder).",
            valueName: "name"
        )
    )
    var collection: String?

    @Option(name: .long, help: "Vector length for hashing, 16-4096.")
    var dimension: Int = 384

    @Flag(name: .long, help: "Print one JSON object: model, dimension, tokens, norm and the full vector.")
    var json = false

    /// Components shown without --json.
    static let previewCount = 8

    func validate() throws {
        guard (16...4_096).contains(dimension) else { throw ValidationError("--dimension must be in 16...4096") }
        guard modelDir == nil || provider == .minilm else {
            throw ValidationError("--model-dir needs --provider minilm")
        }
        guard MatrixPrecision(rawValue: precision) != nil else {
            throw ValidationError("--precision takes auto, float32 or bfloat16")
        }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        let embedder: any Embedder
        var tokens: Int?
        var usedPrecision: MatrixPrecision?
        do {
            if let collection {
                let modelDirectory = modelDir.map { URL(fileURLWithPath: $0) }
                embedder = try await global.withEngine { engine in
                    let info = try await engine.collection(collection).info
                    return try QueryEmbedder(for: info, modelDirectory: modelDirectory).embedder
                }
            } else if let pipeline {
                embedder = try EmbedderFactory.make(PipelineDefinition.load(path: pipeline).embedder)
            } else {
                switch provider {
                case .hashing:
                    embedder = HashingEmbedder(dimension: dimension)
                case .minilm:
                    let miniLM = try EmbedderFactory.miniLM(
                        directory: modelDir.map { URL(fileURLWithPath: $0) },
                        precision: MatrixPrecision(rawValue: precision) ?? .automatic
                    )
                    tokens = miniLM.tokenIDs(text).count
                    usedPrecision = miniLM.precision
                    embedder = miniLM
                }
            }
        } catch {
            throw CLIFailure(error)
        }
        let vector: [Float]
        do {
            vector = try await embedder.embed(queries: [text]).first ?? []
        } catch {
            throw CLIFailure(error)
        }
        let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if json {
            let output = Output(
                model: embedder.modelID,
                dimension: vector.count,
                tokens: tokens,
                precision: usedPrecision?.rawValue,
                norm: norm,
                vector: vector
            )
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            Terminal.write(String(decoding: try encoder.encode(output), as: UTF8.self))
            return
        }
        let tokenText = tokens.map { ", \($0) tokens" } ?? ""
        let precisionText = usedPrecision.map { ", \($0.rawValue) products" } ?? ""
        Terminal.write(
            "model \(embedder.modelID), \(vector.count) dimensions\(tokenText)\(precisionText), "
                + "norm \(String(format: "%.6f", norm))"
        )
        let preview = vector.prefix(Self.previewCount).map { String(format: "%.6f", $0) }.joined(separator: ", ")
        Terminal.write("first \(min(Self.previewCount, vector.count)): [\(preview)]")
    }

    struct Output: Encodable {
        var model: String
        var dimension: Int
        var tokens: Int?
        /// `float32` or `bfloat16` for minilm; absent for the other providers.
        var precision: String?
        var norm: Float
        var vector: [Float]
    }
}
