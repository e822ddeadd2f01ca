import ObjectStoreTestSupport
import Testing

/// A suite trait that starts one moto_server for the suite and stops it afterwards (as in
/// ObjectStoreTests); `nil` when moto_server is not installed: S3 cases then cancel.
struct MotoScope: SuiteTrait, TestScoping {
    @TaskLocal static var server: MotoServer?

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        guard Self.server == nil else { return try await function() }
        guard MotoServer.executable != nil else {
            Issue.record(Comment(rawValue: MotoServer.missingMessage), severity: .warning)
            return try await function()
        }
        let server = try await MotoServer.start()
        defer { server.stop() }
        try await Self.$server.withValue(server) { try await function() }
    }
}

extension Trait where Self == MotoScope {
    /// Runs the suite with a moto_server on 127.0.0.1.
    static var motoServer: MotoScope { MotoScope() }
}
