import ArgumentParser
import SECModel

/// The exit statuses of `vectordb`, sysexits(3)-style, in one place (README and docs/cli.md list them):
/// a script can tell a typo from a missing collection from a full disk without reading stderr.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    /// Some items of a batch command failed, the rest succeeded (`vectordb fetch`: each failure is
    /// named on stdout).
    case partialFailure = 1
    /// EX_USAGE: a flag or argument is malformed (ArgumentParser's validation; the usage follows).
    case usage = 64
    /// EX_DATAERR: the input is wrong (a file, a filter, a schema violation, an import line).
    case badInput = 65
    /// EX_NOINPUT: what was named does not exist (data directory, collection, file, version, model).
    case notFound = 66
    /// EX_SOFTWARE: a bug (a broken invariant).
    case `internal` = 70
    /// EX_CANTCREAT: the request conflicts with what exists (another embedding model or dimension,
    /// a collection another process writes).
    case conflict = 73
    /// EX_IOERR: stored bytes are damaged (checksum, framing).
    case corrupt = 74
    /// EX_TEMPFAIL: a transient failure (disk full, network, throttling, a race): retrying may help.
    case unavailable = 75

    init(_ category: ErrorCategory) {
        switch category {
        case .badInput: self = .badInput
        case .notFound: self = .notFound
        case .conflict: self = .conflict
        case .unavailable: self = .unavailable
        case .corrupt: self = .corrupt
        case .internal: self = .internal
        }
    }
}
