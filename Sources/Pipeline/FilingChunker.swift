import Chunker
import Embedding
import FilingParser
import PipelineConfig
import SECModel

/// Parse → chunk of one filing: the one implementation `vectordb run` ingests with and
/// `vectordb chunk` prints, so the two cannot disagree.
public struct FilingChunker: Sendable {
    public let parser: HTMLFilingParser
    public let chunker: SectionChunker

    public init(parser: HTMLFilingParser = HTMLFilingParser(), chunker: SectionChunker) {
        self.parser = parser
        self.chunker = chunker
    }

    /// The chunker for `embedder`: sized in the embedder's own tokens when it can count them
    /// (MiniLM's WordPiece), otherwise with `ApproximateTokenCounter`.
    ///
    /// - Parameter file: the settings' file, named in errors.
    /// - Throws: `PipelineError` (stage `chunk`, *bad input*) for invalid settings or a `maxTokens`
    ///   above the embedder's input limit.
    public init(
        maxTokens: Int,
        overlapTokens: Int,
        embedder: any Embedder,
        file: String? = nil,
        parser: HTMLFilingParser = HTMLFilingParser()
    ) throws(PipelineError) {
        guard maxTokens <= embedder.maxInputTokens else {
            throw PipelineError(
                stage: .chunk,
                subject: file,
                category: .badInput,
                message: "max_tokens \(maxTokens) is more than \(embedder.modelID) reads "
                    + "(\(embedder.maxInputTokens) tokens)"
            )
        }
        do {
            chunker = try SectionChunker(
                maxTokens: maxTokens,
                overlapTokens: overlapTokens,
                counter: embedder as? any TokenCounter ?? ApproximateTokenCounter()
            )
        } catch {
            throw PipelineError(stage: .chunk, subject: file, cause: error)
        }
        self.parser = parser
    }

    /// The chunker a pipeline's `[chunker]` table describes for its embedder.
    public init(definition: PipelineDefinition, embedder: any Embedder) throws(PipelineError) {
        try self.init(
            maxTokens: definition.chunker.maxTokens,
            overlapTokens: definition.chunker.overlapTokens,
            embedder: embedder,
            file: definition.file
        )
    }

    /// Parses a filing's primary document (keyed by the filing's form) and cuts it into chunks.
    ///
    /// - Parameter source: the document's path or URL, named in errors.
    /// - Throws: `PipelineError` (stage `parse`) carrying the `ParseError`.
    public func chunks(
        of bytes: [UInt8],
        filing: FilingMetadata,
        source: String
    ) throws(PipelineError) -> (document: ParsedDocument, chunks: [MeasuredChunk]) {
        let document: ParsedDocument
        do {
            document = try parser.parse(bytes, form: filing.form, source: source)
        } catch {
            throw PipelineError(stage: .parse, subject: filing.accession.description, cause: error)
        }
        return (document, chunker.chunks(of: document, filing: filing))
    }
}
