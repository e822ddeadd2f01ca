import PipelineConfig

extension RunPlan {
    /// `edgar at https://www.sec.gov: tickers AAPL, MSFT; since 2024-01-01; daily index`: where a
    /// `kind = "edgar"` source fetches from and what it selects (forms and CIKs have lines of their own).
    static func describe(_ edgar: PipelineDefinition.EDGARSourceSettings) -> String {
        var parts: [String] = []
        if !edgar.tickers.isEmpty { parts.append("tickers " + edgar.tickers.joined(separator: ", ")) }
        if let since = edgar.since { parts.append("since \(since)") }
        if let until = edgar.until { parts.append("until \(until)") }
        if let limit = edgar.limit { parts.append("newest \(limit)") }
        if edgar.dailyIndex { parts.append("daily index") }
        let base = edgar.wwwBaseURL ?? "https://www.sec.gov"
        return "edgar at \(base)" + (parts.isEmpty ? "" : ": " + parts.joined(separator: "; "))
    }
}
