import SECModel

/// The facts of one XBRL or inline-XBRL document, with the cover-page metadata read from them.
public struct XBRLFactSet: Sendable, Hashable, Codable {
    /// Facts in document order (duplicates kept, as the document reports them).
    public var facts: [XBRLFact]
    /// The cover-page `dei` facts.
    public var metadata: FilingFacts
    /// Problems that did not stop the read: facts dropped or kept with their raw text.
    public var warnings: [XBRLWarning]
    /// `true` when the XML was not well-formed and libxml2's recovery mode was needed: facts after the
    /// damage may be missing.
    public var isPartial: Bool

    public init(facts: [XBRLFact], warnings: [XBRLWarning] = [], isPartial: Bool = false) {
        self.facts = facts
        self.metadata = FilingFacts(facts: facts)
        self.warnings = warnings
        self.isPartial = isPartial
    }
}

/// A problem with one fact that the reader worked around.
public struct XBRLWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Code: String, Sendable, Codable {
        /// The fact names a context that the document does not define; the fact is dropped.
        case missingContext
        /// The fact names a unit that the document does not define; the fact is kept without a unit.
        case missingUnit
        /// The `format` is not a transformation this reader knows; the raw text is kept.
        case unknownFormat
        /// The text does not fit its `format` or is not a number; the raw text is kept.
        case invalidValue
        /// The element is not supported (`ix:fraction`, `ix:tuple`, another target document); dropped.
        case unsupported
    }

    public var code: Code
    public var message: String
    /// The 1-based line of the fact in the input.
    public var line: Int

    public init(code: Code, message: String, line: Int) {
        self.code = code
        self.message = message
        self.line = line
    }

    public var description: String { "line \(line): \(message)" }
}
