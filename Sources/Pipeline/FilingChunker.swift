import Chunker
import Embedding
import FilingParser
import PipelineConfig
import SECModel

/// Parse → chunk of one filing document: the one implementation `vectordb run` ingests with and
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
            file: definition.file,
            parser: HTMLFilingParser(maxInputBytes: definition.parse.maxInputBytes)
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

    /// Parses one of a filing's documents and cuts it into chunks. The primary document goes through
    /// `chunks(of:filing:source:)`. An exhibit is parsed with its type as the form (so no 10-Q part
    /// keys); its chunks cite the filing (form, dates, accession) with the exhibit's URL and type,
    /// have ids `{accession}:{document key}:{item}:{ordinal}` (`Chunk.makeID(accession:documentKey:item:ordinal:)`,
    /// ordinals from 0 per item key in document order), and the context line embedded before each
    /// names the exhibit after the form: `Harbor Ridge Semiconductor, Inc. 8-K EX-99.1 fiscal 2025,
    /// cover page`.
    ///
    /// - Throws: `PipelineError` (stage `parse`) carrying the `ParseError`, naming the accession and
    ///   the document's type.
    public func chunks(
        of document: SourceDocument,
        filing: FilingMetadata
    ) throws(PipelineError) -> (document: ParsedDocument, chunks: [MeasuredChunk]) {
        guard !document.isPrimary, let key = document.key else {
            return try chunks(of: document.bytes, filing: filing, source: document.location)
        }
        let parsed: ParsedDocument
        do {
            parsed = try parser.parse(document.bytes, form: FormType(document.type), source: document.location)
        } catch {
            throw PipelineError(stage: .parse, subject: "\(filing.accession) \(document.type)", cause: error)
        }
        var labelled = filing
        labelled.form = FormType("\(filing.form) \(document.type)")
        labelled.sourceURL = document.sourceURL
        var ordinals: [String: Int] = [:]
        let measured = chunker.chunks(of: parsed, filing: labelled).map { piece in
            var piece = piece
            let item = piece.chunk.citation.item
            let ordinal = ordinals[item, default: 0]
            ordinals[item] = ordinal + 1
            piece.chunk.id = Chunk.makeID(accession: filing.accession, documentKey: key, item: item, ordinal: ordinal)
            piece.chunk.citation.form = filing.form
            piece.chunk.citation.documentType = document.type
            return piece
        }
        return (parsed, measured)
    }
}
