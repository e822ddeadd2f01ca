import FilingParser
import Foundation
import SECModel

/// The `parse --json` document (schema version 2; see docs/parse-output.md).
enum ParseJSON {
    /// Version 2 added `metadata`, `facts` and `warnings` (present with `--facts`) and the sections'
    /// `pointer` and `combinedItems`.
    static let schemaVersion = 2

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

    /// Writes the JSON document to `sink` piece by piece: each section's text is cut, encoded and
    /// written before the next is cut, and the facts are written a piece at a time, so a
    /// 200 MB filing never holds its whole output at once.
    /// The bytes equal a pretty-printed, key-sorted `JSONEncoder` encoding of the whole document.
    static func write(
        _ document: ParsedDocument,
        includeText: Bool,
        facts: XBRLFactSet? = nil,
        to sink: @escaping (Data) -> Void
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var members: [(key: String, write: () throws -> Void)] = []
        func member(_ key: String, _ value: some Encodable) {
            members.append((key, { sink(indented(try encoder.encode(value), depth: 1)) }))
        }
        member("characters", document.scalarCount)
        if let facts {
            members.append(("facts", { writeFacts(facts.facts, to: sink) }))
            member("factsPartial", facts.isPartial)
            member("metadata", facts.metadata)
            member("warnings", facts.warnings.map(\.description))
        }
        member("schemaVersion", schemaVersion)
        members.append(
            (
                "sections",
                {
                    guard !document.sections.isEmpty else { return sink(Data("[\n\n  ]".utf8)) }
                    sink(Data("[\n".utf8))
                    for (index, section) in document.sections.enumerated() {
                        let output = SectionOutput(
                            item: section.key,
                            title: section.title,
                            start: section.charStart,
                            end: section.charEnd,
                            text: "",
                            pointer: section.pointer,
                            combinedItems: section.combinedKeys
                        )
                        // The text is escaped straight from the canonical text into the output, never
                        // copied whole: one section of a 200 MB filing can be 100 MB.
                        let skeleton = indented(try encoder.encode(output), depth: 2)
                        let split =
                            skeleton.range(of: Data(textPlaceholder.utf8)) ?? skeleton.endIndex..<skeleton.endIndex
                        sink(Data("    ".utf8))
                        sink(skeleton[..<split.lowerBound])
                        if !split.isEmpty {
                            sink(Data("\"text\" : \"".utf8))
                            JSONStringEscaper.write(
                                document.slice(charStart: section.charStart, charEnd: section.charEnd),
                                to: sink
                            )
                            sink(Data("\"".utf8))
                        }
                        sink(skeleton[split.upperBound...])
                        sink(Data((index + 1 < document.sections.count ? ",\n" : "\n").utf8))
                    }
                    sink(Data("  ]".utf8))
                }
            )
        )
        if includeText {
            members.append(
                (
                    "text",
                    {
                        sink(Data("\"".utf8))
                        JSONStringEscaper.write(document.canonicalText[...], to: sink)
                        sink(Data("\"".utf8))
                    }
                )
            )
        }
        sink(Data("{\n".utf8))
        for (index, entry) in members.sorted(by: { $0.key < $1.key }).enumerated() {
            sink(Data("  \"\(entry.key)\" : ".utf8))
            try entry.write()
            sink(Data((index + 1 < members.count ? ",\n" : "\n").utf8))
        }
        sink(Data("}".utf8))
    }

    /// How the encoder writes an empty `text`; found only as the key (inside a string value the
    /// quotes would be escaped).
    private static let textPlaceholder = "\"text\" : \"\""

    /// `json` with every line after the first indented by `depth` levels of two spaces, as
    /// `JSONEncoder` would indent it nested that deep.
    private static func indented(_ json: Data, depth: Int) -> Data {
        let indent = [UInt8](repeating: 0x20, count: 2 * depth)
        // Line by line over the raw bytes into an array: per byte, `Data`'s iterator costs more than
        // the copying, and per line `Data.append` more than `Array.append`.
        let result = json.withUnsafeBytes { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(json.count + json.count / 8)
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                // Blank lines (an empty array's `[\n\n]`) stay blank, as the encoder writes them.
                if start > 0 && bytes[start] != 0x0A { result.append(contentsOf: indent) }
                result.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
            return result
        }
        return Data(result)
    }
}
