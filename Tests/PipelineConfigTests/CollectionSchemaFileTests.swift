import Foundation
import PipelineConfig
import SECDocuments
import Testing
import VectorStore

/// `config/sec-collection.toml` is the SEC schema the store builds in; schema files with mistakes
/// are reported as FILE:LINE: key 'KEY': message.
@Suite struct CollectionSchemaFileTests {
    static let secFile = "sec-collection.toml"
    static let config = PipelineDefinitionTests.repo.appendingPathComponent("config")

    private func error(_ text: String) -> ConfigError? {
        do {
            _ = try CollectionSchema.parse(text, file: "/tmp/c/schema.toml", embedderDimension: 8)
            return nil
        } catch {
            return error
        }
    }

    @Test func theShippedSECSchemaEqualsTheBuiltInOne() throws {
        for dimension in [16, 384] {
            let schema = try CollectionSchema.load(
                path: Self.config.appendingPathComponent(Self.secFile).path,
                embedderDimension: dimension
            )
            #expect(schema == .secFilings(dimension: dimension))
            try schema.checkHoldsSECChunks()
        }
    }

    /// A schema file copied before `document_type` was appended is refused for SEC chunks with a
    /// message naming the field (collections created with it evolve; see PipelineTests).
    @Test func aSchemaFileWithoutDocumentTypeIsRefusedNamingTheField() throws {
        let text = try String(contentsOf: Self.config.appendingPathComponent(Self.secFile), encoding: .utf8)
        let cut = try #require(text.range(of: "\n# Appended after the first release"))
        let old = try CollectionSchema.parse(
            String(text[..<cut.lowerBound]),
            file: "/tmp/old.toml",
            embedderDimension: 8
        )
        #expect(old.fields.count == CollectionSchema.secFilings(dimension: 8).fields.count - 1)
        #expect(throws: StoreError.self) { try old.checkHoldsSECChunks() }
        do {
            try old.checkHoldsSECChunks()
        } catch {
            #expect(error.description.contains("'document_type'"))
        }
    }

    @Test func everyConfigFileHasALoader() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.config.path).sorted()
        // vectordb.toml: ServiceSettingsTests; storage.toml: StorageSettingsTests.
        #expect(
            files == ["edgar.toml", Self.secFile, "storage.toml", "vectordb.toml"],
            "add a loading test for each new file in config/"
        )
    }

    @Test func aSmallSchemaParses() throws {
        let schema = try CollectionSchema.parse(
            """
            [collection]
            primary_key = "sku"
            text_field = "name"

            [[vector]]
            name = "image"
            dimension = 4
            metric = "l2"

            [[field]]
            name = "name"
            type = "string"
            required = true

            [[field]]
            name = "launched"
            type = "date"
            default = "2020-01-01"

            [[field]]
            name = "tags"
            type = "string_array"
            default = ["new"]
            fold_case = true
            """,
            file: "/tmp/c/schema.toml",
            embedderDimension: 8
        )
        #expect(schema.primaryKey == "sku" && schema.textField == "name")
        #expect(schema.vectors == [VectorFieldDefinition(name: "image", dimension: 4, metric: .l2)])
        #expect(schema.fields.map(\.name) == ["name", "launched", "tags"])
        #expect(schema.fields[1].defaultValue == .date(try #require(CalendarDate("2020-01-01"))))
        #expect(schema.fields[2].defaultValue == .stringArray(["new"]) && schema.fields[2].foldCase)
    }

    @Test func mistakesNameFileLineAndKey() {
        let head = "[collection]\ntext_field = \"text\"\n\n[[vector]]\nname = \"v\"\n\n"
        // Line numbers: the [[field]] tables start at line 7.
        let cases: [(String, String)] = [
            (
                head + "[[field]]\nname = \"text\"\ntype = \"text\"\n",
                "/tmp/c/schema.toml:9: key 'field[0].type': unknown type 'text'"
            ),
            (
                head + "[[field]]\nname = \"text\"\ntype = \"string\"\ncolour = 1\n",
                "/tmp/c/schema.toml:10: key 'field[0].colour': unknown key"
            ),
            (
                head
                    + "[[field]]\nname = \"text\"\ntype = \"string\"\n\n[[field]]\nname = \"text\"\ntype = \"int64\"\n",
                "/tmp/c/schema.toml:12: key 'field[1].name': field 'text': schema: name is declared twice"
            ),
            (
                head
                    + "[[field]]\nname = \"text\"\ntype = \"string\"\n\n[[field]]\nname = \"n\"\ntype = \"int64\"\ndefault = \"x\"\n",
                "/tmp/c/schema.toml:14: key 'field[1].default': expected a int64"
            ),
            (
                head + "[[field]]\nname = \"body\"\ntype = \"string\"\n",
                "/tmp/c/schema.toml:2: key 'collection.text_field'"
            ),
            (
                "[collection]\n[[vector]]\nname = \"v\"\nmetric = \"hamming\"\n",
                "/tmp/c/schema.toml:4: key 'vector[0].metric'"
            ),
            (
                "[collection]\ntext_analyzer = \"porter\"\n[[vector]]\nname = \"v\"\n",
                "/tmp/c/schema.toml:2: key 'collection.text_analyzer': expected one of \"plural\", \"english\", found \"porter\""
            ),
            ("[[vector]]\nname = \"v\"\n", "/tmp/c/schema.toml: key 'collection'"),
            ("[collection\n", "/tmp/c/schema.toml:1: "),
        ]
        for (text, expected) in cases {
            let description = error(text)?.description ?? "no error"
            #expect(description.hasPrefix(expected) || description.contains(expected), "\(description)")
        }
    }
}
