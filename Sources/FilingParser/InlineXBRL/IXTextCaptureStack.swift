/// The texts being captured for the open facts, continuations and footnotes of a SAX pass, innermost
/// last. Escaped captures share one serialisation: text blocks nest (a policy inside its note, a
/// continuation inside a text block), and each nested one is a contiguous part of its outer one's
/// escaped text, so the markup is written once and an inner capture copies its part at its end.
/// A capture that opens where the shared one is skipping an `ix:exclude` (a fact inside an
/// excluded subtree) keeps its own text.
struct IXTextCaptureStack {
    /// Where a finished capture goes.
    enum Target {
        case fact(Int)
        case continuation(Int)
        case footnote(Int)
    }

    private struct OpenCapture {
        /// The depth of the element whose content this is.
        let depth: Int
        let target: Target
        /// The capture's own text; `nil` when it reads `shared` from `sharedStart`.
        var own: IXTextCapture?
        let sharedStart: Int
    }

    private var captures: [OpenCapture] = []
    private var shared = IXTextCapture(escape: true)
    /// Open captures that read `shared`.
    private var sharedCount = 0

    /// Opens a capture of the content of the element just started at `depth`.
    mutating func open(_ target: Target, escape: Bool, depth: Int) {
        if escape && (sharedCount == 0 || !shared.isExcluding) {
            if sharedCount == 0 { shared.reset() }
            sharedCount += 1
            captures.append(OpenCapture(depth: depth, target: target, own: nil, sharedStart: shared.bytes.count))
        } else {
            captures.append(
                OpenCapture(depth: depth, target: target, own: IXTextCapture(escape: escape), sharedStart: 0)
            )
        }
    }

    /// A start tag inside the open captures.
    mutating func start(_ element: IXElementInfo, attributes: SAXAttributes) {
        if sharedCount > 0 { shared.start(element, attributes: attributes) }
        for index in captures.indices { captures[index].own?.start(element, attributes: attributes) }
    }

    /// Finishes the innermost capture when it is of the element at `depth`, whose end tag came:
    /// where its text goes and the text. Called until `nil`, then `end()`.
    mutating func finish(depth: Int) -> (target: Target, text: [UInt8])? {
        // By index: `captures.last` would copy a capture, buffers and all, at every end tag.
        guard let last = captures.indices.last, captures[last].depth == depth else { return nil }
        let finished = captures.removeLast()
        if let own = finished.own { return (finished.target, own.bytes) }
        sharedCount -= 1
        if sharedCount == 0 && finished.sharedStart == 0 { return (finished.target, shared.takeBytes()) }
        return (finished.target, Array(shared.bytes[finished.sharedStart...]))
    }

    /// An end tag inside the open captures.
    mutating func end() {
        if sharedCount > 0 { shared.end() }
        for index in captures.indices { captures[index].own?.end() }
    }

    /// Character data (UTF-8) inside the open captures.
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        if sharedCount > 0 { shared.characters(text) }
        for index in captures.indices { captures[index].own?.characters(text) }
    }
}
