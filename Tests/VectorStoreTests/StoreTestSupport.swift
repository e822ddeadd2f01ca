import Foundation
import SECDocuments
import SECModel

@testable import VectorStore

/// SplitMix64: a tiny seeded generator, so every randomised test replays from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum StoreTestSupport {
    static let words = [
        "foundry", "wafer", "revenue", "margin", "diesel", "fuel", "sofr", "loan", "hrsc", "nasdaq", "risk",
        "supply", "customer", "inventory", "lease", "goodwill", "tariff", "export", "patent", "cyber",
    ]

    /// A record with a random unit vector, random text and one of three CIKs and two forms.
    static func randomRecord(
        id: String,
        dimension: Int,
        using generator: inout SeededGenerator
    ) throws -> ChunkRecord {
        let ciks = ["1999901", "1999902", "1999903"]
        let cik = ciks[Int(generator.next() % 3)]
        let form: FormType = generator.next() % 2 == 0 ? .tenK : .tenQ
        let wordCount = 3 + Int(generator.next() % 12)
        let text = (0..<wordCount).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(
            separator: " "
        )
        var vector = (0..<dimension).map { _ in Float(Int(generator.next() % 2001) - 1000) / 1000 }
        let norm = max(vector.reduce(0) { $0 + $1 * $1 }.squareRoot(), 1e-6)
        vector = vector.map { $0 / norm }
        return ChunkRecord(chunk: try chunk(id: id, text: text, cik: cik, form: form), vector: vector)
    }

    struct Missing: Error {}

    /// Whether a record satisfies every filter (the oracle's view of a filter).
    static func matches(_ filters: [MetadataFilter], _ record: ChunkRecord) throws -> Bool {
        let schema = CollectionSchema.secFilings(dimension: record.vector.count)
        return try CompiledFilter(filters, schema: schema).matches(record.document, schema: schema)
    }

    /// The stored row of a record under the SEC schema of `dimension`.
    static func row(_ record: ChunkRecord) throws -> DocumentRow {
        try CollectionSchema.secFilings(dimension: record.vector.count).row(for: record.document)
    }

    static func chunk(id: String, text: String, cik: String, form: FormType) throws -> Chunk {
        guard let cik = CIK(cik), let accession = AccessionNumber("0001999901-25-000001"),
            let date = EDGARDate("2025-02-14")
        else { throw Missing() }
        let filing = FilingMetadata(
            cik: cik,
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: form,
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

    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vstore-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Flips every bit of one byte of a file.
    static func flipByte(at offset: Int, in path: String) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[offset] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}
