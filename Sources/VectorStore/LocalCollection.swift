import Foundation
import Logging

/// A collection in one local directory: `collection.json` (its `CollectionInfo`) and `chunks.log`
/// (append-only batches of chunk records, see `ChunkLogRecord`), searched exactly.
///
/// The actor is the single writer and owns the in-memory copy of the live records; a record with an
/// existing id replaces the old one (last write wins, also on replay).
public actor LocalCollection: DocumentCollection {
    public nonisolated let info: CollectionInfo
    private let log: ChunkLogFile
    private var live = LiveRecords()
    /// Row-major copy of every live vector, rebuilt lazily after writes.
    private var matrix: [Float] = []
    private var matrixIsCurrent = true

    init(info: CollectionInfo, logPath: String, logger: Logger) throws(StoreError) {
        self.info = info
        let bytes = try ChunkLogFile.readAll(logPath)
        let scan = try ChunkLogScanner.scan(bytes, file: logPath)
        if scan.validBytes < bytes.count {
            logger.warning(
                "dropping a torn, unacknowledged tail of the chunk log",
                metadata: [
                    "file": "\(logPath)", "offset": "\(scan.validBytes)", "bytes": "\(bytes.count - scan.validBytes)",
                ]
            )
        }
        log = try ChunkLogFile(path: logPath, validBytes: scan.validBytes)
        var live = LiveRecords()
        for record in scan.records {
            guard record.vector.count == info.dimension else {
                throw StoreError(
                    code: .corruption,
                    message:
                        "chunk \(record.chunk.id) has \(record.vector.count) components, collection has \(info.dimension)",
                    file: logPath
                )
            }
            live.apply(record)
        }
        self.live = live
        matrixIsCurrent = false
    }

    public var count: Int { live.records.count }

    public func upsert(_ batch: [ChunkRecord]) throws(StoreError) {
        guard !batch.isEmpty else { return }
        for record in batch { try validate(record) }
        try log.append(try ChunkLogRecord.encode(batch))
        for record in batch { live.apply(record) }
        matrixIsCurrent = false
    }

    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        guard (1...SearchRequest.kMax).contains(request.k) else {
            throw StoreError(code: .badInput, message: "k must be in 1...\(SearchRequest.kMax), got \(request.k)")
        }
        guard request.vector.count == info.dimension else {
            throw StoreError(
                code: .badInput,
                message:
                    "query vector has \(request.vector.count) components, collection '\(info.name)' has \(info.dimension)"
            )
        }
        if !matrixIsCurrent {
            matrix = live.records.flatMap(\.vector)
            matrixIsCurrent = true
        }
        let scores = ExactScorer.dotProducts(
            matrix: matrix,
            rows: live.records.count,
            dimension: info.dimension,
            query: request.vector
        )
        let candidates = live.records.indices.filter { row in
            request.filters.allSatisfy { $0.matches(live.records[row].chunk.citation) }
        }
        return ExactScorer.topK(scores: scores, candidates: candidates, k: request.k).map {
            SearchHit(chunk: live.records[$0].chunk, score: scores[$0])
        }
    }

    private func validate(_ record: ChunkRecord) throws(StoreError) {
        guard record.vector.count == info.dimension else {
            throw StoreError(
                code: .badInput,
                message:
                    "chunk \(record.chunk.id): vector has \(record.vector.count) components, expected \(info.dimension)"
            )
        }
        if let bad = record.vector.firstIndex(where: { !$0.isFinite }) {
            throw StoreError(
                code: .badInput,
                message: "chunk \(record.chunk.id): vector component \(bad) is not finite"
            )
        }
    }
}

/// The live records of a collection in write order, with the row of each id; a record with a known
/// id replaces the old one in place (last write wins).
struct LiveRecords {
    private(set) var records: [ChunkRecord] = []
    private var rowByID: [String: Int] = [:]

    mutating func apply(_ record: ChunkRecord) {
        if let row = rowByID[record.chunk.id] {
            records[row] = record
        } else {
            rowByID[record.chunk.id] = records.count
            records.append(record)
        }
    }
}
