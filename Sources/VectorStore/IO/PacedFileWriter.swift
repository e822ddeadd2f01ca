/// Writes a new file within an I/O budget (compaction output, docs/concurrency.md "Background
/// compaction"): chunks of `IOPacer.chunkBytes` are written off the cooperative pool, each followed
/// by a pause on the injected clock until the bytes so far fit the budget; then the file and its
/// directory entry are `fsync`ed. Cancellation of the calling task is checked between chunks and
/// ends a pause early: the partial file is removed and the write reports `false`.
enum PacedFileWriter {
    /// - Parameters:
    ///   - bytesPerSecond: the budget; 0 for unlimited (chunks still bound each system call).
    /// - Returns: `true` when the whole file is durable; `false` when the task was cancelled (the file
    ///   is then removed).
    /// - Throws: `StoreError.io` naming the file (which is removed) when the disk refuses.
    static func write(
        _ bytes: [UInt8],
        to path: String,
        bytesPerSecond: Int,
        clock: MaintenanceClock,
        fileSystem: any StoreFileSystem
    ) async throws(StoreError) -> Bool {
        let file = try await LocalCollection.offload { () throws(StoreError) in
            try fileSystem.openForWriting(path, mode: .createNew)
        }
        var pacer = IOPacer(bytesPerSecond: bytesPerSecond, start: clock.now())
        var offset = 0
        var failure: StoreError?
        do {
            while offset < bytes.count, !Task.isCancelled {
                let chunk = bytes[offset..<min(bytes.count, offset + pacer.chunkBytes)]
                try await LocalCollection.offload { () throws(StoreError) in
                    try file.write(chunk, atOffset: chunk.startIndex)
                }
                offset += chunk.count
                let delay = pacer.delay(afterWriting: chunk.count, now: clock.now())
                guard delay > .zero else { continue }
                do {
                    try await clock.sleep(delay)
                } catch {
                    break  // cancelled
                }
            }
        } catch {
            failure = error
        }
        let complete = failure == nil && offset == bytes.count && !Task.isCancelled
        try await LocalCollection.offload { () throws(StoreError) in
            defer { file.close() }
            do throws(StoreError) {
                guard complete else {
                    try? fileSystem.remove(path)
                    return
                }
                try fileSystem.finishDurably(file)
            } catch {
                try? fileSystem.remove(path)
                throw error
            }
        }
        if let failure { throw failure }
        return complete
    }
}
