import Glibc

/// libxml2's NUL-terminated UTF-8 strings (node names, namespace URIs, attribute values), read in
/// place: no `String` is built on the hot paths of the text walk and the fact reader.
enum CString {
    /// The string's bytes, without the terminating NUL; valid while libxml2 keeps the string.
    static func bytes(_ cString: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let length = cString.withMemoryRebound(to: CChar.self, capacity: 1) { strlen($0) }
        return UnsafeBufferPointer(start: cString, count: length)
    }

    /// Whether the string is exactly the literal `text`, compared byte by byte in place (a
    /// `String.UTF8View` would be walked through its index type).
    static func equals(_ cString: UnsafePointer<UInt8>?, _ text: StaticString) -> Bool {
        equals(cString, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether the string is exactly `text`; a missing string equals only the empty text.
    static func equals(_ cString: UnsafePointer<UInt8>?, _ text: some Collection<UInt8>) -> Bool {
        guard let cString else { return text.isEmpty }
        var offset = 0
        for byte in text {
            guard cString[offset] == byte else { return false }
            offset += 1
        }
        return cString[offset] == 0
    }
}
