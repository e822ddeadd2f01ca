import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small element tree of an S3 XML response (ListBucketResult, InitiateMultipartUploadResult,
/// CompleteMultipartUploadResult, Error), built with Foundation's `XMLParser`; namespaces ignored.
struct S3XMLElement: Sendable {
    var name: String
    var children: [S3XMLElement] = []
    /// The character data directly inside the element.
    var text: String = ""

    func child(_ name: String) -> S3XMLElement? { children.first { $0.name == name } }

    func children(_ name: String) -> [S3XMLElement] { children.filter { $0.name == name } }

    /// The text of the first child named `name`, or `nil`.
    func childText(_ name: String) -> String? { child(name)?.text }

    /// Parses a response body; `nil` when it is not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> S3XMLElement? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.delegate = builder
        parser.shouldProcessNamespaces = true
        guard parser.parse() else { return nil }
        return builder.root
    }

    /// Escapes text for an element's content.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// Collects elements; used on one thread by `S3XMLElement.parse`.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [S3XMLElement] = []
    var root: S3XMLElement?

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        stack.append(S3XMLElement(name: elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text += string
    }

    func parser(
        _ parser: XMLParser,
        didEndElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?
    ) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(element)
        }
    }
}
