import Foundation

extension Support {
    /// A pipeline over the bundled fixtures with the hashing embedder (no model files needed),
    /// written into `directory`; paths in it are absolute, so it runs from any working directory.
    static func hashingPipeline(in directory: URL, collection: String = "filings") throws -> String {
        let file = directory.appendingPathComponent("hashing-fixtures.toml")
        let text = """
            [pipeline]
            name = "hashing-fixtures"
            [source]
            root = "\(repo.appendingPathComponent("fixtures/edgar").path)"
            [embedder]
            provider = "hashing"
            dimension = 64
            [store]
            collection = "\(collection)"
            """
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}
