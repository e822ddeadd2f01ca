/// A failure to write or read a Parquet file.
///
/// Codes: `badInput` is the caller's (values that do not fit the schema, a row group of columns of
/// unequal row counts, a limit exceeded); `unsupported` is a valid Parquet file using a feature this
/// reader does not implement (data page v2, a codec other than Zstd or none, an encoding we never
/// write); `corruption` means the bytes fail their framing, sizes or checksums — `offsetBytes` is the
/// byte offset in the file where the damage was found.
public struct ParquetError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case badInput
        case unsupported
        case corruption
    }

    public let code: Code
    public let message: String
    /// Byte offset in the file of the structure that failed (corruption and unsupported), when known.
    public let offsetBytes: Int?
    /// The column concerned (its dotted path), when there is one.
    public let column: String?

    public init(code: Code, message: String, offsetBytes: Int? = nil, column: String? = nil) {
        self.code = code
        self.message = message
        self.offsetBytes = offsetBytes
        self.column = column
    }

    /// Damaged bytes at `offsetBytes`.
    static func corruption(_ message: String, at offsetBytes: Int, column: String? = nil) -> ParquetError {
        ParquetError(code: .corruption, message: message, offsetBytes: offsetBytes, column: column)
    }

    /// A caller's mistake.
    static func badInput(_ message: String, column: String? = nil) -> ParquetError {
        ParquetError(code: .badInput, message: message, column: column)
    }

    public var description: String {
        var text = "parquet \(code.rawValue)"
        if let column { text += " in column '\(column)'" }
        if let offsetBytes { text += " at byte \(offsetBytes)" }
        return text + ": " + message
    }
}
