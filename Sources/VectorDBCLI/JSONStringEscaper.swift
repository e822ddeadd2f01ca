import Foundation

/// Writes a string's JSON escaping in pieces, byte for byte as `JSONEncoder` (with
/// `.withoutEscapingSlashes`) escapes it: `\"`, `\\`, `\b \t \n \f \r`, other C0 controls as
/// `\u00xx`; everything else as UTF-8.
enum JSONStringEscaper {
    /// Bytes per piece handed to `sink`.
    static let pieceBytes = 64 * 1024

    static func write(_ text: Substring, to sink: (Data) -> Void) {
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceBytes + 8)
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        for byte in text.utf8 {
            switch byte {
            case 0x22: piece.append(contentsOf: [0x5C, 0x22])
            case 0x5C: piece.append(contentsOf: [0x5C, 0x5C])
            case 0x08: piece.append(contentsOf: [0x5C, 0x62])
            case 0x09: piece.append(contentsOf: [0x5C, 0x74])
            case 0x0A: piece.append(contentsOf: [0x5C, 0x6E])
            case 0x0C: piece.append(contentsOf: [0x5C, 0x66])
            case 0x0D: piece.append(contentsOf: [0x5C, 0x72])
            case 0x00..<0x20:
                piece.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: piece.append(byte)
            }
            if piece.count >= pieceBytes {
                sink(Data(piece))
                piece.removeAll(keepingCapacity: true)
            }
        }
        if !piece.isEmpty { sink(Data(piece)) }
    }
}
