import Foundation

/// The parts of a bucket's URLs: scheme, host and port of the endpoint, the bucket, and how it is
/// addressed. Paths are kept decoded; `url` encodes them exactly as `SigV4Signer` does.
struct S3Address: Sendable, Hashable {
    let scheme: String
    let host: String
    let port: Int?
    let bucket: String
    let addressing: S3Configuration.Addressing

    /// - Throws: `badInput` for an endpoint that is not `http(s)://host[:port]` or an empty bucket.
    init(endpoint: String, bucket: String, addressing: S3Configuration.Addressing) throws(ObjectStoreError) {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(),
            ["http", "https"].contains(scheme),
            let host = url.host, !host.isEmpty, !bucket.isEmpty
        else {
            throw ObjectStoreError(
                code: .badInput,
                key: "",
                location: endpoint,
                message: "endpoint must be http(s)://host[:port] and the bucket non-empty (bucket '\(bucket)')"
            )
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port
        self.bucket = bucket
        self.addressing = addressing
    }

    /// The `Host` header: `bucket.host[:port]` for virtual-host addressing, else `host[:port]`.
    var hostHeader: String {
        let name = addressing == .virtualHost ? "\(bucket).\(host)" : host
        return port.map { "\(name):\($0)" } ?? name
    }

    /// The decoded request path of an object (or of the bucket, for `nil`).
    func path(for key: ObjectKey?) -> String {
        switch (addressing, key) {
        case (.path, let key?): "/\(bucket)/\(key.rawValue)"
        case (.path, nil): "/\(bucket)"
        case (.virtualHost, let key?): "/\(key.rawValue)"
        case (.virtualHost, nil): "/"
        }
    }

    /// The full URL of a request; `canonicalQuery` is `SigV4Signer`'s encoded, sorted query.
    func url(path: String, canonicalQuery: String) -> String {
        let base = "\(scheme)://\(hostHeader)\(URIEncoding.encode(path, keepingSlashes: true))"
        return canonicalQuery.isEmpty ? base : base + "?" + canonicalQuery
    }

    /// The bucket's URL, for messages.
    var bucketURL: String { url(path: path(for: nil), canonicalQuery: "") }
}
