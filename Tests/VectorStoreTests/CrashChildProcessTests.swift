import Foundation
import Testing

/// The crash-test harness itself: a child that never acknowledges fails the test after the
/// timeout (a recorded issue naming what arrived) instead of hanging the suite.
@Suite struct CrashChildProcessTests {
    @Test func waitingForAcksFromASilentChildTimesOut() throws {
        let child = try CrashChildProcess(executable: "/bin/sleep", arguments: ["600"], firstBatch: 0)
        var acked = -1
        withKnownIssue("the silent child times out") {
            acked = child.waitForAcks(1, timeout: .milliseconds(300))
        }
        #expect(acked == 0)
        #expect(child.kill() == 0)
    }
}
