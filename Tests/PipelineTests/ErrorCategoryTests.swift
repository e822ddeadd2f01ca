import Codecs
import EDGARClient
import Foundation
import Pipeline
import SECModel
import Testing
import VectorStore

/// The shared error categories: each module's codes map as documented, and `PipelineError` keeps
/// the stage's typed error instead of a string.
@Suite struct ErrorCategoryTests {
    @Test func storeCodesMapAsDocumented() {
        let expected: [StoreError.Code: ErrorCategory] = [
            .badInput: .badInput, .notFound: .notFound, .conflict: .conflict, .io: .unavailable,
            .corruption: .corrupt, .internal: .internal,
        ]
        for (code, category) in expected {
            #expect(StoreError(code: code, message: "m").category == category, "\(code)")
        }
        #expect(ErrorCategory.allCases.filter(\.retryMayHelp) == [.unavailable])
    }

    @Test func otherModulesMapTheirCodes() {
        #expect(EDGARError(code: .throttled, source: "u", message: "m").category == .unavailable)
        #expect(EDGARError(code: .httpStatus, source: "u", message: "m", status: 404).category == .notFound)
        #expect(EDGARError(code: .httpStatus, source: "u", message: "m", status: 400).category == .badInput)
        #expect(EDGARError(code: .cacheCorrupted, source: "u", message: "m").category == .corrupt)
        #expect(CompressionError(code: .corruptInput, codec: "zstd", message: "m").category == .corrupt)
        #expect(ErrorCategory(of: CancellationError()) == .unavailable)
        struct Untyped: Error {}
        #expect(ErrorCategory(of: Untyped()) == .internal)
    }

    @Test func aPipelineErrorKeepsTheStagesTypedErrorAndItsCategory() {
        let stored = StoreError(code: .corruption, message: "bad block", file: "seg-7.vseg", offsetBytes: 4096)
        let error = PipelineError(stage: .store, subject: "0001999901-25-000004", wrapping: stored)
        #expect(error.category == .corrupt)
        #expect(error.cause(as: StoreError.self) == stored)
        #expect(error.cause(as: StoreError.self)?.offsetBytes == 4096)
        #expect(error.causeChain.count == 2)
        #expect(error.description == "store stage (0001999901-25-000004): bad block (seg-7.vseg at byte 4096)")
        let own = PipelineError(stage: .source, subject: nil, category: .notFound, message: "no submissions")
        #expect(own.underlyingError == nil)
        #expect(own.category == .notFound)
    }

    @Test func modelDirectoriesAreLookedUpInTheDocumentedOrder() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("lookup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lookup = ModelDirectoryLookup(
            recorded: scratch.appendingPathComponent("recorded").path,
            environment: [
                "VECTORDB_MODEL_DIR": scratch.appendingPathComponent("variable").path,
                "HOME": scratch.appendingPathComponent("home").path,
            ],
            currentDirectory: scratch.appendingPathComponent("cwd")
        )
        let paths = lookup.candidates.map(\.directory.path)
        #expect(
            paths
                == [
                    "variable", "recorded", "home/.cache/vectordb/models/all-MiniLM-L6-v2",
                    "cwd/.models/all-MiniLM-L6-v2",
                ]
                .map { scratch.appendingPathComponent($0).path }
        )
        let error = #expect(throws: PipelineError.self) { try lookup.resolve() }
        #expect(error?.category == .notFound)
        #expect(paths.allSatisfy { error?.message.contains($0) == true })
        // The first existing place wins: the user cache before ./.models.
        for path in paths.suffix(2) {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        #expect(try lookup.resolve().path == paths[2])
        try FileManager.default.createDirectory(atPath: paths[1], withIntermediateDirectories: true)
        #expect(try lookup.resolve().path == paths[1])
        // XDG_CACHE_HOME replaces ~/.cache; an explicit directory is the only place looked.
        var xdg = lookup
        xdg.environment["XDG_CACHE_HOME"] = "/xdg"
        #expect(xdg.candidates.map(\.directory.path).contains("/xdg/vectordb/models/all-MiniLM-L6-v2"))
        let explicit = ModelDirectoryLookup(explicit: URL(fileURLWithPath: "/given"), environment: lookup.environment)
        #expect(explicit.candidates.map(\.directory.path) == ["/given"])
    }
}
