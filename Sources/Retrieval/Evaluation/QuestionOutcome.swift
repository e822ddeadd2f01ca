import Foundation
import SECDocuments
import SECModel
import VectorStore

/// How one question fared in one run: the rank of the first hit that finds it.
public struct QuestionOutcome: Sendable, Hashable, Codable {
    public var id: String
    public var kind: String
    public var form: String
    /// 1-based rank of the first finding hit within the top k, `nil` when none finds it.
    public var rank: Int?
    /// Ranks of every finding hit within the top k.
    public var findingRanks: [Int]
    /// 1-based rank of the first hit from the expected filing and item (section-level credit).
    public var sectionRank: Int?
    /// The first hit's id, for reading failures.
    public var firstHit: String?
    public var interpretation: QuestionInterpretation?

    /// Scores `hits` (best first) against the question.
    public init(question: EvaluationQuestion, hits: [SearchHit], interpretation: QuestionInterpretation? = nil) {
        id = question.id
        kind = question.kind
        form = question.form
        self.interpretation = interpretation
        firstHit = hits.first?.id
        let evidence = question.expect.evidence.map(EvidenceText.normalise)
        var finding: [Int] = []
        var sectionRank: Int?
        for (index, hit) in hits.enumerated() {
            guard let chunk = SECChunkMapping.chunk(hit.document), Self.sameFiling(question.expect, chunk.citation)
            else { continue }
            let sameItem = question.expect.item.map { $0.caseInsensitiveCompare(chunk.citation.item) == .orderedSame }
            if sameItem == true, sectionRank == nil { sectionRank = index + 1 }
            let found: Bool
            if let evidence {
                found = EvidenceText.normalise(chunk.text).contains(evidence)
            } else {
                found = sameItem == true
            }
            if found { finding.append(index + 1) }
        }
        findingRanks = finding
        rank = finding.first
        self.sectionRank = sectionRank
    }

    /// The hit is from the expected filing: its accession when one is expected, else its
    /// document's file name.
    static func sameFiling(_ expect: EvaluationQuestion.Expectation, _ citation: Citation) -> Bool {
        if let accession = expect.accession { return accession == citation.accession.description }
        let expected = (expect.file as NSString).lastPathComponent
        let document = citation.sourceURL.split(separator: "/").last.map(String.init) ?? ""
        return !expected.isEmpty && expected == document
    }
}
