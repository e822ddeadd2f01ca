import SECModel

/// A bad line of a `vectordb import` file, or a failure while importing: the line (1-based) and
/// field at fault, and how much of the file was written before it.
///
/// Lines are written in batches; a batch with a bad line is not written at all, batches before it
/// stay written (`importedLines` of them), so fixing the line and re-running the import rewrites
/// the same ids (an upsert is idempotent).
public struct ImportError: CategorizedError {
    public let category: ErrorCategory
    /// The file read.
    public let file: String
    /// The 1-based line at fault, when the failure concerns one.
    public let line: Int?
    /// The field (or top-level key: `id`, `vector`, `text`) at fault, when known.
    public let field: String?
    public let message: String
    /// Lines written before the failure (whole batches).
    public let importedLines: Int
    /// The store's or embedder's error, when one caused this failure.
    public let underlyingError: (any Error)?

    public init(
        category: ErrorCategory,
        file: String,
        line: Int?,
        field: String?,
        message: String,
        importedLines: Int,
        underlyingError: (any Error)? = nil
    ) {
        self.category = category
        self.file = file
        self.line = line
        self.field = field
        self.message = message
        self.importedLines = importedLines
        self.underlyingError = underlyingError
    }

    public var description: String {
        var text = file + (line.map { ":\($0)" } ?? "") + ": "
        if let field { text += "field '\(field)': " }
        text += message
        guard line != nil else { return text }
        let written = importedLines == 1 ? "1 line was" : "\(importedLines) lines were"
        return text + " (\(written) imported before this batch; this batch was not written)"
    }
}
