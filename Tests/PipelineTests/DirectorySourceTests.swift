import Foundation
import Pipeline
import PipelineConfig
import SECModel
import Testing

/// `[source] kind = "directory"`: a plain folder of downloaded filings, metadata from the files
/// themselves (inline XBRL cover facts, the cover page, a full submission's SEC header).
@Suite struct DirectorySourceTests {
    static let tenK = "Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
    static let tenQ = "Archives/edgar/data/1999902/000199990225000007/nwfl-20250331.htm"

    /// A flat folder: the 10-K (plain HTML), the 10-Q (inline XBRL), a full submission, a note and
    /// a hidden file.
    static func folder(_ label: String) throws -> URL {
        let folder = ExhibitTestSupport.scratch(label)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"),
            withIntermediateDirectories: true
        )
        let fixtures = ExhibitTestSupport.fixtures
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent(tenK),
            to: folder.appendingPathComponent("hrsc-10k.htm")
        )
        try FileManager.default.copyItem(
            at: fixtures.appendingPathComponent(tenQ),
            to: folder.appendingPathComponent("sub/nwfl-10q.htm")
        )
        try FileManager.default.copyItem(
            at: ExhibitTestSupport.resources.appendingPathComponent("0001999901-25-000002.txt"),
            to: folder.appendingPathComponent("0001999901-25-000002.txt")
        )
        try "not a filing".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "<html/>".write(to: folder.appendingPathComponent(".hidden.htm"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func filingsComeWithMetadataFromTheirOwnFiles() async throws {
        let folder = try Self.folder("directory-source")
        defer { try? FileManager.default.removeItem(at: folder) }
        let filings = try await DirectorySource(root: folder).filings()
        #expect(filings.count == 3, "\(filings.map(\.location))")
        let byName = Dictionary(
            uniqueKeysWithValues: filings.map { (URL(fileURLWithPath: $0.location).lastPathComponent, $0) }
        )
        let submission = try #require(byName["0001999901-25-000002.txt"])
        #expect(submission.isFullSubmission)
        #expect(submission.metadata.accession.description == "0001999901-25-000002")
        #expect(submission.metadata.form == FormType("8-K"))
        #expect(submission.metadata.cik.value == 1_999_901)
        #expect(submission.metadata.companyName == "Harbor Ridge Semiconductor, Inc.")
        #expect(submission.metadata.sourceURL.hasSuffix("/edgar/data/1999901/000199990125000002/hrsc-20250206.htm"))

        let inline = try #require(byName["nwfl-10q.htm"])
        #expect(inline.metadata.form == FormType("10-Q"))
        #expect(inline.metadata.cik.value == 1_999_902, "from the cover facts")
        #expect(inline.metadata.accession.description.hasPrefix("9999"), "a local accession: none in the path")
        #expect(inline.metadata.sourceURL.hasPrefix("file://"))
        let again = try await DirectorySource(root: folder).filings()
        #expect(again.map(\.metadata.accession) == filings.map(\.metadata.accession), "stable")

        let tenK = try #require(byName["hrsc-10k.htm"])
        #expect(tenK.metadata.form == FormType("10-K"))
        #expect(tenK.metadata.reportDate?.description == "2024-12-31")
        #expect(Set(filings.map(\.metadata.accession)).count == 3)

        let onlyQ = try await DirectorySource(root: folder, forms: [FormType("10-Q")]).filings()
        #expect(onlyQ.map(\.metadata.form) == [FormType("10-Q")])
        let documents = try await DirectorySource(root: folder).documents(of: submission)
        #expect(documents.first?.isPrimary == true)
    }

    @Test func aPipelineIngestsTheFolderAndRecordsAnUnreadableFile() async throws {
        let folder = try Self.folder("directory-pipeline")
        let data = ExhibitTestSupport.scratch("directory-pipeline-data")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: data)
        }
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(
            to: folder.appendingPathComponent("broken.htm")
        )
        let file = folder.appendingPathComponent("directory.toml")
        try """
        [pipeline]
        name = "directory"
        [source]
        kind = "directory"
        root = "\(folder.path)"
        [embedder]
        provider = "hashing"
        """.write(to: file, atomically: true, encoding: .utf8)
        let definition = try PipelineDefinition.load(path: file.path)
        let report = try await LedgerTestSupport.run(definition, data: data)
        #expect(report.filingsIngested == 3)
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.reason.contains("NUL bytes") == true, "\(report.failures)")
        #expect(report.chunksWritten > 50)
    }
}
