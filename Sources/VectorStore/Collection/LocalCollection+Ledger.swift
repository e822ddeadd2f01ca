extension LocalCollection {
    /// The collection's ingestion ledger (`ledger.log`, docs/formats/ledger.md), opened on first use
    /// and shared by every later caller: writable when this process holds the writer lock, read-only
    /// otherwise.
    ///
    /// - Throws: `StoreError.corruption` when a ledger record is damaged; `StoreError.io` when the
    ///   disk refuses.
    public func ingestionLedger() async throws(StoreError) -> IngestionLedger {
        if let ledgerOpening { return try await ledgerOpening.value.get() }
        let (directory, fileSystem, clock, isReadOnly) = (directory, fileSystem, clock, isReadOnly)
        let task = Task { () async -> Result<IngestionLedger, StoreError> in
            do throws(StoreError) {
                return .success(
                    try await Self.offload { () throws(StoreError) in
                        try IngestionLedger.open(
                            directory: directory,
                            fileSystem: fileSystem,
                            clock: clock,
                            isReadOnly: isReadOnly
                        )
                    }
                )
            } catch {
                return .failure(error)
            }
        }
        ledgerOpening = task
        let result = await task.value
        if case .failure = result { ledgerOpening = nil }
        return try result.get()
    }
}
