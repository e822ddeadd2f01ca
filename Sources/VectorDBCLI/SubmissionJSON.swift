import FilingParser
import Foundation
import SECModel

/// `vectordb parse SUBMISSION.txt --json`: the SEC header and a summary of each document
/// (schema in docs/parse-output.md, "Full submissions").
enum SubmissionJSON {
    struct Output: Encodable {
        var schemaVersion = ParseJSON.schemaVersion
        var kind = "submission"
        var header: SubmissionHeader
        var privacyEnhanced: Bool
        var truncated: Bool
        var documents: [DocumentOutput]
        var metadata: FilingFacts?
        var facts: [ParseJSON.FactOutput]?
    }

    struct DocumentOutput: Encodable {
        var type: String?
        var sequence: Int?
        var filename: String?
        var description: String?
        var kind: SubmissionDocument.Kind
        var textBytes: Int
        var factCount: Int?
        var factsError: String?
    }

    static func render(_ submission: FullSubmission, includeFacts: Bool) throws -> String {
        let facts = submission.facts
        let output = Output(
            header: submission.header,
            privacyEnhanced: submission.isPrivacyEnhanced,
            truncated: submission.isTruncated,
            documents: submission.documents.map {
                DocumentOutput(
                    type: $0.type,
                    sequence: $0.sequence,
                    filename: $0.filename,
                    description: $0.description,
                    kind: $0.kind,
                    textBytes: $0.textBytes,
                    factCount: $0.facts?.facts.count,
                    factsError: $0.factsError?.description
                )
            },
            metadata: includeFacts ? FilingFacts(facts: facts) : nil,
            facts: includeFacts ? facts.map(ParseJSON.FactOutput.init) : nil
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
