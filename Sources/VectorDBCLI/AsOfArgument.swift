import Foundation
import VectorStore

/// The value of `--as-of`: a version number (digits) or an ISO 8601 moment
/// (`2025-02-14T12:00:00Z`, with optional fractional seconds or offset, or a date `2025-02-14`,
/// meaning its midnight UTC); `VersionSelector(parsing:)` reads it.
enum AsOfArgument {
    static func parse(_ text: String) throws -> VersionSelector {
        if let selector = VersionSelector(parsing: text) { return selector }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            throw CLIFailure("--as-of version '\(text)' is too large")
        }
        throw CLIFailure(
            "--as-of '\(text)' is neither a version number (see `vectordb snapshots list`) nor an ISO 8601 time "
                + "such as 2025-02-14T12:00:00Z or 2025-02-14"
        )
    }
}
