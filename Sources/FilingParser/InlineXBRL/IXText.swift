import CLibXML2

/// The text of an inline fact as Inline XBRL 1.1 defines it (and Arelle computes it): descendant text
/// in document order, `ix:exclude` subtrees left out, comments ignored; with `escape="true"` the
/// XHTML markup is kept, serialised with attributes sorted by name.
struct IXText {
    /// Continuation elements by `id`, for `continuedAt` chains.
    let continuations: [String: XMLElement]
    /// Longest `continuedAt` chain followed; a longer (or cyclic) chain is cut here.
    static let chainLengthMax = 10_000

    /// The text of `element`, following its `continuedAt` chain when `followContinuations`.
    func text(of element: XMLElement, escape: Bool, followContinuations: Bool) -> String {
        var output = ""
        var current: XMLElement? = element
        var visited: Set<String> = []
        while let part = current, visited.count < Self.chainLengthMax {
            _ = append(childrenOf: part.node, escape: escape, into: &output)
            guard followContinuations, let next = part.attribute("continuedAt"), visited.insert(next).inserted else {
                break
            }
            current = continuations[next]
        }
        return output
    }

    /// Appends the content of `node`'s children; returns whether anything was emitted (Arelle emits
    /// an element as `<a></a>` rather than `<a>…</a>` when nothing was).
    private func append(childrenOf node: xmlNodePtr, escape: Bool, into output: inout String) -> Bool {
        var emitted = false
        var child = node.pointee.children
        while let current = child {
            defer { child = current.pointee.next }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = current.pointee.content, content.pointee != 0 else { continue }
                let text = String(cString: content)
                output += escape ? Self.escapeText(text) : text
                emitted = true
            case XML_ELEMENT_NODE:
                let element = XMLElement(current)
                let isInline = XBRLNamespace.isInline(element.namespaceURI)
                if isInline && element.localName == "exclude" { continue }
                emitted = true
                guard escape else {
                    _ = append(childrenOf: current, escape: false, into: &output)
                    continue
                }
                var inner = ""
                let innerEmitted = append(childrenOf: current, escape: true, into: &inner)
                if isInline {
                    output += inner
                } else if innerEmitted {
                    output += Self.startTag(element) + inner + "</\(Self.tagName(element))>"
                } else {
                    output += Self.emptyTag(element)
                }
            default:
                continue
            }
        }
        return emitted
    }

    private static let selfClosing: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private static func tagName(_ element: XMLElement) -> String {
        element.prefix.isEmpty ? element.localName : "\(element.prefix):\(element.localName)"
    }

    private static func attributeText(_ element: XMLElement) -> String {
        element.attributes.sorted { $0.name < $1.name }.map { attribute in
            let value = attribute.value.replacingAll("&", with: "&amp;").replacingAll("\"", with: "&quot;")
            return " \(attribute.name)=\"\(value)\""
        }.joined()
    }

    private static func startTag(_ element: XMLElement) -> String {
        "<\(tagName(element))\(attributeText(element))>"
    }

    private static func emptyTag(_ element: XMLElement) -> String {
        let name = tagName(element)
        let attributes = attributeText(element)
        return selfClosing.contains(element.localName) ? "<\(name)\(attributes)/>" : "<\(name)\(attributes)></\(name)>"
    }

    static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed); compares scalars, not
    /// grapheme clusters, which is what markup escaping needs and much cheaper.
    func replacingAll(_ target: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(target) else { return self }
        var result = ""
        result.reserveCapacity(utf8.count + replacement.utf8.count)
        for scalar in unicodeScalars {
            if scalar == target { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
