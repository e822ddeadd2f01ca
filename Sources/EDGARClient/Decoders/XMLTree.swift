import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree built with Foundation's `XMLParser`, enough for EDGAR's Atom and RSS feeds.
struct XMLNode: Sendable {
    /// The qualified name as written (`edgar:companyName`).
    var name: String
    var attributes: [String: String]
    var children: [XMLNode]
    /// The concatenated character data directly inside this element.
    var text: String

    /// The first child whose local name (after any prefix) is `localName`.
    func child(_ localName: String) -> XMLNode? { children.first { $0.localName == localName } }

    /// Every child whose local name is `localName`.
    func children(_ localName: String) -> [XMLNode] { children.filter { $0.localName == localName } }

    /// The trimmed text of the first child named `localName`; `nil` when absent or empty.
    func childText(_ localName: String) -> String? {
        guard let text = child(localName)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
        else { return nil }
        return text
    }

    /// An attribute by local name, ignoring any prefix (`edgar:file` matches `file`).
    func attribute(_ localName: String) -> String? {
        if let value = attributes[localName] { return value }
        return attributes.first { $0.key.split(separator: ":").last.map(String.init) == localName }?.value
    }

    var localName: String { name.split(separator: ":").last.map(String.init) ?? name }

    /// Parses a document. Documents declaring ISO-8859-1 or windows-1252 (EDGAR's feeds do) are
    /// transcoded to UTF-8 first, reading both as windows-1252 because EDGAR labels windows-1252
    /// bytes (curly quotes at 0x92) as ISO-8859-1.
    ///
    /// - Throws: `EDGARError.malformedResponse` with the parser's line number.
    static func parse(_ data: Data, source: String) throws(EDGARError) -> XMLNode {
        let utf8 = transcodedToUTF8(data)
        let builder = TreeBuilder()
        let parser = XMLParser(data: utf8)
        parser.delegate = builder
        parser.shouldProcessNamespaces = false
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0)" } ?? "no root element"
            throw EDGARError(
                code: .malformedResponse,
                source: source,
                message: "XML error at line \(parser.lineNumber): \(reason)"
            )
        }
        return root
    }

    static func transcodedToUTF8(_ data: Data) -> Data {
        let prologBytes = data.prefix(200)
        let prolog = String(decoding: prologBytes, as: UTF8.self).lowercased()
        guard prolog.hasPrefix("<?xml"), let end = prolog.range(of: "?>") else { return data }
        let declaration = prolog[prolog.startIndex..<end.lowerBound]
        guard declaration.contains("iso-8859-1") || declaration.contains("windows-1252") else { return data }
        let text = String(data: data, encoding: .windowsCP1252) ?? String(data: data, encoding: .isoLatin1) ?? ""
        // Drop the declaration: without one, XML is UTF-8.
        guard let close = text.range(of: "?>") else { return Data(text.utf8) }
        return Data(text[close.upperBound...].utf8)
    }
}

/// Collects elements into `XMLNode`s; used synchronously on one thread by `XMLNode.parse`.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLNode] = []
    var root: XMLNode?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLNode(name: elementName, attributes: attributeDict, children: [], text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName qName: String?
    ) {
        guard let node = stack.popLast() else { return }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }
}
