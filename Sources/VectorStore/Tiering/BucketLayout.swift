import ObjectStore

/// The object keys of one collection in its bucket (docs/tiering.md, "Keys"): everything under
/// `{prefix}/tenants/{tenant}/collections/{collection}/`.
struct BucketLayout: Sendable {
    /// File numbers of one writer claim: claim `k` numbers files from `k << claimShift` on.
    static let claimShift: UInt64 = 40

    let root: String

    init(bucket: CollectionBucket, collection: String) {
        let base = "tenants/\(bucket.tenant)/collections/\(collection)/"
        root = bucket.prefix.isEmpty ? base : bucket.prefix + "/" + base
    }

    func infoKey() throws(StoreError) -> ObjectKey { try key(LocalCollection.infoFileName) }
    var manifestsPrefix: String { root + "manifests/" }
    var writersPrefix: String { root + "writers/" }

    func manifestKey(_ version: UInt64) throws(StoreError) -> ObjectKey {
        try key("manifests/MANIFEST-" + Self.padded(version, digits: 20))
    }

    /// The version a `manifests/` key names, or `nil` for another key.
    func version(of key: ObjectKey) -> UInt64? {
        guard key.rawValue.hasPrefix(manifestsPrefix + "MANIFEST-") else { return nil }
        return UInt64(key.rawValue.dropFirst(manifestsPrefix.count + "MANIFEST-".count))
    }

    func segmentKey(_ number: UInt64) throws(StoreError) -> ObjectKey {
        try key("segments/" + StoreFileName.segment(number))
    }

    func deletionsKey(segment: UInt64, version: UInt64) throws(StoreError) -> ObjectKey {
        try key("deletions/" + StoreFileName.deletions(segment: segment, version: version))
    }

    func writerKey(_ claim: UInt64) throws(StoreError) -> ObjectKey {
        try key("writers/writer-" + Self.padded(claim, digits: 10))
    }

    /// The claim a `writers/` key names, or `nil` for another key.
    func claim(of key: ObjectKey) -> UInt64? {
        guard key.rawValue.hasPrefix(writersPrefix + "writer-") else { return nil }
        return UInt64(key.rawValue.dropFirst(writersPrefix.count + "writer-".count))
    }

    private func key(_ name: String) throws(StoreError) -> ObjectKey {
        do {
            return try ObjectKey(root + name)
        } catch {
            throw StoreError(code: .badInput, message: "bucket key: \(error)")
        }
    }

    private static func padded(_ number: UInt64, digits: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
