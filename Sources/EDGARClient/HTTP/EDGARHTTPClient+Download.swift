extension EDGARHTTPClient {
    /// GETs a document under the fair-access rules and streams its body into the raw cache as it
    /// arrives: memory stays bounded whatever the document's size. Each attempt writes through a
    /// fresh writer from `makeWriter`; a retried or failed attempt's temporary file is deleted, and
    /// only a complete body that passed the size cap and the Content-Length check is committed
    /// (renamed into place).
    ///
    /// - Parameter makeWriter: opens the writer for one attempt, e.g. `cache.documentWriter(_:_:)`.
    /// - Throws: `EDGARError` as `get` does; `bodyTooLarge` names the URL and the cap
    ///   (`bodyBytesMax`), and leaves no file behind.
    public func download(
        _ url: String,
        into makeWriter: () throws(EDGARError) -> CacheRecordWriter
    ) async throws(EDGARError) -> DownloadResult {
        let (exchange, attempts) = try await perform(url, validators: nil, makeSink: makeWriter)
        guard let writer = exchange.sink else {
            throw EDGARError(
                code: .malformedResponse,
                source: url,
                message: "no body to store",
                status: exchange.status
            )
        }
        try writer.commit()
        return DownloadResult(url: url, status: exchange.status, bytes: writer.rawBytes, attempts: attempts)
    }
}

/// A document streamed into the cache by `EDGARHTTPClient.download(_:into:)`.
public struct DownloadResult: Sendable, Hashable {
    public var url: String
    public var status: Int
    /// Body bytes stored (after transparent decompression, before zstd).
    public var bytes: Int
    /// Number of attempts it took (1 when nothing went wrong).
    public var attempts: Int
}
