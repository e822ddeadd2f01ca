import Foundation

/// A parsed JSON value for assertions: subscripts that return `nil` instead of failing.
struct JSONAny: @unchecked Sendable {
    let value: Any

    init(_ value: Any) { self.value = value }

    subscript(key: String) -> JSONAny? {
        (value as? [String: Any])?[key].map(JSONAny.init)
    }

    subscript(index: Int) -> JSONAny? {
        guard let array = value as? [Any], array.indices.contains(index) else { return nil }
        return JSONAny(array[index])
    }

    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber)?.intValue }
    var double: Double? { (value as? NSNumber)?.doubleValue }
    var array: [JSONAny] { (value as? [Any])?.map(JSONAny.init) ?? [] }
    var keys: [String] { (value as? [String: Any]).map { $0.keys.sorted() } ?? [] }
}
