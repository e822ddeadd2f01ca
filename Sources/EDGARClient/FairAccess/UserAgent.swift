/// The declared User-Agent the SEC requires: `Company Name contact@domain`.
///
/// Invariant: at least one word before a final token that looks like an e-mail address
/// (`local@domain.tld`), printable ASCII only, at most 200 characters.
public struct UserAgent: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// The environment variable read when no User-Agent is configured.
    public static let environmentVariable = "VECTORDB_EDGAR_USER_AGENT"

    /// Validates a User-Agent.
    ///
    /// - Throws: `EDGARError.missingUserAgent` naming the rule it breaks.
    public init(_ text: String) throws(EDGARError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let words = trimmed.split(separator: " ")
        guard trimmed.count <= 200, trimmed.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }),
            words.count >= 2, let email = words.last, Self.looksLikeEmail(email)
        else {
            throw EDGARError(
                code: .missingUserAgent,
                source: "User-Agent",
                message: "'\(text)' is not of the form 'Company Name contact@domain' (printable ASCII, "
                    + "at most 200 characters)"
            )
        }
        self.value = trimmed
    }

    /// The configured value if given, else `VECTORDB_EDGAR_USER_AGENT` from `environment`.
    ///
    /// - Throws: `EDGARError.missingUserAgent` when neither is set or the value is malformed; the
    ///   client raises it before making any request.
    public static func resolve(configured: String?, environment: [String: String]) throws(EDGARError) -> UserAgent {
        if let configured, !configured.isEmpty { return try UserAgent(configured) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return try UserAgent(fromEnvironment)
        }
        throw EDGARError(
            code: .missingUserAgent,
            source: "User-Agent",
            message: "the SEC requires a declared User-Agent: set user_agent in the config, pass --user-agent, "
                + "or set \(environmentVariable) to 'Company Name contact@domain'"
        )
    }

    private static func looksLikeEmail(_ token: Substring) -> Bool {
        let parts = token.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }

    public var description: String { value }
}
