/// One dimension of a context: an axis and its member, from the context's segment or scenario.
public struct XBRLDimension: Hashable, Sendable, Codable {
    /// The axis (dimension) QName, e.g. `us-gaap:StatementBusinessSegmentsAxis`.
    public var axis: XBRLQName
    /// The member: for an explicit dimension the member QName as written (`nvda:ComputeMember`), for
    /// a typed dimension the text of the typed member element.
    public var member: String
    /// `true` for a typed dimension (`xbrldi:typedMember`).
    public var isTyped: Bool
    /// `true` when the dimension sits in the context's scenario rather than its segment.
    public var inScenario: Bool

    public init(axis: XBRLQName, member: String, isTyped: Bool = false, inScenario: Bool = false) {
        self.axis = axis
        self.member = member
        self.isTyped = isTyped
        self.inScenario = inScenario
    }
}

/// The entity of a context: an identifier within a scheme (`http://www.sec.gov/CIK`, `0000320193`).
public struct XBRLEntity: Hashable, Sendable, Codable {
    public var scheme: String
    public var identifier: String

    public init(scheme: String, identifier: String) {
        self.scheme = scheme
        self.identifier = identifier
    }
}
