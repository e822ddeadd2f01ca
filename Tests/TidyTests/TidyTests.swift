import Foundation
import Testing

/// Repository hygiene: small source files, no `print(` in library modules (libraries log), no `try!`
/// in shipped code, no oversized committed files.
@Suite struct TidyTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let sourceLinesMax = 400
    static let fileBytesMax = 512 * 1024

    static func files(under directory: String, suffix: String) -> [String] {
        let root = repo.appendingPathComponent(directory).path
        return (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(suffix) }.map {
            root + "/" + $0
        }
    }

    @Test func sourceFilesStaySmall() throws {
        for path in Self.files(under: "Sources", suffix: ".swift") + Self.files(under: "Tests", suffix: ".swift") {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(
                separator: "\n",
                omittingEmptySubsequences: false
            )
            #expect(lines.count <= Self.sourceLinesMax, "\(path) has \(lines.count) lines")
        }
    }

    @Test func librariesDoNotPrintAndNothingForceTries() throws {
        for path in Self.files(under: "Sources", suffix: ".swift") {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("try!"), "\(path) uses try!")
            if !path.contains("/Sources/VectorDBCLI/") {
                #expect(!text.contains("print("), "\(path) prints; log with swift-log instead")
            }
        }
    }

    @Test func noOversizedFilesInTheTree() throws {
        for directory in ["Sources", "Tests", "fixtures", "pipelines", "docs", "scripts"] {
            let root = Self.repo.appendingPathComponent(directory).path
            for relative in FileManager.default.subpaths(atPath: root) ?? [] {
                let attributes = try FileManager.default.attributesOfItem(atPath: root + "/" + relative)
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                #expect(size <= Self.fileBytesMax, "\(directory)/\(relative) is \(size) bytes")
            }
        }
    }
}
