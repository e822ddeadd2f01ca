import ArgumentParser
import Foundation

/// An error the CLI reports as one line on stderr before exiting with status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}

extension CLIFailure: LocalizedError {
    var errorDescription: String? { message }
}

/// Output on stdout, the only place the CLI writes results.
enum Terminal {
    static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Writes `data` and a newline.
    static func write(data: Data) {
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
