import SECModel

/// Turns what an `IXFactCollector` gathered into `XBRLFact`s: follows `continuedAt` chains, looks up
/// contexts and units, applies transformations, `scale` and `sign`, attaches footnotes.
struct IXFactBuilder {
    let inventory: IXInventory
    private(set) var warnings: [XBRLWarning] = []
    private var contexts: [String: XBRLContext?] = [:]
    private var units: [String: XBRLUnit?] = [:]
    /// Longest `continuedAt` chain followed; a longer (or cyclic) chain is cut here.
    static let chainLengthMax = 10_000

    /// `inventory.elements`, shared by the views contexts and units are read through.
    private let elements: IXCapturedElement.Arena

    init(inventory: IXInventory) {
        self.inventory = inventory
        elements = IXCapturedElement.Arena(inventory.elements)
    }

    mutating func build() -> [XBRLFact] {
        for element in inventory.unsupported {
            warnings.append(XBRLWarning(code: .unsupported, message: "\(element.what) is not read", line: element.line))
        }
        let footnotes = footnotesByFact()
        contexts.reserveCapacity(inventory.contexts.count)
        units.reserveCapacity(inventory.units.count)
        var facts: [XBRLFact] = []
        facts.reserveCapacity(inventory.facts.count)
        // Through the buffer: iterating the array would copy every fact record, strings and all.
        let elements = inventory.facts
        elements.withUnsafeBufferPointer { elements in
            for index in elements.indices {
                guard var fact = fact(elements[index]) else { continue }
                if let id = fact.id, let notes = footnotes[id] { fact.footnotes = notes }
                facts.append(fact)
            }
        }
        return facts
    }

    private mutating func fact(_ element: IXInventory.Fact) -> XBRLFact? {
        let line = element.line
        guard let concept = element.concept else {
            warnings.append(XBRLWarning(code: .invalidValue, message: "fact without a resolvable name", line: line))
            return nil
        }
        guard let contextID = element.contextRef, let context = context(contextID) else {
            let id = element.contextRef ?? ""
            warnings.append(
                XBRLWarning(code: .missingContext, message: "\(concept): context '\(id)' is not defined", line: line)
            )
            return nil
        }
        let isNumeric = element.isNumeric
        var unit: XBRLUnit?
        if isNumeric, let unitID = element.unitRef {
            unit = self.unit(unitID)
            if unit == nil {
                warnings.append(
                    XBRLWarning(code: .missingUnit, message: "\(concept): unit '\(unitID)' is not defined", line: line)
                )
            }
        }
        let isNil = element.nilValue == "true" || element.nilValue == "1"
        let value = isNil ? nil : self.value(element, concept: concept)
        return XBRLFact(
            concept: concept,
            value: value,
            isNil: isNil,
            isNumeric: isNumeric,
            unit: unit,
            decimals: element.decimals,
            period: context.period,
            entity: context.entity,
            dimensions: context.dimensions,
            contextID: contextID,
            id: element.id
        )
    }

    /// The value after transformation, `scale` and `sign`; the raw text (with a warning) when the
    /// text does not fit.
    private mutating func value(_ element: IXInventory.Fact, concept: XBRLQName) -> String {
        if element.isNumeric, let number = directNumber(element) { return number }
        var raw = text(of: element)
        if let format = element.format {
            raw = raw.collapsingXMLWhitespace()
            guard let formatName = element.formatName else {
                warnings.append(
                    XBRLWarning(
                        code: .unknownFormat,
                        message: "\(concept): format prefix of '\(format)' is not declared",
                        line: element.line
                    )
                )
                return raw
            }
            switch IXTransform.apply(formatName, to: raw) {
            case .success(let transformed):
                raw = transformed
            case .failure(.unknownFormat(let name)):
                warnings.append(
                    XBRLWarning(code: .unknownFormat, message: "\(concept): unknown format \(name)", line: element.line)
                )
                return raw
            case .failure(.invalidValue(let name, let bad)):
                warnings.append(
                    XBRLWarning(
                        code: .invalidValue,
                        message: "\(concept): '\(bad)' does not fit \(name)",
                        line: element.line
                    )
                )
                return raw
            }
        }
        guard element.isNumeric else { return raw }
        guard let number = DecimalString.canonical(raw, scale: Self.scale(of: element), negate: element.sign == "-")
        else {
            warnings.append(
                XBRLWarning(code: .invalidValue, message: "\(concept): '\(raw)' is not a number", line: element.line)
            )
            return raw
        }
        return number
    }

    /// The value of a number written plainly or in `ixt:num-dot-decimal` (nearly every number), read
    /// straight from the fact's bytes in one pass; `nil` leaves it to the general path, which also
    /// says what is wrong with it.
    private func directNumber(_ element: IXInventory.Fact) -> String? {
        let separators: DecimalString.Separators
        if element.format == nil {
            separators = .none
        } else if let format = element.formatName, IXTransform.isNumberDotDecimal(format) {
            separators = .digitGroupsInRawText
        } else {
            return nil
        }
        let scale = Self.scale(of: element)
        let negate = element.sign == "-"
        return element.text.withUnsafeBufferPointer {
            DecimalString.canonical(utf8: $0, scale: scale, negate: negate, separators: separators)
        }
    }

    /// The `scale` attribute as a power of ten; `0` when absent or not an integer.
    private static func scale(of element: IXInventory.Fact) -> Int {
        element.scale.flatMap { Int($0.trimmingXMLWhitespace()) } ?? 0
    }

    /// The fact's text, followed by its `continuedAt` chain for an `ix:nonNumeric`.
    private func text(of element: IXInventory.Fact) -> String {
        guard let first = element.continuedAt else { return UTF8Decoding.string(element.text) }
        var output = element.text
        var visited: Set<String> = [first]
        var next = element.continuedAt
        while let id = next, visited.count < Self.chainLengthMax, let index = inventory.continuationIndex[id] {
            let part = inventory.continuations[index]
            output += element.escape ? part.escaped : IXTextCapture.plain(fromEscaped: part.escaped)
            guard let following = part.continuedAt, visited.insert(following).inserted else { break }
            next = following
        }
        return UTF8Decoding.string(output)
    }

    private mutating func context(_ id: String) -> XBRLContext? {
        if let cached = contexts[id] { return cached }
        let parsed = inventory.contexts[id].flatMap {
            XBRLContext(IXCapturedElement(elements, index: $0))
        }
        contexts[id] = parsed
        return parsed
    }

    private mutating func unit(_ id: String) -> XBRLUnit? {
        if let cached = units[id] { return cached }
        let parsed = inventory.units[id].flatMap { XBRLUnit(IXCapturedElement(elements, index: $0)) }
        units[id] = parsed
        return parsed
    }

    /// Footnote texts per fact id, from `ix:relationship fromRefs toRefs` (fact–footnote arcs only).
    private func footnotesByFact() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for relationship in inventory.relationships {
            let arcrole = relationship.arcrole ?? "http://www.xbrl.org/2003/arcrole/fact-footnote"
            guard arcrole.hasSuffix("fact-footnote") else { continue }
            let targets = (relationship.toRefs ?? "").split(whereSeparator: \.isWhitespace)
            let texts = targets.compactMap {
                inventory.footnoteIndex[String($0)].map {
                    String(decoding: inventory.footnotes[$0], as: UTF8.self).collapsingXMLWhitespace()
                }
            }
            for source in (relationship.fromRefs ?? "").split(whereSeparator: \.isWhitespace) {
                result[String(source), default: []] += texts
            }
        }
        return result
    }
}
