import SECModel

/// Writes `parse --json --facts` facts byte for byte as `JSONEncoder` with `.prettyPrinted`,
/// `.sortedKeys` and `.withoutEscapingSlashes` writes them inside the document's `facts` array
/// (each fact two levels deep), without the encoder: it built a container per value and was most
/// of a whole-process parse. `ParseJSONStreamingTests` compares the two.
struct FactJSONWriter {
    /// The JSON written so far, UTF-8.
    private(set) var bytes: [UInt8] = []

    /// Empties the buffer, keeping its capacity.
    mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one fact as an element of the document's `facts` array: `    {` … `    }`, with no
    /// separator after it.
    mutating func append(_ fact: ParseJSON.FactOutput) {
        bytes.append(contentsOf: "    {\n".utf8)
        // Members in the encoder's sorted-key order; absent optionals are left out, as it does.
        var first = true
        member("concept", &first) { $0.string(fact.concept) }
        member("contextRef", &first) { $0.string(fact.contextRef) }
        if let decimals = fact.decimals { member("decimals", &first) { $0.string(decimals) } }
        member("dimensions", &first) { $0.dimensions(fact.dimensions) }
        member("entity", &first) { writer in
            writer.object([("identifier", fact.entity.identifier), ("scheme", fact.entity.scheme)])
        }
        if let footnotes = fact.footnotes { member("footnotes", &first) { $0.array(footnotes) } }
        if let id = fact.id { member("id", &first) { $0.string(id) } }
        member("namespace", &first) { $0.string(fact.namespace) }
        member("nil", &first) { $0.bool(fact.nil) }
        member("numeric", &first) { $0.bool(fact.numeric) }
        member("period", &first) { $0.period(fact.period) }
        if let unit = fact.unit { member("unit", &first) { $0.string(unit) } }
        if let value = fact.value { member("value", &first) { $0.string(value) } }
        bytes.append(contentsOf: "\n    }".utf8)
    }

    /// The separator between two facts of the array.
    mutating func appendSeparator() { bytes.append(contentsOf: ",\n".utf8) }

    /// `,\n` before all but the first member, the member's key at the fact's member depth, its value.
    private mutating func member(_ key: StaticString, _ first: inout Bool, value: (inout FactJSONWriter) -> Void) {
        if !first { bytes.append(contentsOf: ",\n".utf8) }
        first = false
        bytes.append(contentsOf: Self.memberIndent)
        bytes.append(0x22)
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(contentsOf: "\" : ".utf8)
        value(&self)
    }

    private mutating func string(_ text: String) {
        bytes.append(0x22)
        JSONStringEscaper.append(text, to: &bytes)
        bytes.append(0x22)
    }

    private mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Axis → member, keys sorted as the encoder sorts them; `{\n\n      }` when empty.
    private mutating func dimensions(_ dimensions: [String: String]) {
        object(dimensions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// An object of string members nested in a fact, `pairs` already in key order.
    private mutating func object(_ pairs: [(key: String, value: String)]) {
        guard !pairs.isEmpty else { return bytes.append(contentsOf: "{\n\n      }".utf8) }
        bytes.append(contentsOf: "{\n".utf8)
        for (index, pair) in pairs.enumerated() {
            if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
            bytes.append(contentsOf: Self.nestedIndent)
            string(pair.key)
            bytes.append(contentsOf: " : ".utf8)
            string(pair.value)
        }
        bytes.append(contentsOf: "\n      }".utf8)
    }

    private mutating func array(_ texts: [String]) {
        guard !texts.isEmpty else { return bytes.append(contentsOf: "[\n\n      ]".utf8) }
        bytes.append(contentsOf: "[\n".utf8)
        for (index, text) in texts.enumerated() {
            if index > 0 { bytes.append(contentsOf: ",\n".utf8) }
            bytes.append(contentsOf: Self.nestedIndent)
            string(text)
        }
        bytes.append(contentsOf: "\n      ]".utf8)
    }

    /// `XBRLPeriod`'s encoding: `{instant}`, `{end, start}` (sorted) or `{forever: true}`.
    private mutating func period(_ period: XBRLPeriod) {
        switch period {
        case .instant(let date):
            object([("instant", date)])
        case .duration(let start, let end):
            object([("end", end), ("start", start)])
        case .forever:
            bytes.append(contentsOf: "{\n".utf8)
            bytes.append(contentsOf: Self.nestedIndent)
            bytes.append(contentsOf: "\"forever\" : true\n      }".utf8)
        }
    }

    /// A fact's members sit three levels deep in the document, their own members four.
    private static let memberIndent = [UInt8](repeating: 0x20, count: 6)
    private static let nestedIndent = [UInt8](repeating: 0x20, count: 8)
}
