import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

extension S3ObjectStore {
    /// Runs `body` (one attempt; its 1-based number passed in) until it succeeds, fails with a code
    /// `RetryPolicy` does not retry, or the attempts are used up, sleeping the policy's jittered
    /// backoff in between.
    func withRetries<T: Sendable>(
        key: String,
        _ body: (Int) async throws(ObjectStoreError) -> T
    ) async throws(ObjectStoreError) -> T {
        var attempt = 1
        while true {
            do {
                return try await body(attempt)
            } catch {
                let decision = random.withLock {
                    configuration.retry.decide(after: error.code, attempt: attempt, random: &$0)
                }
                guard case .retry(let delay) = decision, !Task.isCancelled else {
                    guard attempt > 1 else { throw error }
                    throw ObjectStoreError(
                        code: error.code,
                        key: error.key,
                        location: error.location,
                        status: error.status,
                        message: "\(error.message) (after \(attempt) attempts)",
                        cause: error.cause
                    )
                }
                logger.info(
                    "S3 request failed; retrying",
                    metadata: ["key": "\(key)", "attempt": "\(attempt)", "error": "\(error)", "delay": "\(delay)"]
                )
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw ObjectStoreError(
                        code: .transient,
                        key: key,
                        location: address.bucketURL,
                        message: "cancelled"
                    )
                }
                attempt += 1
            }
        }
    }

    /// Sends a request with retries; `interpret` turns a 2xx response into the result (its thrown
    /// retryable errors are retried too).
    func send<T: Sendable>(
        _ request: S3Request,
        interpret: (S3Response) throws(ObjectStoreError) -> T
    ) async throws(ObjectStoreError) -> T {
        try await withRetries(key: request.key?.rawValue ?? "") { (_: Int) async throws(ObjectStoreError) -> T in
            try interpret(try await exchange(request))
        }
    }

    /// One signed attempt. Non-2xx statuses become errors classified by `S3ErrorClassifier`; a 2xx
    /// body shorter or longer than its `Content-Length` is `transient`.
    func exchange(_ request: S3Request) async throws(ObjectStoreError) -> S3Response {
        let key = request.key?.rawValue ?? ""
        let path = address.path(for: request.key)
        let payloadHash = SigV4Signer.payloadHash(request.body)
        var signed = SigV4Signer.Request(
            method: request.method.rawValue,
            path: path,
            query: request.query,
            headers: [("host", address.hostHeader), ("x-amz-content-sha256", payloadHash)] + request.headers,
            payloadHash: payloadHash
        )
        let authorization = signer.sign(&signed, date: AMZDate(Date()))
        let canonicalQuery = SigV4Signer.canonicalQuery(request.query)
        var outgoing = HTTPClientRequest(url: address.url(path: path, canonicalQuery: canonicalQuery))
        outgoing.method = request.method
        for header in signed.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.headers.add(name: "Authorization", value: authorization)
        if !request.body.isEmpty || request.method == .PUT || request.method == .POST {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        let location = address.bucketURL
        let status: Int
        let headers: HTTPHeaders
        let body: [UInt8]
        do {
            let response = try await http.execute(outgoing, timeout: Self.timeAmount(configuration.requestTimeout))
            status = Int(response.status.code)
            headers = response.headers
            var buffer = try await response.body.collect(upTo: Int(UInt32.max))
            body = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch {
            throw ObjectStoreError(
                code: .transient,
                key: key,
                location: location,
                message: "\(request.method.rawValue) failed in transport",
                cause: TransportFailure(description: "\(error)")
            )
        }
        guard (200...299).contains(status) else {
            throw Self.failure(status: status, body: body, key: key, location: location)
        }
        if request.method != .HEAD, let declared = headers.first(name: "Content-Length").flatMap(Int.init),
            declared != body.count
        {
            throw ObjectStoreError(
                code: .transient,
                key: key,
                location: location,
                status: status,
                message: "truncated body: received \(body.count) of \(declared) bytes"
            )
        }
        return S3Response(status: status, headers: headers, body: body)
    }

    /// The error of a non-2xx response (or of a 200 whose body is an `<Error>`, as a failed
    /// CompleteMultipartUpload can be), with S3's code, message and request id.
    static func failure(status: Int, body: [UInt8], key: String, location: String) -> ObjectStoreError {
        let error = S3XMLElement.parse(body).flatMap { $0.name == "Error" ? $0 : nil }
        let s3Code = error?.childText("Code")
        var message = s3Code ?? "HTTP \(status)"
        if let detail = error?.childText("Message") { message += ": \(detail)" }
        if let requestID = error?.childText("RequestId") { message += " (request id \(requestID))" }
        return ObjectStoreError(
            code: S3ErrorClassifier.code(status: status, s3Code: s3Code),
            key: key,
            location: location,
            status: status,
            message: message
        )
    }
}
