import Foundation

/// Recognises the HTML pages EDGAR serves instead of content when it throttles or blocks a client.
///
/// EDGAR sometimes answers with status 200 and this page, so the body is checked, not only the
/// status. Only the first `prefixBytesMax` bytes are examined: the markers sit in the `<title>` and
/// the first heading, and a filing document could quote them deep in its text.
public enum ThrottlePage {
    /// Bytes examined from the start of a body.
    public static let prefixBytesMax = 4096

    /// Phrases that only EDGAR's throttle and block pages contain in their head.
    public static let markers = ["Request Rate Threshold Exceeded", "Undeclared Automated Tool"]

    /// `true` when the start of `body` is one of EDGAR's throttle pages.
    public static func matches<Bytes: Collection<UInt8>>(_ body: Bytes) -> Bool {
        let head = String(decoding: body.prefix(prefixBytesMax), as: UTF8.self)
        return markers.contains { head.contains($0) }
    }
}
