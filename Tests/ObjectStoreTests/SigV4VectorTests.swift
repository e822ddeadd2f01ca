import Foundation
import ObjectStore
import Testing

/// AWS's published Signature V4 vectors, offline: the aws-sig-v4-test-suite cases as kept in
/// awslabs/aws-c-auth (tests/aws-signing-test-suite/v4/<name>/: request.txt,
/// header-canonical-request.txt, header-string-to-sign.txt, header-signature.txt), and the S3
/// examples of "Examples: Signature Calculations" (GET Object with Range, GET Bucket) with the key
/// AKIAIOSFODNN7EXAMPLE. Each vector checks the canonical request, the string to sign and the
/// signature, so a failure says which step is wrong.
@Suite struct SigV4VectorTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var request: SigV4Signer.Request
        var secret: String
        var accessKey = "AKIDEXAMPLE"
        var sessionToken: String?
        var region = "us-east-1"
        var service = "service"
        var timestamp = "20150830T123600Z"
        var canonicalRequest: String
        var stringToSignHash: String
        var signature: String

        var testDescription: String { name }
    }

    static let suiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let s3Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    static let empty = SigV4Signer.emptyPayloadHash
    static let host = ("host", "example.amazonaws.com")

    static let vectors: [Vector] = [
        Vector(
            name: "get-vanilla",
            request: .init(method: "GET", path: "/", headers: [host], payloadHash: empty),
            secret: suiteSecret,
            canonicalRequest:
                "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(empty)",
            stringToSignHash: "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63",
            signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        ),
        Vector(
            name: "get-vanilla-query-order-key-case",
            request: .init(
                method: "GET",
                path: "/",
                query: [("Param2", "value2"), ("Param1", "value1")],
                headers: [host],
                payloadHash: empty
            ),
            secret: suiteSecret,
            canonicalRequest:
                "GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
                + "host;x-amz-date\n\(empty)",
            stringToSignHash: "816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0",
            signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"
        ),
        Vector(
            name: "get-vanilla-utf8-query",
            request: .init(method: "GET", path: "/", query: [("\u{1234}", "bar")], headers: [host], payloadHash: empty),
            secret: suiteSecret,
            canonicalRequest:
                "GET\n/\n%E1%88%B4=bar\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(empty)",
            stringToSignHash: "eb30c5bed55734080471a834cc727ae56beb50e5f39d1bff6d0d38cb192a7073",
            signature: "2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"
        ),
        Vector(
            name: "get-unreserved",
            request: .init(
                method: "GET",
                path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                headers: [host],
                payloadHash: empty
            ),
            secret: suiteSecret,
            canonicalRequest:
                "GET\n/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\n\n"
                + "host:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(empty)",
            stringToSignHash: "6a968768eefaa713e2a6b16b589a8ea192661f098f37349f4e2c0082757446f9",
            signature: "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"
        ),
        Vector(
            name: "get-vanilla-with-session-token",
            request: .init(method: "GET", path: "/", headers: [host], payloadHash: empty),
            secret: suiteSecret,
            sessionToken: "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267",
            canonicalRequest:
                "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n"
                + "x-amz-security-token:6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267\n\n"
                + "host;x-amz-date;x-amz-security-token\n\(empty)",
            stringToSignHash: "067b36aa60031588cea4a4cde1f21215227a047690c72247f1d70b32fbbfad2b",
            signature: "07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
        ),
        Vector(
            name: "post-vanilla-query",
            request: .init(
                method: "POST",
                path: "/",
                query: [("Param1", "value1")],
                headers: [host],
                payloadHash: empty
            ),
            secret: suiteSecret,
            canonicalRequest:
                "POST\n/\nParam1=value1\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(empty)",
            stringToSignHash: "9d659678c1756bb3113e2ce898845a0a79dbbc57b740555917687f1b3340fbbd",
            signature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"
        ),
        Vector(
            name: "post-x-www-form-urlencoded",
            request: .init(
                method: "POST",
                path: "/",
                headers: [
                    ("Content-Type", "application/x-www-form-urlencoded"), host, ("Content-Length", "13"),
                    ("x-amz-content-sha256", SigV4Signer.payloadHash(Array("Param1=value1".utf8))),
                ],
                payloadHash: SigV4Signer.payloadHash(Array("Param1=value1".utf8))
            ),
            secret: suiteSecret,
            canonicalRequest:
                "POST\n/\n\ncontent-length:13\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\n"
                + "x-amz-content-sha256:9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e\n"
                + "x-amz-date:20150830T123600Z\n\ncontent-length;content-type;host;x-amz-content-sha256;x-amz-date\n"
                + "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
            stringToSignHash: "b1edd1d03544c25390e32085d55b57acc9a3961bb59415ff86c45c3d89d16cfb",
            signature: "d3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b"
        ),
        Vector(
            name: "s3-get-object-range",
            request: .init(
                method: "GET",
                path: "/test.txt",
                headers: [
                    ("Host", "examplebucket.s3.amazonaws.com"), ("Range", "bytes=0-9"), ("x-amz-content-sha256", empty),
                ],
                payloadHash: empty
            ),
            secret: s3Secret,
            accessKey: "AKIAIOSFODNN7EXAMPLE",
            service: "s3",
            timestamp: "20130524T000000Z",
            canonicalRequest:
                "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\nx-amz-content-sha256:\(empty)\n"
                + "x-amz-date:20130524T000000Z\n\nhost;range;x-amz-content-sha256;x-amz-date\n\(empty)",
            stringToSignHash: "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
            signature: "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        ),
        Vector(
            name: "s3-get-bucket-list",
            request: .init(
                method: "GET",
                path: "/",
                query: [("max-keys", "2"), ("prefix", "J")],
                headers: [("Host", "examplebucket.s3.amazonaws.com"), ("x-amz-content-sha256", empty)],
                payloadHash: empty
            ),
            secret: s3Secret,
            accessKey: "AKIAIOSFODNN7EXAMPLE",
            service: "s3",
            timestamp: "20130524T000000Z",
            canonicalRequest:
                "GET\n/\nmax-keys=2&prefix=J\nhost:examplebucket.s3.amazonaws.com\nx-amz-content-sha256:\(empty)\n"
                + "x-amz-date:20130524T000000Z\n\nhost;x-amz-content-sha256;x-amz-date\n\(empty)",
            stringToSignHash: "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7",
            signature: "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"
        ),
    ]

    @Test(arguments: vectors) func matchesThePublishedVector(_ vector: Vector) {
        let credentials = S3Credentials(
            accessKeyID: vector.accessKey,
            secretAccessKey: vector.secret,
            sessionToken: vector.sessionToken
        )
        let signer = SigV4Signer(credentials: credentials, region: vector.region, service: vector.service)
        let date = AMZDate(timestamp: vector.timestamp)
        var request = vector.request
        let authorization = signer.sign(&request, date: date)
        let canonical = signer.canonicalRequest(request)
        #expect(canonical == vector.canonicalRequest)
        let stringToSign = signer.stringToSign(canonicalRequest: canonical, date: date)
        #expect(stringToSign.split(separator: "\n").last.map(String.init) == vector.stringToSignHash)
        #expect(signer.signature(stringToSign: stringToSign, date: date) == vector.signature)
        #expect(authorization.hasSuffix("Signature=\(vector.signature)"))
        #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=\(vector.accessKey)/\(date.date)/"))
    }

    @Test func formatsTheSigningTime() {
        // 2015-08-30T12:36:00Z
        let date = AMZDate(Date(timeIntervalSince1970: 1_440_938_160))
        #expect(date.timestamp == "20150830T123600Z")
        #expect(date.date == "20150830")
    }
}
