/// An invalid chunking configuration (bad input): the setting and why it was refused.
public struct ChunkerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The setting at fault, e.g. `maxTokens`.
    public let setting: String
    public let message: String

    public init(setting: String, message: String) {
        self.setting = setting
        self.message = message
    }

    public var description: String { "\(setting): \(message)" }
}
