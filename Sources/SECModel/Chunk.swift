/// A piece of a filing's text small enough to embed, with its full citation.
public struct Chunk: Hashable, Sendable, Codable, Identifiable {
    /// Deterministic id: `{accession}:{item}:{ordinal}`, stable across re-ingests of the same filing.
    public var id: String
    /// Exactly `canonicalText[citation.charStart..<citation.charEnd]` of the source filing.
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

    /// Builds the deterministic chunk id.
    /// SHA-256 of the text's UTF-8, 64 lower-case hex digits: tells a changed chunk from an unchanged
    /// one across re-ingests.
    public var contentHash: String { SHA256.hex(of: text) }

    public static func makeID(accession: AccessionNumber, item: String, ordinal: Int) -> String {
        "\(accession):\(item):\(ordinal)"
    }
}
