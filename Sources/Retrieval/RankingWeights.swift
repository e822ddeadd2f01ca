import Foundation

/// The constants of `FilingSearcher`'s ranking, set from the development question set
/// (`eval/dev-questions.jsonl`, BENCHMARKS.md "Retrieval quality" has the runs that chose them).
///
/// A hit's score is its reciprocal-rank fusion `vector / (rankOffset + vector rank) + lexical /
/// (rankOffset + lexical rank)` (a ranking it is absent from adds nothing) times one factor per
/// signal that applies: each factor is a multiplier, 1 being neutral.
public struct RankingWeights: Sendable, Hashable, Codable {
    /// How the vector and lexical candidates are combined.
    public enum Fusion: String, Sendable, Hashable, Codable {
        /// Reciprocal rank fusion: `vector / (rankOffset + rank) + lexical / (rankOffset + rank)`.
        case rank
        /// A convex combination of the scores scaled to `0...1` within the candidates: cosine
        /// min-max, BM25 over its maximum; `vector` and `lexical` weigh them (a hit missing from a
        /// ranking scores 0 there).
        case score
    }

    public var fusion = Fusion.rank
    /// Hits read from each ranking (vector, lexical) of each candidate pool; at least `3 × k`.
    public var candidateDepth = 40
    public var rankOffset: Float = 20
    public var vector: Float = 0.5
    public var lexical: Float = 1
    /// Weight of a third ranking, BM25 over the whole question (filer and filler words kept),
    /// which finds passages that name the filer (dev set hit@10 0.95 -> 0.96 with filters, 0.92 ->
    /// 0.93 without); 0 leaves it out (one store search fewer per candidate pool).
    public var questionLexical: Float = 0.2
    /// A hit of another filer than the ones the question names.
    public var otherFiler: Float = 0.4
    /// A hit of another form than the one the question names.
    public var otherForm: Float = 0.7
    /// A hit of another year than the ones the question names.
    public var otherYear: Float = 0.8
    /// A hit in a section the question asks for.
    public var sectionMatch: Float = 1.5
    /// A boilerplate hit the question does not ask for.
    public var boilerplate: Float = 0.35
    /// Per content word of the question in the hit's section title (up to three).
    public var titleWord: Float = 0.1
    /// Times the share of the lexical query's terms the passage holds (`1 + coverage × share`).
    public var coverage: Float = 0.5
    /// Per adjacent pair of query terms adjacent in the passage too (up to four).
    public var pair: Float = 0.2
    /// Times the rarity-weighted share of the query's terms in the chunk's best passage (a line or
    /// sentence): `1 + passage × share`.
    public var passage: Float = 3
    /// Weight of the sentence re-ranking (0, the default, turns it off), over the best `rerankDepth`
    /// hits. With MiniLM it lifts dev-set hit@1 by about 0.02-0.05 but embeds some 300 passages a
    /// question (~150 ms on two cores): for callers that can afford it (`--weights`).
    public var sentence: Float = 0
    public var rerankDepth = 30
    public var passagesPerChunk = 12

    public init() {}

    public static let `default` = RankingWeights()
}

extension RankingWeights {
    enum CodingKeys: String, CodingKey {
        case fusion, candidateDepth, rankOffset, vector, lexical, questionLexical, otherFiler, otherForm, otherYear,
            sectionMatch,
            boilerplate
        case titleWord, coverage, pair, passage, sentence, rerankDepth, passagesPerChunk
    }

    /// Reads the fields a JSON object gives; the others keep their defaults.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = RankingWeights()
        fusion = try container.decodeIfPresent(Fusion.self, forKey: .fusion) ?? defaults.fusion
        candidateDepth = try container.decodeIfPresent(Int.self, forKey: .candidateDepth) ?? defaults.candidateDepth
        rankOffset = try container.decodeIfPresent(Float.self, forKey: .rankOffset) ?? defaults.rankOffset
        vector = try container.decodeIfPresent(Float.self, forKey: .vector) ?? defaults.vector
        lexical = try container.decodeIfPresent(Float.self, forKey: .lexical) ?? defaults.lexical
        questionLexical =
            try container.decodeIfPresent(Float.self, forKey: .questionLexical) ?? defaults.questionLexical
        otherFiler = try container.decodeIfPresent(Float.self, forKey: .otherFiler) ?? defaults.otherFiler
        otherForm = try container.decodeIfPresent(Float.self, forKey: .otherForm) ?? defaults.otherForm
        otherYear = try container.decodeIfPresent(Float.self, forKey: .otherYear) ?? defaults.otherYear
        sectionMatch = try container.decodeIfPresent(Float.self, forKey: .sectionMatch) ?? defaults.sectionMatch
        boilerplate = try container.decodeIfPresent(Float.self, forKey: .boilerplate) ?? defaults.boilerplate
        titleWord = try container.decodeIfPresent(Float.self, forKey: .titleWord) ?? defaults.titleWord
        coverage = try container.decodeIfPresent(Float.self, forKey: .coverage) ?? defaults.coverage
        pair = try container.decodeIfPresent(Float.self, forKey: .pair) ?? defaults.pair
        passage = try container.decodeIfPresent(Float.self, forKey: .passage) ?? defaults.passage
        sentence = try container.decodeIfPresent(Float.self, forKey: .sentence) ?? defaults.sentence
        rerankDepth = try container.decodeIfPresent(Int.self, forKey: .rerankDepth) ?? defaults.rerankDepth
        passagesPerChunk =
            try container.decodeIfPresent(Int.self, forKey: .passagesPerChunk) ?? defaults.passagesPerChunk
    }

    /// The weights of a JSON file, or the defaults when `path` is `nil`.
    ///
    /// - Throws: `EvaluationError` when the file cannot be read or is not such an object.
    public static func load(path: String?) throws(EvaluationError) -> RankingWeights {
        guard let path else { return RankingWeights() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(code: .notFound, message: "cannot read the weights file", file: path)
        }
        do {
            let weights = try JSONDecoder().decode(RankingWeights.self, from: data)
            guard weights.candidateDepth >= 1, weights.rankOffset >= 0 else {
                throw EvaluationError(
                    code: .badInput,
                    message: "candidateDepth must be ≥ 1, rankOffset ≥ 0",
                    file: path
                )
            }
            return weights
        } catch let error as EvaluationError {
            throw error
        } catch {
            throw EvaluationError(code: .badInput, message: EvaluationQuestion.reason(error), file: path)
        }
    }
}
