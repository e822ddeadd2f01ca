import Crypto
import Foundation

/// AWS Signature Version 4 (header form), as S3 specifies it: a pure function of the request, the
/// credentials, the region and the time, checked against AWS's published vectors
/// (Tests/ObjectStoreTests/SigV4VectorTests.swift).
///
/// S3 variant: the path is URI-encoded once (slashes kept), not normalised, and the payload hash is
/// sent as `x-amz-content-sha256`.
public struct SigV4Signer: Sendable {
    public let credentials: S3Credentials
    public let region: String
    public let service: String

    public init(credentials: S3Credentials, region: String, service: String = "s3") {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// What is signed of a request.
    public struct Request: Sendable {
        public var method: String
        /// The decoded path (`/bucket/my key`); encoded here.
        public var path: String
        /// Decoded query parameters in any order (`("uploads", "")` for a bare `?uploads`).
        public var query: [(name: String, value: String)]
        /// Every header to sign, `host` included, any case, in any order.
        public var headers: [(name: String, value: String)]
        /// Lower-case hex SHA-256 of the body (or `UNSIGNED-PAYLOAD`).
        public var payloadHash: String

        public init(
            method: String,
            path: String,
            query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)],
            payloadHash: String
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.payloadHash = payloadHash
        }
    }

    /// The hex SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// Lower-case hex SHA-256 of `bytes`.
    public static func payloadHash(_ bytes: [UInt8]) -> String {
        hex(Array(SHA256.hash(data: bytes)))
    }

    /// `a;b;c`: the sorted lower-case names of the signed headers.
    public func signedHeaders(_ request: Request) -> String {
        Array(Set(request.headers.map { $0.name.lowercased() })).sorted().joined(separator: ";")
    }

    /// The canonical request: method, encoded path, sorted encoded query, canonical headers, signed
    /// headers and payload hash, one per line.
    public func canonicalRequest(_ request: Request) -> String {
        let query = Self.canonicalQuery(request.query)
        var grouped: [String: [String]] = [:]
        for header in request.headers {
            grouped[header.name.lowercased(), default: []].append(Self.trimmed(header.value))
        }
        let headers = grouped.keys.sorted().map { "\($0):\(grouped[$0, default: []].joined(separator: ","))\n" }
            .joined()
        return [
            request.method, URIEncoding.encode(request.path, keepingSlashes: true), query, headers,
            signedHeaders(request), request.payloadHash,
        ].joined(separator: "\n")
    }

    /// The query encoded and sorted by name, then value: `a=1&b=%20`. Also the query sent on the wire,
    /// so the signed and the sent forms cannot differ.
    public static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map {
            (URIEncoding.encode($0.name), URIEncoding.encode($0.value))
        }
        let sorted = encoded.sorted { (lhs, rhs) -> Bool in
            lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name
        }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// `date/region/service/aws4_request`.
    public func scope(_ date: AMZDate) -> String { "\(date.date)/\(region)/\(service)/aws4_request" }

    public func stringToSign(canonicalRequest: String, date: AMZDate) -> String {
        let hash = Self.hex(Array(SHA256.hash(data: Array(canonicalRequest.utf8))))
        return "AWS4-HMAC-SHA256\n\(date.timestamp)\n\(scope(date))\n\(hash)"
    }

    /// The hex HMAC-SHA256 of the string to sign under the key derived from the secret, date,
    /// region and service.
    public func signature(stringToSign: String, date: AMZDate) -> String {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [date.date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return Self.hex(Array(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key)))
    }

    /// The `Authorization` header value for a request whose headers already include `x-amz-date`
    /// (and `x-amz-security-token` for temporary credentials).
    public func authorization(_ request: Request, date: AMZDate) -> String {
        let signature = signature(
            stringToSign: stringToSign(canonicalRequest: canonicalRequest(request), date: date),
            date: date
        )
        return "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope(date)), "
            + "SignedHeaders=\(signedHeaders(request)), Signature=\(signature)"
    }

    /// Adds `x-amz-date`, the session token when there is one, and `Authorization`.
    public func sign(_ request: inout Request, date: AMZDate) -> String {
        request.headers.append(("x-amz-date", date.timestamp))
        if let token = credentials.sessionToken { request.headers.append(("x-amz-security-token", token)) }
        return authorization(request, date: date)
    }

    /// Trims and collapses runs of spaces, as canonical header values need.
    static func trimmed(_ value: String) -> String {
        value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    static func hex(_ bytes: [UInt8]) -> String { ETagRecord.hex(bytes) }
}
