/// Which nodes a search may return (all others are only traversed).
protocol NodeFilter {
    func includes(_ node: UInt32) -> Bool
}

/// Every node: the unfiltered search, specialised to no check at all.
struct AllNodes: NodeFilter {
    @inline(__always) func includes(_ node: UInt32) -> Bool { true }
}

/// The nodes a caller's predicate accepts.
struct ClosureFilter: NodeFilter {
    let body: (UInt32) -> Bool

    @inline(__always) func includes(_ node: UInt32) -> Bool { body(node) }
}
