extension ParquetColumnValues {
    /// These rows followed by `other`'s, which must be of the same kind.
    public mutating func append(_ other: ParquetColumnValues) {
        switch (self, other) {
        case (.strings(let a), .strings(let b)): self = .strings(a + b)
        case (.int64s(let a), .int64s(let b)): self = .int64s(a + b)
        case (.doubles(let a), .doubles(let b)): self = .doubles(a + b)
        case (.booleans(let a), .booleans(let b)): self = .booleans(a + b)
        case (.dates(let a), .dates(let b)): self = .dates(a + b)
        case (.stringLists(let a), .stringLists(let b)): self = .stringLists(a + b)
        case (.floatLists(let a), .floatLists(let b)): self = .floatLists(a + b)
        default: preconditionFailure("appending \(other.kind) values to \(kind) values")
        }
    }

    /// No rows of `kind`.
    public static func empty(_ kind: ParquetColumnKind) -> ParquetColumnValues {
        switch kind {
        case .string: .strings([])
        case .int64: .int64s([])
        case .double: .doubles([])
        case .boolean: .booleans([])
        case .date: .dates([])
        case .stringList: .stringLists([])
        case .floatList: .floatLists([])
        }
    }
}
