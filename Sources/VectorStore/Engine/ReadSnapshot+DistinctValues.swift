extension ReadSnapshot {
    /// The distinct values of a string or string-array field over every source of the snapshot,
    /// sorted: what callers build vocabularies from (the filer names a question can mention).
    ///
    /// Read from the field's filter index when the schema declares `index` (cost: the number of
    /// distinct values per source); otherwise, and for a source whose index is not built yet, from
    /// the stored column (cost: the source's rows). Rows deleted since they were written can still
    /// contribute their value; a case-folded index yields lowercased values.
    ///
    /// - Throws: `StoreError.badInput` when the schema has no such field or it is neither a string
    ///   nor a string array; a block that fails verification while read (`.corruption`).
    public func distinctValues(of field: String) throws(StoreError) -> [String] {
        guard let ordinal = info.schema.ordinal(of: field) else {
            throw StoreError(
                code: .badInput,
                message: "no field '\(field)' in the schema of '\(info.name)'",
                field: field
            )
        }
        let definition = info.schema.fields[ordinal]
        guard definition.type == .string || definition.type == .stringArray else {
            throw StoreError(
                code: .badInput,
                message: "field '\(field)' is \(definition.type.rawValue), not a string field",
                field: field
            )
        }
        var values = Set<String>()
        for source in snapshot.sources {
            if definition.index,
                case .index(.postings(let index)) = source.filterIndexes.lookup(
                    ordinal,
                    field: definition,
                    column: { source.column(ordinal) }
                )
            {
                values.formUnion(index.keys)
                continue
            }
            for value in source.column(ordinal) ?? [] {
                switch value {
                case .string(let text)?: values.insert(text)
                case .stringArray(let texts)?: values.formUnion(texts)
                default: continue
                }
            }
        }
        try snapshot.checkIntegrity()
        return values.sorted()
    }
}
