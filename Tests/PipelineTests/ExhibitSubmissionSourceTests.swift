import Foundation
import Pipeline
import PipelineConfig
import SECModel
import Testing

/// Exhibits read from full submissions (`{accession}.txt`): the fictional HRSC 8-K in `Resources/`
/// through a scratch EDGAR tree, and the real JPM and Apple 8-Ks of `../shared/edgar-samples` when
/// present.
@Suite struct ExhibitSubmissionSourceTests {
    typealias Support = ExhibitTestSupport

    /// A scratch tree with HRSC's submissions document and the fictional 8-K's full submission at
    /// `relativePath` (under `Archives/edgar/data/1999901/`).
    static func treeWithFictionalSubmission(at relativePath: String) throws -> URL {
        let root = try Support.treeWithFixtureEightK()
        let file = root.appendingPathComponent("Archives/edgar/data/1999901/\(relativePath)")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Support.resources.appendingPathComponent("0001999901-25-000002.txt"),
            to: file
        )
        return root
    }

    @Test(arguments: ["000199990125000002/0001999901-25-000002.txt", "0001999901-25-000002.txt"])
    func aFilingWithoutItsPrimaryDocumentIsReadFromItsFullSubmission(relativePath: String) async throws {
        let root = try Self.treeWithFictionalSubmission(at: relativePath)
        defer { try? FileManager.default.removeItem(at: root) }
        let source = EDGARArchiveSource(root: root)
        let filing = try await Support.filing("0001999901-25-000002", in: source)
        #expect(filing.isFullSubmission)
        #expect(filing.location.hasSuffix(relativePath))
        let documents = try await source.documents(of: filing)
        // The XBRL schema part and the uuencoded graphic are not HTML: left out.
        #expect(documents.map(\.type) == ["8-K", "EX-99.1", "EX-99.2"])
        #expect(
            documents.map(\.fileName) == ["hrsc-20250206.htm", "hrsc-20250206xex99d1.htm", "hrsc-20250206xex99d2.htm"]
        )
        #expect(documents.dropFirst().allSatisfy { $0.typeSource == .fullSubmission })
        #expect(
            documents[1].sourceURL
                == "https://www.sec.gov/Archives/edgar/data/1999901/000199990125000002/hrsc-20250206xex99d1.htm"
        )
        #expect(documents[1].location.hasSuffix("0001999901-25-000002.txt#hrsc-20250206xex99d1.htm"))
        let release = String(decoding: documents[1].bytes, as: UTF8.self)
        #expect(release.hasPrefix("<html>") && release.contains("$1.15 billion"))
        let onlyRelease = EDGARArchiveSource(root: root, documents: DocumentSelection(["primary", "EX-99.1"]))
        #expect(try await onlyRelease.documents(of: filing).map(\.type) == ["8-K", "EX-99.1"])
    }

    @Test func aPresentPrimaryDocumentWinsOverTheFullSubmission() async throws {
        let root = try Self.treeWithFictionalSubmission(at: "000199990125000011/0001999901-25-000011.txt")
        defer { try? FileManager.default.removeItem(at: root) }
        let source = EDGARArchiveSource(root: root)
        let filing = try await Support.filing("0001999901-25-000011", in: source)
        #expect(!filing.isFullSubmission)
        #expect(filing.location.hasSuffix("hrsc-20250424.htm"))
    }

    @Test(.enabled(if: ExhibitTestSupport.samplesAvailable, "needs ../shared/edgar-samples"))
    func theRealJPMorganEightKYieldsItsPressRelease() async throws {
        let documents = try await Self.sampleDocuments(
            file: "0000019617-26-000241.txt",
            cik: 19617,
            name: "JPMORGAN CHASE & CO",
            ticker: "JPM",
            filed: "2026-06-25",
            primaryDocument: "jpm-20260624.htm"
        )
        #expect(documents.map(\.type) == ["8-K", "EX-99.1"])
        let release = try #require(documents.last)
        #expect(release.fileName == "jpmcpressrelease06252026.htm")
        #expect(
            release.sourceURL
                == "https://www.sec.gov/Archives/edgar/data/19617/000001961726000241/jpmcpressrelease06252026.htm"
        )
        #expect(String(decoding: release.bytes, as: UTF8.self).lowercased().contains("<html"))
    }

    /// Apple's 2019 debt-offering 8-K carries an underwriting agreement, an indenture supplement and
    /// a legal opinion (EX-1.1, EX-4.1, EX-5.1) but no EX-99: the default selection takes the 8-K
    /// alone, `EX-*` the three exhibits (not the `R1.htm` report, typed XML).
    @Test(.enabled(if: ExhibitTestSupport.samplesAvailable, "needs ../shared/edgar-samples"))
    func theRealAppleEightKHasExhibitsButNoPressRelease() async throws {
        func types(_ selection: DocumentSelection) async throws -> [String] {
            try await Self.sampleDocuments(
                file: "0001193125-19-292676.txt",
                cik: 320193,
                name: "Apple Inc.",
                ticker: "AAPL",
                filed: "2019-11-15",
                primaryDocument: "d828969d8k.htm",
                selection: selection
            ).map(\.type)
        }
        #expect(try await types(.default) == ["8-K"])
        #expect(try await types(DocumentSelection(["EX-*"])) == ["EX-1.1", "EX-4.1", "EX-5.1"])
    }

    /// A real full submission in a scratch tree whose submissions document lists it.
    static func sampleDocuments(
        file: String,
        cik: Int,
        name: String,
        ticker: String,
        filed: String,
        primaryDocument: String,
        selection: DocumentSelection = .default
    ) async throws -> [SourceDocument] {
        let root = Support.scratch("sample-tree")
        defer { try? FileManager.default.removeItem(at: root) }
        let accession = String(file.dropLast(4))
        try Support.writeSubmissions(
            root: root,
            cik: cik,
            name: name,
            ticker: ticker,
            accession: accession,
            form: "8-K",
            filed: filed,
            primaryDocument: primaryDocument
        )
        let folder = try Support.folder(root, cik: String(cik), accession: accession)
        try FileManager.default.copyItem(
            at: Support.samples.appendingPathComponent("full-submission/\(file)"),
            to: folder.appendingPathComponent(file)
        )
        let source = EDGARArchiveSource(root: root, documents: selection)
        return try await source.documents(of: try await Support.filing(accession, in: source))
    }
}
