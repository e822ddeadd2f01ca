/// The qualified name of one attribute of a SAX start tag (`prefix:local`, or `local`), compared
/// byte by byte in place, without building it: escaped text blocks write attributes sorted by it.
struct IXAttributeName {
    let prefix: UnsafePointer<UInt8>?
    let local: UnsafePointer<UInt8>?

    init(_ attributes: SAXAttributes, _ index: Int) {
        let prefix = attributes.prefix(at: index)
        self.prefix = prefix.flatMap { $0.pointee == 0 ? nil : $0 }
        local = attributes.localName(at: index)
    }

    /// Whether this name sorts before `other` (bytewise, a proper prefix first).
    func precedes(_ other: IXAttributeName) -> Bool {
        var mine = Bytes(self)
        var theirs = Bytes(other)
        while true {
            switch (mine.next(), theirs.next()) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?):
                if left != right { return left < right }
            }
        }
    }

    /// The bytes of the qualified name in order.
    private struct Bytes: IteratorProtocol {
        private var prefix: UnsafePointer<UInt8>?
        private var local: UnsafePointer<UInt8>?

        init(_ name: IXAttributeName) {
            prefix = name.prefix
            local = name.local
        }

        mutating func next() -> UInt8? {
            if let current = prefix {
                if current.pointee != 0 {
                    prefix = current + 1
                    return current.pointee
                }
                prefix = nil
                return UInt8(ascii: ":")
            }
            guard let current = local, current.pointee != 0 else { return nil }
            local = current + 1
            return current.pointee
        }
    }
}
