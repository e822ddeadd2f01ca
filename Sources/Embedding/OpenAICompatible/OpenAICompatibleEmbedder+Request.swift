extension OpenAICompatibleEmbedder {
    /// One batch: the request, retried per the policy, and its validated vectors.
    ///
    /// - Parameter firstInput: index of the batch's first input in the caller's array, so a rejected
    ///   vector is reported against the caller's input.
    /// - Throws: `EmbeddingError` naming provider and batch: `.transient` when retries ran out,
    ///   `.permanent` for a non-retryable status or an invalid response.
    func send(_ inputs: [String], batchIndex: Int, firstInput: Int) async throws(EmbeddingError) -> [[Float]] {
        let body = OpenAIEmbeddingsCodec.requestBody(
            inputs: inputs,
            model: configuration.model,
            dimensions: configuration.requestedDimensions
        )
        var headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"), ("Accept", "application/json"),
        ]
        if let key = configuration.apiKey, !key.isEmpty { headers.append(("Authorization", "Bearer \(key)")) }
        var attempt = 0
        while true {
            attempt += 1
            let outcome: String
            var retryAfter: String?
            do {
                let response = try await transport.post(
                    url: configuration.endpoint,
                    headers: headers,
                    body: body,
                    timeout: configuration.requestTimeout,
                    bodyBytesMax: Self.responseBytesMax
                )
                if response.status == 200 {
                    return try validated(
                        response.body,
                        count: inputs.count,
                        batchIndex: batchIndex,
                        firstInput: firstInput
                    )
                }
                let detail = String(decoding: response.body.prefix(300), as: UTF8.self)
                guard EmbeddingRetryPolicy.isRetryable(status: response.status) else {
                    throw failure(.permanent, "HTTP \(response.status): \(detail)", batchIndex)
                }
                outcome = "HTTP \(response.status): \(detail)"
                retryAfter = response.retryAfter
            } catch let error as EmbeddingError {
                throw error
            } catch {
                outcome = "transport error: \(error)"
            }
            guard let delay = configuration.retry.delay(afterAttempt: attempt, retryAfter: retryAfter) else {
                throw failure(.transient, "gave up after \(attempt) attempts; last: \(outcome)", batchIndex)
            }
            do {
                try await sleep(delay)
            } catch {
                throw failure(.transient, "cancelled while waiting to retry; last: \(outcome)", batchIndex)
            }
        }
    }

    private func validated(
        _ body: [UInt8],
        count: Int,
        batchIndex: Int,
        firstInput: Int
    ) throws(EmbeddingError) -> [[Float]] {
        do {
            return try OpenAIEmbeddingsCodec.vectors(from: body, expectedCount: count, dimension: dimension)
        } catch {
            throw EmbeddingError(
                code: .permanent,
                model: modelID,
                message: error.message,
                inputIndex: error.inputIndex.map { $0 + firstInput },
                provider: providerName,
                batchIndex: batchIndex
            )
        }
    }

    private func failure(_ code: EmbeddingError.Code, _ message: String, _ batchIndex: Int) -> EmbeddingError {
        EmbeddingError(code: code, model: modelID, message: message, provider: providerName, batchIndex: batchIndex)
    }
}
