/// Accumulates UTF-8 text, collapsing every run of whitespace (including non-breaking and other
/// Unicode spaces) into one ASCII space, with no leading or trailing space.
///
/// A blank line inside one run of character data (text, two or more line feeds with only
/// whitespace between, text, and no tag in between) is remembered as a paragraph break when the
/// caller allows it (`noteTag(blankLinesBreak:)`): filings converted from plain text (EDGAR's
/// pre-2001 documents wrapped in `<div>` or `<pre>`) separate their paragraphs and item headings
/// only that way. Whitespace next to a tag never breaks, so indentation between elements of
/// ordinary HTML does not.
///
/// Works on bytes: ASCII (nearly all of a filing) is copied without decoding; other scalars are
/// decoded to test for whitespace and to undo windows-1252 mis-decoding.
struct WhitespaceCollapsingBuffer {
    private var bytes: [UInt8] = []
    private var pendingSpace = false
    /// Line breaks in the pending whitespace run, counted as XML normalises them (`\r\n` and a lone
    /// `\r` are one `\n`), so both libxml2 parsers give the same count.
    private var pendingLineBreaks = 0
    /// Whether the last whitespace byte was `\r` (a `\n` right after it ends the same line break).
    private var afterCarriageReturn = false
    /// Whether text of the current run of character data was collected since the last tag: only
    /// then does a blank line break the paragraph.
    private var followsText = false
    /// Whether a blank line in the current run of character data breaks the paragraph.
    private var blankLinesBreak = false
    /// Byte offsets in `bytes` where a paragraph starts after a blank line, ascending, never 0; the
    /// byte before each is the space that stands for the blank line.
    private(set) var paragraphStarts: [Int] = []

    /// Appends UTF-8 text as libxml2 delivers it, mapping dingbat glyphs when `font` is set.
    mutating func append(utf8 fragment: UnsafeBufferPointer<UInt8>, font: SymbolFont?) {
        var index = 0
        let count = fragment.count
        while index < count {
            let byte = fragment[index]
            if byte < 0x80, font == nil {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = true
                    if byte == 0x0A || byte == 0x0D { countLineBreak(carriageReturn: byte == 0x0D) }
                    afterCarriageReturn = byte == 0x0D
                    index += 1
                    continue
                }
                // A run of other ASCII bytes is copied whole, single spaces between words included (a
                // lone space after a word is what collapsing would write anyway).
                var end = index + 1
                while end < count {
                    let next = fragment[end]
                    if next > 0x20 && next < 0x80 {
                        end += 1
                    } else if next == 0x20, end + 1 < count, fragment[end + 1] > 0x20, fragment[end + 1] < 0x80 {
                        end += 2
                    } else {
                        break
                    }
                }
                emitPendingSpace()
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: fragment[index..<end]))
                index = end
                continue
            }
            let (decoded, length) = Self.decodeScalar(fragment, at: index)
            index += length
            append(scalar: font.map { $0.glyph(decoded) ?? decoded } ?? decoded)
        }
    }

    /// Appends one scalar, applying the whitespace and windows-1252 rules.
    mutating func append(scalar original: Unicode.Scalar) {
        let scalar = Self.windows1252(original)
        if Self.isSpace(scalar) {
            pendingSpace = true
            if scalar == "\n" || scalar == "\r" { countLineBreak(carriageReturn: scalar == "\r") }
            afterCarriageReturn = scalar == "\r"
            return
        }
        emitPendingSpace()
        let value = scalar.value
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case ..<0x1_0000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    mutating func appendSpace() { pendingSpace = true }

    /// A tag (start or end) was read: whitespace from here to the next text does not break a
    /// paragraph; blank lines in the text after it do when `blankLinesBreak`.
    mutating func noteTag(blankLinesBreak: Bool) {
        followsText = false
        pendingLineBreaks = 0
        afterCarriageReturn = false
        self.blankLinesBreak = blankLinesBreak
    }

    private mutating func countLineBreak(carriageReturn: Bool) {
        if carriageReturn || !afterCarriageReturn { pendingLineBreaks += 1 }
    }

    private mutating func emitPendingSpace() {
        if pendingSpace && !bytes.isEmpty {
            bytes.append(0x20)
            if pendingLineBreaks >= 2 && followsText && blankLinesBreak { paragraphStarts.append(bytes.count) }
        }
        pendingSpace = false
        pendingLineBreaks = 0
        afterCarriageReturn = false
        followsText = true
    }

    /// Whitespace, zero-width space or BOM: what collapses to one space.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        isWhiteSpace(scalar) || scalar.value == 0x200B || scalar.value == 0xFEFF
    }

    /// Unicode's `White_Space` property (a fixed list since Unicode 6.3), spelled out: a property
    /// look-up per curly quote or dash was a measurable share of a parse.
    @inline(__always)
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// C1 control characters (U+0080–U+009F) never appear in real text; when they do, a
    /// windows-1252 file was read as Latin-1 (`Management\u{92}s`), so they are mapped back to the
    /// windows-1252 characters (`Management’s`).
    static func windows1252(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(scalar.value) else { return scalar }
        let mapped = TextDecoding.windows1252High[Int(scalar.value - 0x80)]
        return mapped < 0xA0 ? " " : Unicode.Scalar(mapped) ?? scalar
    }

    /// Decodes the scalar starting at `index`; an invalid sequence yields U+FFFD for one byte.
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: (length, value) = (2, UInt32(lead & 0x1F))
        case 0xE0..<0xF0: (length, value) = (3, UInt32(lead & 0x0F))
        case 0xF0..<0xF5: (length, value) = (4, UInt32(lead & 0x07))
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        for offset in 1..<length {
            let continuation = bytes[index + offset]
            guard continuation & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }

    /// Whether nothing was collected since the last `take`.
    var isEmpty: Bool { bytes.isEmpty }

    /// The collected text as UTF-8 (always valid: every scalar is encoded by this buffer or copied
    /// from an ASCII run); `take` or `moveBytes` empty it.
    var collected: [UInt8] { bytes }

    /// Appends the collected UTF-8 to `target` and empties the buffer; paragraph breaks stay spaces
    /// (a table cell is one paragraph).
    mutating func moveBytes(into target: inout [UInt8]) {
        target.append(contentsOf: bytes)
        reset()
    }

    /// Returns the collected text and empties the buffer; paragraph breaks stay spaces.
    mutating func take() -> String {
        defer { reset() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Returns the collected text split at its paragraph breaks (each break's space dropped) and
    /// empties the buffer.
    mutating func takeParagraphs() -> [String] {
        defer { reset() }
        var paragraphs: [String] = []
        paragraphs.reserveCapacity(paragraphStarts.count + 1)
        var start = 0
        for next in paragraphStarts {
            paragraphs.append(String(decoding: bytes[start..<next - 1], as: UTF8.self))
            start = next
        }
        paragraphs.append(String(decoding: bytes[start...], as: UTF8.self))
        return paragraphs
    }

    private mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        paragraphStarts.removeAll()
        pendingSpace = false
        pendingLineBreaks = 0
        afterCarriageReturn = false
    }
}
