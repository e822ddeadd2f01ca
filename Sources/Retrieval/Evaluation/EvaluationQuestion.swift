import Foundation

/// One line of a question file (`eval/README.md` defines the format): a question, the filters to
/// run it with, and what counts as finding its answer.
public struct EvaluationQuestion: Sendable, Hashable, Decodable {
    /// What a hit must be to find the question.
    public struct Expectation: Sendable, Hashable, Decodable {
        /// The filing, relative to the samples root (`html/10-K/aapl-….htm`).
        public var file: String
        /// `##########-##-######`, when known.
        public var accession: String?
        /// The section key, when the document has items.
        public var item: String?
        /// A passage the hit's text must contain (whitespace- and case-normalised).
        public var evidence: String?
        /// Why today's parser does not produce `item` (informational).
        public var parserGap: String?

        enum CodingKeys: String, CodingKey {
            case file, accession, item, evidence
            case parserGap = "parser_gap"
        }
    }

    /// A filter value of the file: an integer or a string.
    public enum FilterValue: Sendable, Hashable, Decodable, CustomStringConvertible {
        case integer(Int64)
        case text(String)

        public init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int64.self) {
                self = .integer(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }

        public var description: String {
            switch self {
            case .integer(let number): String(number)
            case .text(let text): text
            }
        }
    }

    public var id: String
    public var question: String
    /// `named`, `paraphrased`, `numeric`, `filtered`.
    public var kind: String
    /// The form of the filing that answers; scores are reported per form.
    public var form: String
    public var filters: [String: FilterValue]?
    public var expect: Expectation

    /// The filters as `KEY=VALUE` expressions (`MetadataFilter(parsing:)`), sorted by key.
    public var filterExpressions: [String] {
        (filters ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// Reads a JSON Lines question file.
    ///
    /// - Throws: `EvaluationError` naming the file and line of a line that is not a question, or
    ///   of a repeated id.
    public static func load(path: String) throws(EvaluationError) -> [EvaluationQuestion] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(code: .notFound, message: "cannot read the question file", file: path)
        }
        var questions: [EvaluationQuestion] = []
        var ids = Set<String>()
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let question: EvaluationQuestion
            do {
                question = try decoder.decode(EvaluationQuestion.self, from: Data(line))
            } catch {
                throw EvaluationError(
                    code: .badInput,
                    message: "not a question: \(Self.reason(error))",
                    file: path,
                    line: index + 1
                )
            }
            guard ids.insert(question.id).inserted else {
                throw EvaluationError(
                    code: .badInput,
                    message: "repeated id '\(question.id)'",
                    file: path,
                    line: index + 1
                )
            }
            guard question.expect.evidence != nil || question.expect.item != nil else {
                throw EvaluationError(
                    code: .badInput,
                    message: "question '\(question.id)' expects neither an evidence passage nor an item",
                    file: path,
                    line: index + 1
                )
            }
            questions.append(question)
        }
        return questions
    }

    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "wrong type at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let context): context.debugDescription
        default: String(describing: error)
        }
    }
}
