import FilingParser
import Foundation
import SECModel
import Testing

/// Runs when `../shared/edgar-samples` is present: every full submission and header sample reads,
/// with the header fields the MANIFEST describes.
@Suite(.enabled(if: SampleFiles.available))
struct SampleSubmissionTests {
    static func files() -> [String] {
        ["full-submission", "sec-header"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: SampleFiles.root + "/" + folder)) ?? []).sorted().map
            {
                SampleFiles.root + "/" + folder + "/" + $0
            }
        }
    }

    private func read(_ name: String) throws -> FullSubmission {
        let path = SampleFiles.root + "/" + name
        let data = try #require(FileManager.default.contents(atPath: path))
        return try SGMLSubmissionReader().read([UInt8](data), source: path)
    }

    @Test(arguments: files())
    func everySampleReads(_ path: String) throws {
        let data = try #require(FileManager.default.contents(atPath: path))
        let submission = try SGMLSubmissionReader().read([UInt8](data), source: path)
        let header = submission.header
        let accession = URL(fileURLWithPath: path).lastPathComponent.prefix(20)
        #expect(header.accessionNumber == String(accession))
        #expect(header.submissionType != nil && header.filedAsOfDate?.count == 10)
        #expect(!header.parties.isEmpty && header.parties.allSatisfy { $0.cik?.count == 10 })
        #expect(!submission.isTruncated)
        if path.contains("/full-submission/") {
            #expect(!submission.documents.isEmpty)
            #expect(submission.documents.allSatisfy { $0.kind == .pdf || $0.kind == .uuencoded || !$0.text.isEmpty })
            #expect(submission.documents.allSatisfy { $0.factsError == nil })
        }
    }

    @Test func legacyAppleTenQInsideThePEMEnvelope() throws {
        let submission = try read("full-submission/0000912057-00-023442.txt")
        #expect(submission.isPrivacyEnhanced)
        #expect(submission.header.periodOfReport == "2000-04-01")
        let filer = try #require(submission.header.parties(.filer).first)
        #expect(filer.companyName == "APPLE COMPUTER INC" && filer.sicCode == "3571" && filer.fiscalYearEnd == "0930")
        #expect(submission.documents.map(\.type) == ["10-Q", "EX-3.2", "EX-10.A49", "EX-10.A51", "EX-27"])
    }

    @Test func ncAndTxtSpellingsOfOneFilingAgree() throws {
        let nc = try read("full-submission/0001104659-25-002604.nc")
        let txt = try read("full-submission/0001104659-25-002604.txt")
        #expect(nc.header.accessionNumber == txt.header.accessionNumber)
        #expect(nc.header.groupMembers == txt.header.groupMembers && txt.header.groupMembers.count == 6)
        #expect(nc.header.parties.map(\.role) == [.subjectCompany, .subjectCompany, .filedBy])
        #expect(nc.header.parties.map(\.cik) == txt.header.parties.map(\.cik))
        #expect(nc.header.parties.map(\.companyName) == txt.header.parties.map(\.companyName))
        #expect(nc.documents.map(\.type) == txt.documents.map(\.type))
    }

    @Test func reportingOwnersAndIssuers() throws {
        let form4 = try read("full-submission/0001127602-25-001055.txt")
        #expect(form4.header.parties.map(\.role) == [.reportingOwner, .issuer])
        #expect(form4.header.parties(.issuer).first?.companyName == "AAR CORP")
        let header = try read("sec-header/0001012325-98-000004.hdr.txt").header
        let owner = try #require(header.parties(.reportingOwner).first)
        #expect(owner.companyName == "CANTALUPO JAMES R" && owner.relationship == "DIRECTOR")
        #expect(header.parties(.subjectCompany).first?.formerNames.first?.name == "NEW MORTON INTERNATIONAL INC")
    }

    @Test func xbrlPartsMatchTheStandaloneInlineDocument() throws {
        let submission = try read("full-submission/0000019617-26-000241.txt")
        #expect(submission.documents.count == 15)
        #expect(submission.documents.filter { $0.kind == .xbrl }.count == 5)
        let path = SampleFiles.root + "/html/8-K/jpm-20260624_8-K_0000019617-26-000241.htm"
        let data = try #require(FileManager.default.contents(atPath: path))
        let standalone = try InlineXBRLReader().read([UInt8](data), source: path)
        func key(_ fact: XBRLFact) -> String {
            "\(fact.concept) \(fact.period) \(fact.dimensions) \(fact.value ?? "nil")"
        }
        #expect(submission.facts.map(key).sorted() == standalone.facts.map(key).sorted())
        #expect(submission.header.itemInformation.count == 1)
    }
}
