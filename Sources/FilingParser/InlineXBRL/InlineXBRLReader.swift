import CLibXML2
import SECModel

/// Reads the facts of an Inline XBRL 1.1 (or 1.0) document: `ix:nonFraction` and `ix:nonNumeric`,
/// hidden facts in `ix:header`, contexts and units from `ix:resources`, footnotes through
/// `ix:relationship`. The document is parsed as XML with namespaces (libxml2's XML reader), as the
/// specification requires; the HTML text is left to `HTMLFilingParser`.
public struct InlineXBRLReader: Sendable {
    /// Inputs larger than this are refused, in bytes.
    public var maxInputBytes: Int

    public init(maxInputBytes: Int = 256 * 1024 * 1024) {
        self.maxInputBytes = maxInputBytes
    }

    /// `true` when the first 64 KiB declare the inline-XBRL namespace: the cheap test the CLI uses.
    public static func looksInline(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(65_536)
        return [XBRLNamespace.inline11, XBRLNamespace.inline10].contains { contains(head, Array($0.utf8)) }
    }

    /// Plain byte search (the generic `firstRange(of:)` costs more than the parse of a small file).
    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var start = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while start <= last {
            if haystack[start] == first, haystack[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// Reads every fact of the default target document.
    ///
    /// - Parameters:
    ///   - bytes: the `.htm` document as stored.
    ///   - source: the file path or URL, named in errors.
    /// - Throws: `ParseError` `.tooLarge`, `.malformed` (not XML even in recovery mode) or
    ///   `.notXBRL` (no inline-XBRL namespace in the document).
    public func read(_ bytes: [UInt8], source: String) throws(ParseError) -> XBRLFactSet {
        guard bytes.count <= maxInputBytes else {
            throw ParseError(
                code: .tooLarge,
                source: source,
                message: "document is \(bytes.count) bytes, the limit is \(maxInputBytes)"
            )
        }
        let tree = try XMLTree(bytes: bytes, source: source)
        guard let root = tree.root else {
            throw ParseError(code: .malformed, source: source, message: "the XML document has no root element")
        }
        var inventory = IXInventory()
        inventory.collect(root)
        guard inventory.sawInlineNamespace else {
            throw ParseError(code: .notXBRL, source: source, message: "no inline-XBRL (ix:) elements in the document")
        }
        var builder = IXFactBuilder(inventory: inventory)
        let facts = builder.build()
        return XBRLFactSet(facts: facts, warnings: builder.warnings, isPartial: tree.recovered)
    }
}

/// Everything the fact builder needs, gathered in one walk of the tree.
struct IXInventory {
    var facts: [XMLElement] = []
    var continuations: [String: XMLElement] = [:]
    var contexts: [String: XMLElement] = [:]
    var units: [String: XMLElement] = [:]
    var footnotes: [String: XMLElement] = [:]
    var relationships: [XMLElement] = []
    var unsupported: [XMLElement] = []
    var sawInlineNamespace = false

    /// Walks the subtree of `root` without recursion (documents can nest deeply).
    mutating func collect(_ root: XMLElement) {
        var stack: [xmlNodePtr] = [root.node]
        while let node = stack.popLast() {
            let element = XMLElement(node)
            if element.isInNamespace(XBRLNamespace.inline11) || element.isInNamespace(XBRLNamespace.inline10) {
                sawInlineNamespace = true
                inline(element)
            } else if element.isInNamespace(XBRLNamespace.instance), let id = element.attribute("id") {
                if element.localName == "context" { contexts[id] = element }
                if element.localName == "unit" { units[id] = element }
            }
            // Children pushed last first, so they are visited in document order.
            var child = node.pointee.last
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.prev
            }
        }
    }

    private mutating func inline(_ element: XMLElement) {
        switch element.localName {
        case "nonFraction", "nonNumeric":
            if element.attribute("target") == nil { facts.append(element) } else { unsupported.append(element) }
        case "fraction", "tuple":
            unsupported.append(element)
        case "continuation":
            if let id = element.attribute("id") { continuations[id] = element }
        case "footnote":
            if let id = element.attribute("id") { footnotes[id] = element }
        case "relationship":
            relationships.append(element)
        default:
            break
        }
    }
}
