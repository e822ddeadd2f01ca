import FilingParser
import Foundation
import SECModel

/// The `parse --json` document (schema version 2; see docs/parse-output.md).
enum ParseJSON {
    /// Version 2 added `metadata`, `facts` and `warnings` (present with `--facts`) and the sections'
    /// `pointer` and `combinedItems`.
    static let schemaVersion = 2

    struct Output: Encodable {
        var schemaVersion = ParseJSON.schemaVersion
        var characters: Int
        var sections: [SectionOutput]
        var text: String?
        var metadata: FilingFacts?
        var facts: [FactOutput]?
        var factsPartial: Bool?
        var warnings: [String]?
    }

    struct SectionOutput: Encodable {
        var item: String
        var title: String
        var start: Int
        var end: Int
        var text: String
        /// Present when the item is incorporated by reference: the text that points elsewhere.
        var pointer: String?
        /// Present for a combined heading: every item key covered.
        var combinedItems: [String]?
    }

    /// The JSON document as UTF-8 bytes, ready for stdout (no `String` round trip: on a 200 MB filing
    /// each extra copy of the output costs hundreds of megabytes).
    static func render(_ document: ParsedDocument, includeText: Bool, facts: XBRLFactSet? = nil) throws -> Data {
        let output = Output(
            characters: document.scalarCount,
            sections: document.sections.map {
                SectionOutput(
                    item: $0.key,
                    title: $0.title,
                    start: $0.charStart,
                    end: $0.charEnd,
                    text: document.text(charStart: $0.charStart, charEnd: $0.charEnd),
                    pointer: $0.pointer,
                    combinedItems: $0.combinedKeys
                )
            },
            text: includeText ? document.canonicalText : nil,
            metadata: facts?.metadata,
            facts: facts?.facts.map(FactOutput.init),
            factsPartial: facts?.isPartial,
            warnings: facts?.warnings.map(\.description)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(output)
    }
}
