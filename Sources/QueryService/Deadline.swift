/// Query deadlines: the work runs beside a timer; when the timer ends first the work is cancelled
/// (embedding and the store's candidate searches check for cancellation between steps) and the
/// request is answered 504 `deadline_exceeded`.
enum Deadline {
    static func run<T: Sendable>(
        _ timeout: Duration,
        clock: ContinuousClock = ContinuousClock(),
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                try await clock.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw APIError(
                    .gatewayTimeout,
                    code: "deadline_exceeded",
                    message: "the search ran over its deadline of \(timeout)"
                )
            }
            return value
        }
    }
}
