import Foundation
import SECDocuments
import Testing

@testable import VectorStore

/// Goal: the filter oracle the search suites compare against (`SchemaTestSupport.oracleMatches`,
/// used by `StoreTestSupport.matches`) is right on the SEC fields, independently of `CompiledFilter`.
/// Strategy: six hand-written documents of the SEC schema and, per `vectordb search --filter`
/// expression, the ids a person reads off the table below; both the oracle and `CompiledFilter`
/// must give exactly those ids. Invariants: aliases (`year`, `ticker`), fold-case fields, ranges on
/// int64 and date fields, `|` alternatives and `!=` behave as the CLI documents them.
@Suite struct SECFilterOracleTests {
    static let schema = CollectionSchema.secFilings(dimension: 2)

    /// id, cik, form, tickers, fiscal year, item, filing date.
    static let table: [(String, Int64, String, [String], Int64, String, String)] = [
        ("a", 1_999_901, "10-K", ["HRSC"], 2024, "1A", "2025-02-14"),
        ("b", 1_999_901, "10-Q", ["HRSC"], 2024, "I-2", "2024-11-05"),
        ("c", 1_999_902, "10-K", ["NWND", "NWNDP"], 2019, "7", "2020-03-01"),
        ("d", 1_999_902, "8-K", ["NWND", "NWNDP"], 2021, "2.02", "2021-07-28"),
        ("e", 320_193, "10-K", [], 2020, "1A", "2020-10-30"),
        ("f", 320_193, "10-k", [], 2022, "1a", "2022-10-28"),
    ]

    static let documents: [Document] = table.map { id, cik, form, tickers, year, item, filed in
        Document(
            id: id,
            fields: [
                "cik": .int64(cik), "form": .string(form), "tickers": .stringArray(tickers),
                "fiscal_year": .int64(year), "item": .string(item),
                "filing_date": .date(CalendarDate(filed) ?? CalendarDate(daysSince1970: 0)),
            ]
        )
    }

    static let cases: [([String], Set<String>)] = [
        (["cik=1999902"], ["c", "d"]),
        (["cik=320193"], ["e", "f"]),
        (["form=10-K"], ["a", "c", "e", "f"]),
        (["form=10-K", "fiscal_year>=2020"], ["a", "e", "f"]),
        (["form=10-K|8-K", "year<2021"], ["c", "e"]),
        (["item=1A"], ["a", "e", "f"]),
        (["item!=1A"], ["b", "c", "d"]),
        (["ticker=nwndp"], ["c", "d"]),
        (["ticker=HRSC", "form=10-Q"], ["b"]),
        (["filing_date>=2021-01-01", "filing_date<2025-01-01"], ["b", "d", "f"]),
        (["cik=1"], []),
    ]

    @Test(arguments: cases.indices)
    func oracleAndCompiledFilterGiveTheListedIDs(_ index: Int) throws {
        let (expressions, expected) = Self.cases[index]
        let filters = try expressions.map {
            try MetadataFilter(parsing: $0, schema: Self.schema, aliases: CollectionSchema.secFilterAliases)
        }
        let oracle = Set(
            Self.documents.filter { SchemaTestSupport.oracleMatches(.and(filters), $0, Self.schema) }.map(\.id)
        )
        #expect(oracle == expected, "oracle on \(expressions)")
        let compiled = try CompiledFilter(filters, schema: Self.schema)
        let engine = Set(Self.documents.filter { compiled.matches($0, schema: Self.schema) }.map(\.id))
        #expect(engine == expected, "CompiledFilter on \(expressions)")
    }
}
