import Foundation
import Glibc

/// A signing time: `x-amz-date`'s `yyyyMMdd'T'HHmmss'Z'` (UTC) and its `yyyyMMdd` date.
public struct AMZDate: Hashable, Sendable {
    /// `20150830T123600Z`.
    public let timestamp: String

    /// - Parameter timestamp: `yyyyMMdd'T'HHmmss'Z'`.
    public init(timestamp: String) { self.timestamp = timestamp }

    /// The UTC time of `date`, to the second.
    public init(_ date: Date) {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        timestamp =
            "\(parts.tm_year + 1900)\(two(parts.tm_mon + 1))\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour))\(two(parts.tm_min))\(two(parts.tm_sec))Z"
    }

    /// `20150830`: the credential scope's date.
    public var date: String { String(timestamp.prefix(8)) }
}
