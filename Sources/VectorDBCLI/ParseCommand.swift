import ArgumentParser
import FilingParser
import Foundation
import SECModel

/// `vectordb parse FILE`: the canonical text and item sections of one filing document.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse an HTML or inline-XBRL filing and print its sections (or its text).",
        discussion: "Offsets count Unicode scalars in the canonical text (the same unit as a Python str index)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The filing document (.htm, .html).")
    var file: String

    @Option(name: .long, help: "Form type (10-K, 10-Q, 8-K …); guessed from the cover page when absent.")
    var form: String?

    @Flag(name: .long, help: "Print JSON: {sections: [{item, title, start, end, text}], text}.")
    var json = false

    @Flag(name: .long, help: "List the sections (the default when --text is not given).")
    var sections = false

    @Flag(name: .long, help: "Print the canonical text.")
    var text = false

    func run() async throws {
        LogSetup.bootstrap(global)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure("\(file): no such file or not readable")
        }
        let document: ParsedDocument
        do {
            document = try HTMLFilingParser().parse([UInt8](data), form: form.map { FormType($0) }, source: file)
        } catch {
            throw CLIFailure(error.description)
        }
        if json {
            Terminal.write(try ParseJSON.render(document, includeText: text))
            return
        }
        if text { Terminal.write(document.canonicalText) }
        if sections || !text {
            for section in document.sections {
                let length = section.charEnd - section.charStart
                Terminal.write(
                    "\(section.key)\t\(section.charStart)-\(section.charEnd)\t\(length) chars\t\(section.title)"
                )
            }
        }
    }
}

/// The `parse --json` document (schema version 1).
enum ParseJSON {
    struct Output: Encodable {
        var schemaVersion = 1
        var characters: Int
        var sections: [SectionOutput]
        var text: String?
    }

    struct SectionOutput: Encodable {
        var item: String
        var title: String
        var start: Int
        var end: Int
        var text: String
    }

    static func render(_ document: ParsedDocument, includeText: Bool) throws -> String {
        let output = Output(
            characters: document.scalarCount,
            sections: document.sections.map {
                SectionOutput(
                    item: $0.key,
                    title: $0.title,
                    start: $0.charStart,
                    end: $0.charEnd,
                    text: document.text(charStart: $0.charStart, charEnd: $0.charEnd)
                )
            },
            text: includeText ? document.canonicalText : nil
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
