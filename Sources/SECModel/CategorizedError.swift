/// An error that says what to do about it: a category from the shared set (`ErrorCategory`) and,
/// when it wraps another error, that error unchanged (its code and context intact, never
/// flattened into a string).
public protocol CategorizedError: Error, Sendable, CustomStringConvertible {
    /// Bad input, not found, conflict, unavailable, corrupt or internal.
    var category: ErrorCategory { get }
    /// The error this one wraps, when there is one (a stage's typed error inside `PipelineError`).
    var underlyingError: (any Error)? { get }
}

extension CategorizedError {
    public var underlyingError: (any Error)? { nil }

    /// This error and the errors it wraps, outermost first.
    public var causeChain: [any Error] {
        var chain: [any Error] = [self]
        var next = underlyingError
        while let error = next, chain.count < 16 {
            chain.append(error)
            next = (error as? any CategorizedError)?.underlyingError
        }
        return chain
    }
}
