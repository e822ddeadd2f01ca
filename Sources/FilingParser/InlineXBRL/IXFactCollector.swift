import SECModel

/// Reads the facts of an inline-XBRL document from SAX events, without a tree: records each fact,
/// captures the texts of facts, continuations and footnotes while their elements are open, and keeps
/// contexts and units whole. `IXFactBuilder` resolves continuation chains, contexts and units once the
/// pass is over, as they may come before or after the facts that use them.
struct IXFactCollector {
    /// A context or unit being kept, by its node in `inventory.elements`.
    private struct OpenElementCapture {
        let node: Int
        let isContext: Bool
        let id: String
    }

    private(set) var inventory = IXInventory()
    private var depth = 0
    private var scope = XMLNamespaceScope(declarations: [], parent: nil)
    /// The scopes replaced by elements that declare namespaces, with those elements' depths.
    private var outerScopes: [(depth: Int, scope: XMLNamespaceScope)] = []
    private var texts = IXTextCaptureStack()
    private var elementCaptures: [OpenElementCapture] = []
    /// Names resolved in `scope`; emptied whenever `scope` changes.
    private var names = IXNameCache()

    /// A start tag, with the namespaces it declares (libxml2's prefix, URI pairs) and its 1-based line.
    mutating func start(
        _ element: IXElementInfo,
        namespaces: [(prefix: String?, uri: String)],
        attributes: SAXAttributes,
        line: Int
    ) {
        depth += 1
        if !namespaces.isEmpty {
            outerScopes.append((depth, scope))
            scope = XMLNamespaceScope(declarations: namespaces, parent: scope)
            names.removeAll()
        }
        texts.start(element, attributes: attributes)
        let isElementCapture = element.role == .context || element.role == .unit
        if inventory.elements.isCapturing && !isElementCapture {
            _ = inventory.elements.start(element, attributes: attributes, scope: scope)
        }
        if element.isInline { inventory.sawInlineNamespace = true }
        switch element.role {
        case .fact(let numeric):
            let values = IXFactAttributes(attributes)
            if let target = values.target {
                inventory.unsupported.append(.init(what: "a fact for target document '\(target)'", line: line))
            } else {
                startFact(numeric: numeric, values: values, attributes: attributes, line: line)
            }
        case .unsupported:
            let what = attributes.string("target").map { "a fact for target document '\($0)'" }
            inventory.unsupported.append(.init(what: what ?? "ix:\(element.localName)", line: line))
        case .continuation:
            guard let id = attributes.string("id") else { break }
            let index = inventory.continuations.count
            inventory.continuations.append(.init(continuedAt: attributes.string("continuedAt")))
            inventory.continuationIndex[id] = index
            texts.open(.continuation(index), escape: true, depth: depth)
        case .footnote:
            guard let id = attributes.string("id") else { break }
            inventory.footnoteIndex[id] = inventory.footnotes.count
            inventory.footnotes.append([])
            texts.open(.footnote(inventory.footnotes.count - 1), escape: false, depth: depth)
        case .relationship:
            inventory.relationships.append(
                .init(
                    arcrole: attributes.string("arcrole"),
                    fromRefs: attributes.string("fromRefs"),
                    toRefs: attributes.string("toRefs")
                )
            )
        case .context, .unit:
            guard let id = attributes.string("id") else {
                // Without an id it is kept only as part of an enclosing context or unit.
                if inventory.elements.isCapturing {
                    _ = inventory.elements.start(element, attributes: attributes, scope: scope)
                }
                break
            }
            let node = inventory.elements.start(element, attributes: attributes, scope: scope)
            elementCaptures.append(OpenElementCapture(node: node, isContext: element.role == .context, id: id))
        case .exclude, .other:
            break
        }
    }

    /// The end tag of the innermost open element.
    mutating func end() {
        while let (target, text) = texts.finish(depth: depth) {
            switch target {
            case .fact(let index): inventory.facts[index].text = text
            case .continuation(let index): inventory.continuations[index].escaped = text
            case .footnote(let index): inventory.footnotes[index] = text
            }
        }
        texts.end()
        if let node = inventory.elements.end(), let last = elementCaptures.indices.last,
            elementCaptures[last].node == node
        {
            let last = elementCaptures.removeLast()
            if last.isContext {
                inventory.contexts[last.id] = node
            } else {
                inventory.units[last.id] = node
            }
        }
        if let last = outerScopes.indices.last, outerScopes[last].depth == depth {
            scope = outerScopes.removeLast().scope
            names.removeAll()
        }
        depth -= 1
    }

    /// The end of the input: elements still open (a document cut short) end here, as libxml2's
    /// recovery-mode tree keeps them with the content read so far.
    mutating func finish() {
        while depth > 0 { end() }
    }

    /// Character data (UTF-8). Text that an entity reference expands to counts for contexts and
    /// units (libxml2's tree gives it to their text content) but not for fact texts (the tree keeps
    /// it under an entity node, which Inline XBRL's text rules skip).
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>, fromEntity: Bool) {
        if !fromEntity { texts.characters(text) }
        if inventory.elements.isCapturing { inventory.elements.characters(text) }
    }

    private mutating func startFact(numeric: Bool, values: IXFactAttributes, attributes: SAXAttributes, line: Int) {
        let escape = !numeric && (values.escape == "true" || values.escape == "1")
        let format = values.formatIndex.map { resolve(attributes, $0) }
        inventory.facts.append(
            IXInventory.Fact(
                isNumeric: numeric,
                line: line,
                concept: values.nameIndex.flatMap { resolve(attributes, $0).resolved },
                contextRef: values.contextRef,
                unitRef: numeric ? values.unitRef : nil,
                decimals: numeric ? values.decimals : nil,
                format: format?.written,
                formatName: format?.resolved,
                scale: numeric ? values.scale : nil,
                sign: numeric ? values.sign : nil,
                escape: escape,
                id: values.id,
                continuedAt: numeric ? nil : values.continuedAt,
                nilValue: values.nilValue
            )
        )
        texts.open(.fact(inventory.facts.count - 1), escape: escape, depth: depth)
    }

    /// The QName written in attribute `index`, resolved in the current scope, with the `String` it
    /// was read as; facts repeat concept and format names, so each spelling is resolved once.
    private mutating func resolve(_ attributes: SAXAttributes, _ index: Int) -> (written: String, resolved: XBRLQName?)
    {
        let raw = attributes.rawValue(at: index)
        guard !raw.contains(UInt8(ascii: "&")) else {
            // A reference to decode first: too rare to cache.
            let written = attributes.stringValue(at: index)
            return (written, scope.resolve(written))
        }
        let entry = names.entry(raw, scope: scope)
        return (entry.written, entry.resolved)
    }
}
