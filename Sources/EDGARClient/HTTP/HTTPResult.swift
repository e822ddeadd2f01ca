/// A finished, classified-as-successful exchange: a 2xx or 304 response with its whole body.
public struct HTTPResult: Sendable {
    public var url: String
    public var status: Int
    /// The validators to send back on the next request for the same URL.
    public var etag: String?
    public var lastModified: String?
    /// The body, decompressed; empty for 304.
    public var body: [UInt8]
    /// Number of attempts it took (1 when nothing went wrong).
    public var attempts: Int

    /// `true` for `304 Not Modified`.
    public var notModified: Bool { status == 304 }
}

/// Validators for a conditional GET (`If-None-Match`, `If-Modified-Since`).
public struct Validators: Sendable, Hashable, Codable {
    public var etag: String?
    public var lastModified: String?

    public init(etag: String?, lastModified: String?) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
