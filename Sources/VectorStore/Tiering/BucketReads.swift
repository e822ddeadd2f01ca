import ObjectStore

/// Reads from a collection's bucket shared by the publisher and the hydration.
enum BucketReads {
    /// Bucket manifest version `version`, verified (checksums, and the version it holds), or `nil`
    /// when it does not exist.
    static func manifest(
        _ version: UInt64,
        layout: BucketLayout,
        store: any ObjectStore
    ) async throws(StoreError) -> Manifest? {
        let key = try layout.manifestKey(version)
        let bytes: [UInt8]?
        do {
            bytes = try await store.get(key)
        } catch {
            throw StoreError(bucket: error, "reading manifest version \(version)")
        }
        guard let bytes else { return nil }
        let manifest = try Manifest.decode(bytes, file: key.rawValue)
        guard manifest.version == version else {
            throw StoreError(
                code: .corruption,
                message: "bucket manifest holds version \(manifest.version)",
                file: key.rawValue
            )
        }
        return manifest
    }

    /// The newest committed version (a listing of `manifests/`), or `nil` when none is committed.
    static func newestVersion(layout: BucketLayout, store: any ObjectStore) async throws(StoreError) -> UInt64? {
        do {
            return try await store.list(prefix: layout.manifestsPrefix).compactMap(layout.version(of:)).max()
        } catch {
            throw StoreError(bucket: error, "listing \(layout.manifestsPrefix)")
        }
    }

    /// Claims the next free file-number range of the collection (docs/tiering.md, "Keys"): lists
    /// `writers/` and puts the next claim with put-if-absent, again after a lost race.
    ///
    /// - Returns: the first file number of the range.
    static func claimFileNumbers(layout: BucketLayout, store: any ObjectStore) async throws(StoreError) -> UInt64 {
        var claim: UInt64
        do {
            claim = (try await store.list(prefix: layout.writersPrefix).compactMap(layout.claim(of:)).max() ?? 0) + 1
        } catch {
            throw StoreError(bucket: error, "listing \(layout.writersPrefix)")
        }
        for _ in 0..<1_000 {
            let key = try layout.writerKey(claim)
            do {
                try await store.put(key, bytes: Array("claim \(claim)\n".utf8), condition: .ifAbsent)
                return claim << BucketLayout.claimShift
            } catch  where StoreError.isLostRace(error) {
                claim += 1
            } catch {
                throw StoreError(bucket: error, "claiming \(key)")
            }
        }
        throw StoreError(code: .conflict, message: "bucket: no free writer claim after 1000 attempts")
    }

    /// Runs `body` on every element, at most `concurrencyMax` at a time; the first failure is thrown
    /// (after the calls in flight end).
    static func forEach<Element: Sendable>(
        _ elements: [Element],
        concurrencyMax: Int,
        _ body: @escaping @Sendable (Element) async throws(StoreError) -> Void
    ) async throws(StoreError) {
        let failure: StoreError? = await withTaskGroup(of: StoreError?.self) { group in
            var pending = elements[...]
            var inFlight = 0
            var failure: StoreError?
            while true {
                while failure == nil, inFlight < concurrencyMax, let element = pending.popFirst() {
                    inFlight += 1
                    group.addTask {
                        do throws(StoreError) {
                            try await body(element)
                            return nil
                        } catch {
                            return error
                        }
                    }
                }
                guard let result = await group.next() else { break }
                inFlight -= 1
                if let result, failure == nil {
                    failure = result
                    group.cancelAll()
                }
            }
            return failure
        }
        if let failure { throw failure }
    }
}
