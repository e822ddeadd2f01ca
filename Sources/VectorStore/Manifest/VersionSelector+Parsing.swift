import Foundation

extension VersionSelector {
    /// Reads `--as-of` / `asOf` text: a version number (digits) or an ISO 8601 moment
    /// (`2025-02-14T12:00:00Z`, with optional fractional seconds or offset, or a date `2025-02-14`,
    /// meaning its midnight UTC); `nil` for anything else (or a version over `UInt64.max`).
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.allSatisfy(\.isASCII), trimmed.allSatisfy(\.isNumber) {
            guard let version = UInt64(trimmed) else { return nil }
            self = .version(version)
            return
        }
        let formats: [ISO8601DateFormatter.Options] = [
            [.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds], [.withFullDate],
        ]
        for options in formats {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: trimmed) {
                self = .time(date)
                return
            }
        }
        return nil
    }
}
