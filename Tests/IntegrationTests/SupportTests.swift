import Foundation
import Testing

/// The process helper of the integration suites: a child that writes more than a pipe buffer
/// (64 KiB) to stderr before it writes stdout runs to completion, with both streams whole (reading
/// stdout to its end before stderr deadlocked on such a child).
@Suite struct SupportTests {
    @Test func aChildFillingStderrBeforeStdoutCompletes() throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' e >&2; echo done"
        let output = try Support.run(executable: "/bin/sh", ["-c", script])
        #expect(output.status == 0)
        #expect(output.stdout == "done\n")
        #expect(output.stderr.utf8.count == 300_000)
        #expect(output.stderr.utf8.allSatisfy { $0 == UInt8(ascii: "e") })
    }
}
