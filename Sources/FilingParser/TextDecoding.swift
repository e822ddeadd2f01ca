/// Decoding of legacy EDGAR text: UTF-8 when valid, else windows-1252 (which is Latin-1 but for
/// 0x80–0x9F, where filers' word processors put curly quotes and dashes).
enum TextDecoding {
    /// The characters windows-1252 puts at 0x80–0x9F (five unassigned bytes map to themselves).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : UInt32(byte)
            result.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return result
    }
}
