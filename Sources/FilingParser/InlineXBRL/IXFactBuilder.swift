import SECModel

/// Turns the inline elements an `IXInventory` found into `XBRLFact`s.
struct IXFactBuilder {
    let inventory: IXInventory
    private(set) var warnings: [XBRLWarning] = []
    private var contexts: [String: XBRLContext?] = [:]
    private var units: [String: XBRLUnit?] = [:]
    private let text: IXText

    init(inventory: IXInventory) {
        self.inventory = inventory
        text = IXText(continuations: inventory.continuations)
    }

    mutating func build() -> [XBRLFact] {
        for element in inventory.unsupported {
            let what =
                element.attribute("target").map { "a fact for target document '\($0)'" } ?? "ix:\(element.localName)"
            warnings.append(XBRLWarning(code: .unsupported, message: "\(what) is not read", line: element.line))
        }
        let footnotes = footnotesByFact()
        var facts: [XBRLFact] = []
        facts.reserveCapacity(inventory.facts.count)
        for element in inventory.facts {
            guard var fact = fact(element) else { continue }
            if let id = fact.id, let notes = footnotes[id] { fact.footnotes = notes }
            facts.append(fact)
        }
        return facts
    }

    private mutating func fact(_ element: XMLElement) -> XBRLFact? {
        let line = element.line
        guard let name = element.attribute("name"), let concept = element.resolveQName(name) else {
            warnings.append(XBRLWarning(code: .invalidValue, message: "fact without a resolvable name", line: line))
            return nil
        }
        guard let contextID = element.attribute("contextRef"), let context = context(contextID) else {
            let id = element.attribute("contextRef") ?? ""
            warnings.append(
                XBRLWarning(code: .missingContext, message: "\(concept): context '\(id)' is not defined", line: line)
            )
            return nil
        }
        let isNumeric = element.localName == "nonFraction"
        var unit: XBRLUnit?
        if isNumeric, let unitID = element.attribute("unitRef") {
            unit = self.unit(unitID)
            if unit == nil {
                warnings.append(
                    XBRLWarning(code: .missingUnit, message: "\(concept): unit '\(unitID)' is not defined", line: line)
                )
            }
        }
        let nilText = element.attribute("nil", namespace: XBRLNamespace.xsi)
        let isNil = nilText == "true" || nilText == "1"
        let value = isNil ? nil : self.value(element, concept: concept, isNumeric: isNumeric)
        return XBRLFact(
            concept: concept,
            value: value,
            isNil: isNil,
            isNumeric: isNumeric,
            unit: unit,
            decimals: isNumeric ? element.attribute("decimals") : nil,
            period: context.period,
            entity: context.entity,
            dimensions: context.dimensions,
            contextID: contextID,
            id: element.attribute("id")
        )
    }

    /// The value after transformation, `scale` and `sign`; the raw text (with a warning) when the
    /// text does not fit.
    private mutating func value(_ element: XMLElement, concept: XBRLQName, isNumeric: Bool) -> String {
        let escape = !isNumeric && ["true", "1"].contains(element.attribute("escape") ?? "")
        var raw = text.text(of: element, escape: escape, followContinuations: !isNumeric)
        if let format = element.attribute("format") {
            raw = raw.collapsingXMLWhitespace()
            guard let formatName = element.resolveQName(format) else {
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
        guard isNumeric else { return raw }
        let scale = element.attribute("scale").flatMap { Int($0.trimmingXMLWhitespace()) } ?? 0
        guard let number = DecimalString.canonical(raw, scale: scale, negate: element.attribute("sign") == "-") else {
            warnings.append(
                XBRLWarning(code: .invalidValue, message: "\(concept): '\(raw)' is not a number", line: element.line)
            )
            return raw
        }
        return number
    }

    private mutating func context(_ id: String) -> XBRLContext? {
        if let cached = contexts[id] { return cached }
        let parsed = inventory.contexts[id].flatMap(XBRLContext.init)
        contexts[id] = parsed
        return parsed
    }

    private mutating func unit(_ id: String) -> XBRLUnit? {
        if let cached = units[id] { return cached }
        let parsed = inventory.units[id].flatMap(XBRLUnit.init)
        units[id] = parsed
        return parsed
    }

    /// Footnote texts per fact id, from `ix:relationship fromRefs toRefs` (fact–footnote arcs only).
    private func footnotesByFact() -> [String: [String]] {
        var result: [String: [String]] = [:]
        for relationship in inventory.relationships {
            let arcrole = relationship.attribute("arcrole") ?? "http://www.xbrl.org/2003/arcrole/fact-footnote"
            guard arcrole.hasSuffix("fact-footnote") else { continue }
            let targets = (relationship.attribute("toRefs") ?? "").split(whereSeparator: \.isWhitespace)
            let texts = targets.compactMap {
                inventory.footnotes[String($0)].map {
                    text.text(of: $0, escape: false, followContinuations: false).collapsingXMLWhitespace()
                }
            }
            for source in (relationship.attribute("fromRefs") ?? "").split(whereSeparator: \.isWhitespace) {
                result[String(source), default: []] += texts
            }
        }
        return result
    }
}
