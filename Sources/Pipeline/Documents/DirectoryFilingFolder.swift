import EDGARClient
import Foundation

/// A filing folder on disk, `Archives/edgar/data/{cik}/{accession without dashes}/`. Its documents
/// are those its `index.json` lists, or the files it holds when it has none. EDGAR serves a filing's
/// index pages and full submission both in the folder and beside it (`data/{cik}/{accession}-index.htm`,
/// `data/{cik}/{accession}.txt`): `contents(of:)` looks in the folder, then in `filerDirectory`.
struct DirectoryFilingFolder: FilingFolder {
    let directory: URL
    /// The filer's folder, `data/{cik}/`.
    var filerDirectory: URL { directory.deletingLastPathComponent() }

    func documentNames() throws(PipelineError) -> [String] {
        let index = directory.appendingPathComponent("index.json")
        if let data = FileManager.default.contents(atPath: index.path) {
            do {
                return try DirectoryListing.decode(data, source: index.path).documents.map(\.name)
            } catch {
                throw PipelineError(stage: .source, subject: index.path, wrapping: error)
            }
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { name in
            name != "index.json"
                && !["-index.htm", "-index.html", "-index-headers.html"].contains { name.hasSuffix($0) }
        }.sorted()
    }

    func contents(of name: String) throws(PipelineError) -> [UInt8]? {
        for url in [directory.appendingPathComponent(name), filerDirectory.appendingPathComponent(name)] {
            if let data = FileManager.default.contents(atPath: url.path) { return [UInt8](data) }
        }
        return nil
    }

    func location(of name: String) -> String {
        let inFolder = directory.appendingPathComponent(name).path
        let beside = filerDirectory.appendingPathComponent(name).path
        return !FileManager.default.fileExists(atPath: inFolder) && FileManager.default.fileExists(atPath: beside)
            ? beside : inFolder
    }
}
