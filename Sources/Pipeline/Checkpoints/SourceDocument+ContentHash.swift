import Foundation
import SECModel

extension SourceDocument {
    /// The ledger's `contentHash` of a filing: SHA-256 (64 hex digits) over the filing's metadata
    /// (as JSON, keys sorted: company, tickers, dates and URLs end up in its chunks) and, for each of
    /// its selected documents in order, the type, file name, role, key, byte count and SHA-256 of
    /// the bytes. Any changed byte, added or dropped exhibit or changed filer fact changes it.
    public static func contentHash(of documents: [SourceDocument], filing: FilingMetadata) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var summary = ((try? encoder.encode(filing)).map { [UInt8]($0) } ?? []) + [0]
        for document in documents {
            let fields = [
                document.type, document.fileName, document.isPrimary ? "primary" : "exhibit", document.key ?? "",
                String(document.bytes.count), document.bytes.withUnsafeBytes { SHA256.hex(of: $0) },
            ]
            summary += Array(fields.joined(separator: "\u{1F}").utf8) + [0]
        }
        return summary.withUnsafeBytes { SHA256.hex(of: $0) }
    }
}
