import Foundation
import Pipeline
import SwiftProtobuf

/// `google.protobuf.Struct` and `Value` — the gRPC API's open-ended parts (fields, filter objects,
/// schemas) — to and from the `JSONValue` the HTTP API decodes, so both APIs validate one value.
/// Protobuf numbers are doubles: an integral one of magnitude at most 2^53 becomes an integer,
/// any other a number.
enum ProtoJSON {
    /// The JSON value of `value` (an unset value is `null`).
    static func json(_ value: Google_Protobuf_Value) -> JSONValue {
        switch value.kind {
        case .nullValue?, nil: return .null
        case .boolValue(let flag)?: return .bool(flag)
        case .stringValue(let text)?: return .string(text)
        case .numberValue(let number)?:
            if number.rounded() == number, abs(number) <= 9_007_199_254_740_992 { return .integer(Int64(number)) }
            return .number(number)
        case .listValue(let list)?: return .array(list.values.map(json))
        case .structValue(let object)?: return json(object)
        }
    }

    /// The JSON object of `object`.
    static func json(_ object: Google_Protobuf_Struct) -> JSONValue {
        .object(object.fields.mapValues(json))
    }

    /// `value` as a protobuf value.
    static func proto(_ value: JSONValue) -> Google_Protobuf_Value {
        switch value {
        case .null: return Google_Protobuf_Value(nilLiteral: ())
        case .bool(let flag): return Google_Protobuf_Value(boolValue: flag)
        case .integer(let number): return Google_Protobuf_Value(numberValue: Double(number))
        case .number(let number): return Google_Protobuf_Value(numberValue: number)
        case .string(let text): return Google_Protobuf_Value(stringValue: text)
        case .array(let items):
            return Google_Protobuf_Value(listValue: Google_Protobuf_ListValue(values: items.map(proto)))
        case .object: return Google_Protobuf_Value(structValue: protoStruct(value))
        }
    }

    /// The protobuf object of a JSON object (empty for any other value).
    static func protoStruct(_ value: JSONValue) -> Google_Protobuf_Struct {
        guard case .object(let entries) = value else { return Google_Protobuf_Struct() }
        return Google_Protobuf_Struct(fields: entries.mapValues(proto))
    }

    /// The protobuf object of `value`'s JSON encoding (the HTTP API's form of it).
    static func protoStruct(encoding value: some Encodable) -> Google_Protobuf_Struct {
        let bytes = JSONBody.encode(value)
        guard let decoded = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else {
            return Google_Protobuf_Struct()
        }
        return protoStruct(decoded)
    }
}
