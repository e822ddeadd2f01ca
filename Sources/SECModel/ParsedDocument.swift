/// A document reduced to canonical text and the sections found in it.
///
/// The canonical text is the one every offset in the system refers to. Offsets count Unicode
/// scalars (code points, the same unit as a Python `str` index): a section or a chunk
/// `[charStart, charEnd)` is exactly `text(charStart:charEnd:)`.
public struct ParsedDocument: Sendable, Codable {
    /// Text with block structure kept as newlines; tables rendered one row per line. Never holds `\r`.
    public var canonicalText: String {
        didSet { scalarIndex = ScalarOffsetIndex(canonicalText) }
    }
    /// Sections in document order, non-overlapping.
    public var sections: [Section]
    /// The form the sections were keyed for: the caller's, else the one the cover page names
    /// (`FORM 10-K`), else `nil`. Not encoded.
    public var form: FormType?
    /// Maps scalar offsets to UTF-8 offsets; derived from `canonicalText`, never encoded.
    private var scalarIndex: ScalarOffsetIndex

    public init(canonicalText: String, sections: [Section], form: FormType? = nil) {
        self.canonicalText = canonicalText
        self.sections = sections
        self.form = form
        scalarIndex = ScalarOffsetIndex(canonicalText)
    }

    private enum CodingKeys: String, CodingKey {
        case canonicalText, sections
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            canonicalText: try container.decode(String.self, forKey: .canonicalText),
            sections: try container.decode([Section].self, forKey: .sections)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(canonicalText, forKey: .canonicalText)
        try container.encode(sections, forKey: .sections)
    }

    /// The length of the canonical text in Unicode scalars.
    public var scalarCount: Int { scalarIndex.scalarCount }

    /// The text of `[charStart, charEnd)` in Unicode scalars, clamped to the text. Cost: a copy of
    /// the span and at most 2 × 1,024 scalar steps, whatever `charStart`.
    public func text(charStart: Int, charEnd: Int) -> String {
        String(slice(charStart: charStart, charEnd: charEnd))
    }

    /// `text(charStart:charEnd:)` without copying: a view into the canonical text.
    public func slice(charStart: Int, charEnd: Int) -> Substring {
        let count = scalarIndex.scalarCount
        let lower = min(max(0, charStart), count)
        let upper = min(max(lower, charEnd), count)
        let start = scalarIndex.index(ofScalar: lower, in: canonicalText)
        // A long span's end is found from its own checkpoint, not by walking the span.
        let end =
            upper - lower <= ScalarOffsetIndex.stride
            ? canonicalText.unicodeScalars.index(start, offsetBy: upper - lower)
            : scalarIndex.index(ofScalar: upper, in: canonicalText)
        return canonicalText[start..<end]
    }
}

/// Checkpoints of a string's UTF-8 offset every `stride` Unicode scalars, so a scalar offset is found
/// in at most `stride` steps.
struct ScalarOffsetIndex: Sendable, Hashable {
    static let stride = 1_024
    /// `utf8Offsets[i]` is the UTF-8 offset of scalar `i * stride`.
    private(set) var utf8Offsets: [Int] = []
    private(set) var scalarCount = 0

    init(_ text: String) {
        var text = text
        (utf8Offsets, scalarCount) = text.withUTF8 { Self.checkpoints($0) }
    }

    /// The UTF-8 offset of every `stride`-th scalar, and the scalar count. Whole words of eight
    /// bytes are counted at once; a word in which a checkpoint falls is walked byte by byte.
    private static func checkpoints(_ bytes: UnsafeBufferPointer<UInt8>) -> (offsets: [Int], scalars: Int) {
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count / stride + 1)
        guard let base = bytes.baseAddress else { return (offsets, 0) }
        let raw = UnsafeRawPointer(base)
        var scalars = 0
        var nextCheckpoint = 0
        var offset = 0
        while offset < bytes.count {
            if offset + 8 <= bytes.count && scalars + 8 <= nextCheckpoint {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                scalars += 8 - UTF8ScalarCount.continuationBytes(word)
                offset += 8
                continue
            }
            if bytes[offset] & 0xC0 != 0x80 {
                if scalars == nextCheckpoint {
                    offsets.append(offset)
                    nextCheckpoint += stride
                }
                scalars += 1
            }
            offset += 1
        }
        return (offsets, scalars)
    }

    /// The index of scalar `scalar` (`0...scalarCount`) in `text`, the string this index was built from.
    func index(ofScalar scalar: Int, in text: String) -> String.Index {
        let checkpoint = scalar / Self.stride
        guard checkpoint < utf8Offsets.count else { return text.endIndex }
        let base = text.utf8.index(text.startIndex, offsetBy: utf8Offsets[checkpoint])
        return text.unicodeScalars.index(base, offsetBy: scalar - checkpoint * Self.stride)
    }
}
