import FilingParser
import Foundation
import SECModel
import Testing

/// Runs when `../shared/edgar-samples` is present (CI has it): every real HTML filing parses, its
/// sections tile the text; the item bodies are checked by `SectionAcceptanceTests`.
@Suite(.enabled(if: SampleFiles.available))
struct SampleFilingsTests {
    @Test(arguments: SampleFiles.html())
    func parsesWithValidSections(_ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try HTMLFilingParser().parse([UInt8](data), form: nil, source: path)
        #expect(!document.sections.isEmpty)
        #expect(document.sections.first?.charStart == 0)
        for (a, b) in zip(document.sections, document.sections.dropFirst()) { #expect(a.charEnd <= b.charStart) }
        #expect((document.sections.last?.charEnd ?? 0) <= document.scalarCount)
    }

    @Test func wellsFargoItemsIncorporatedFromTheAnnualReportArePointers() throws {
        let path = SampleFiles.root + "/html/10-K/wfc_10-K_2025-02-25.htm"
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try HTMLFilingParser().parse([UInt8](data), form: .tenK, source: path)
        for key in ["1A", "7"] {
            let section = try #require(document.sections.first { $0.key == key })
            let pointer = try #require(section.pointer, "Item \(key) should be a pointer")
            #expect(pointer.hasPrefix("Information in response to this Item \(key) can be found in"))
            #expect(pointer.contains("2024 Annual Report to Shareholders under \u{201C}Financial Review"))
            #expect(pointer.hasSuffix("incorporated into this item by reference."))
        }
        #expect(document.sections.first { $0.key == "1" }?.isPointer == false)
    }
}

enum SampleFiles {
    /// `$EDGAR_SAMPLES` (as in `tests-py`: a worktree outside the repo's folder), else `../shared/edgar-samples`.
    static let root: String = {
        if let root = ProcessInfo.processInfo.environment["EDGAR_SAMPLES"], !root.isEmpty { return root }
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/edgar-samples").path
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: root + "/MANIFEST.md") }

    static func html() -> [String] {
        guard let paths = FileManager.default.subpaths(atPath: root + "/html") else { return [] }
        return paths.filter { $0.hasSuffix(".htm") || $0.hasSuffix(".html") }.sorted().map { root + "/html/" + $0 }
    }
}
