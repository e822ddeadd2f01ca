import Foundation

/// Locations of the fixtures and of the shared real EDGAR samples, found from this file's path so
/// that tests work from any working directory.
enum TestPaths {
    /// The repository root (three levels above this file).
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `fixtures/edgar`, laid out like EDGAR's URL paths.
    static let fixtures = repo.appendingPathComponent("fixtures/edgar")

    /// `../shared/edgar-samples`, present on developer machines and in CI.
    static let samples = repo.deletingLastPathComponent().appendingPathComponent("shared/edgar-samples")

    static var samplesAvailable: Bool {
        FileManager.default.fileExists(atPath: samples.appendingPathComponent("MANIFEST.md").path)
    }

    static func fixture(_ relative: String) throws -> (Data, String) {
        try load(fixtures.appendingPathComponent(relative))
    }

    static func sample(_ relative: String) throws -> (Data, String) {
        try load(samples.appendingPathComponent(relative))
    }

    /// Every sample file under a folder of the samples whose name matches `suffix`.
    static func samples(under folder: String, suffix: String) -> [String] {
        let base = samples.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    private static func load(_ url: URL) throws -> (Data, String) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: url.path])
        }
        return (data, url.path)
    }
}
