import Foundation
import VectorStore

/// The value of `--as-of`: a version number (digits) or an ISO 8601 moment
/// (`2025-02-14T12:00:00Z`, with optional fractional seconds or offset, or a date `2025-02-14`,
/// meaning its midnight UTC).
enum AsOfArgument {
    static func parse(_ text: String) throws -> VersionSelector {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            guard let version = UInt64(trimmed) else { throw CLIFailure("--as-of version '\(text)' is too large") }
            return .version(version)
        }
        let formats: [ISO8601DateFormatter.Options] = [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ]
        for options in formats {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) { return .time(date) }
        }
        throw CLIFailure(
            "--as-of '\(text)' is neither a version number (see `vectordb snapshots list`) nor an ISO 8601 time "
                + "such as 2025-02-14T12:00:00Z or 2025-02-14"
        )
    }
}
