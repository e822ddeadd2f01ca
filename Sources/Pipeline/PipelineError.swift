import SECModel

/// A failure of a pipeline run: the stage, the filing or file it concerned, and — when a stage's
/// own error caused it — that typed error unchanged (`underlyingError`: a `ParseError`,
/// `StoreError`, `EmbeddingError`, …), whose category this error takes.
///
/// `source` errors of the pipeline itself are bad input (or not found) in the source directory.
public struct PipelineError: CategorizedError {
    public enum Stage: String, Sendable {
        case source
        case archive
        case parse
        case chunk
        case embed
        case store
        /// `vectordb schedule` itself: its lock, its configuration.
        case schedule
    }

    public let stage: Stage
    /// The filing's accession number or the file concerned, when known.
    public let subject: String?
    /// What went wrong, in the pipeline's words; for a wrapped error without words of its own, the
    /// cause's description.
    public let message: String
    public let category: ErrorCategory
    /// The stage's typed error, when one caused this failure.
    public let underlyingError: (any Error)?

    /// A failure the pipeline itself detected (no typed cause).
    public init(stage: Stage, subject: String?, category: ErrorCategory, message: String) {
        self.stage = stage
        self.subject = subject
        self.category = category
        self.message = message
        underlyingError = nil
    }

    /// A stage's typed error, kept as the cause; `message` adds the pipeline's context when given.
    public init(stage: Stage, subject: String?, cause: some CategorizedError, message: String? = nil) {
        self.stage = stage
        self.subject = subject
        category = cause.category
        self.message = message.map { "\($0): \(cause.description)" } ?? cause.description
        underlyingError = cause
    }

    /// Any error a stage threw: a `CategorizedError` is kept as the cause with its category; another
    /// error is kept too, as *internal* (a stage that throws an untyped error has a bug to fix).
    public init(stage: Stage, subject: String?, wrapping error: any Error, message: String? = nil) {
        self.stage = stage
        self.subject = subject
        category = ErrorCategory(of: error)
        let described = (error as? any CategorizedError)?.description ?? "\(error)"
        self.message = message.map { "\($0): \(described)" } ?? described
        underlyingError = error
    }

    /// The stage's typed error as `type`, when it is one (`error.cause(as: StoreError.self)?.code`).
    public func cause<E: Error>(as type: E.Type) -> E? { underlyingError as? E }

    public var description: String {
        "\(stage.rawValue) stage" + (subject.map { " (\($0))" } ?? "") + ": \(message)"
    }
}
