import Foundation
import SECModel

extension ParseJSON {
    /// Writes `facts` as the document's `facts` member (one level deep), as `JSONEncoder` would
    /// (`FactJSONWriter`), handing `sink` about `JSONStringEscaper.pieceBytes` at a time: the 380,000
    /// facts of a 200 MB filing make about 225 MB of JSON, never held whole.
    static func writeFacts(_ facts: [XBRLFact], to sink: (Data) -> Void) {
        guard !facts.isEmpty else { return sink(Data("[\n\n  ]".utf8)) }
        sink(Data("[\n".utf8))
        var writer = FactJSONWriter()
        for (index, fact) in facts.enumerated() {
            writer.append(FactOutput(fact))
            if index + 1 < facts.count { writer.appendSeparator() }
            if writer.bytes.count >= JSONStringEscaper.pieceBytes || index + 1 == facts.count {
                sink(Data(writer.bytes))
                writer.reset()
            }
        }
        sink(Data("\n  ]".utf8))
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
