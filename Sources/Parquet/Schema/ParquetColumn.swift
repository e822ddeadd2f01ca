/// One column of a table: a name, what it holds, and whether every row has a value.
public struct ParquetColumn: Sendable, Hashable {
    /// The column's name in the Parquet schema (any UTF-8 text; SQL engines quote unusual ones).
    public var name: String
    public var kind: ParquetColumnKind
    /// A required column has a value in every row (no definition level for the column itself); an
    /// optional one may be null.
    public var isRequired: Bool

    public init(name: String, kind: ParquetColumnKind, isRequired: Bool) {
        self.name = name
        self.kind = kind
        self.isRequired = isRequired
    }

    /// The highest definition level of the column's leaf: 1 for an optional column, plus 1 for the
    /// repeated group of a list.
    var maxDefinitionLevel: Int { (isRequired ? 0 : 1) + (kind.isList ? 1 : 0) }

    /// The highest repetition level: 1 for lists, else 0.
    var maxRepetitionLevel: Int { kind.isList ? 1 : 0 }

    /// The leaf's path from the root's child down, as `ColumnMetaData.path_in_schema` records it.
    var path: [String] { kind.isList ? [name, "list", "element"] : [name] }

    /// The schema nodes of this column, depth first.
    var schemaElements: [ParquetSchemaElement] {
        let repetition: ParquetRepetition = isRequired ? .required : .optional
        guard kind.isList else {
            return [
                ParquetSchemaElement(
                    name: name,
                    type: kind.physicalType,
                    repetition: repetition,
                    logicalType: kind.leafLogicalType
                )
            ]
        }
        return [
            ParquetSchemaElement(name: name, repetition: repetition, numChildren: 1, logicalType: .list),
            ParquetSchemaElement(name: "list", repetition: .repeated, numChildren: 1),
            ParquetSchemaElement(
                name: "element",
                type: kind.physicalType,
                repetition: .required,
                logicalType: kind.leafLogicalType
            ),
        ]
    }
}
