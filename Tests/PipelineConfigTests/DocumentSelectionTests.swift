import PipelineConfig
import Testing

/// `[source] documents`: the globs on document types, and the config errors of bad entries.
@Suite struct DocumentSelectionTests {
    @Test func globsMatchTheWholeTypeIgnoringCase() {
        let selection = DocumentSelection(["primary", "EX-99*", "ex-13?"])
        #expect(selection.includesPrimary && selection.includesExhibits)
        for type in ["EX-99", "EX-99.1", "ex-99.2", "EX-99.CERT", "EX-13A"] {
            #expect(selection.selects(exhibitType: type), "\(type)")
        }
        for type in ["EX-9", "EX-13", "EX-13.12", "EX-1.1", "EX-4.1", "GRAPHIC", "8-K", "XEX-99.1"] {
            #expect(!selection.selects(exhibitType: type), "\(type)")
        }
        let every = DocumentSelection(["EX-*"])
        #expect(!every.includesPrimary)
        #expect(every.selects(exhibitType: "EX-101.INS") && every.selects(exhibitType: "EX-FILING FEES"))
        let inner = DocumentSelection(["EX-*.1"])
        #expect(inner.selects(exhibitType: "EX-99.1") && inner.selects(exhibitType: "EX-10.1"))
        #expect(!inner.selects(exhibitType: "EX-99.12"))
        #expect(DocumentSelection(["EX-1*1*"]).selects(exhibitType: "EX-10.1"))
        #expect(!DocumentSelection(["primary"]).includesExhibits)
    }

    @Test func theDefaultIsThePrimaryDocumentAndEX99() throws {
        let definition = try PipelineDefinition.parse("[source]\nroot = \"x\"\n", file: "/tmp/p/test.toml")
        #expect(definition.source.documents == .default)
        #expect(definition.source.documents.entries == ["primary", "EX-99*"])
        #expect(definition.source.documents.selects(exhibitType: "EX-99.1"))
        #expect(!definition.source.documents.selects(exhibitType: "EX-13"))
        let listed = try PipelineDefinition.parse(
            "[source]\nroot = \"x\"\ndocuments = [\"primary\", \"EX-99*\", \"EX-13*\"]\n",
            file: "/tmp/p/test.toml"
        )
        #expect(listed.source.documents.entries == ["primary", "EX-99*", "EX-13*"])
        #expect(listed.source.documents.selects(exhibitType: "EX-13"))
    }

    @Test(arguments: [
        (#"["primary", "10-K"]"#, "'10-K' is not a document selector"),
        (#"["exhibits"]"#, "'exhibits' is not a document selector"),
        (#"["EX*"]"#, "'EX*' is not a document selector"),
        (#"["EX-"]"#, "'EX-' is not a document selector"),
        (#"["EX-99[1]"]"#, "'EX-99[1]' is not a document selector"),
        (#"[]"#, "select at least one document"),
        (#"["primary", 99]"#, "expected an array of strings"),
        (#""primary""#, "expected an array of strings"),
    ])
    func badEntriesAreConfigErrorsWithFileLineAndKey(value: String, message: String) throws {
        do {
            _ = try PipelineDefinition.parse(
                "[pipeline]\nname = \"p\"\n[source]\nroot = \"x\"\ndocuments = \(value)\n",
                file: "/tmp/p/test.toml"
            )
            Issue.record("\(value) was accepted")
        } catch {
            #expect(error.code == .invalidValue)
            #expect(error.key == "source.documents")
            #expect(error.line == 5)
            #expect(error.description.hasPrefix("/tmp/p/test.toml:5: key 'source.documents': "))
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func aMisspelledKeyIsUnknown() throws {
        do {
            _ = try PipelineDefinition.parse(
                "[source]\nroot = \"x\"\ndocument = [\"primary\"]\n",
                file: "/tmp/p/t.toml"
            )
            Issue.record("accepted")
        } catch {
            #expect(error.code == .unknownKey)
            #expect(error.key == "source.document")
            #expect(error.message.contains("documents"))
        }
    }
}
