/// One node of a Parquet schema (`SchemaElement`), in the depth-first list the footer holds: the
/// root first (a group with `numChildren`), then each field; a leaf has a `type`, a group has
/// `numChildren` instead.
public struct ParquetSchemaElement: Sendable, Hashable {
    /// The leaf's physical type; `nil` for a group.
    public var type: ParquetPhysicalType?
    /// Bytes per value of a FIXED_LEN_BYTE_ARRAY leaf.
    public var typeLength: Int32?
    /// `nil` only for the root.
    public var repetition: ParquetRepetition?
    public var name: String
    /// Children of a group; `nil` for a leaf.
    public var numChildren: Int32?
    public var logicalType: ParquetLogicalType?

    public init(
        name: String,
        type: ParquetPhysicalType? = nil,
        typeLength: Int32? = nil,
        repetition: ParquetRepetition? = nil,
        numChildren: Int32? = nil,
        logicalType: ParquetLogicalType? = nil
    ) {
        self.name = name
        self.type = type
        self.typeLength = typeLength
        self.repetition = repetition
        self.numChildren = numChildren
        self.logicalType = logicalType
    }
}
