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
    /// BM25 over the live rows' texts, rebuilt lazily after writes.
    private var lexical: BM25Index?

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
        lexical = nil
    }

    public func search(_ request: SearchRequest) throws(StoreError) -> [SearchHit] {
        guard (1...SearchRequest.kMax).contains(request.k) else {
            throw StoreError(code: .badInput, message: "k must be in 1...\(SearchRequest.kMax), got \(request.k)")
        }
        let candidates = live.records.indices.filter { row in
            request.filters.allSatisfy { $0.matches(live.records[row].chunk.citation) }
        }
        // Each ranking contributes its best rows to fusion; deeper than k so fusion can reorder.
        let depth = request.mode == .hybrid ? max(request.k * 5, 100) : request.k
        var vectorRanking: [(row: Int, score: Float)] = []
        var lexicalRanking: [(row: Int, score: Float)] = []
        if request.mode != .lexical {
            let scores = try vectorScores(request.vector)
            vectorRanking = RankFusion.ranked(candidates, scores: { scores[$0] }, limit: depth)
        }
        if request.mode != .vector {
            guard let text = request.text, !text.isEmpty else {
                throw StoreError(code: .badInput, message: "\(request.mode.rawValue) search needs the query text")
            }
            if lexical == nil { lexical = BM25Index(texts: live.records.map(\.chunk.text)) }
            let scores = lexical?.scores(for: text) ?? [:]
            lexicalRanking = RankFusion.ranked(candidates, scores: { scores[$0] }, limit: depth)
        }
        let ranking: [(row: Int, score: Float)]
        switch request.mode {
        case .vector: ranking = vectorRanking
        case .lexical: ranking = lexicalRanking
        case .hybrid:
            ranking = RankFusion.fuse(
                vectorRanking,
                weight: request.vectorWeight,
                lexicalRanking,
                weight: request.lexicalWeight,
                limit: request.k
            )
        }
        return ranking.map { SearchHit(chunk: live.records[$0.row].chunk, score: $0.score) }
    }

    /// Cosine similarity of every live row with the query vector (rows are L2-normalised).
    private func vectorScores(_ vector: [Float]?) throws(StoreError) -> [Float] {
        guard let vector else { throw StoreError(code: .badInput, message: "vector search needs a query vector") }
        guard vector.count == info.dimension else {
            throw StoreError(
                code: .badInput,
                message: "query vector has \(vector.count) components, collection '\(info.name)' has \(info.dimension)"
            )
        }
        if !matrixIsCurrent {
            matrix = live.records.flatMap(\.vector)
            matrixIsCurrent = true
        }
        return ExactScorer.dotProducts(
            matrix: matrix,
            rows: live.records.count,
            dimension: info.dimension,
            query: vector
        )
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
