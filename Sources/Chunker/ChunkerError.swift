/// An invalid chunking configuration (bad input).
public struct ChunkerError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(message: String) { self.message = message }

    public var description: String { message }
}
