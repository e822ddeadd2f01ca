import NIOCore
import Synchronization

/// Cancels a request's work when its client goes away: one watch per connection (registered once
/// on the channel's close future, forgotten when it closes), with the searches of that connection
/// waiting on it. Unlike Hummingbird's `consumeWithCancellationOnInboundClose`, it leaves the
/// connection usable for the next request (keep-alive).
final class ConnectionWatch: Sendable {
    private struct State {
        var closed = false
        var waiters: [UInt64: AsyncStream<Void>.Continuation] = [:]
        var next: UInt64 = 0
    }

    private static let watches = Mutex<[ObjectIdentifier: ConnectionWatch]>([:])
    private let state = Mutex(State())

    /// The watch of `channel`'s connection.
    static func of(_ channel: any Channel) -> ConnectionWatch {
        let key = ObjectIdentifier(channel)
        let (watch, isNew) = watches.withLock { watches in
            if let watch = watches[key] { return (watch, false) }
            let watch = ConnectionWatch()
            watches[key] = watch
            return (watch, true)
        }
        if isNew {
            channel.closeFuture.whenComplete { _ in
                _ = watches.withLock { $0.removeValue(forKey: key) }
                watch.close()
            }
        }
        return watch
    }

    /// Marks the connection closed: every search waiting on it is cancelled, later ones at once.
    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.finish() }
    }

    /// Runs `work`; when the connection closes first, `work` is cancelled and this throws
    /// `CancellationError` (once `work` has returned).
    func cancellingOnClose<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let (closed, continuation) = AsyncStream<Void>.makeStream()
        let id = state.withLock { state -> UInt64? in
            guard !state.closed else { return nil }
            state.next += 1
            state.waiters[state.next] = continuation
            return state.next
        }
        guard let id else { throw CancellationError() }
        defer { _ = state.withLock { $0.waiters.removeValue(forKey: id) } }
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                for await _ in closed {}
                guard Task.isCancelled else { throw CancellationError() }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let value = next { return value }
            }
            throw CancellationError()
        }
    }
}
