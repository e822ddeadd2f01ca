/// The header of one field in a compact-protocol struct: its id and wire type.
struct ThriftField: Sendable, Equatable {
    var id: Int16
    var type: ThriftCompactType
}
