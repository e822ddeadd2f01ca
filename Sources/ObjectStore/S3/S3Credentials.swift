import Foundation

/// The keys requests are signed with (AWS access keys, or GCS HMAC keys for its S3-compatible API).
public struct S3Credentials: Sendable, Hashable {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// The token of temporary credentials (STS), sent as `x-amz-security-token`.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and, when set, `AWS_SESSION_TOKEN`.
    ///
    /// - Throws: `auth` naming the missing variable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ObjectStoreError) -> S3Credentials {
        func value(_ name: String) throws(ObjectStoreError) -> String {
            guard let value = environment[name], !value.isEmpty else {
                throw ObjectStoreError(code: .auth, key: "", message: "\(name) is not set")
            }
            return value
        }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return S3Credentials(
            accessKeyID: try value("AWS_ACCESS_KEY_ID"),
            secretAccessKey: try value("AWS_SECRET_ACCESS_KEY"),
            sessionToken: token
        )
    }
}
