import Foundation
import PipelineConfig
import Testing

/// The `[embedder]` table: providers, the MiniLM model directory and precision.
@Suite struct EmbedderSettingsTests {
    private func parse(_ text: String) throws(ConfigError) -> PipelineDefinition {
        try PipelineDefinition.parse("[source]\nroot = \"x\"\n[embedder]\n" + text, file: "/tmp/p/test.toml")
    }

    @Test func minilmWithoutModelDirUsesTheDefault() throws {
        let definition = try parse("provider = \"minilm\"\n")
        #expect(definition.embedder.provider == "minilm")
        #expect(definition.embedder.dimension == 384)
        #expect(definition.embedder.modelDirectory == nil)
    }

    @Test func modelDirResolvesAgainstTheFilesDirectory() throws {
        let definition = try parse("provider = \"minilm\"\nmodel_dir = \"../models/bert\"\n")
        #expect(definition.embedder.modelDirectory?.path == "/tmp/models/bert")
        let absolute = try parse("provider = \"minilm\"\nmodel_dir = \"/opt/bert\"\n")
        #expect(absolute.embedder.modelDirectory?.path == "/opt/bert")
    }

    @Test func modelDirWithAnotherProviderIsRejected() {
        #expect(throws: ConfigError.self) { try parse("provider = \"hashing\"\nmodel_dir = \"m\"\n") }
        do {
            _ = try parse(
                "provider = \"openai\"\nbase_url = \"http://127.0.0.1:1\"\nmodel = \"e\"\nmodel_dir = \"m\"\n"
            )
            Issue.record("model_dir with provider = \"openai\" was accepted")
        } catch {
            #expect(error.key == "embedder.model_dir")
        }
    }

    @Test func modelDirAloneIsTheDefaultMiniLMs() throws {
        let definition = try parse("model_dir = \"m\"\n")
        #expect(definition.embedder.provider == "minilm")
        #expect(definition.embedder.modelDirectory?.lastPathComponent == "m")
    }

    @Test func precisionDefaultsToAutoAndTakesTheThreeValues() throws {
        #expect(try parse("provider = \"minilm\"\n").embedder.precision == "auto")
        for value in ["auto", "float32", "bfloat16"] {
            #expect(try parse("provider = \"minilm\"\nprecision = \"\(value)\"\n").embedder.precision == value)
        }
    }

    @Test func aBadPrecisionNamesTheKeyAndLine() {
        for text in [
            "provider = \"minilm\"\nprecision = \"fp16\"\n", "provider = \"hashing\"\nprecision = \"float32\"\n",
        ] {
            do {
                _ = try parse(text)
                Issue.record("accepted: \(text)")
            } catch {
                #expect(error.key == "embedder.precision")
                #expect(error.line == 5)
            }
        }
    }
}
