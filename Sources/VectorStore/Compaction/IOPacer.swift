/// Paces a stream of written bytes to a budget of `bytesPerSecond` (0: unlimited): byte `n` of the
/// stream is due no earlier than `n / bytesPerSecond` seconds after `start`, so after every pause the
/// average rate since the start is at most the budget. A pure value (tigerbeetle style): the caller
/// reads the clock and sleeps, so tests drive time.
struct IOPacer: Sendable, Equatable {
    /// The budget; 0 for unlimited.
    let bytesPerSecond: Int
    /// When the stream started, on the clock `delay(afterWriting:now:)` is given.
    let start: Duration
    private(set) var bytesWritten = 0

    /// Upper bound of one chunk: between two pauses the rate may burst up to the disk's.
    static let chunkBytesMax = 1 << 20
    /// Lower bound of one chunk, so a tiny budget does not turn into one system call per byte.
    static let chunkBytesMin = 4 << 10

    init(bytesPerSecond: Int, start: Duration) {
        precondition(bytesPerSecond >= 0, "a budget is not negative")
        self.bytesPerSecond = bytesPerSecond
        self.start = start
    }

    /// Bytes to write before the next pause: about 1/16 s of budget, within
    /// `chunkBytesMin...chunkBytesMax` (`chunkBytesMax` when unlimited).
    var chunkBytes: Int {
        guard bytesPerSecond > 0 else { return Self.chunkBytesMax }
        return min(Self.chunkBytesMax, max(Self.chunkBytesMin, bytesPerSecond / 16))
    }

    /// Notes `count` more bytes written and returns how long to pause at `now` before writing more
    /// (`.zero` when the stream is within budget, or unlimited).
    mutating func delay(afterWriting count: Int, now: Duration) -> Duration {
        precondition(count >= 0, "a byte count is not negative")
        bytesWritten += count
        guard bytesPerSecond > 0 else { return .zero }
        let due = start + Self.duration(of: bytesWritten, at: bytesPerSecond)
        return due > now ? due - now : .zero
    }

    /// `bytes / bytesPerSecond` seconds, exact to the nanosecond (rounded up), without overflow.
    static func duration(of bytes: Int, at bytesPerSecond: Int) -> Duration {
        let seconds = bytes / bytesPerSecond
        let remainder = Int64(bytes % bytesPerSecond)
        let scaled = remainder.multipliedFullWidth(by: 1_000_000_000)
        let (nanoseconds, leftover) = Int64(bytesPerSecond).dividingFullWidth(scaled)
        return .seconds(seconds) + .nanoseconds(nanoseconds + (leftover > 0 ? 1 : 0))
    }
}
