import SECModel

extension ParseError: CategorizedError {
    /// Every parse failure is *bad input*: the document, not the program, is at fault.
    public var category: ErrorCategory { .badInput }
}
