/// A table's columns, and their translation to and from the footer's flattened schema: a root group
/// named `schema` holding one node per flat column, three per list column.
public struct ParquetSchema: Sendable, Hashable {
    /// Column names must be unique; the order is the file's column order.
    public var columns: [ParquetColumn]

    public init(columns: [ParquetColumn]) {
        self.columns = columns
    }

    /// The column named `name`, with its position.
    public func column(named name: String) -> (index: Int, column: ParquetColumn)? {
        guard let index = columns.firstIndex(where: { $0.name == name }) else { return nil }
        return (index, columns[index])
    }

    /// The footer's schema list: the root, then each column's nodes depth first.
    var elements: [ParquetSchemaElement] {
        [ParquetSchemaElement(name: "schema", numChildren: Int32(columns.count))] + columns.flatMap(\.schemaElements)
    }

    /// The columns of a footer's schema list, which must have the shapes `elements` writes.
    ///
    /// - Throws: `ParquetError` *unsupported* for any other shape (nested groups, maps, optional list
    ///   elements, types without a column kind).
    init(elements: [ParquetSchemaElement]) throws(ParquetError) {
        guard let root = elements.first, let childCount = root.numChildren, root.type == nil else {
            throw ParquetError(code: .unsupported, message: "the schema has no root group")
        }
        var columns: [ParquetColumn] = []
        var index = 1
        for _ in 0..<childCount {
            let (column, used) = try Self.column(in: elements, at: index)
            columns.append(column)
            index += used
        }
        guard index == elements.count else {
            throw ParquetError(code: .unsupported, message: "\(elements.count - index) schema nodes outside the root")
        }
        self.columns = columns
    }

    /// The column whose first node is `elements[index]`, and how many nodes it takes.
    private static func column(
        in elements: [ParquetSchemaElement],
        at index: Int
    ) throws(ParquetError) -> (ParquetColumn, Int) {
        func unsupported(_ message: String) -> ParquetError {
            ParquetError(code: .unsupported, message: message, column: elements[index].name)
        }
        guard index < elements.count else { throw ParquetError(code: .unsupported, message: "schema ends early") }
        let node = elements[index]
        guard let repetition = node.repetition, repetition != .repeated else {
            throw unsupported("a repeated or unannotated top-level field")
        }
        let isRequired = repetition == .required
        if let type = node.type {
            guard let kind = leafKind(type: type, logical: node.logicalType, list: false) else {
                throw unsupported("a \(type) column annotated \(String(describing: node.logicalType))")
            }
            return (ParquetColumn(name: node.name, kind: kind, isRequired: isRequired), 1)
        }
        guard node.logicalType == .list, node.numChildren == 1, index + 2 < elements.count else {
            throw unsupported("a group that is not a three-level LIST")
        }
        let group = elements[index + 1]
        let leaf = elements[index + 2]
        guard group.repetition == .repeated, group.numChildren == 1, group.type == nil,
            leaf.repetition == .required, let type = leaf.type,
            let kind = leafKind(type: type, logical: leaf.logicalType, list: true)
        else { throw unsupported("a LIST whose element is not a required string or float") }
        return (ParquetColumn(name: node.name, kind: kind, isRequired: isRequired), 3)
    }

    private static func leafKind(
        type: ParquetPhysicalType,
        logical: ParquetLogicalType?,
        list: Bool
    ) -> ParquetColumnKind? {
        switch (type, logical, list) {
        case (.byteArray, .string, false): .string
        case (.int64, nil, false): .int64
        case (.double, nil, false): .double
        case (.boolean, nil, false): .boolean
        case (.int32, .date, false): .date
        case (.byteArray, .string, true): .stringList
        case (.float, nil, true): .floatList
        default: nil
        }
    }
}
