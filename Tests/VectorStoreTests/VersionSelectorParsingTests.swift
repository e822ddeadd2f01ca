import Foundation
import Testing

@testable import VectorStore

/// `VersionSelector(parsing:)`: what `--as-of` and the service's `asOf` accept.
@Suite struct VersionSelectorParsingTests {
    @Test func versionsTimesAndDates() {
        #expect(VersionSelector(parsing: "12") == .version(12))
        #expect(VersionSelector(parsing: " 3 ") == .version(3))
        #expect(VersionSelector(parsing: "2025-02-14T12:00:00Z") == .time(Date(timeIntervalSince1970: 1_739_534_400)))
        #expect(
            VersionSelector(parsing: "2025-02-14T12:00:00.500Z") == .time(Date(timeIntervalSince1970: 1_739_534_400.5))
        )
        #expect(VersionSelector(parsing: "2025-02-14") == .time(Date(timeIntervalSince1970: 1_739_491_200)))
    }

    @Test func anythingElseIsNil() {
        for text in ["", "v3", "-1", "99999999999999999999999", "2025-13-01", "yesterday"] {
            #expect(VersionSelector(parsing: text) == nil, "\(text)")
        }
    }
}
