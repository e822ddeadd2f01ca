/// A piece of a filing's text small enough to embed, with its full citation.
public struct Chunk: Hashable, Sendable, Codable, Identifiable {
    /// Deterministic id, stable across re-ingests of the same filing: `{accession}:{item}:{ordinal}`
    /// for the primary document, `{accession}:{document key}:{item}:{ordinal}` for an exhibit (see
    /// `makeID(accession:documentKey:item:ordinal:)`).
    public var id: String
    /// Exactly `canonicalText[citation.charStart..<citation.charEnd]` of the source document.
    public var text: String
    public var citation: Citation
    /// Tokens the embedder reads for this chunk (its special tokens and the chunk's header line
    /// included), as the chunker measured them; `nil` when not measured.
    public var tokenCount: Int?

    public init(id: String, text: String, citation: Citation, tokenCount: Int? = nil) {
        self.id = id
        self.text = text
        self.citation = citation
        self.tokenCount = tokenCount
    }

    /// SHA-256 of the text's UTF-8, 64 lower-case hex digits: tells a changed chunk from an unchanged
    /// one across re-ingests.
    public var contentHash: String { SHA256.hex(of: text) }

    /// The id of a primary-document chunk: `{accession}:{item}:{ordinal}`, ordinals counting from 0
    /// per item key in document order.
    public static func makeID(accession: AccessionNumber, item: String, ordinal: Int) -> String {
        "\(accession):\(item):\(ordinal)"
    }

    /// The id of an exhibit chunk: `{accession}:{documentKey}:{item}:{ordinal}`, e.g.
    /// `0001999901-25-000011:EX-99.1:cover:0`. The document key is the exhibit type (unique in a
    /// filing as EDGAR assigns them; a repeated one is told apart by the source, see
    /// `Pipeline.SourceDocument.key`), so ids stay unique across a filing's documents: a primary id
    /// has three `:`-separated parts and an exhibit id four (neither types nor item keys hold `:`).
    public static func makeID(accession: AccessionNumber, documentKey: String, item: String, ordinal: Int) -> String {
        "\(accession):\(documentKey):\(item):\(ordinal)"
    }
}
