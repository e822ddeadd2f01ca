import Foundation

/// Where a MiniLM-style model directory is looked for, in order (docs/cli.md "Model directories"):
/// 1. the directory named explicitly (`--model-dir`, `[embedder] model_dir`) — when given, the only place;
/// 2. `$VECTORDB_MODEL_DIR`;
/// 3. the directory the collection recorded when it was written;
/// 4. the per-user cache `$XDG_CACHE_HOME/vectordb/models/MODEL` (else `~/.cache/vectordb/models/MODEL`);
/// 5. `./.models/MODEL` in the current directory (where `make deps` puts it).
public struct ModelDirectoryLookup: Sendable {
    /// The model's directory name under the cache and `.models` (`all-MiniLM-L6-v2`).
    public var model: String
    public var explicit: URL?
    /// The absolute directory a collection recorded (`EmbedderRecord.modelDirectory`).
    public var recorded: String?
    public var environment: [String: String]
    public var currentDirectory: URL

    /// The variable that names a model directory.
    public static let environmentVariable = "VECTORDB_MODEL_DIR"

    public init(
        model: String = EmbedderFactory.miniLMModelID,
        explicit: URL? = nil,
        recorded: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) {
        self.model = model
        self.explicit = explicit
        self.recorded = recorded
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The places looked, in order, each with the reason it is on the list.
    public var candidates: [(place: String, directory: URL)] {
        if let explicit { return [("the directory named (--model-dir / model_dir)", explicit)] }
        var places: [(String, URL)] = []
        if let variable = environment[Self.environmentVariable], !variable.isEmpty {
            places.append(("$\(Self.environmentVariable)", URL(fileURLWithPath: variable)))
        }
        if let recorded { places.append(("the directory the collection recorded", URL(fileURLWithPath: recorded))) }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            places.append(
                ("the user cache", URL(fileURLWithPath: cache).appendingPathComponent("vectordb/models/\(model)"))
            )
        } else if let home = environment["HOME"], !home.isEmpty {
            places.append(
                ("the user cache", URL(fileURLWithPath: home).appendingPathComponent(".cache/vectordb/models/\(model)"))
            )
        }
        places.append(("./.models", currentDirectory.appendingPathComponent(".models/\(model)")))
        return places
    }

    /// The first candidate that is a directory.
    ///
    /// - Throws: `PipelineError` (stage `embed`, *not found*) listing every place tried and how to
    ///   get the model.
    public func resolve() throws(PipelineError) -> URL {
        let places = candidates
        for (_, directory) in places {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
            {
                return directory.standardizedFileURL
            }
        }
        let tried = places.map { "\($0.directory.path) (\($0.place))" }.joined(separator: "; ")
        throw PipelineError(
            stage: .embed,
            subject: nil,
            category: .notFound,
            message: "the MiniLM model directory does not exist; looked in: \(tried). Run `make deps` to download "
                + "\(model), pass --model-dir or set \(Self.environmentVariable)"
        )
    }
}
