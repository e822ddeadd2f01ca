import Testing

@testable import ObjectStore

/// Path-style and virtual-host URLs, the Host header they are signed with, and the wire query being
/// the signed one.
@Suite struct S3AddressingTests {
    @Test func pathStyleKeepsTheBucketInThePath() throws {
        let address = try S3Address(endpoint: "http://127.0.0.1:5000", bucket: "data", addressing: .path)
        let key = try ObjectKey("segments/a-b_c.d")
        #expect(address.hostHeader == "127.0.0.1:5000")
        #expect(address.path(for: key) == "/data/segments/a-b_c.d")
        #expect(address.url(path: "/data/a b+c", canonicalQuery: "") == "http://127.0.0.1:5000/data/a%20b%2Bc")
        #expect(address.bucketURL == "http://127.0.0.1:5000/data")
    }

    @Test func virtualHostPutsTheBucketInTheHost() throws {
        let address = try S3Address(
            endpoint: S3Configuration.awsEndpoint(region: "eu-west-1"),
            bucket: "data",
            addressing: .virtualHost
        )
        let key = try ObjectKey("m/000001")
        #expect(address.hostHeader == "data.s3.eu-west-1.amazonaws.com")
        #expect(address.path(for: key) == "/m/000001")
        #expect(address.path(for: nil) == "/")
        let query = SigV4Signer.canonicalQuery([("prefix", "m/"), ("list-type", "2")])
        #expect(query == "list-type=2&prefix=m%2F")
        #expect(
            address.url(path: "/", canonicalQuery: query)
                == "https://data.s3.eu-west-1.amazonaws.com/?list-type=2&prefix=m%2F"
        )
    }

    @Test func errorTableMapsS3Codes() {
        #expect(S3ErrorClassifier.code(status: 503, s3Code: "SlowDown") == .throttled)
        #expect(S3ErrorClassifier.code(status: 500, s3Code: "InternalError") == .transient)
        #expect(S3ErrorClassifier.code(status: 400, s3Code: "RequestTimeout") == .transient)
        #expect(S3ErrorClassifier.code(status: 412, s3Code: "PreconditionFailed") == .preconditionFailed)
        #expect(S3ErrorClassifier.code(status: 409, s3Code: "ConditionalRequestConflict") == .conflict)
        #expect(S3ErrorClassifier.code(status: 403, s3Code: "SignatureDoesNotMatch") == .auth)
        #expect(S3ErrorClassifier.code(status: 400, s3Code: "ExpiredToken") == .auth)
        #expect(S3ErrorClassifier.code(status: 404, s3Code: "NoSuchKey") == .notFound)
        #expect(S3ErrorClassifier.code(status: 400, s3Code: "EntityTooSmall") == .badInput)
        #expect(S3ErrorClassifier.code(status: 416, s3Code: "InvalidRange") == .badInput)
    }

    @Test func parsesAnErrorBody() {
        let body = Array(
            "<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>Reduce</Message><RequestId>R1</RequestId></Error>"
                .utf8
        )
        let error = S3ObjectStore.failure(status: 503, body: body, key: "k", location: "http://h/b")
        #expect(error.code == .throttled)
        #expect(error.message == "SlowDown: Reduce (request id R1)")
        #expect(error.status == 503)
    }
}
