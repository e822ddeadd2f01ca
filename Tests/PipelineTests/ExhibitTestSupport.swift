import Foundation
import Pipeline
import SECModel
import Testing

/// Paths and scratch EDGAR trees for the exhibit tests.
enum ExhibitTestSupport {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixtures = repo.appendingPathComponent("fixtures/edgar")
    static let resources = repo.appendingPathComponent("Tests/PipelineTests/Resources")
    /// `../shared/edgar-samples` (real EDGAR files), or `$VECTORDB_EDGAR_SAMPLES` when set (a worktree
    /// elsewhere).
    static let samples =
        ProcessInfo.processInfo.environment["VECTORDB_EDGAR_SAMPLES"].map {
            URL(fileURLWithPath: $0)
        } ?? repo.deletingLastPathComponent().appendingPathComponent("shared/edgar-samples")
    static var samplesAvailable: Bool {
        FileManager.default.fileExists(atPath: samples.appendingPathComponent("full-submission").path)
    }

    static func scratch(_ label: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
    }

    /// The folder of `accession` under `root`'s Archives tree, created.
    static func folder(_ root: URL, cik: String, accession: String) throws -> URL {
        let folder = root.appendingPathComponent(
            "Archives/edgar/data/\(cik)/\(accession.replacingOccurrences(of: "-", with: ""))"
        )
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A scratch EDGAR tree with HRSC's submissions document and the fixture 8-K's folder copied,
    /// without the files named in `omitting`.
    static func treeWithFixtureEightK(omitting: Set<String> = []) throws -> URL {
        let root = scratch("exhibit-tree")
        let submissions = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: submissions, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent("submissions/CIK0001999901.json"),
            to: submissions.appendingPathComponent("CIK0001999901.json")
        )
        let source = fixtures.appendingPathComponent("Archives/edgar/data/1999901/000199990125000011")
        let folder = try folder(root, cik: "1999901", accession: "0001999901-25-000011")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where !omitting.contains(name) {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name),
                to: folder.appendingPathComponent(name)
            )
        }
        return root
    }

    /// A submissions document (`data.sec.gov/submissions/CIK##########.json`) listing one filing.
    static func writeSubmissions(
        root: URL,
        cik: Int,
        name: String,
        ticker: String,
        accession: String,
        form: String,
        filed: String,
        primaryDocument: String
    ) throws {
        let columns: [String: Any] = [
            "accessionNumber": [accession], "filingDate": [filed], "reportDate": [filed],
            "acceptanceDateTime": ["\(filed)T16:00:00.000Z"], "form": [form], "items": [""], "size": [1],
            "isXBRL": [1], "isInlineXBRL": [1], "primaryDocument": [primaryDocument], "primaryDocDescription": [form],
        ]
        let object: [String: Any] = [
            "cik": String(cik), "name": name, "tickers": [ticker], "exchanges": ["NYSE"],
            "filings": ["recent": columns, "files": [Any]()],
        ]
        let directory = root.appendingPathComponent("submissions")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let padded = String(repeating: "0", count: 10 - String(cik).count) + String(cik)
        try JSONSerialization.data(withJSONObject: object).write(
            to: directory.appendingPathComponent("CIK\(padded).json")
        )
    }

    /// The filing `accession` that `source` offers.
    static func filing(_ accession: String, in source: some FilingSource) async throws -> SourceFiling {
        let filings = try await source.filings()
        return try #require(
            filings.first { $0.metadata.accession.description == accession },
            "\(accession) not offered"
        )
    }
}
