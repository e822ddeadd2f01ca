import Foundation

extension FilingSearchResult {
    /// What `--explain` prints: the question's reading, each hit's ranks and factors, then the
    /// store's plan of every candidate search. Ends with a line break.
    public var explanation: String {
        var lines = ["interpretation: " + interpretation.summary]
        for (index, ranked) in hits.enumerated() {
            let ranks = [
                ranked.vectorRank.map { "vector #\($0)" }, ranked.lexicalRank.map { "lexical #\($0)" },
            ].compactMap { $0 }.joined(separator: ", ")
            let factors = ranked.factors.sorted { $0.key < $1.key }
                .map { "\($0.key) \(String(format: "x%.2f", $0.value))" }.joined(separator: ", ")
            var line = "hit \(index + 1) \(ranked.hit.id): fused \(String(format: "%.4f", ranked.fused))"
            if !ranks.isEmpty { line += " (\(ranks))" }
            if !factors.isEmpty { line += "; \(factors)" }
            if let kind = ranked.boilerplate { line += "; boilerplate \(kind.rawValue)" }
            lines.append(line)
        }
        for (index, plan) in plans.enumerated() { lines.append("candidate search \(index + 1): \(plan.description)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension QuestionInterpretation {
    /// One line: `filers Apple Inc. ("Apple"); forms 10-K; years 2024 (fiscal); sections risk factors`.
    public var summary: String {
        var parts: [String] = []
        if !filers.isEmpty {
            let names = filers.map { filer in
                let name =
                    filer.company.isEmpty
                    ? (filer.ticker.map { "ticker \($0)" } ?? "CIK \(filer.cik ?? 0)") : filer.company
                return "\(name) (\"\(filer.matched)\")"
            }
            parts.append("filers " + names.joined(separator: ", "))
        }
        if !forms.isEmpty { parts.append("forms " + forms.joined(separator: ", ")) }
        if !years.isEmpty {
            parts.append("years " + years.map(String.init).joined(separator: ", ") + (fiscal ? " (fiscal)" : ""))
        }
        if !sections.isEmpty { parts.append("sections " + sections.map(\.label).joined(separator: ", ")) }
        if !wantsBoilerplate.isEmpty {
            parts.append("asks for " + wantsBoilerplate.map(\.rawValue).sorted().joined(separator: ", "))
        }
        return parts.isEmpty ? "nothing recognised" : parts.joined(separator: "; ")
    }
}
