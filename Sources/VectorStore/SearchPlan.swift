/// How a search was executed (`vectordb search --explain`): per source, how the filter was
/// answered, how many rows matched, which strategy ranked it and how much work that took.
/// Counters, not timings: the same request on the same snapshot gives the same plan (but for a
/// filter index still being built in the background, which reads as `scan` meanwhile).
public struct SearchPlan: Sendable, Hashable, CustomStringConvertible {
    /// How one condition of the filter was answered on a source.
    public enum Access: String, Sendable, Hashable {
        /// From the source's filter index (posting bitmaps or the sorted index).
        case index
        /// Evaluated row by row (the field is not indexed, the primary key, or the index is not
        /// built yet).
        case scan
        /// The source predates the field: every row reads the field's default, tested once.
        case fieldDefault = "default"
    }

    /// How the vector ranking of a source was computed.
    public enum VectorStrategy: String, Sendable, Hashable {
        /// Exact scores of the matching rows (few match, or the source has no graph).
        case exact
        /// HNSW traversal that walks through non-matching nodes but returns only matching ones.
        case graph
        /// The traversal found fewer than `min(k, matches)` rows: the matching rows were scored
        /// exactly instead.
        case graphThenExact = "graph+exact"
    }

    public struct Condition: Sendable, Hashable {
        /// The condition as written (`form=10-k`).
        public var filter: String
        public var access: Access
    }

    public struct Source: Sendable, Hashable {
        /// `segment` or `memtable`.
        public var kind: String
        public var rows: Int
        /// Rows not overwritten, deleted or expired.
        public var liveRows: Int
        /// Live rows matching the filter (the cardinality of filter ∧ live).
        public var matchingRows: Int
        /// Each condition of the filter, in the order written (empty without a filter).
        public var conditions: [Condition]
        /// `nil` in lexical mode, or when no row matched.
        public var vectorStrategy: VectorStrategy?
        /// Vectors scored exactly (the exact strategy and the re-ranking of a fallback).
        public var rowsScored: Int
        /// Graph nodes whose distance the traversal computed.
        public var graphNodesVisited: Int
        /// Lexical postings read by the top-k walk, and rows it scored fully.
        public var postingsRead: Int
        public var lexicalRowsScored: Int
    }

    public var mode: SearchMode
    public var k: Int
    /// Oldest first, as searched.
    public var sources: [Source]

    /// Live rows matching the filter over all sources.
    public var matchingRows: Int { sources.reduce(0) { $0 + $1.matchingRows } }

    /// A few lines, one per source.
    public var description: String {
        var lines = ["plan: \(mode.rawValue) k=\(k), \(matchingRows) matching live rows in \(sources.count) sources"]
        for (index, source) in sources.enumerated() {
            var line = "  source \(index) (\(source.kind), \(source.rows) rows, \(source.liveRows) live): "
            line += "\(source.matchingRows) match"
            if !source.conditions.isEmpty {
                line +=
                    " [" + source.conditions.map { "\($0.filter): \($0.access.rawValue)" }.joined(separator: ", ") + "]"
            }
            if let strategy = source.vectorStrategy {
                line += "; vector \(strategy.rawValue), \(source.rowsScored) rows scored"
                if source.graphNodesVisited > 0 { line += ", \(source.graphNodesVisited) graph nodes visited" }
            }
            if mode != .vector {
                line += "; bm25 \(source.postingsRead) postings read, \(source.lexicalRowsScored) rows scored"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}

/// The hits of a search with the plan that produced them.
public struct ExplainedSearch: Sendable, Hashable {
    public var hits: [SearchHit]
    public var plan: SearchPlan
}

/// The vector strategy a search asks for (`SearchRequest.strategy`).
public enum SearchStrategy: String, Sendable, Hashable, CaseIterable {
    /// The planner chooses per source from the filter's cardinality (the measured switch point).
    case auto
    /// Exact scores of the matching rows in every source.
    case exact
    /// Filtered graph traversal in every source that has a graph (exact where none, or when the
    /// traversal finds too few matching rows).
    case graph
}
