import Foundation
import SECModel
import VectorStore

/// The settings that shape a filing's chunks and vectors, hashed into the ledger's `settingsHash`:
/// a change to any of them re-ingests every filing (and replaces its old chunks). The collection
/// name, data directory, source root, form and CIK filters are not among them (they choose filings
/// or where they go, not what a filing becomes). Code changes to the parser or chunker are not
/// visible here: re-run with `--force` after upgrading when chunks should follow them.
public struct IngestionSettings: Sendable, Hashable, Codable {
    /// Bumped when the meaning of a field changes, so older hashes stop matching.
    public static let currentVersion = 1

    public var version = Self.currentVersion
    /// `HTMLFilingParser.maxInputBytes`.
    public var parserMaxInputBytes: Int
    public var chunkerMaxTokens: Int
    public var chunkerOverlapTokens: Int
    /// The chunker's token counter (the embedder's WordPiece, or the approximate counter), by type.
    public var tokenCounter: String
    /// The embedder's model id (which includes settings that change vectors) and dimension.
    public var embedderModel: String
    public var embedderDimension: Int
    /// `[source] documents`, as written.
    public var documents: [String]
    /// The schema the run writes.
    public var schema: CollectionSchema

    public init(
        parserMaxInputBytes: Int,
        chunkerMaxTokens: Int,
        chunkerOverlapTokens: Int,
        tokenCounter: String,
        embedderModel: String,
        embedderDimension: Int,
        documents: [String],
        schema: CollectionSchema
    ) {
        self.parserMaxInputBytes = parserMaxInputBytes
        self.chunkerMaxTokens = chunkerMaxTokens
        self.chunkerOverlapTokens = chunkerOverlapTokens
        self.tokenCounter = tokenCounter
        self.embedderModel = embedderModel
        self.embedderDimension = embedderDimension
        self.documents = documents
        self.schema = schema
    }

    /// SHA-256 (64 hex digits) of the settings as JSON with sorted keys.
    public var hash: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, integers and the schema's Codable values cannot fail; an empty
        // encoding would only make every filing look changed.
        let json = (try? encoder.encode(self)).map { [UInt8]($0) } ?? []
        return json.withUnsafeBytes { SHA256.hex(of: $0) }
    }
}
