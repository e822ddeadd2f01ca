import Foundation
import SECModel

/// Reads a file line by line in bounded memory (one read buffer plus the current line), so an
/// import of millions of lines never holds the file.
struct JSONLinesReader {
    /// The longest line accepted, in bytes (a 4,096-component vector in JSON is ~50 KB).
    static let lineBytesMax = 16 * 1024 * 1024
    private static let readBytes = 1024 * 1024

    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false
    /// The 1-based number of the line `next()` returned last.
    private(set) var lineNumber = 0

    /// - Throws: `ImportError` (*not found*) when the file cannot be opened.
    init(path: String) throws(ImportError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(
                category: .notFound,
                file: path,
                line: nil,
                field: nil,
                message: "no such file or not readable",
                importedLines: 0
            )
        }
        self.handle = handle
    }

    /// The next line without its newline (a final line without one included), or `nil` at the end.
    ///
    /// - Throws: `ImportError` for a line over `lineBytesMax`, invalid UTF-8, or a read error.
    mutating func next() throws(ImportError) -> Substring? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = try text(buffer[start..<newline])
                start = newline + 1
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = try text(buffer[start...])
                start = buffer.count
                return line
            }
            guard buffer.count - start <= Self.lineBytesMax else {
                throw fault("a line is longer than \(Self.lineBytesMax) bytes", line: lineNumber + 1)
            }
            buffer.removeSubrange(0..<start)
            start = 0
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: Self.readBytes)
            } catch {
                throw ImportError(
                    category: .unavailable,
                    file: path,
                    line: lineNumber + 1,
                    field: nil,
                    message: "cannot read: \(error)",
                    importedLines: 0
                )
            }
            if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
        }
    }

    private mutating func text(_ bytes: ArraySlice<UInt8>) throws(ImportError) -> Substring {
        lineNumber += 1
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
        guard let line = String(validating: bytes, as: UTF8.self) else {
            throw fault("not valid UTF-8", line: lineNumber)
        }
        return Substring(line)
    }

    private func fault(_ message: String, line: Int) -> ImportError {
        ImportError(category: .badInput, file: path, line: line, field: nil, message: message, importedLines: 0)
    }
}
