import FilingParser
import Foundation
import SECModel
import Testing

/// Replays every input saved under `Regressions/`: inputs a libFuzzer target (`make fuzz`,
/// Tests/Fuzz/) crashed on, and hand-made malformed inputs of the edge cases the parser is known
/// to meet (continuation cycles, dangling references, truncation, invalid UTF-8, deep nesting,
/// unclosed SGML documents); `html-<what>.bin` for the HTML / inline-XBRL path, `sgml-<what>.bin`
/// for submissions. Invariant, as in the fuzz targets: each reader returns a value that keeps its
/// invariants or throws `ParseError`; any other error fails the test, and so does an empty folder.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Regressions"
    )

    static func inputs(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) }.sorted()
    }

    /// The replay runs cases: a missing or emptied folder is a failure, not a silent pass.
    @Test func regressionInputsArePresent() {
        #expect(Self.inputs(prefix: "html-").count >= 10)
        #expect(Self.inputs(prefix: "sgml-").count >= 4)
    }

    @Test(arguments: inputs(prefix: "html-"))
    func htmlInputStillParses(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path))
        let input = [UInt8](bytes)
        if let document = try Self.valueOrParseError({ try HTMLFilingParser().parse(input, form: nil, source: name) }) {
            #expect(document.sections.allSatisfy { $0.charStart <= $0.charEnd && $0.charEnd <= document.scalarCount })
        }
        if InlineXBRLReader.looksInline(input),
            let set = try Self.valueOrParseError({ try InlineXBRLReader().read(input, source: name) })
        {
            #expect(set.facts.allSatisfy { !$0.contextID.isEmpty })
        }
        if XBRLInstanceReader.looksLikeInstance(input),
            let set = try Self.valueOrParseError({ try XBRLInstanceReader().read(input, source: name) })
        {
            #expect(set.facts.allSatisfy { !$0.contextID.isEmpty })
        }
    }

    @Test(arguments: inputs(prefix: "sgml-"))
    func submissionInputStillParses(_ name: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path))
        let submission = try Self.valueOrParseError {
            try SGMLSubmissionReader(documentCountMax: 64).read([UInt8](bytes), source: name)
        }
        #expect((submission?.documents.count ?? 0) <= 64)
    }

    /// The value, or `nil` when `body` throws a `ParseError` (the documented refusal); any other
    /// error is rethrown, so the test fails on it.
    static func valueOrParseError<T>(_ body: () throws -> T) throws -> T? {
        do {
            return try body()
        } catch is ParseError {
            return nil
        }
    }
}
