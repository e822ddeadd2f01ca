/// The text of one inline element (a fact, a continuation, a footnote), built from SAX events while
/// the element is open, as Inline XBRL 1.1 defines it (and Arelle computes it): descendant text in
/// document order, `ix:exclude` subtrees left out, comments ignored; with `escape` the XHTML markup is
/// kept, serialised with attributes sorted by name, an element with no content written `<a></a>`
/// (`<br/>` for HTML's empty elements).
struct IXTextCapture {
    /// What an open descendant element contributes.
    private struct Frame {
        /// The serialised name (`prefix:local`), or `nil` for an inline element, whose content is
        /// kept without its tags.
        let tag: [UInt8]?
        let isSelfClosing: Bool
        /// Whether any text or element was kept inside it yet.
        var emitted = false
    }

    let escape: Bool
    private(set) var bytes: [UInt8] = []
    private var frames: [Frame] = []
    /// Open elements inside an `ix:exclude` (the exclude included); 0 outside one.
    private var excludedDepth = 0

    init(escape: Bool) { self.escape = escape }

    /// Whether it is inside an `ix:exclude`, keeping nothing.
    var isExcluding: Bool { excludedDepth > 0 }

    /// Starts over, empty, keeping the buffer's capacity.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        frames.removeAll(keepingCapacity: true)
        excludedDepth = 0
    }

    /// The text so far, leaving the capture empty. An exact-size copy: handing out `bytes` itself
    /// would leave every stored fact text with the capacity of the largest one (`reset` keeps the
    /// capacity, so the buffer would be reallocated at that size for the next capture).
    mutating func takeBytes() -> [UInt8] {
        defer { reset() }
        return bytes.withUnsafeBufferPointer { Array($0) }
    }

    /// A descendant start tag.
    mutating func start(_ element: IXElementInfo, attributes: SAXAttributes) {
        if excludedDepth > 0 {
            excludedDepth += 1
            return
        }
        if element.isExclude {
            excludedDepth = 1
            return
        }
        markEmitted()
        guard escape else { return }
        guard !element.isInline else {
            frames.append(Frame(tag: nil, isSelfClosing: false))
            return
        }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(contentsOf: element.qualifiedName)
        appendAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
        frames.append(Frame(tag: element.qualifiedName, isSelfClosing: element.isSelfClosing))
    }

    /// A descendant end tag.
    mutating func end() {
        if excludedDepth > 0 {
            excludedDepth -= 1
            return
        }
        guard escape, let frame = frames.popLast(), let tag = frame.tag else { return }
        if !frame.emitted && frame.isSelfClosing {
            // Nothing was written after the start tag: `<br …>` becomes `<br …/>`.
            bytes.removeLast()
            bytes.append(UInt8(ascii: "/"))
            bytes.append(UInt8(ascii: ">"))
            return
        }
        bytes.append(UInt8(ascii: "<"))
        bytes.append(UInt8(ascii: "/"))
        bytes.append(contentsOf: tag)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Descendant character data (UTF-8).
    mutating func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard excludedDepth == 0 else { return }
        markEmitted()
        if escape { appendEscaped(text, quotes: false) } else { bytes.append(contentsOf: text) }
    }

    private mutating func markEmitted() {
        if !frames.isEmpty { frames[frames.count - 1].emitted = true }
    }

    /// ` name="value"` for each attribute, sorted by qualified name, `&` and `"` escaped.
    private mutating func appendAttributes(_ attributes: SAXAttributes) {
        switch attributes.count {
        case 0:
            return
        case 1:
            // One attribute (usually `style`): nothing to sort.
            appendAttribute(attributes, 0)
        case 2...Self.insertionSortCountMax:
            // A stable insertion sort of the indices, comparing names in place: tags have a few.
            withUnsafeTemporaryAllocation(of: Int.self, capacity: attributes.count) { order in
                for index in 0..<attributes.count {
                    var slot = index
                    while slot > 0,
                        IXAttributeName(attributes, index).precedes(IXAttributeName(attributes, order[slot - 1]))
                    {
                        order[slot] = order[slot - 1]
                        slot -= 1
                    }
                    order[slot] = index
                }
                for index in order { appendAttribute(attributes, index) }
            }
        default:
            let order = (0..<attributes.count).sorted {
                IXAttributeName(attributes, $0).precedes(IXAttributeName(attributes, $1))
            }
            for index in order { appendAttribute(attributes, index) }
        }
    }

    /// Start tags with more attributes than this are sorted with the standard library's sort.
    private static let insertionSortCountMax = 16

    private mutating func appendAttribute(_ attributes: SAXAttributes, _ index: Int) {
        bytes.append(UInt8(ascii: " "))
        if let prefix = attributes.prefix(at: index), prefix.pointee != 0 {
            bytes.append(contentsOf: CString.bytes(prefix))
            bytes.append(UInt8(ascii: ":"))
        }
        if let local = attributes.localName(at: index) { bytes.append(contentsOf: CString.bytes(local)) }
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        let raw = attributes.rawValue(at: index)
        let special = Self.nextSpecial(in: raw, from: 0, quotes: true)
        if special == raw.count {
            bytes.append(contentsOf: raw)
        } else if raw[special...].contains(UInt8(ascii: "&")) {
            attributes.decodedValue(at: index).withUnsafeBufferPointer { appendEscaped($0, quotes: true) }
        } else {
            appendEscaped(raw, quotes: true)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `text` with `&` escaped, and `<`, `>` (text) or `"` (attribute values, `quotes`);
    /// runs without those are copied whole, found eight bytes at a time.
    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        var start = 0
        var index = Self.nextSpecial(in: text, from: 0, quotes: quotes)
        while index < text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<") where !quotes: replacement = "&lt;"
            case UInt8(ascii: ">") where !quotes: replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            default:
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            bytes.append(
                contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount)
            )
            start = index + 1
            index = Self.nextSpecial(in: text, from: start, quotes: quotes)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    /// The first index from `start` that may need escaping (`&`, and `"` or `<`, `>`), or the end:
    /// a word is skipped when none of its bytes equals one of them (zero-byte test on XOR).
    private static func nextSpecial(in text: UnsafeBufferPointer<UInt8>, from start: Int, quotes: Bool) -> Int {
        let raw = UnsafeRawBufferPointer(text)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let hasZero = { (word: UInt64) -> Bool in (word &- ones) & ~word & high != 0 }
        let ampersand: UInt64 = 0x26 &* ones
        let quote: UInt64 = 0x22 &* ones
        let less: UInt64 = 0x3C &* ones
        let greater: UInt64 = 0x3E &* ones
        var index = start
        while index + 8 <= text.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            if hasZero(word ^ ampersand) { break }
            if quotes ? hasZero(word ^ quote) : hasZero(word ^ less) || hasZero(word ^ greater) { break }
            index += 8
        }
        while index < text.count {
            switch text[index] {
            case 0x26: return index
            case 0x22 where quotes: return index
            case 0x3C where !quotes, 0x3E where !quotes: return index
            default: index += 1
            }
        }
        return text.count
    }

    /// The plain text of an escaped capture of the same content: tags dropped (an attribute value
    /// may hold `>`, never an unescaped `"`), `&amp;`, `&lt;` and `&gt;` decoded — the only
    /// references escaped text holds outside tags. Inline elements and `ix:exclude` subtrees leave
    /// no tags in either form, so this is exactly what a plain capture would have read.
    static func plain(fromEscaped escaped: [UInt8]) -> [UInt8] {
        var plain: [UInt8] = []
        plain.reserveCapacity(escaped.count)
        var index = 0
        while index < escaped.count {
            switch escaped[index] {
            case UInt8(ascii: "<"):
                var quoted = false
                index += 1
                while index < escaped.count, quoted || escaped[index] != UInt8(ascii: ">") {
                    if escaped[index] == UInt8(ascii: "\"") { quoted.toggle() }
                    index += 1
                }
                index += 1
            case UInt8(ascii: "&"):
                let rest = escaped[index...]
                let (byte, length): (UInt8, Int) =
                    if rest.starts(with: "&amp;".utf8) {
                        (UInt8(ascii: "&"), 5)
                    } else if rest.starts(with: "&lt;".utf8) {
                        (UInt8(ascii: "<"), 4)
                    } else if rest.starts(with: "&gt;".utf8) {
                        (UInt8(ascii: ">"), 4)
                    } else {
                        (UInt8(ascii: "&"), 1)
                    }
                plain.append(byte)
                index += length
            case let byte:
                plain.append(byte)
                index += 1
            }
        }
        return plain
    }
}
