import SECModel
import Testing

@Suite struct CIKTests {
    @Test(arguments: ["320193", "0000320193", "CIK0000320193", " 320193\n"])
    func parsesEveryCommonForm(_ text: String) throws {
        let cik = try #require(CIK(text))
        #expect(cik.value == 320_193)
        #expect(cik.padded == "0000320193")
        #expect(cik.description == "320193")
    }

    @Test(arguments: ["", "0", "12345678901", "32019a", "../1", "-5"])
    func rejectsInvalidText(_ text: String) {
        #expect(CIK(text) == nil)
    }
}

@Suite struct AccessionNumberTests {
    @Test func parsesDashedAndUndashed() throws {
        let dashed = try #require(AccessionNumber("0001999901-25-000004"))
        let undashed = try #require(AccessionNumber("000199990125000004"))
        #expect(dashed == undashed)
        #expect(dashed.description == "0001999901-25-000004")
        #expect(dashed.folderName == "000199990125000004")
    }

    @Test(arguments: ["0001999901-25-00004", "0001999901/25/000004", "00019999012500000a", "../../etc/passwd", ""])
    func rejectsMalformed(_ text: String) {
        #expect(AccessionNumber(text) == nil)
    }
}

@Suite struct EDGARDateTests {
    @Test func parsesBothFormsAndOrders() throws {
        let a = try #require(EDGARDate("2024-02-29"))
        let b = try #require(EDGARDate("20250214"))
        #expect(a < b)
        #expect(b.description == "2025-02-14")
    }

    @Test(arguments: ["2023-02-29", "2025-13-01", "2025-04-31", "2025-1-01", "", "yesterday"])
    func rejectsImpossibleDates(_ text: String) {
        #expect(EDGARDate(text) == nil)
    }
}

@Suite struct FormTypeTests {
    @Test func amendmentsHaveABase() {
        let amended: FormType = "10-K/A"
        #expect(amended.isAmendment)
        #expect(amended.base == .tenK)
        #expect(!FormType.tenQ.isAmendment)
    }
}

@Suite struct ParsedDocumentTests {
    @Test func offsetsCountUnicodeScalars() {
        let document = ParsedDocument(canonicalText: "Caf\u{E9} \u{2014} na\u{EF}ve \u{1F4C8} growth", sections: [])
        #expect(document.scalarCount == 21)
        #expect(document.text(charStart: 13, charEnd: 21) == "\u{1F4C8} growth")
        #expect(document.text(charStart: 15, charEnd: 999) == "growth")
    }

    @Test func metadataDerivesFiscalYearAndArchiveURL() throws {
        let cik = try #require(CIK("1999901"))
        let accession = try #require(AccessionNumber("0001999901-25-000004"))
        let url = FilingMetadata.archiveURL(cik: cik, accession: accession, fileName: "hrsc-20241231.htm")
        #expect(url == "https://www.sec.gov/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm")
        let metadata = FilingMetadata(
            cik: cik,
            companyName: "Harbor Ridge Semiconductor, Inc.",
            tickers: ["HRSC"],
            form: .tenK,
            accession: accession,
            filingDate: try #require(EDGARDate("2025-02-14")),
            reportDate: EDGARDate("2024-12-31"),
            primaryDocument: "hrsc-20241231.htm",
            sourceURL: url
        )
        #expect(metadata.fiscalYear == 2024)
    }
}
