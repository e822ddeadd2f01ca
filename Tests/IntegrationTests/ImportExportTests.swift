import Foundation
import Pipeline
import Testing
import VectorStore

/// `vectordb import` / `export jsonl`: batches, bad lines named by line and field, dimension
/// refusal, text embedded with the recorded embedder, and export → import round trips.
@Suite struct ImportExportTests {
    static let dimension = 16

    static var schema: CollectionSchema {
        CollectionSchema(
            primaryKey: "sku",
            fields: [
                FieldDefinition(name: "name", type: .string, required: true),
                FieldDefinition(name: "price", type: .double),
                FieldDefinition(name: "stock", type: .int64),
                FieldDefinition(name: "launched", type: .date),
                FieldDefinition(name: "sale", type: .bool),
                FieldDefinition(name: "tags", type: .stringArray),
            ],
            vectors: [VectorFieldDefinition(name: "image", dimension: dimension, metric: .cosine)],
            textField: "name"
        )
    }

    /// A collection recorded as written by the hashing embedder, so `text` lines embed without model files.
    static func collection(in root: URL) async throws -> (StoreEngine, LocalCollection) {
        let engine = StoreEngine(root: root)
        let model = "hashing-unigram-bigram-\(dimension)"
        let info = CollectionInfo(
            name: "products",
            embeddingModel: model,
            schema: schema,
            embedder: EmbedderRecord(provider: "hashing", model: model, dimension: dimension)
        )
        return (engine, try await engine.openOrCreate(info))
    }

    /// A unit vector of `dimension` components, seeded by `index`, exact in JSON.
    static func vector(_ index: Int) -> [Float] {
        var vector = [Float](repeating: 0, count: dimension)
        vector[index % dimension] = 1
        return vector
    }

    static func line(_ index: Int, extra: String = "") -> String {
        let components = vector(index).map { $0 == 0 ? "0" : "1" }.joined(separator: ",")
        return """
            {"id":"sku-\(index)","fields":{"name":"product \(index)","price":\(index).5,"stock":\(index),\
            "launched":"2024-01-\(String(format: "%02d", 1 + index % 28))","sale":\(index % 2 == 0),\
            "tags":["t\(index % 3)"]},"vector":[\(components)]\(extra)}
            """
    }

    static func write(_ lines: [String], to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    @Test func exportThenImportRoundTripsEveryDocument() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (engine, collection) = try await Self.collection(in: root)
        let input = root.appendingPathComponent("in.jsonl")
        try Self.write((0..<25).map { Self.line($0) } + ["", #"{"id":"by-text","text":"wafer supply"}"#], to: input)
        var seen: [Int] = []
        let progress = try await DocumentImporter(collection: collection, batchSize: 10).run(path: input.path) {
            seen.append($0.linesImported)
        }
        #expect(progress.linesImported == 26)
        #expect(progress.linesEmbedded == 1)
        #expect(seen == [10, 20, 26])
        #expect(await collection.count == 26)
        let byText = await collection.readSnapshot().documents().first { $0.id == "by-text" }
        #expect(byText?.fields["name"] == .string("wafer supply"))
        #expect(byText?.vectors["image"]?.count == Self.dimension)

        let exported = root.appendingPathComponent("out.jsonl")
        #expect(try DocumentExporter.export(try await engine.snapshot(of: "products"), to: exported.path) == 26)
        // Into a second collection of the same schema: the same documents, vectors included.
        let copyRoot = root.appendingPathComponent("copy")
        let (copyEngine, copy) = try await Self.collection(in: copyRoot)
        _ = try await DocumentImporter(collection: copy).run(path: exported.path)
        let original = try await engine.snapshot(of: "products").documents().sorted { $0.id < $1.id }
        let copied = try await copyEngine.snapshot(of: "products").documents().sorted { $0.id < $1.id }
        #expect(copied == original)
        #expect(
            original.first { $0.id == "sku-3" }?.fields["launched"] == .date(try #require(CalendarDate("2024-01-04")))
        )
        await engine.shutdown()
        await copyEngine.shutdown()
    }

    @Test func aBadLineIsNamedAndItsBatchIsNotWritten() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (engine, collection) = try await Self.collection(in: root)
        let cases: [(line: String, field: String?, message: String)] = [
            (#"{"id":"x","fields":{"name":"n","price":"cheap"},"vector":[1]}"#, "price", "expected a number"),
            (#"{"id":"x","fields":{"name":"n","colour":"red"},"vector":[1]}"#, "colour", "no such field"),
            (#"{"id":"x","fields":{"name":"n"}}"#, "vector", "either a vector or a text"),
            (#"{"id":"x","fields":{"name":"n"},"vectr":[1]}"#, "vectr", "unknown key"),
            (#"{"fields":{"name":"n"},"vector":[1]}"#, "id", "non-empty string id"),
            (#"{"id":"x","fields":{"name":"n"}"#, nil, "not valid JSON"),
            (#"{"id":"x","fields":{"price":1},"vector":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}"#, "name", "required"),
            (#"{"id":"x","fields":{"name":"n"},"vector":[1,0,0]}"#, "image", "3 components, expected 16"),
            (#"{"id":"x","fields":{"name":"n","launched":"2024-13-01"},"text":"t"}"#, "launched", "not a date"),
        ]
        for (index, bad) in cases.enumerated() {
            let file = root.appendingPathComponent("bad-\(index).jsonl")
            // Lines 1-4 are batch 1 (written), lines 5-8 batch 2 holds the bad line 6 (not written).
            try Self.write((0..<5).map { Self.line($0) } + [bad.line] + (5..<7).map { Self.line($0) }, to: file)
            let error = await #expect(throws: ImportError.self) {
                try await DocumentImporter(collection: collection, batchSize: 4).run(path: file.path)
            }
            #expect(error?.line == 6, "\(bad.line)")
            #expect(error?.field == bad.field, "\(bad.line): \(String(describing: error))")
            #expect(error?.category == .badInput)
            #expect(error?.importedLines == 4)
            #expect(error?.description.contains(bad.message) == true, "\(String(describing: error))")
            #expect(error?.description.contains("bad-\(index).jsonl:6: ") == true)
            #expect(error?.description.contains("4 lines were imported before this batch") == true)
            let ids = Set(try await engine.snapshot(of: "products").documents().map(\.id))
            #expect(ids == Set((0..<4).map { "sku-\($0)" }), "\(bad.line)")
        }
        await engine.shutdown()
    }

    @Test func aFileOfAnotherDimensionIsRefusedBeforeAnythingIsWritten() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (engine, collection) = try await Self.collection(in: root)
        let file = root.appendingPathComponent("wide.jsonl")
        try Self.write(
            [
                #"{"id":"a","fields":{"name":"n"},"text":"words"}"#,
                #"{"id":"b","fields":{"name":"n"},"vector":[1,2,3]}"#,
            ],
            to: file
        )
        let error = await #expect(throws: ImportError.self) {
            try await DocumentImporter(collection: collection).run(path: file.path)
        }
        #expect(error?.category == .conflict)
        #expect(error?.line == 2)
        #expect(error?.description.contains("3 components but collection 'products' holds 16") == true)
        #expect(await collection.count == 0)
        await engine.shutdown()
    }

    @Test func theCommandLineReportsProgressStatusesAndRoundTrips() async throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (engine, _) = try await Self.collection(in: root)
        await engine.shutdown()
        let file = root.appendingPathComponent("in.jsonl")
        try Self.write((0..<5).map { Self.line($0) }, to: file)
        let imported = try Support.run([
            "import", file.path, "--collection", "products", "--data-dir", root.path, "--batch", "2",
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 5 documents into 'products' in 3 batches"))
        #expect(imported.stderr.contains("imported 4 lines (2 batches"))
        let out = root.appendingPathComponent("out.jsonl")
        let exported = try Support.run([
            "export", "jsonl", "--collection", "products", "--out", out.path, "--data-dir", root.path,
        ])
        #expect(exported.status == 0, "\(exported.stderr)")
        let lines = try String(contentsOf: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 5)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect((first["vector"] as? [Any])?.count == Self.dimension)

        let bad = root.appendingPathComponent("bad.jsonl")
        try Self.write([Self.line(9), #"{"id":"x","fields":{"name":7},"vector":[1]}"#], to: bad)
        let refused = try Support.run(["import", bad.path, "--collection", "products", "--data-dir", root.path])
        #expect(refused.status == 65, "bad input: \(refused.stderr)")
        #expect(
            refused.stderr.contains("bad.jsonl:2: field 'name': expected a string, found a number"),
            "\(refused.stderr)"
        )
        let missing = try Support.run(["import", bad.path, "--collection", "nope", "--data-dir", root.path])
        #expect(missing.status == 66, "not found: \(missing.stderr)")
        #expect(missing.stderr.contains("no collection 'nope'"))
    }
}

/// `vectordb import --schema` creates a collection of the user's own schema, then searches it.
@Suite struct ImportCreatesCollectionTests {
    static let schema = """
        [collection]
        primary_key = "sku"
        text_field = "name"
        [[vector]]
        name = "image"
        dimension = "embedder"
        metric = "cosine"
        [[field]]
        name = "name"
        type = "string"
        required = true
        [[field]]
        name = "price"
        type = "double"
        """

    @Test func aSchemaFileCreatesTheCollectionAndItsEmbedderIsRecorded() throws {
        let root = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let schema = root.appendingPathComponent("products.toml")
        try Data(Self.schema.utf8).write(to: schema)
        let pipeline = root.appendingPathComponent("embedder.toml")
        try Data("[source]\nroot = \"x\"\n[embedder]\nprovider = \"hashing\"\ndimension = 32\n".utf8).write(
            to: pipeline
        )
        let file = root.appendingPathComponent("products.jsonl")
        try ImportExportTests.write(
            [
                #"{"id":"k1","fields":{"price":19.5},"text":"red enamel kettle"}"#,
                #"{"id":"m1","fields":{"price":7},"text":"blue ceramic mug"}"#,
            ],
            to: file
        )
        let data = root.appendingPathComponent("data")
        let withoutEmbedder = try Support.run([
            "import", file.path, "--collection", "products", "--schema", schema.path, "--data-dir", data.path,
        ])
        #expect(withoutEmbedder.status == 65, "bad input: \(withoutEmbedder.stderr)")
        #expect(withoutEmbedder.stderr.contains("name the embedder with --pipeline"), "\(withoutEmbedder.stderr)")
        let imported = try Support.run([
            "import", file.path, "--collection", "products", "--schema", schema.path, "--pipeline", pipeline.path,
            "--data-dir", data.path,
        ])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 2 documents into 'products' in 1 batches (2 embedded from text)"))
        // Searched without naming the pipeline: the collection recorded the hashing embedder.
        let search = try Support.run(["search", "kettle", "--collection", "products", "--data-dir", data.path])
        #expect(search.status == 0, "\(search.stderr)")
        #expect(search.stdout.hasPrefix("1. ["), "\(search.stdout)")
        #expect(search.stdout.contains("k1"), "\(search.stdout)")
    }
}
