import Hummingbird
import Synchronization

/// What the inner middleware learns about a request that the outer one logs and counts: the
/// authenticated tenant. Shared by every copy of one request's context.
final class RequestTrace: Sendable {
    private let tenantName = Mutex<String?>(nil)

    /// The caller's tenant name, once authenticated.
    var tenant: String? {
        get { tenantName.withLock { $0 } }
        set { tenantName.withLock { $0 = newValue } }
    }

    /// `X-Request-Id` (a valid header name: the optional is never `nil`).
    static let requestIDHeader = HTTPFields.Element.Name("X-Request-Id")
}
