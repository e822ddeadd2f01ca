import Foundation

@testable import VectorStore

/// A small non-SEC schema (products with a price, a stock count, a launch date, tags) and seeded
/// documents of it, for the schema, evolution and filter tests.
enum SchemaTestSupport {
    static let dimension = 6

    static func schema(metric: VectorMetric = .cosine) -> CollectionSchema {
        CollectionSchema(
            primaryKey: "sku",
            fields: [
                FieldDefinition(name: "name", type: .string, required: true),
                FieldDefinition(name: "brand", type: .string, foldCase: true),
                FieldDefinition(name: "price", type: .double, required: true),
                FieldDefinition(name: "stock", type: .int64, defaultValue: .int64(0)),
                FieldDefinition(name: "launched", type: .date),
                FieldDefinition(name: "discontinued", type: .bool),
                FieldDefinition(name: "tags", type: .stringArray, foldCase: true),
            ],
            vectors: [VectorFieldDefinition(name: "image", dimension: dimension, metric: metric)],
            textField: "name"
        )
    }

    static func info(_ name: String = "products", metric: VectorMetric = .cosine) -> CollectionInfo {
        CollectionInfo(name: name, embeddingModel: "test", schema: schema(metric: metric))
    }

    static let brands = ["Acme", "Globex", "Initech", "Umbrella"]
    static let tags = ["red", "blue", "green", "sale", "new"]

    /// A document with random values; some optional fields are left out.
    static func document(_ index: Int, using generator: inout SeededGenerator) -> Document {
        var fields: [String: FieldValue] = [
            "name": .string("product \(index) " + tags[Int(generator.next() % 5)]),
            "price": .double(Double(generator.next() % 10_000) / 100),
        ]
        if generator.next() % 4 != 0 { fields["brand"] = .string(brands[Int(generator.next() % 4)]) }
        if generator.next() % 3 != 0 { fields["stock"] = .int64(Int64(generator.next() % 50)) }
        if generator.next() % 5 != 0 {
            fields["launched"] = .date(CalendarDate(daysSince1970: 18_000 + Int64(generator.next() % 2_000)))
        }
        if generator.next() % 2 == 0 { fields["discontinued"] = .bool(generator.next() % 3 == 0) }
        let tagCount = Int(generator.next() % 3)
        fields["tags"] = .stringArray((0..<tagCount).map { _ in tags[Int(generator.next() % 5)] })
        let vector = (0..<dimension).map { _ in Float(Int(generator.next() % 2001) - 1000) / 1000 + 0.001 }
        return Document(id: "sku-\(index)", fields: fields, vectors: ["image": vector])
    }

    /// A reference evaluation of a filter over a document, written independently of `CompiledFilter`.
    static func oracleMatches(_ filter: MetadataFilter, _ document: Document, _ schema: CollectionSchema) -> Bool {
        func stored(_ name: String) -> FieldValue? {
            if name == schema.primaryKey { return .string(document.id) }
            let field = schema.fields.first { $0.name == name }
            guard var value = document.fields[name] ?? field?.defaultValue else { return nil }
            if field?.foldCase == true {
                if case .string(let text) = value { value = .string(text.lowercased()) }
                if case .stringArray(let texts) = value { value = .stringArray(texts.map { $0.lowercased() }) }
            }
            return value
        }
        func folded(_ name: String, _ value: FieldValue) -> FieldValue {
            guard schema.fields.first(where: { $0.name == name })?.foldCase == true, case .string(let text) = value
            else { return value }
            return .string(text.lowercased())
        }
        func equal(_ value: FieldValue, _ expected: FieldValue) -> Bool {
            if case .stringArray(let texts) = value, case .string(let text) = expected { return texts.contains(text) }
            return value == expected
        }
        func number(_ value: FieldValue) -> Double? {
            switch value {
            case .int64(let number): Double(number)
            case .double(let number): number
            case .date(let date): Double(date.daysSince1970)
            default: nil
            }
        }
        switch filter {
        case .and(let filters): return filters.allSatisfy { oracleMatches($0, document, schema) }
        case .or(let filters): return filters.contains { oracleMatches($0, document, schema) }
        case .not(let inner): return !oracleMatches(inner, document, schema)
        case .equals(let name, let expected):
            guard let value = stored(name) else { return false }
            return equal(value, folded(name, expected))
        case .oneOf(let name, let expected):
            guard let value = stored(name) else { return false }
            return expected.contains { equal(value, folded(name, $0)) }
        case .range(let name, let lower, let upper):
            guard let value = stored(name).flatMap(number) else { return false }
            if let lower, let bound = number(lower.value), lower.inclusive ? value < bound : value <= bound {
                return false
            }
            if let upper, let bound = number(upper.value), upper.inclusive ? value > bound : value >= bound {
                return false
            }
            return true
        case .prefix(let name, let prefix):
            switch stored(name) {
            case .string(let text)?: return text.hasPrefix(folded(name, .string(prefix)).stringValue ?? prefix)
            case .stringArray(let texts)?:
                return texts.contains { $0.hasPrefix(folded(name, .string(prefix)).stringValue ?? prefix) }
            default: return false
            }
        }
    }

    /// A random filter tree over the product schema, up to `depth` levels of and / or / not.
    static func randomFilter(depth: Int, using generator: inout SeededGenerator) -> MetadataFilter {
        let choice = Int(generator.next() % (depth > 0 ? 9 : 6))
        func leafPrice() -> Double { Double(generator.next() % 10_000) / 100 }
        switch choice {
        case 0: return .equals(field: "brand", .string(brands[Int(generator.next() % 4)].uppercased()))
        case 1:
            return .oneOf(
                field: "tags",
                [.string(tags[Int(generator.next() % 5)]), .string(tags[Int(generator.next() % 5)])]
            )
        case 2:
            let low = leafPrice()
            return .range(field: "price", lower: .init(.double(low)), upper: .init(.double(low + 20), inclusive: false))
        case 3:
            let day = CalendarDate(daysSince1970: 18_000 + Int64(generator.next() % 2_000))
            return .range(
                field: "launched",
                lower: generator.next() % 2 == 0 ? .init(.date(day)) : nil,
                upper: .init(.date(day))
            )
        case 4: return .range(field: "stock", lower: .init(.int64(Int64(generator.next() % 50))), upper: nil)
        case 5:
            return generator.next() % 2 == 0
                ? .prefix(field: "sku", "sku-\(generator.next() % 10)") : .equals(field: "discontinued", .bool(true))
        case 6: return .not(randomFilter(depth: depth - 1, using: &generator))
        case 7:
            return .and([
                randomFilter(depth: depth - 1, using: &generator), randomFilter(depth: depth - 1, using: &generator),
            ])
        default:
            return .or([
                randomFilter(depth: depth - 1, using: &generator), randomFilter(depth: depth - 1, using: &generator),
            ])
        }
    }
}
