import SECDocuments
import SECModel
import VectorStore

/// The deterministic write sequence of the crash test: batch `n` of seed `s` is always the same, so
/// the parent test can rebuild the state after any number of acknowledged batches.
public enum CrashWorkload {
    public static let dimension = 8
    public static let collection = "crash"
    /// Ids are drawn from a small pool so batches overwrite and delete earlier rows.
    static let idPool: UInt64 = 200

    public enum Batch: Sendable {
        case upsert([ChunkRecord])
        case delete([String])
    }

    /// Small memtable bound so the child flushes segments (and rotates WAL files) every few batches;
    /// few retained versions so version files and the segments only they list are deleted often.
    public static let options = StoreOptions(memtableBytesMax: 32 * 1024, segmentCodec: .lz4, versionCountMax: 6)

    /// Rows (sequence numbers) batch `index` takes.
    public static func rowCount(seed: UInt64, index: Int) -> Int {
        switch batch(seed: seed, index: index) {
        case .upsert(let records): records.count
        case .delete(let ids): ids.count
        }
    }

    public static var info: CollectionInfo {
        CollectionInfo(name: collection, embeddingModel: "crash-test", dimension: dimension)
    }

    public static func batch(seed: UInt64, index: Int) -> Batch {
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0xBF58_476D_1CE4_E5B9 &+ 1
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let rows = 1 + Int(next() % 8)
        if next() % 6 == 0 {
            return .delete((0..<rows).map { _ in "id-\(next() % idPool)" })
        }
        return .upsert(
            (0..<rows).compactMap { _ in
                let id = "id-\(next() % idPool)"
                var vector = (0..<dimension).map { _ in Float(Int(next() % 2001) - 1000) / 1000 }
                let norm = max(vector.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-6)
                vector = vector.map { $0 / norm }
                return chunk(
                    id: id,
                    text: "batch \(index) row \(id) " + String(repeating: "filler ", count: Int(next() % 40))
                )
                .map { ChunkRecord(chunk: $0, vector: vector) }
            }
        )
    }

    /// The live records after applying batches `0..<count` (last write wins, deletes remove).
    public static func state(seed: UInt64, batches count: Int) -> [String: ChunkRecord] {
        var state: [String: ChunkRecord] = [:]
        for index in 0..<count {
            switch batch(seed: seed, index: index) {
            case .upsert(let records): for record in records { state[record.chunk.id] = record }
            case .delete(let ids): for id in ids { state[id] = nil }
            }
        }
        return state
    }

    static func chunk(id: String, text: String) -> Chunk? {
        guard let cik = CIK("1999901"), let accession = AccessionNumber("0001999901-25-000001"),
            let date = EDGARDate("2025-02-14")
        else { return nil }
        let filing = FilingMetadata(
            cik: cik,
            companyName: "Crash Test, Inc.",
            tickers: ["CRSH"],
            form: .tenK,
            accession: accession,
            filingDate: date,
            reportDate: nil,
            primaryDocument: "x.htm",
            sourceURL: "https://www.sec.gov/x"
        )
        let section = Section(key: "1A", title: "Risk Factors", charStart: 0, charEnd: 100)
        return Chunk(
            id: id,
            text: text,
            citation: Citation(filing: filing, section: section, charStart: 0, charEnd: 10)
        )
    }
}
