/// The attributes of one start tag as libxml2's SAX2 `startElementNs` passes them: five pointers per
/// attribute — local name, prefix, namespace URI (NUL-terminated), value start and value end (not
/// terminated). Valid only during the callback.
///
/// Values are as the parser reports them: character references decoded, except that `&` stays
/// `&#38;` and a reference to a declared entity stays `&name;` (libxml2 leaves both for the tree
/// builder); `decodedValue(at:)` finishes the job the way the tree builder does.
struct SAXAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    /// Attributes written in the tag; those defaulted from a DTD are left out, as libxml2's tree
    /// builder leaves them out.
    let count: Int

    init(_ base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, count: Int32, defaulted: Int32) {
        self.base = base
        self.count = base == nil ? 0 : max(0, Int(count) - Int(defaulted))
    }

    /// The local name of attribute `index`.
    func localName(at index: Int) -> UnsafePointer<UInt8>? { base?[5 * index] }

    /// The prefix of attribute `index`, `nil` when it has none.
    func prefix(at index: Int) -> UnsafePointer<UInt8>? { base?[5 * index + 1] }

    /// The namespace URI of attribute `index`, `nil` when it has none.
    func namespaceURI(at index: Int) -> UnsafePointer<UInt8>? { base?[5 * index + 2] }

    /// The value of attribute `index` as reported (see the type's note on `&`).
    func rawValue(at index: Int) -> UnsafeBufferPointer<UInt8> {
        guard let base, let start = base[5 * index + 3], let end = base[5 * index + 4] else {
            return UnsafeBufferPointer(start: nil, count: 0)
        }
        return UnsafeBufferPointer(start: start, count: end - start)
    }

    /// The value of attribute `index` as libxml2's tree holds it: `&#38;` and other character
    /// references decoded, a reference to a declared entity dropped (its text is not kept for
    /// attributes).
    func decodedValue(at index: Int) -> [UInt8] {
        let raw = rawValue(at: index)
        guard raw.contains(UInt8(ascii: "&")) else { return Array(raw) }
        return Self.decodingReferences(raw)
    }

    /// The decoded value of attribute `index` as a `String`, made straight from the parser's bytes
    /// when there is nothing to decode (values up to 15 bytes need no allocation then).
    func stringValue(at index: Int) -> String {
        let raw = rawValue(at: index)
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        return String(decoding: Self.decodingReferences(raw), as: UTF8.self)
    }

    /// The decoded value of the attribute without a namespace called `name`, as a `String`.
    func string(_ name: StaticString) -> String? {
        index(of: name).map(stringValue(at:))
    }

    /// The index of the attribute written without a prefix called exactly `name` (a name with an
    /// undeclared prefix is not it, as in libxml2's tree).
    func index(of name: StaticString) -> Int? {
        let wanted = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for index in 0..<count where prefix(at: index) == nil && CString.equals(localName(at: index), wanted) {
            return index
        }
        return nil
    }

    private static func decodingReferences(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&"), let end = raw[index...].firstIndex(of: UInt8(ascii: ";")) else {
                result.append(byte)
                index += 1
                continue
            }
            if let scalar = characterReference(raw[(index + 1)..<end]) {
                result.append(contentsOf: String(scalar).utf8)
            }
            index = end + 1
        }
        return result
    }

    /// `#38` or `#x26` → the scalar; anything else (an entity name) → `nil`.
    private static func characterReference(_ body: Slice<UnsafeBufferPointer<UInt8>>) -> Unicode.Scalar? {
        guard body.first == UInt8(ascii: "#") else { return nil }
        var digits = body.dropFirst()
        var radix = 10
        if let first = digits.first, first == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst()
        }
        guard let value = UInt32(String(decoding: digits, as: UTF8.self), radix: radix) else { return nil }
        return Unicode.Scalar(value)
    }
}
