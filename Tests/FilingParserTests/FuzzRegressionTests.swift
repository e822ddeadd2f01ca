import FilingParser
import Foundation
import SECModel
import Testing

/// Replays every input the libFuzzer targets (`make fuzz`, Tests/Fuzz/) ever crashed on, saved under
/// `Regressions/` as `html-<what>.bin` (HTML / inline-XBRL path) or `sgml-<what>.bin` (submissions).
/// Invariant, as in the fuzz targets: each reader returns or throws `ParseError`, never traps.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Regressions"
    )

    static func inputs(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    @Test(arguments: inputs(prefix: "html-"))
    func htmlInputStillParses(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path))
        let input = [UInt8](bytes)
        if let document = try? HTMLFilingParser().parse(input, form: nil, source: name) {
            #expect(document.sections.allSatisfy { $0.charStart <= $0.charEnd && $0.charEnd <= document.scalarCount })
        }
        if InlineXBRLReader.looksInline(input), let set = try? InlineXBRLReader().read(input, source: name) {
            #expect(set.facts.allSatisfy { !$0.contextID.isEmpty })
        }
        if XBRLInstanceReader.looksLikeInstance(input), let set = try? XBRLInstanceReader().read(input, source: name) {
            #expect(set.facts.allSatisfy { !$0.contextID.isEmpty })
        }
    }

    @Test(arguments: inputs(prefix: "sgml-"))
    func submissionInputStillParses(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path))
        let submission = try? SGMLSubmissionReader(documentCountMax: 64).read([UInt8](bytes), source: name)
        #expect((submission?.documents.count ?? 0) <= 64)
    }
}
