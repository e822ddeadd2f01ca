import SECModel

/// One `xbrli:context`: entity, period and dimensions, shared by every fact that references it.
struct XBRLContext: Sendable {
    var entity: XBRLEntity
    var period: XBRLPeriod
    var dimensions: [XBRLDimension]

    /// Reads a context element; `nil` when it has no period or entity (the fact is then dropped with
    /// a warning by the caller).
    init?(_ element: some XBRLElementView) {
        let xbrli = XBRLNamespace.instance
        guard let entityElement = element.child(xbrli, "entity"), let periodElement = element.child(xbrli, "period")
        else { return nil }
        guard let identifier = entityElement.child(xbrli, "identifier") else { return nil }
        entity = XBRLEntity(scheme: identifier.attribute("scheme") ?? "", identifier: identifier.trimmedText)
        if let instant = periodElement.child(xbrli, "instant") {
            period = .instant(instant.trimmedText)
        } else if let start = periodElement.child(xbrli, "startDate"), let end = periodElement.child(xbrli, "endDate") {
            period = .duration(start: start.trimmedText, end: end.trimmedText)
        } else if periodElement.child(xbrli, "forever") != nil {
            period = .forever
        } else {
            return nil
        }
        var dimensions: [XBRLDimension] = []
        if let segment = entityElement.child(xbrli, "segment") {
            dimensions += Self.dimensions(in: segment, inScenario: false)
        }
        if let scenario = element.child(xbrli, "scenario") {
            dimensions += Self.dimensions(in: scenario, inScenario: true)
        }
        self.dimensions = dimensions
    }

    private static func dimensions(in container: some XBRLElementView, inScenario: Bool) -> [XBRLDimension] {
        var result: [XBRLDimension] = []
        for member in container.childElements where member.namespaceURI == XBRLNamespace.dimensions {
            guard let written = member.attribute("dimension"), let axis = member.resolveQName(written) else { continue }
            switch member.localName {
            case "explicitMember":
                let value = member.resolveQName(member.textContent)?.description ?? member.trimmedText
                result.append(XBRLDimension(axis: axis, member: value, inScenario: inScenario))
            case "typedMember":
                let value = member.childElements.first?.trimmedText ?? member.trimmedText
                result.append(XBRLDimension(axis: axis, member: value, isTyped: true, inScenario: inScenario))
            default:
                continue
            }
        }
        return result
    }
}

extension XBRLUnit {
    /// Reads an `xbrli:unit` element: plain measures or a `divide`.
    init?<Element: XBRLElementView>(_ element: Element) {
        let xbrli = XBRLNamespace.instance
        guard let id = element.attribute("id") else { return nil }
        func measures(_ parent: Element) -> [String] {
            parent.childElements.filter { $0.localName == "measure" && $0.namespaceURI == xbrli }.map {
                $0.resolveQName($0.textContent)?.description ?? $0.trimmedText
            }
        }
        if let divide = element.child(xbrli, "divide") {
            guard let top = divide.child(xbrli, "unitNumerator"), let bottom = divide.child(xbrli, "unitDenominator")
            else { return nil }
            self.init(id: id, numerators: measures(top), denominators: measures(bottom))
        } else {
            self.init(id: id, numerators: measures(element))
        }
    }
}
