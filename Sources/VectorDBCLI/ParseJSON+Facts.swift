import Foundation
import SECModel

extension ParseJSON {
    /// Facts encoded per `JSONEncoder` call: enough to spread the encoder's set-up cost, few enough
    /// that one chunk's JSON stays under a megabyte.
    static let factsPerChunk = 1_024

    /// Writes `facts` as the document's `facts` member (one level deep), `factsPerChunk` facts per
    /// encoding: the bytes of encoding the whole array, without its JSON held whole (the 380,000
    /// facts of a 200 MB filing encode to about 225 MB, which was held encoded, indented and copied).
    static func writeFacts(_ facts: [XBRLFact], encoder: JSONEncoder, to sink: (Data) -> Void) throws {
        guard !facts.isEmpty else { return sink(Data("[\n\n  ]".utf8)) }
        sink(Data("[\n".utf8))
        var start = 0
        while start < facts.count {
            let end = min(start + factsPerChunk, facts.count)
            let json = try encoder.encode(facts[start..<end].map(FactOutput.init))
            // `[\n  {…},\n  {…}\n]`: the elements without the brackets and their newlines, whose
            // first line is indented here and the others by `indented`.
            sink(Data("  ".utf8))
            sink(indented(json.dropFirst(2).dropLast(2), depth: 1))
            sink(Data((end < facts.count ? ",\n" : "\n").utf8))
            start = end
        }
        sink(Data("  ]".utf8))
    }

    /// One fact in `parse --facts --json` output.
    struct FactOutput: Encodable {
        /// `prefix:localName`.
        var concept: String
        /// The concept's namespace URI.
        var namespace: String
        /// Absent when `nil` is true.
        var value: String?
        var `nil`: Bool
        var numeric: Bool
        /// `iso4217:USD`, `iso4217:USD/xbrli:shares`; absent for non-numeric facts.
        var unit: String?
        var decimals: String?
        var period: XBRLPeriod
        var entity: XBRLEntity
        /// Axis → member (typed members: their text).
        var dimensions: [String: String]
        var contextRef: String
        var id: String?
        var footnotes: [String]?

        init(_ fact: XBRLFact) {
            concept = fact.concept.description
            namespace = fact.concept.namespace
            value = fact.value
            self.nil = fact.isNil
            numeric = fact.isNumeric
            unit = fact.unit?.description
            decimals = fact.decimals
            period = fact.period
            entity = fact.entity
            dimensions = Dictionary(
                fact.dimensions.map { ($0.axis.description, $0.member) },
                uniquingKeysWith: { a, _ in a }
            )
            contextRef = fact.contextID
            id = fact.id
            footnotes = fact.footnotes.isEmpty ? nil : fact.footnotes
        }

        /// `concept  period  dimensions  unit  value` for the plain-text listing.
        var tabSeparated: String {
            let when: String
            switch period {
            case .instant(let date): when = date
            case .duration(let start, let end): when = "\(start)..\(end)"
            case .forever: when = "forever"
            }
            let axes = dimensions.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            let shown = value.map { $0.count > 80 ? String($0.prefix(77)) + "..." : $0 } ?? "(nil)"
            return [concept, when, axes, unit ?? "", shown.replacingOccurrences(of: "\n", with: " ")].joined(
                separator: "\t"
            )
        }
    }
}
