import CLibXML2

/// Hands a document in memory to libxml2 one piece at a time through its read callback: libxml2
/// drops what it has parsed, so it never holds a second copy of the whole document. (libxml2 2.9's
/// static memory buffers, which would avoid even the piecewise copy, re-read input after a shrink.)
final class SliceReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    /// `bytes` must outlive the parse.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Copies up to `length` bytes into `destination`; returns the count, 0 at the end.
    func read(into destination: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        let count = min(length, bytes.count - offset)
        guard count > 0, let base = bytes.baseAddress else { return 0 }
        UnsafeMutableRawPointer(destination).copyMemory(from: base + offset, byteCount: count)
        offset += count
        return Int32(count)
    }

    /// Makes this reader the input of `context` (an XML or HTML parser context), before the parse.
    ///
    /// - Returns: `false` when libxml2 could not set up the input.
    func pushInput(onto context: xmlParserCtxtPtr) -> Bool {
        let read: xmlInputReadCallback = { reader, destination, length in
            guard let reader, let destination, length > 0 else { return 0 }
            return Unmanaged<SliceReader>.fromOpaque(reader).takeUnretainedValue()
                .read(into: destination, length: Int(length))
        }
        let pointer = Unmanaged.passUnretained(self).toOpaque()
        guard let input = xmlParserInputBufferCreateIO(read, nil, pointer, XML_CHAR_ENCODING_NONE) else {
            return false
        }
        guard let stream = xmlNewIOInputStream(context, input, XML_CHAR_ENCODING_NONE) else {
            xmlFreeParserInputBuffer(input)
            return false
        }
        guard inputPush(context, stream) >= 0 else {
            xmlFreeInputStream(stream)
            return false
        }
        return true
    }
}
