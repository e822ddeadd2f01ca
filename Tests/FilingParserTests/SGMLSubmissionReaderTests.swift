import FilingParser
import SECModel
import Testing

/// The full-submission reader on hand-written inputs: both header spellings, the PEM envelope,
/// CR-only line breaks, skipped binaries, `<XBRL>` parts and damaged input.
@Suite struct SGMLSubmissionReaderTests {
    static let pem = """
        -----BEGIN PRIVACY-ENHANCED MESSAGE-----
        Proc-Type: 2001,MIC-CLEAR
        Originator-Name: webmaster@www.sec.gov
        MIC-Info: RSA-MD5,RSA,
         abc==

        <SEC-DOCUMENT>0000000001-99-000001.txt : 19990101
        <SEC-HEADER>0000000001-99-000001.hdr.sgml : 19990101
        ACCESSION NUMBER:\t\t0000000001-99-000001
        CONFORMED SUBMISSION TYPE:\t10-K
        PUBLIC DOCUMENT COUNT:\t\t2
        CONFORMED PERIOD OF REPORT:\t19981231
        ITEM INFORMATION:
        FILED AS OF DATE:\t\t19990330

        FILER:

        \tCOMPANY DATA:\t
        \t\tCOMPANY CONFORMED NAME:\t\t\tHARBOR RIDGE SEMICONDUCTOR INC
        \t\tCENTRAL INDEX KEY:\t\t\t0001999901
        \t\tSTANDARD INDUSTRIAL CLASSIFICATION:\tSEMICONDUCTORS & RELATED DEVICES [3674]
        \t\tSTATE OF INCORPORATION:\t\t\tDE
        \t\tFISCAL YEAR END:\t\t\t1231

        \tFILING VALUES:
        \t\tFORM TYPE:\t\t10-K
        \t\tSEC FILE NUMBER:\t000-12345

        \tFORMER COMPANY:
        \t\tFORMER CONFORMED NAME:\tHARBOR RIDGE LABS
        \t\tDATE OF NAME CHANGE:\t19950101
        </SEC-HEADER>
        <DOCUMENT>
        <TYPE>10-K
        <SEQUENCE>1
        <DESCRIPTION>ANNUAL REPORT
        <TEXT>
        ITEM 1. BUSINESS
        We design chips.
        </TEXT>
        </DOCUMENT>
        <DOCUMENT>
        <TYPE>GRAPHIC
        <SEQUENCE>2
        <FILENAME>logo.jpg
        <TEXT>
        begin 644 logo.jpg
        M_]C_X``02D9)1@`!`0$`8`!@``#_VP!#``@&!@<&!0@'!P<)"0@*#!0-#`L+
        end
        </TEXT>
        </DOCUMENT>
        </SEC-DOCUMENT>
        -----END PRIVACY-ENHANCED MESSAGE-----
        """

    @Test func readsHeaderAndDocumentsInsideThePEMEnvelope() throws {
        let submission = try SGMLSubmissionReader().read(Array(Self.pem.utf8), source: "old.txt")
        #expect(submission.isPrivacyEnhanced && !submission.isTruncated)
        let header = submission.header
        #expect(header.accessionNumber == "0000000001-99-000001")
        #expect(header.submissionType == "10-K")
        #expect(header.publicDocumentCount == 2)
        #expect(header.periodOfReport == "1998-12-31")
        #expect(header.filedAsOfDate == "1999-03-30")
        #expect(header.itemInformation.isEmpty)
        let filer = try #require(header.parties(.filer).first)
        #expect(filer.companyName == "HARBOR RIDGE SEMICONDUCTOR INC" && filer.cik == "0001999901")
        #expect(filer.sicCode == "3674" && filer.sicDescription == "SEMICONDUCTORS & RELATED DEVICES")
        #expect(filer.stateOfIncorporation == "DE" && filer.fiscalYearEnd == "1231")
        #expect(filer.formType == "10-K" && filer.fileNumber == "000-12345")
        #expect(filer.formerNames == [.init(name: "HARBOR RIDGE LABS", dateChanged: "1995-01-01")])
        #expect(submission.documents.count == 2)
        #expect(submission.documents[0].type == "10-K" && submission.documents[0].sequence == 1)
        #expect(submission.documents[0].description == "ANNUAL REPORT" && submission.documents[0].filename == nil)
        #expect(submission.documents[0].text == "ITEM 1. BUSINESS\nWe design chips.")
        #expect(submission.documents[1].kind == .uuencoded && submission.documents[1].text.isEmpty)
        #expect(submission.documents[1].filename == "logo.jpg")
    }

    @Test func crOnlyLineBreaksReadTheSame() throws {
        let crOnly = Self.pem.replacingAll("\n", with: "\r")
        let crlf = Self.pem.replacingAll("\n", with: "\r\n")
        let expected = try SGMLSubmissionReader().read(Array(Self.pem.utf8), source: "lf.txt")
        #expect(try SGMLSubmissionReader().read(Array(crOnly.utf8), source: "cr.txt") == expected)
        #expect(try SGMLSubmissionReader().read(Array(crlf.utf8), source: "crlf.txt") == expected)
    }

    @Test func readsTheTaggedNCHeaderAndXBRLParts() throws {
        let nc = """
            <SUBMISSION>\r<ACCESSION-NUMBER>0000000002-25-000001\r<TYPE>8-K\r<PUBLIC-DOCUMENT-COUNT>2\r<PERIOD>20250110\r\
            <FILING-DATE>20250110\r<GROUP-MEMBERS>ALPHA LLC\r<GROUP-MEMBERS>BETA LP\r<FILER>\r<COMPANY-DATA>\r\
            <CONFORMED-NAME>HARBOR RIDGE SEMICONDUCTOR INC\r<CIK>0001999901\r<ASSIGNED-SIC>3674\r</COMPANY-DATA>\r\
            <FILING-VALUES>\r<FORM-TYPE>8-K\r<FILE-NUMBER>001-00001\r</FILING-VALUES>\r<BUSINESS-ADDRESS>\r<STREET1>1 MAIN ST\r\
            <CITY>AUSTIN\r</BUSINESS-ADDRESS>\r</FILER>\r<DOCUMENT>\r<TYPE>EX-101.INS\r<SEQUENCE>2\r<FILENAME>h.xml\r<TEXT>\r<XBRL>\r\
            <xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:dei="http://xbrl.sec.gov/dei/2024">\r\
            <xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001999901</xbrli:identifier>\
            </xbrli:entity><xbrli:period><xbrli:instant>2025-01-10</xbrli:instant></xbrli:period></xbrli:context>\r\
            <dei:DocumentType contextRef="c">8-K</dei:DocumentType></xbrli:xbrl>\r</XBRL>\r</TEXT>\r<DOCUMENT>\r<TYPE>EX-99\r\
            <TEXT>\r<PDF>\rbegin 644 x.pdf\r</PDF>\r</TEXT>\r</DOCUMENT>\r</SUBMISSION>\r
            """
        let submission = try SGMLSubmissionReader().read(Array(nc.utf8), source: "x.nc")
        let header = submission.header
        #expect(header.accessionNumber == "0000000002-25-000001" && header.submissionType == "8-K")
        #expect(header.periodOfReport == "2025-01-10" && header.groupMembers == ["ALPHA LLC", "BETA LP"])
        let filer = try #require(header.parties.first)
        #expect(filer.role == .filer && filer.cik == "0001999901" && filer.sicCode == "3674")
        #expect(filer.formType == "8-K" && filer.fields["BUSINESS ADDRESS/STREET 1"] == "1 MAIN ST")
        #expect(submission.documents.map(\.kind) == [.xbrl, .pdf])
        #expect(submission.documents[0].facts?.metadata.documentType == "8-K")
        #expect(submission.facts.count == 1)
    }

    @Test func truncatedAndForeignInputs() throws {
        let cut = String(Self.pem.prefix(while: { $0 != "W" }))
        let partial = try SGMLSubmissionReader().read(Array(cut.utf8), source: "cut.txt")
        #expect(partial.isTruncated && partial.documents.count == 1)
        #expect(throws: ParseError.self) { try SGMLSubmissionReader().read(Array("hello\nworld\n".utf8), source: "a") }
        #expect(throws: ParseError.self) { try SGMLSubmissionReader().read([], source: "b") }
        #expect(throws: ParseError.self) {
            try SGMLSubmissionReader(maxInputBytes: 10).read(Array(Self.pem.utf8), source: "c")
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
