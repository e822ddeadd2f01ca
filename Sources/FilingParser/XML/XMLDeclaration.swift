/// What an XML document's declaration (`<?xml version="1.0" encoding="ASCII"?>`) says about its
/// encoding, read without libxml2.
enum XMLDeclaration {
    /// Encodings whose first 128 code points are ASCII: pure-ASCII input decodes the same in each.
    private static let asciiCompatible: Set<String> = [
        "us-ascii", "ascii", "iso-8859-1", "iso_8859-1", "latin1", "iso-latin-1", "windows-1252", "cp1252",
        "iso-8859-15", "utf-8", "utf8",
    ]

    /// `true` when reading `bytes` as UTF-8 gives what libxml2 would decode from the declared
    /// encoding: valid UTF-8 declared as UTF-8 (or not declared), or pure ASCII declared as an
    /// ASCII-compatible encoding. libxml2 may then skip its encoding converter, which is a third of
    /// an XML parse of an ASCII document. A byte-order mark or an unreadable declaration gives `false`.
    /// `isASCII`, when the caller knows it, spares a pass over the bytes.
    static func decodesAsUTF8(_ bytes: [UInt8], isValidUTF8: Bool, isASCII knownASCII: Bool? = nil) -> Bool {
        guard isValidUTF8, !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return false }
        guard let declared = encoding(in: bytes) else { return false }
        guard let name = declared else { return true }
        if name == "utf-8" || name == "utf8" { return true }
        return asciiCompatible.contains(name) && (knownASCII ?? isASCII(bytes))
    }

    /// Whether `bytes` are valid UTF-8, and `decodesAsUTF8` for them, from one validating pass (it
    /// also tells whether the bytes are ASCII).
    static func readability(of bytes: [UInt8]) -> (isUTF8: Bool, decodesAsUTF8: Bool) {
        guard let span = try? UTF8Span(validating: bytes.span) else { return (false, false) }
        return (true, decodesAsUTF8(bytes, isValidUTF8: true, isASCII: span.isKnownASCII))
    }

    /// Eight bytes at a time: a 1.5 MB filing is checked in well under a millisecond.
    static func isASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            var high: UInt64 = 0
            for index in 0..<words { high |= raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self) }
            for index in (words * 8)..<raw.count { high |= UInt64(raw[index]) }
            return high & 0x8080_8080_8080_8080 == 0
        }
    }

    /// The declared encoding, lower-cased: `.some(nil)` when there is no declaration or it names no
    /// encoding, `nil` when the declaration cannot be read.
    static func encoding(in bytes: [UInt8]) -> String?? {
        let opening = Array("<?xml".utf8)
        // `<?xml-stylesheet …?>` is not a declaration.
        guard bytes.starts(with: opening), bytes.count > opening.count, isSpace(bytes[opening.count]) else {
            return .some(nil)
        }
        let head = bytes.prefix(1_024)
        guard let end = firstIndex(of: Array("?>".utf8), in: head) else { return nil }
        let declaration = head[..<end]
        guard let key = firstIndex(of: Array("encoding".utf8), in: declaration) else { return .some(nil) }
        var rest = declaration[(key + 8)...].drop { isSpace($0) }
        guard rest.first == UInt8(ascii: "=") else { return nil }
        rest = rest.dropFirst().drop { isSpace($0) }
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
        let value = rest.dropFirst().prefix { $0 != quote }
        guard value.endIndex < rest.endIndex else { return nil }
        return .some(String(decoding: value, as: UTF8.self).lowercased())
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.startIndex
        while start <= haystack.endIndex - needle.count {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}
