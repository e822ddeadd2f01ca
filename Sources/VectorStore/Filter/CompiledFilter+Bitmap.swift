extension CompiledFilter {
    /// The rows of `candidates` (a bitmap over `source`'s rows, usually its live rows) that match.
    ///
    /// Conditions on indexed fields read the source's filter index: a posting or a sorted range per
    /// value, so the cost is the postings read plus `rowCount / 64` words per combination. Other
    /// conditions (the primary key, unindexed fields, an index still being built) evaluate row by
    /// row, but only over the rows the indexed conditions of an AND have left. `conditions` receives
    /// how each condition was answered, in the order written.
    func rows(
        _ source: SearchSource,
        within candidates: RowBitmap,
        conditions: inout [SearchPlan.Condition]
    ) -> RowBitmap {
        guard !isEmpty else { return candidates }
        var accesses: [String: SearchPlan.Access] = [:]
        let result = rows(root, source, within: candidates, accesses: &accesses)
        conditions = Self.leaves(root).map { SearchPlan.Condition(filter: $0, access: accesses[$0] ?? .index) }
        return result
    }

    private func rows(
        _ node: Node,
        _ source: SearchSource,
        within candidates: RowBitmap,
        accesses: inout [String: SearchPlan.Access]
    ) -> RowBitmap {
        switch node {
        case .and(let nodes):
            // Indexed conditions first: scans then only visit the rows those left.
            var running = candidates
            let ordered = nodes.filter { isIndexed($0, source) } + nodes.filter { !isIndexed($0, source) }
            for node in ordered {
                guard !running.isEmpty else {
                    // Nothing is left to test; the rest are reported as their field would be read.
                    let access: SearchPlan.Access = isIndexed(node, source) ? .index : .scan
                    for label in Self.leaves(node) { accesses[label] = accesses[label] ?? access }
                    continue
                }
                running = rows(node, source, within: running, accesses: &accesses)
            }
            return running
        case .or(let nodes):
            var union = RowBitmap(count: candidates.count)
            for node in nodes { union.formUnion(rows(node, source, within: candidates, accesses: &accesses)) }
            return union
        case .not(let inner):
            var result = candidates
            result.subtract(rows(inner, source, within: candidates, accesses: &accesses))
            return result
        case .test(let ordinal, let foldCase, let predicate, let label):
            if ordinal >= 0, ordinal >= source.storedFieldCount {
                // The source predates the field: every row reads its default.
                note(.fieldDefault, label, &accesses)
                let matches = defaults[ordinal].map { Self.test(predicate, foldCase ? Self.lowered($0) : $0) } ?? false
                return matches ? candidates : RowBitmap(count: candidates.count)
            }
            if ordinal >= 0, fields[ordinal].index,
                case .index(let index) = source.filterIndexes.lookup(
                    ordinal,
                    field: fields[ordinal],
                    column: { source.column(ordinal) }
                ),
                var matching = indexRows(predicate, index, defaultValue: defaults[ordinal], foldCase: foldCase)
            {
                note(.index, label, &accesses)
                matching.formIntersection(candidates)
                return matching
            }
            note(.scan, label, &accesses)
            var matching = RowBitmap(count: candidates.count)
            candidates.forEachRow { row in
                if test(node, source, row) { matching.insert(row) }
            }
            return matching
        }
    }

    /// One condition evaluated on one row (the scan fallback).
    private func test(_ node: Node, _ source: SearchSource, _ row: Int) -> Bool {
        guard case .test(let ordinal, let foldCase, let predicate, _) = node else { return false }
        let stored = ordinal < 0 ? .string(source.id(row)) : source.value(row, ordinal) ?? defaults[ordinal]
        guard var value = stored else { return false }
        if foldCase { value = Self.lowered(value) }
        return Self.test(predicate, value)
    }

    /// A scan is reported once any source needed one for the condition.
    private func note(_ access: SearchPlan.Access, _ label: String, _ accesses: inout [String: SearchPlan.Access]) {
        if accesses[label] != .scan { accesses[label] = access }
    }

    /// Whether every condition under `node` can be read from an index on `source` (without loading it).
    private func isIndexed(_ node: Node, _ source: SearchSource) -> Bool {
        switch node {
        case .and(let nodes), .or(let nodes): nodes.allSatisfy { isIndexed($0, source) }
        case .not(let inner): isIndexed(inner, source)
        case .test(let ordinal, _, _, _): ordinal >= 0 && (ordinal >= source.storedFieldCount || fields[ordinal].index)
        }
    }

    private static func leaves(_ node: Node) -> [String] {
        switch node {
        case .and(let nodes), .or(let nodes): nodes.flatMap(leaves)
        case .not(let inner): leaves(inner)
        case .test(_, _, _, let label): [label]
        }
    }

    /// The rows matching `predicate` according to `index`, rows without a value included when the
    /// field's default matches; `nil` when the index cannot answer (a whole-array equality, a
    /// non-ASCII prefix), so the caller scans.
    private func indexRows(
        _ predicate: Predicate,
        _ index: FieldIndex,
        defaultValue: FieldValue?,
        foldCase: Bool
    ) -> RowBitmap? {
        var result = RowBitmap(count: index.rowCount)
        switch (index, predicate) {
        case (.postings(let postings), .equals(let value)):
            guard let key = FieldIndex.postingKey(value) else { return nil }
            postings.posting(key)?.add(to: &result)
        case (.postings(let postings), .oneOf(let values)):
            for value in values {
                guard let key = FieldIndex.postingKey(value) else { return nil }
                postings.posting(key)?.add(to: &result)
            }
        case (.postings(let postings), .prefix(let prefix)):
            guard prefix.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            for position in postings.keyRange(prefix: prefix) where postings.keys[position].hasPrefix(prefix) {
                postings.postings[position].add(to: &result)
            }
        case (.integers(let sorted), _):
            guard addRanges(predicate, sorted, key: FieldIndex.integerKey, to: &result) else { return nil }
        case (.doubles(let sorted), _):
            let key: (FieldValue) -> Double? = { if case .double(let number) = $0 { number } else { nil } }
            guard addRanges(predicate, sorted, key: key, to: &result) else { return nil }
        default: return nil
        }
        if let defaultValue, Self.test(predicate, foldCase ? Self.lowered(defaultValue) : defaultValue) {
            index.missing.add(to: &result)
        }
        return result
    }

    /// Adds the rows of an equality, set or range predicate on a sorted index; `false` when the
    /// predicate is of another kind or a value has no key.
    private func addRanges<Key>(
        _ predicate: Predicate,
        _ sorted: SortedIndex<Key>,
        key: (FieldValue) -> Key?,
        to result: inout RowBitmap
    ) -> Bool {
        switch predicate {
        case .equals(let value):
            guard let exact = key(value) else { return false }
            sorted.addRows(lower: (exact, true), upper: (exact, true), to: &result)
        case .oneOf(let values):
            for value in values {
                guard let exact = key(value) else { return false }
                sorted.addRows(lower: (exact, true), upper: (exact, true), to: &result)
            }
        case .range(let lower, let upper):
            var low: (Key, Bool)?
            var high: (Key, Bool)?
            if let lower {
                guard let bound = key(lower.value) else { return false }
                low = (bound, lower.inclusive)
            }
            if let upper {
                guard let bound = key(upper.value) else { return false }
                high = (bound, upper.inclusive)
            }
            sorted.addRows(lower: low, upper: high, to: &result)
        case .prefix: return false
        }
        return true
    }
}
