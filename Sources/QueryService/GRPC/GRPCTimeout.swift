/// The `grpc-timeout` request header (gRPC over HTTP/2: 1-8 ASCII digits and a unit, `H` hours,
/// `M` minutes, `S` seconds, `m` milliseconds, `u` microseconds, `n` nanoseconds): the time the
/// client gives the call, read so that a search's deadline is the sooner of it and the server's
/// query timeout.
enum GRPCTimeout {
    /// The duration `text` gives, or `nil` when it is not a valid `grpc-timeout` value.
    static func duration(_ text: String) -> Duration? {
        guard let unit = text.last, (2...9).contains(text.count) else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy(\.isASCII), let amount = Int64(digits), amount >= 0 else { return nil }
        switch unit {
        case "H": return .seconds(amount * 3_600)
        case "M": return .seconds(amount * 60)
        case "S": return .seconds(amount)
        case "m": return .milliseconds(amount)
        case "u": return .microseconds(amount)
        case "n": return .nanoseconds(amount)
        default: return nil
        }
    }
}
