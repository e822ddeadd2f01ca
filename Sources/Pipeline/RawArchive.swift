import Codecs
import ObjectStore
import SECModel

/// Keeps every ingested source document, zstd-compressed, in an object store under
/// `raw/{cik}/{accession}/{file}.zst`, so a filing can be re-processed without fetching it again.
public struct RawArchive: Sendable {
    public let store: any ObjectStore

    public init(store: any ObjectStore) {
        self.store = store
    }

    /// Stores a document's bytes.
    ///
    /// - Parameter document: the document's file name in the filing folder; `nil` for the primary
    ///   document.
    public func put(_ bytes: [UInt8], filing: FilingMetadata, document: String? = nil) async throws(PipelineError) {
        let key = try key(for: filing, document: document ?? filing.primaryDocument)
        do {
            let compressed = try ZstdCodec.compress(bytes)
            try await store.put(key, bytes: compressed)
        } catch {
            throw PipelineError(stage: .archive, subject: filing.accession.description, wrapping: error)
        }
    }

    /// A stored document's bytes, or `nil` when it was never archived.
    ///
    /// - Parameters:
    ///   - document: the document's file name; `nil` for the primary document.
    ///   - maxBytes: refuse documents that decompress to more than this.
    public func get(
        _ filing: FilingMetadata,
        document: String? = nil,
        maxBytes: Int = 512 * 1024 * 1024
    ) async throws(PipelineError) -> [UInt8]? {
        let key = try key(for: filing, document: document ?? filing.primaryDocument)
        do {
            guard let compressed = try await store.get(key) else { return nil }
            return try ZstdCodec.decompress(compressed, maxOutputBytes: maxBytes)
        } catch {
            throw PipelineError(stage: .archive, subject: filing.accession.description, wrapping: error)
        }
    }

    private func key(for filing: FilingMetadata, document: String) throws(PipelineError) -> ObjectKey {
        do {
            return try ObjectKey("raw/\(filing.cik)/\(filing.accession.folderName)/\(document).zst")
        } catch {
            throw PipelineError(stage: .archive, subject: filing.accession.description, wrapping: error)
        }
    }
}
