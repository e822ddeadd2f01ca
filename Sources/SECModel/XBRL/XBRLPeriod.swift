/// The period of an XBRL context. Dates are kept as written (`YYYY-MM-DD`, rarely with a time), so
/// an end date is the last day covered, not the exclusive bound some processors report.
public enum XBRLPeriod: Hashable, Sendable {
    /// A point in time (balance-sheet items).
    case instant(String)
    /// A span from `start` to `end`, both inclusive as written (income-statement items).
    case duration(start: String, end: String)
    /// No period (rare; some definitional facts).
    case forever
}

extension XBRLPeriod: Codable {
    private enum CodingKeys: String, CodingKey {
        case instant, start, end, forever
    }

    /// Encodes as `{"instant": d}`, `{"start": s, "end": e}` or `{"forever": true}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .instant(let date):
            try container.encode(date, forKey: .instant)
        case .duration(let start, let end):
            try container.encode(start, forKey: .start)
            try container.encode(end, forKey: .end)
        case .forever:
            try container.encode(true, forKey: .forever)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let date = try container.decodeIfPresent(String.self, forKey: .instant) {
            self = .instant(date)
        } else if let start = try container.decodeIfPresent(String.self, forKey: .start) {
            self = .duration(start: start, end: try container.decode(String.self, forKey: .end))
        } else {
            self = .forever
        }
    }
}
