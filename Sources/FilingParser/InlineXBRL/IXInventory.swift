import SECModel

/// Everything the fact builder needs, gathered in one SAX pass: the facts with their own text, the
/// texts of continuations and footnotes, relationships, contexts and units. Elements are listed in
/// document order of their start tags; for a repeated `id` the last one wins.
struct IXInventory {
    /// One `ix:nonFraction` or `ix:nonNumeric` for the default target document.
    struct Fact {
        let isNumeric: Bool
        let line: Int
        /// The `name` attribute resolved where it was written; `nil` when absent or undeclared.
        let concept: XBRLQName?
        let contextRef: String?
        let unitRef: String?
        let decimals: String?
        let format: String?
        /// `format` resolved where it was written.
        let formatName: XBRLQName?
        let scale: String?
        let sign: String?
        /// `escape="true"` (or `1`) on an `ix:nonNumeric`: the text keeps its markup.
        let escape: Bool
        let id: String?
        let continuedAt: String?
        /// `xsi:nil`.
        let nilValue: String?
        /// The element's own text (without its continuations).
        var text: [UInt8] = []
    }

    /// One `ix:continuation`, with its text escaped (markup kept): the fact that continues here may
    /// come later in the document, and the plain text is the escaped one without its markup
    /// (`IXTextCapture.plain(fromEscaped:)`).
    struct Continuation {
        var escaped: [UInt8] = []
        let continuedAt: String?
    }

    /// One `ix:relationship`.
    struct Relationship {
        let arcrole: String?
        let fromRefs: String?
        let toRefs: String?
    }

    /// An element the reader does not support, with what it is.
    struct Unsupported {
        let what: String
        let line: Int
    }

    var facts: [Fact] = []
    var continuations: [Continuation] = []
    var continuationIndex: [String: Int] = [:]
    /// Footnote texts (plain), by footnote id.
    var footnotes: [[UInt8]] = []
    var footnoteIndex: [String: Int] = [:]
    var relationships: [Relationship] = []
    var unsupported: [Unsupported] = []
    /// Contexts and units, their nodes in `elements` by id.
    var elements = IXElementArena()
    var contexts: [String: Int] = [:]
    var units: [String: Int] = [:]
    var sawInlineNamespace = false
}
