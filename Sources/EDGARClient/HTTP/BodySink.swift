/// Receives a response body piece by piece as it arrives; `EDGARHTTPClient` opens one per attempt and
/// discards it when the attempt is retried or rejected.
protocol BodySink {
    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(EDGARError)
    /// Abandons what was received; safe to call more than once.
    mutating func discard()
}

/// Collects a body in memory, for small resources decoded at once (JSON, index files, listings).
/// `EDGARClientConfiguration.bodyBytesMax` bounds it.
struct MemorySink: BodySink {
    var bytes: [UInt8] = []

    mutating func append(_ bytes: UnsafeRawBufferPointer) throws(EDGARError) { self.bytes.append(contentsOf: bytes) }

    mutating func discard() { bytes = [] }
}

extension CacheRecordWriter: BodySink {}
