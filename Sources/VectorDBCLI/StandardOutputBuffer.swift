import Foundation

/// Gathers output pieces and writes them to stdout in writes of at least `flushBytes` (but the
/// last): the JSON writers hand over hundreds of thousands of small pieces, and a `write(2)` for
/// each costs more than encoding it. Holds at most `flushBytes` plus one piece.
struct StandardOutputBuffer {
    /// Bytes gathered before they are written.
    static let flushBytes = 64 * 1024

    private var pending = Data()

    /// Adds `piece`; writes what is gathered once it reaches `flushBytes`.
    mutating func append(_ piece: Data) {
        pending.append(piece)
        if pending.count >= Self.flushBytes { flush() }
    }

    /// Adds `line` and a newline.
    mutating func appendLine(_ line: String) {
        append(Data((line + "\n").utf8))
    }

    /// Writes what is gathered.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(pending)
        pending.removeAll(keepingCapacity: true)
    }
}
