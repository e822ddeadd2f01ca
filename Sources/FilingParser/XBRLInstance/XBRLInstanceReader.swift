import SECModel

/// Reads the facts of an XBRL 2.1 instance document (`.xml`, the `_htm.xml` EDGAR extracts from
/// inline filings) into the same model as `InlineXBRLReader`: items with their contexts and units,
/// items inside tuples, and footnotes from `link:footnoteLink`.
public struct XBRLInstanceReader: Sendable {
    /// Inputs larger than this are refused, in bytes.
    public var maxInputBytes: Int

    public init(maxInputBytes: Int = 256 * 1024 * 1024) {
        self.maxInputBytes = maxInputBytes
    }

    /// `true` when the first element of the document (after the XML declaration and comments) is
    /// `xbrl` (any prefix) and the instance namespace is declared.
    public static func looksLikeInstance(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        guard head.contains(XBRLNamespace.instance) else { return false }
        var rest = head[...]
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                rest = after.drop { $0 != ">" }
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.split(separator: ":").last == "xbrl"
        }
        return false
    }

    /// Reads every fact.
    ///
    /// - Throws: `ParseError` `.tooLarge`, `.malformed`, or `.notXBRL` when the root is not
    ///   `xbrli:xbrl`.
    public func read(_ bytes: [UInt8], source: String) throws(ParseError) -> XBRLFactSet {
        guard bytes.count <= maxInputBytes else {
            throw ParseError(
                code: .tooLarge,
                source: source,
                message: "document is \(bytes.count) bytes, the limit is \(maxInputBytes)"
            )
        }
        let tree = try XMLTree(bytes: bytes, source: source)
        guard let root = tree.root, root.localName == "xbrl", root.namespaceURI == XBRLNamespace.instance else {
            throw ParseError(code: .notXBRL, source: source, message: "the root element is not xbrli:xbrl")
        }
        return read(root: root, recovered: tree.recovered)
    }

    /// Reads the facts under an `xbrli:xbrl` element (also used for `<XBRL>` parts of submissions).
    func read(root: XMLElement, recovered: Bool) -> XBRLFactSet {
        var contexts: [String: XBRLContext] = [:]
        var units: [String: XBRLUnit] = [:]
        var items: [XMLElement] = []
        var footnoteLinks: [XMLElement] = []
        var warnings: [XBRLWarning] = []
        for child in root.childElements {
            switch (child.namespaceURI, child.localName) {
            case (XBRLNamespace.instance, "context"):
                if let id = child.attribute("id"), let context = XBRLContext(child) { contexts[id] = context }
            case (XBRLNamespace.instance, "unit"):
                if let unit = XBRLUnit(child) { units[unit.id] = unit }
            case (XBRLNamespace.link, "footnoteLink"):
                footnoteLinks.append(child)
            case (XBRLNamespace.link, _):
                continue
            default:
                Self.collectItems(child, into: &items)
            }
        }
        let footnotes = Self.footnotes(footnoteLinks)
        var facts: [XBRLFact] = []
        facts.reserveCapacity(items.count)
        for item in items {
            let concept = item.qname
            guard let contextID = item.attribute("contextRef"), let context = contexts[contextID] else {
                warnings.append(
                    XBRLWarning(code: .missingContext, message: "\(concept): context is not defined", line: item.line)
                )
                continue
            }
            let unitID = item.attribute("unitRef")
            let unit = unitID.flatMap { units[$0] }
            if let unitID, unit == nil {
                warnings.append(
                    XBRLWarning(
                        code: .missingUnit,
                        message: "\(concept): unit '\(unitID)' is not defined",
                        line: item.line
                    )
                )
            }
            let nilText = item.attribute("nil", namespace: XBRLNamespace.xsi)
            let isNil = nilText == "true" || nilText == "1"
            let isNumeric = unitID != nil
            var value: String? = nil
            if !isNil {
                let text = item.textContent
                value = isNumeric ? (DecimalString.canonical(text) ?? text) : text
                if isNumeric, DecimalString.canonical(text) == nil {
                    warnings.append(
                        XBRLWarning(
                            code: .invalidValue,
                            message: "\(concept): '\(text)' is not a number",
                            line: item.line
                        )
                    )
                }
            }
            let id = item.attribute("id")
            facts.append(
                XBRLFact(
                    concept: concept,
                    value: value,
                    isNil: isNil,
                    isNumeric: isNumeric,
                    unit: unit,
                    decimals: item.attribute("decimals"),
                    period: context.period,
                    entity: context.entity,
                    dimensions: context.dimensions,
                    contextID: contextID,
                    id: id,
                    footnotes: id.flatMap { footnotes[$0] } ?? []
                )
            )
        }
        return XBRLFactSet(facts: facts, warnings: warnings, isPartial: recovered)
    }

    /// Items carry `contextRef`; anything else outside the XBRL namespaces is a tuple whose children
    /// are searched.
    private static func collectItems(_ element: XMLElement, into items: inout [XMLElement]) {
        if element.attribute("contextRef") != nil {
            items.append(element)
            return
        }
        for child in element.childElements { collectItems(child, into: &items) }
    }

    /// Footnote texts per fact id: `link:loc` (`#id`) → `link:footnoteArc` → `link:footnote`.
    private static func footnotes(_ links: [XMLElement]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        let xlink = XBRLNamespace.xlink
        for link in links {
            var locators: [String: [String]] = [:]
            var notes: [String: [String]] = [:]
            var arcs: [(String, String)] = []
            for child in link.childElements {
                guard let label = child.attribute("label", namespace: xlink) else {
                    if child.localName == "footnoteArc", let from = child.attribute("from", namespace: xlink),
                        let to = child.attribute("to", namespace: xlink)
                    {
                        arcs.append((from, to))
                    }
                    continue
                }
                switch child.localName {
                case "loc":
                    let href = child.attribute("href", namespace: xlink) ?? ""
                    let id = href.split(separator: "#").last.map(String.init) ?? href
                    locators[label, default: []].append(id)
                case "footnote":
                    notes[label, default: []].append(child.textContent.collapsingXMLWhitespace())
                default:
                    continue
                }
            }
            for (from, to) in arcs {
                for id in locators[from] ?? [] { result[id, default: []] += notes[to] ?? [] }
            }
        }
        return result
    }
}
