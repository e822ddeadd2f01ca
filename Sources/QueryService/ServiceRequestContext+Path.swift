import Foundation
import Hummingbird

extension ServiceRequestContext {
    /// The route's path parameter `name` as the client meant it: percent-decoded (RFC 3986), so
    /// `documents/a%3Ab` names document `a:b` and `documents/a%2Fb` document `a/b`. Hummingbird
    /// hands the parameter over as it appears in the path.
    ///
    /// - Throws: `APIError` 400 `bad_input` when the parameter is missing or its percent-encoding is
    ///   invalid (`%` not followed by two hex digits, or bytes that are not UTF-8).
    func pathParameter(_ name: String) throws(APIError) -> String {
        guard let raw = parameters.get(name) else { throw .badInput("the path has no '\(name)'") }
        guard let decoded = raw.removingPercentEncoding else {
            throw .badInput("\(name): '\(raw.prefix(256))' is not valid percent-encoded UTF-8")
        }
        return decoded
    }
}
