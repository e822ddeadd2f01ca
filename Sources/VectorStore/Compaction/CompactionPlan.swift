/// Size-tiered compaction policy, a pure function of the live segments (so tests drive it
/// directly): segments fall into tiers of sizes within 4× of each other
/// (`tier = ⌊log₄(fileBytes)⌋`); the smallest tier holding `fanIn` or more segments is merged, at
/// most `inputBytesMax` bytes of it (smallest first), so one compaction's I/O is bounded.
enum CompactionPlan {
    static func choose(
        _ segments: [Manifest.SegmentEntry],
        fanIn: Int,
        inputBytesMax: Int
    ) -> [UInt64]? {
        var tiers: [Int: [Manifest.SegmentEntry]] = [:]
        for segment in segments {
            let tier = (UInt64.bitWidth - max(segment.fileBytes, 1).leadingZeroBitCount - 1) / 2
            tiers[tier, default: []].append(segment)
        }
        for tier in tiers.keys.sorted() {
            guard let members = tiers[tier], members.count >= fanIn else { continue }
            var chosen: [UInt64] = []
            var bytes: UInt64 = 0
            for segment in members.sorted(by: { ($0.fileBytes, $0.fileNumber) < ($1.fileBytes, $1.fileNumber) }) {
                guard bytes + segment.fileBytes <= UInt64(inputBytesMax) || chosen.count < 2 else { break }
                chosen.append(segment.fileNumber)
                bytes += segment.fileBytes
            }
            if chosen.count >= 2 { return chosen }
        }
        return nil
    }
}
