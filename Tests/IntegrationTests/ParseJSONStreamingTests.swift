import Foundation
import Testing

/// `parse --json` writes its document piece by piece (sections and text escaped straight from the
/// canonical text); its bytes must still equal what `JSONEncoder` writes for the same document.
@Suite struct ParseJSONStreamingTests {
    struct Document: Codable {
        struct Section: Codable {
            var item: String
            var title: String
            var start: Int
            var end: Int
            var text: String
            var pointer: String?
            var combinedItems: [String]?
        }
        var characters: Int
        var schemaVersion: Int
        var sections: [Section]
        var text: String?
    }

    @Test func streamedJSONEqualsTheEncodersBytes() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("awkward.htm")
        let html = """
            <html><body><p>FORM 10-K</p><p>Item 1. Business</p>
            <p>Quotes "like this", a back\\slash, a/slash, control \u{1}\u{8}\u{1F} marks and 😀 é.</p>
            <table><tr><td>Revenue</td><td>$</td><td>(1,234)</td></tr></table>
            <p>Item 7. Management's Discussion</p><p>Text with\ta tab.</p></body></html>
            """
        try Data(html.utf8).write(to: file)
        for flags in [["--json"], ["--json", "--text"]] {
            let result = try Support.run(["parse", file.path, "--form", "10-K"] + flags)
            #expect(result.status == 0, "\(result.stderr)")
            let printed = Data(result.stdout.utf8).dropLast()
            let document = try JSONDecoder().decode(Document.self, from: printed)
            #expect(document.sections.count >= 2)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let expected = try encoder.encode(document)
            #expect(String(decoding: printed, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        }
    }
}
