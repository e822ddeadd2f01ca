import SECModel

/// One document of a filing that a source hands to the pipeline: the primary document or an
/// exhibit, with its EDGAR type and where it is cited from.
public struct SourceDocument: Sendable, Hashable {
    /// The EDGAR document type: the filing's form for the primary document (`8-K`), the exhibit type
    /// otherwise (`EX-99.1`).
    public var type: String
    /// The document's file name in the filing folder, e.g. `hrsc-20250424xex99d1.htm`.
    public var fileName: String
    public var isPrimary: Bool
    /// Where `type` was read.
    public var typeSource: DocumentTypeSource
    /// Where the source keeps the document (a path, `path#name` inside a full submission), named in
    /// errors.
    public var location: String
    /// The public EDGAR URL of the document: `https://www.sec.gov/Archives/edgar/data/{cik}/{accession
    /// without dashes}/{fileName}`.
    public var sourceURL: String
    /// The document's part of its chunk ids: `nil` for the primary document, else the exhibit type
    /// (`:` replaced by `-`), with `~2`, `~3` … appended to a type repeated in one filing, counted in
    /// the filing's document order (see `Chunk.makeID(accession:documentKey:item:ordinal:)`).
    public var key: String?
    /// The document's bytes as stored (HTML; for a full submission, the `<TEXT>` part re-encoded as
    /// UTF-8).
    public var bytes: [UInt8]

    public init(
        type: String,
        fileName: String,
        isPrimary: Bool,
        typeSource: DocumentTypeSource,
        location: String,
        sourceURL: String,
        bytes: [UInt8]
    ) {
        self.type = type
        self.fileName = fileName
        self.isPrimary = isPrimary
        self.typeSource = typeSource
        self.location = location
        self.sourceURL = sourceURL
        self.key = isPrimary ? nil : Self.baseKey(type)
        self.bytes = bytes
    }

    /// An exhibit's key before repeats are told apart: its type, `:` replaced by `-`.
    static func baseKey(_ type: String) -> String { type.replacing(":", with: "-") }

    /// `documents` with their `key`s made unique in the list (`EX-99`, `EX-99~2`); `nil` for the
    /// primary document.
    static func keyed(_ documents: [SourceDocument]) -> [SourceDocument] {
        var seen: [String: Int] = [:]
        return documents.map { document in
            guard !document.isPrimary else { return document }
            var keyed = document
            let base = baseKey(document.type)
            let count = seen[base, default: 0] + 1
            seen[base] = count
            keyed.key = count == 1 ? base : "\(base)~\(count)"
            return keyed
        }
    }

    /// Whether a file name is an HTML document's (`.htm`, `.html`): the exhibits the parser reads.
    /// Plain-text, PDF, image and XBRL documents are not ingested.
    static func isHTML(_ fileName: String) -> Bool {
        let lowered = fileName.lowercased()
        return lowered.hasSuffix(".htm") || lowered.hasSuffix(".html")
    }
}
