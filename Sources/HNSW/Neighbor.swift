/// A search result: a vector's id (its insertion ordinal) and its distance to the query.
public struct Neighbor: Sendable, Hashable, Comparable {
    public var id: UInt32
    /// Distance under the index's metric; smaller is closer.
    public var distance: Float

    @inlinable
    public init(id: UInt32, distance: Float) {
        self.id = id
        self.distance = distance
    }

    /// Orders by distance, then by id, so results are deterministic.
    @inlinable
    public static func < (lhs: Neighbor, rhs: Neighbor) -> Bool {
        lhs.distance != rhs.distance ? lhs.distance < rhs.distance : lhs.id < rhs.id
    }
}
