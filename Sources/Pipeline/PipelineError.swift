/// A failure of a pipeline run, wrapping the failing stage's error with the filing it concerned.
///
/// `source` errors are bad input in the source directory; the other cases carry their stage's own
/// typed error, whose code says whether it is bad input, transient or corruption.
public struct PipelineError: Error, Sendable, CustomStringConvertible {
    public enum Stage: String, Sendable {
        case source
        case archive
        case parse
        case chunk
        case embed
        case store
    }

    public let stage: Stage
    /// The filing's accession number or the file concerned, when known.
    public let subject: String?
    public let message: String

    public init(stage: Stage, subject: String?, message: String) {
        self.stage = stage
        self.subject = subject
        self.message = message
    }

    public var description: String {
        "\(stage.rawValue) stage" + (subject.map { " (\($0))" } ?? "") + ": \(message)"
    }
}
