/// A piece of a filing's text small enough to embed, with its full citation.
public struct Chunk: Hashable, Sendable, Codable, Identifiable {
    /// Deterministic id: `{accession}:{item}:{ordinal}`, stable across re-ingests of the same filing.
    public var id: String
    /// Exactly `canonicalText[citation.charStart..<citation.charEnd]` of the source filing.
    public var text: String
    public var citation: Citation

    public init(id: String, text: String, citation: Citation) {
        self.id = id
        self.text = text
        self.citation = citation
    }

    /// Builds the deterministic chunk id.
    public static func makeID(accession: AccessionNumber, item: String, ordinal: Int) -> String {
        "\(accession):\(item):\(ordinal)"
    }
}
