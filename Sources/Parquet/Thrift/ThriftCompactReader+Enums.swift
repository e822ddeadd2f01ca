extension ThriftCompactReader {
    /// An i32 field holding a Thrift enum; a value `E` does not know is *unsupported* (a newer or
    /// foreign writer's feature), reported at the field's offset.
    mutating func readEnum<E: RawRepresentable<Int32>>(_ field: ThriftField, as type: E.Type) throws(ParquetError) -> E
    {
        let start = position
        let raw = try readI32(field)
        guard let value = E(rawValue: raw) else {
            throw ParquetError(code: .unsupported, message: "unknown \(E.self) value \(raw)", offsetBytes: start)
        }
        return value
    }

    /// A required field that was absent when its struct ended: the struct is corrupt.
    func required<T>(_ value: T?, _ name: String, in structure: String, at offset: Int) throws(ParquetError) -> T {
        guard let value else { throw .corruption("\(structure) lacks its required \(name)", at: offset) }
        return value
    }
}
