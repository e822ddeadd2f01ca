import Foundation
import PipelineConfig

/// What `vectordb run --dry-run` prints: the run a pipeline file describes — source, selection,
/// stages and target collection — read from the validated definition alone (no network, no store).
public struct RunPlan: Sendable, Hashable {
    public let definition: PipelineDefinition
    /// The data directory the run would write under.
    public let dataRoot: URL

    public init(definition: PipelineDefinition, dataRoot: URL) {
        self.definition = definition
        self.dataRoot = dataRoot
    }

    /// One line per part of the plan, `key: value`.
    public var lines: [String] {
        let source = definition.source
        let embedder = definition.embedder
        let origin: String = source.edgar.map(Self.describe) ?? "\(source.kind) at \(source.root?.path ?? "?")"
        var lines = [
            "pipeline: \(definition.name) (\(definition.file))",
            "source: \(origin)",
            "forms: " + (source.forms.isEmpty ? "every form" : source.forms.joined(separator: ", ")),
            "filers: "
                + (source.ciks.isEmpty ? "every filer" : source.ciks.map { "CIK \($0)" }.joined(separator: ", ")),
            "documents: " + source.documents.entries.joined(separator: ", "),
            "parse: HTML, inline XBRL and full submissions; sections by item",
            "chunk: \(definition.chunker.maxTokens) tokens, \(definition.chunker.overlapTokens) of overlap",
        ]
        switch embedder.provider {
        case "openai":
            let model = embedder.openAI?.model ?? "?"
            lines.append(
                "embed: openai-compatible \(model) at \(embedder.openAI?.baseURL ?? "?"), \(embedder.dimension) dims"
            )
        case "hashing":
            lines.append("embed: hashing, \(embedder.dimension) dims")
        default:
            let directory = embedder.modelDirectory?.path ?? "the model lookup (docs/cli.md)"
            lines.append("embed: \(embedder.provider) from \(directory), \(embedder.dimension) dims")
        }
        let schema = definition.store.schemaFile?.path ?? "the built-in SEC schema"
        lines.append(
            "store: collection '\(definition.store.collection)' in \(dataRoot.path), schema \(schema), "
                + "codec \(definition.store.codec)"
        )
        return lines
    }
}
