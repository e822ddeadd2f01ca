import ArgumentParser
import Foundation
import SECModel

/// An error the CLI reports as one line on stderr (`Error: …`) before exiting with the status its
/// category maps to (`ExitStatus`, docs/cli.md "Exit statuses").
struct CLIFailure: Error, CustomStringConvertible {
    let category: ErrorCategory
    let message: String

    /// A failure the CLI itself words; *bad input* unless said otherwise.
    init(_ message: String, category: ErrorCategory = .badInput) {
        self.category = category
        self.message = message
    }

    /// A library's error: its description and its category (`ErrorCategory(of:)`).
    init(_ error: any Error) {
        if let failure = error as? CLIFailure {
            self = failure
        } else {
            self.init((error as? any CategorizedError)?.description ?? "\(error)", category: ErrorCategory(of: error))
        }
    }

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

    /// Writes `line` and a newline to stderr (errors and progress; never results).
    static func writeError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
