import Foundation
import Hummingbird

extension APIError {
    /// The error document.
    struct Document: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
        }

        var error: Detail
    }

    /// The response: the status, `{"error": {"code", "message"}}` and `Retry-After` when set.
    func response() -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let retryAfterSeconds { headers[.retryAfter] = String(retryAfterSeconds) }
        let body = JSONBody.encode(Document(error: .init(code: code, message: message)))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
