import Foundation
import PipelineConfig
import Testing
import VectorStore

@Suite struct PipelineDefinitionTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    private func parse(_ text: String) throws(ConfigError) -> PipelineDefinition {
        try PipelineDefinition.parse(text, file: "/tmp/p/test.toml")
    }

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyPipelineFileLoads() throws {
        let directory = Self.repo.appendingPathComponent("pipelines")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".toml") }
        #expect(!files.isEmpty)
        for file in files {
            let definition = try PipelineDefinition.load(path: directory.appendingPathComponent(file).path)
            if definition.source.kind == "edgar" {
                #expect(definition.source.edgar != nil, "\(file): edgar settings missing")
            } else {
                let root = try #require(definition.source.root, "\(file): source root missing")
                #expect(FileManager.default.fileExists(atPath: root.path), "\(file): source root missing")
            }
        }
    }

    @Test func defaultsFillEverythingButTheRoot() throws {
        let definition = try parse("[source]\nroot = \"../edgar\"\n")
        #expect(definition.name == "test")
        #expect(definition.source.root?.path == "/tmp/edgar")
        #expect(definition.source.kind == "edgar-archive")
        #expect(definition.chunker.maxTokens == 256)
        #expect(definition.chunker.overlapTokens == 32)
        #expect(definition.embedder.provider == "minilm", "the README's default: the real model")
        #expect(definition.embedder.dimension == 384)
        #expect(definition.store.collection == "filings")
    }

    @Test func syntaxErrorsNameFileAndLine() throws {
        let found = try #require(error("[source]\nroot = \"x\"\n\n[chunker]\nmax_tokens = = 5\n"))
        #expect(found.code == .syntax)
        #expect(found.line == 5)
        #expect(found.description.hasPrefix("/tmp/p/test.toml:5: "))
    }

    @Test func unknownKeysNameLineAndKey() throws {
        let found = try #require(error("[source]\nroot = \"x\"\n\n[chunker]\nmax_tokens = 200\nmax_token = 5\n"))
        #expect(found.code == .unknownKey)
        #expect(found.key == "chunker.max_token")
        #expect(found.line == 6)
        #expect(found.description.contains("/tmp/p/test.toml:6: key 'chunker.max_token'"))
        let table = try #require(error("[source]\nroot = \"x\"\n[sorce]\nroot = \"y\"\n"))
        #expect(table.key == "sorce")
        #expect(table.line == 3)
    }

    @Test func storeCodecIsChosenAndCheckedByName() throws {
        let bad = try #require(error("[source]\nroot = \"x\"\n\n[store]\ncodec = \"brotli\"\n"))
        #expect(bad.code == .invalidValue)
        #expect(bad.line == 5)
        #expect(bad.description.contains("key 'store.codec'"))
        #expect(bad.description.contains("lz4, zstd, gzip or none"))
        let gzip = try parse("[source]\nroot = \"x\"\n\n[store]\ncodec = \"gzip\"\n")
        #expect(gzip.store.codec == .gzip)
        #expect(try parse("[source]\nroot = \"x\"\n").store.codec == .lz4)
    }

    @Test func storeCompactionBudgetIsReadAndChecked() throws {
        #expect(try parse("[source]\nroot = \"x\"\n").store.compactionBytesPerSecond == 64 << 20)
        let set = try parse("[source]\nroot = \"x\"\n[store]\ncompaction_bytes_per_second = 0\n")
        #expect(set.store.compactionBytesPerSecond == 0)
        for (value, message) in [("-1", "use 0 (unlimited)"), ("\"64MiB\"", "expected an integer")] {
            let bad = try #require(error("[source]\nroot = \"x\"\n\n[store]\ncompaction_bytes_per_second = \(value)\n"))
            #expect(bad.code == .invalidValue)
            #expect(bad.line == 5)
            #expect(bad.description.contains("key 'store.compaction_bytes_per_second'"))
            #expect(bad.description.contains(message))
        }
    }

    @Test func parseLimitAndPipelineCollection() throws {
        let defaults = try parse("[source]\nroot = \"x\"\n")
        #expect(defaults.parse.maxInputBytes == 256 * 1024 * 1024)
        let set = try parse(
            "[pipeline]\ncollection = \"tenk\"\n[source]\nroot = \"x\"\n[parse]\nmax_input_bytes = 1048576\n"
        )
        #expect(set.parse.maxInputBytes == 1_048_576)
        #expect(set.store.collection == "tenk")
        let small = try #require(error("[source]\nroot = \"x\"\n[parse]\nmax_input_bytes = 10\n"))
        #expect(small.key == "parse.max_input_bytes")
        #expect(small.line == 4)
        let unknown = try #require(error("[source]\nroot = \"x\"\n[parse]\nstrict = true\n"))
        #expect(unknown.key == "parse.strict")
        let both = try #require(
            error("[pipeline]\ncollection = \"a\"\n[source]\nroot = \"x\"\n[store]\ncollection = \"b\"\n")
        )
        #expect(both.key == "pipeline.collection")
        #expect(both.description.contains("differs from [store] collection 'b'"))
    }

    @Test func miniLMBatchSizeAndThreads() throws {
        let set = try parse("[source]\nroot = \"x\"\n[embedder]\nbatch_size = 16\nthreads = 2\n")
        #expect(set.embedder.batchSize == 16 && set.embedder.threads == 2)
        #expect(try parse("[source]\nroot = \"x\"\n").embedder.batchSize == nil)
        let big = try #require(error("[source]\nroot = \"x\"\n[embedder]\nbatch_size = 4096\n"))
        #expect(big.key == "embedder.batch_size" && big.line == 4)
        let hashing = try #require(error("[source]\nroot = \"x\"\n[embedder]\nprovider = \"hashing\"\nthreads = 2\n"))
        #expect(hashing.key == "embedder.threads")
        #expect(hashing.description.contains("only the minilm provider takes threads"))
    }

    @Test func wrongTypesAndRangesAreReported() throws {
        let type = try #require(error("[source]\nroot = 5\n"))
        #expect(type.code == .invalidValue)
        #expect(type.key == "source.root")
        #expect(type.line == 2)
        let range = try #require(error("[source]\nroot = \"x\"\n[embedder]\ndimension = 3\n"))
        #expect(range.key == "embedder.dimension")
        #expect(range.line == 4)
        let overlap = try #require(error("[source]\nroot = \"x\"\n[chunker]\nmax_tokens = 100\noverlap_tokens = 60\n"))
        #expect(overlap.key == "chunker.overlap_tokens")
        let small = try #require(error("[source]\nroot = \"x\"\n[chunker]\nmax_tokens = 8\n"))
        #expect(small.key == "chunker.max_tokens")
        #expect(small.line == 4)
        let provider = try #require(error("[source]\nroot = \"x\"\n[embedder]\nprovider = \"magic\"\n"))
        #expect(provider.key == "embedder.provider")
        let collection = try #require(error("[source]\nroot = \"x\"\n[store]\ncollection = \"../up\"\n"))
        #expect(collection.key == "store.collection")
    }

    @Test func characterSizedChunkKeysPointToTheTokenKeys() throws {
        let found = try #require(error("[source]\nroot = \"x\"\n\n[chunker]\nmax_chars = 1200\n"))
        #expect(found.code == .unknownKey)
        #expect(found.key == "chunker.max_chars")
        #expect(found.line == 5)
        #expect(found.message.contains("use max_tokens"))
        let overlap = try #require(error("[source]\nroot = \"x\"\n[chunker]\noverlap_chars = 200\n"))
        #expect(overlap.key == "chunker.overlap_chars")
        #expect(overlap.message.contains("overlap_tokens"))
    }

    @Test func missingSourceAndMissingFileAreReported() throws {
        #expect(error("[chunker]\nmax_tokens = 200\n")?.code == .missingKey)
        #expect(error("[source]\nkind = \"edgar-archive\"\n")?.key == "source.root")
        #expect(throws: ConfigError.self) { try PipelineDefinition.load(path: "/nonexistent/pipeline.toml") }
    }
}
