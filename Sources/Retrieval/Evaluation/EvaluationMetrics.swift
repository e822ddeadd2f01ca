import Foundation

/// The scores of a group of questions in one run.
public struct EvaluationMetrics: Sendable, Hashable, Codable {
    public var questions: Int
    /// Share of questions found at rank 1, within 5, within 10 (within k when k is smaller).
    public var hitAt1: Double
    public var hitAt5: Double
    public var hitAt10: Double
    /// Mean of 1/rank of the first finding hit (0 when none).
    public var mrr: Double
    /// Binary-relevance nDCG over the top 10 (ideal: as many relevant hits as were found, at least one).
    public var ndcgAt10: Double
    /// Share found by section (expected filing and item) at rank 1 and within 10, for the questions with an item.
    public var sectionHitAt1: Double
    public var sectionHitAt10: Double

    public init(_ outcomes: [QuestionOutcome]) {
        questions = outcomes.count
        let count = Double(max(outcomes.count, 1))
        func share(_ predicate: (QuestionOutcome) -> Bool) -> Double {
            Double(outcomes.filter(predicate).count) / count
        }
        hitAt1 = share { ($0.rank ?? .max) <= 1 }
        hitAt5 = share { ($0.rank ?? .max) <= 5 }
        hitAt10 = share { ($0.rank ?? .max) <= 10 }
        mrr = outcomes.reduce(0) { $0 + ($1.rank.map { 1 / Double($0) } ?? 0) } / count
        ndcgAt10 =
            outcomes.reduce(0) { total, outcome in
                let ranks = outcome.findingRanks.filter { $0 <= 10 }
                let gain = ranks.reduce(0) { $0 + 1 / log2(Double($1) + 1) }
                let ideal = (1...max(1, ranks.count)).reduce(0) { $0 + 1 / log2(Double($1) + 1) }
                return total + gain / ideal
            } / count
        sectionHitAt1 = share { ($0.sectionRank ?? .max) <= 1 }
        sectionHitAt10 = share { ($0.sectionRank ?? .max) <= 10 }
    }
}

/// The outcome of one run (with or without the questions' filters) over a question file.
public struct EvaluationRun: Sendable, Hashable, Codable {
    /// `with filters` / `without filters`.
    public var name: String
    public var overall: EvaluationMetrics
    public var byKind: [String: EvaluationMetrics]
    public var byForm: [String: EvaluationMetrics]
    public var outcomes: [QuestionOutcome]

    public init(name: String, outcomes: [QuestionOutcome]) {
        self.name = name
        self.outcomes = outcomes
        overall = EvaluationMetrics(outcomes)
        byKind = Dictionary(grouping: outcomes, by: \.kind).mapValues(EvaluationMetrics.init)
        byForm = Dictionary(grouping: outcomes, by: \.form).mapValues(EvaluationMetrics.init)
    }

    /// The table `vectordb eval` prints: one row overall, then per kind, then per form.
    public var table: String {
        func row(_ label: String, _ metrics: EvaluationMetrics) -> String {
            let values = [metrics.hitAt1, metrics.hitAt5, metrics.hitAt10, metrics.mrr, metrics.ndcgAt10]
                .map { String(format: "%6.2f", $0) }.joined(separator: " ")
            return label.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%5d ", metrics.questions) + values
        }
        var lines = [
            name,
            "  " + "group".padding(toLength: 20, withPad: " ", startingAt: 0)
                + "    n  hit@1  hit@5 hit@10    MRR nDCG10",
            row("  all", overall),
        ]
        for kind in byKind.keys.sorted() {
            if let metrics = byKind[kind] { lines.append(row("  kind \(kind)", metrics)) }
        }
        for form in byForm.keys.sorted() {
            if let metrics = byForm[form] { lines.append(row("  form \(form)", metrics)) }
        }
        return lines.joined(separator: "\n")
    }
}
