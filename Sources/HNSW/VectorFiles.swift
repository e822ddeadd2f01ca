import Foundation

/// The `.fvecs` / `.ivecs` files of the standard ANN benchmarks (TEXMEX, ann-benchmarks exports):
/// each row is a little-endian `int32` dimension followed by that many `float32` (fvecs) or `int32`
/// (ivecs) values. All rows have the same dimension.
public enum VectorFiles {
    /// Reads an `.fvecs` file into rows.
    ///
    /// - Throws: `HNSWError.corruption` naming the file and offset of a short or inconsistent row.
    public static func readFvecs(_ path: String) throws(HNSWError) -> [[Float]] {
        try readRows(path) { bytes, offset, dimension in
            (0..<dimension).map { Float(bitPattern: readUInt32(bytes, offset + 4 * $0)) }
        }
    }

    /// Reads an `.ivecs` file into rows.
    public static func readIvecs(_ path: String) throws(HNSWError) -> [[Int32]] {
        try readRows(path) { bytes, offset, dimension in
            (0..<dimension).map { Int32(bitPattern: readUInt32(bytes, offset + 4 * $0)) }
        }
    }

    /// Writes rows as `.fvecs`.
    public static func writeFvecs(_ rows: [[Float]], to path: String) throws(HNSWError) {
        var bytes: [UInt8] = []
        for row in rows {
            append(UInt32(row.count), to: &bytes)
            for value in row { append(value.bitPattern, to: &bytes) }
        }
        try write(bytes, to: path)
    }

    /// Writes rows as `.ivecs`.
    public static func writeIvecs(_ rows: [[Int32]], to path: String) throws(HNSWError) {
        var bytes: [UInt8] = []
        for row in rows {
            append(UInt32(row.count), to: &bytes)
            for value in row { append(UInt32(bitPattern: value), to: &bytes) }
        }
        try write(bytes, to: path)
    }

    private static func readRows<Row>(
        _ path: String,
        decode: ([UInt8], Int, Int) -> Row
    ) throws(HNSWError) -> [Row] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HNSWError(code: .badInput, message: "cannot read the file", file: path)
        }
        let bytes = [UInt8](data)
        var rows: [Row] = []
        var offset = 0
        var expected: Int?
        while offset < bytes.count {
            guard offset + 4 <= bytes.count else {
                throw HNSWError(code: .corruption, message: "truncated row header", file: path, offsetBytes: offset)
            }
            let dimension = Int(readUInt32(bytes, offset))
            guard (1...65_536).contains(dimension), expected == nil || expected == dimension else {
                throw HNSWError(
                    code: .corruption,
                    message: "row dimension \(dimension) is invalid",
                    file: path,
                    offsetBytes: offset
                )
            }
            expected = dimension
            guard offset + 4 + 4 * dimension <= bytes.count else {
                throw HNSWError(code: .corruption, message: "truncated row", file: path, offsetBytes: offset)
            }
            rows.append(decode(bytes, offset + 4, dimension))
            offset += 4 + 4 * dimension
        }
        return rows
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
            | UInt32(bytes[offset + 3]) << 24
    }

    private static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func write(_ bytes: [UInt8], to path: String) throws(HNSWError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw HNSWError(code: .badInput, message: "cannot write: \(error)", file: path)
        }
    }
}
