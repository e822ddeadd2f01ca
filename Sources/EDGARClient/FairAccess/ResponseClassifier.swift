import Foundation

/// Classifies a finished HTTP exchange for `RetryPolicy`: a pure function of status, headers and
/// the head of the body.
public enum ResponseClassifier {
    /// - Parameters:
    ///   - status: the HTTP status code.
    ///   - retryAfter: the raw `Retry-After` header, if any.
    ///   - bodyHead: the first bytes of the body (at least `ThrottlePage.prefixBytesMax` when available).
    ///   - now: the current wall-clock date, to turn an HTTP-date `Retry-After` into a duration.
    ///   - forbiddenMeansAbsent: read a 403 whose body is not a throttle page as *permanent* (the
    ///     resource does not exist) instead of a throttle: what a missing daily index answers.
    public static func classify<Bytes: Collection<UInt8>>(
        status: Int,
        retryAfter: String?,
        bodyHead: Bytes,
        now: Date = Date(),
        forbiddenMeansAbsent: Bool = false
    ) -> ExchangeOutcome {
        if status == 403, forbiddenMeansAbsent, !ThrottlePage.matches(bodyHead) { return .permanent(status: 403) }
        if status == 429 || status == 403 || ThrottlePage.matches(bodyHead) {
            return .throttled(retryAfter: retryAfter.flatMap { parseRetryAfter($0, now: now) })
        }
        switch status {
        case 200...299, 304: return .success
        case 408, 500...599: return .transient(reason: "HTTP \(status)")
        default: return .permanent(status: status)
        }
    }

    /// `Retry-After` as delta-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2025 07:28:00 GMT`).
    public static func parseRetryAfter(_ value: String, now: Date) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: trimmed) else { return nil }
        let seconds = date.timeIntervalSince(now)
        return seconds > 0 ? .milliseconds(Int64(seconds * 1000)) : .zero
    }
}
