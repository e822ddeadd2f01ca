/// JSON form (in `collection.json`): `{"type": "int64", "value": 2024}`; dates as `"YYYY-MM-DD"`.
extension FieldValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case type
        case value
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(FieldType.self, forKey: .type) {
        case .string: self = .string(try container.decode(String.self, forKey: .value))
        case .int64: self = .int64(try container.decode(Int64.self, forKey: .value))
        case .double: self = .double(try container.decode(Double.self, forKey: .value))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: .value))
        case .date:
            let text = try container.decode(String.self, forKey: .value)
            guard let date = CalendarDate(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .value,
                    in: container,
                    debugDescription: "not YYYY-MM-DD"
                )
            }
            self = .date(date)
        case .stringArray: self = .stringArray(try container.decode([String].self, forKey: .value))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .string(let value): try container.encode(value, forKey: .value)
        case .int64(let value): try container.encode(value, forKey: .value)
        case .double(let value): try container.encode(value, forKey: .value)
        case .bool(let value): try container.encode(value, forKey: .value)
        case .date(let value): try container.encode(value.description, forKey: .value)
        case .stringArray(let value): try container.encode(value, forKey: .value)
        }
    }
}
