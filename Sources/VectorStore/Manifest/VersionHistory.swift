import Foundation

/// The superseded manifest versions a collection retains and the pinned versions: a pure value, so
/// the retention policy and version resolution are tested without files.
///
/// Retention: besides the current version, a version is kept while it is pinned, or while it is one
/// of the newest `countMax` versions (the current one included) *and* was superseded less than
/// `retentionMs` ago. A version's superseding time is the commit time of the next retained version,
/// so a search `asOf` any moment within the retention window finds the version current then.
struct VersionHistory: Sendable {
    /// Retained superseded versions by number (all below the current version).
    private(set) var manifests: [UInt64: Manifest] = [:]
    /// Pinned versions (may include the current one).
    var pins: Set<UInt64> = []

    mutating func add(_ manifest: Manifest) { manifests[manifest.version] = manifest }

    mutating func remove(_ versions: some Sequence<UInt64>) {
        for version in versions { manifests[version] = nil }
    }

    /// The retained versions that leave retention at `nowMs`, oldest first.
    func expired(current: Manifest, nowMs: UInt64, retentionMs: UInt64?, countMax: Int) -> [UInt64] {
        var expired: [UInt64] = []
        var supersededAtMs = current.commitTimeMs
        for (index, manifest) in manifests.values.sorted(by: { $0.version > $1.version }).enumerated() {
            defer { supersededAtMs = manifest.commitTimeMs }
            guard !pins.contains(manifest.version) else { continue }
            let rank = index + 1
            let ageMs = nowMs > supersededAtMs ? nowMs - supersededAtMs : 0
            if rank >= countMax || retentionMs.map({ ageMs >= $0 }) == true { expired.append(manifest.version) }
        }
        return expired.reversed()
    }

    /// The segment file numbers some retained version or the current one lists.
    func segmentNumbers(current: Manifest) -> Set<UInt64> {
        var numbers = Set(current.segments.map(\.fileNumber))
        for manifest in manifests.values { numbers.formUnion(manifest.segments.map(\.fileNumber)) }
        return numbers
    }

    /// Whether `version` is the current or a retained one.
    func retains(_ version: UInt64, current: Manifest) -> Bool {
        version == current.version || manifests[version] != nil
    }

    /// Every retained version, oldest first.
    func listing(current: Manifest) -> [SnapshotInfo] {
        (manifests.values.sorted { $0.version < $1.version } + [current]).map { manifest in
            SnapshotInfo(
                version: manifest.version,
                committedAt: Date(timeIntervalSince1970: Double(manifest.commitTimeMs) / 1_000),
                rowCount: manifest.rowCount,
                segmentCount: manifest.segments.count,
                isPinned: pins.contains(manifest.version),
                isCurrent: manifest.version == current.version
            )
        }
    }

    /// The manifest a point-in-time search reads.
    ///
    /// - Throws: `StoreError.badInput` for a version that never existed, one that left retention, or a
    ///   moment whose version is no longer retained (before the oldest retained version, or in a gap
    ///   left by expired versions after a pinned one).
    func manifest(for selector: VersionSelector, current: Manifest) throws(StoreError) -> Manifest {
        switch selector {
        case .version(let version):
            if version == current.version { return current }
            if let manifest = manifests[version] { return manifest }
            guard version >= 1, version < current.version else {
                throw StoreError(
                    code: .badInput,
                    message: "no version \(version): versions are numbered 1 to \(current.version)"
                )
            }
            throw StoreError(
                code: .badInput,
                message: "version \(version) is no longer retained; retained versions: \(retainedText(current))"
            )
        case .time(let date):
            let timeMs = StoreClock.milliseconds(date)
            if timeMs >= current.commitTimeMs { return current }
            let ordered = manifests.values.sorted { $0.version < $1.version }
            guard let candidate = ordered.last(where: { $0.commitTimeMs <= timeMs }) else {
                throw StoreError(
                    code: .badInput,
                    message:
                        "no retained version was committed at or before \(Self.iso8601(timeMs)); the oldest "
                        + "retained is version \(ordered.first?.version ?? current.version) "
                        + "committed \(Self.iso8601(ordered.first?.commitTimeMs ?? current.commitTimeMs))"
                )
            }
            guard retains(candidate.version + 1, current: current) else {
                throw StoreError(
                    code: .badInput,
                    message:
                        "the version current at \(Self.iso8601(timeMs)) is no longer retained (versions after "
                        + "\(candidate.version) expired); retained versions: \(retainedText(current))"
                )
            }
            return candidate
        }
    }

    /// The retained version numbers as ranges: `1, 4-9, 12`.
    private func retainedText(_ current: Manifest) -> String {
        var ranges: [ClosedRange<UInt64>] = []
        for version in manifests.keys.sorted() + [current.version] {
            if let last = ranges.last, last.upperBound + 1 == version {
                ranges[ranges.count - 1] = last.lowerBound...version
            } else {
                ranges.append(version...version)
            }
        }
        return ranges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
            .joined(separator: ", ")
    }

    static func iso8601(_ milliseconds: UInt64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1_000))
    }
}
