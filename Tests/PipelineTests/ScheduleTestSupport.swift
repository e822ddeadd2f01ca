import EDGARTestSupport
import Foundation
import Logging
import Pipeline
import PipelineConfig

/// Scratch EDGAR trees with daily indexes, and scheduled pipelines over them.
enum ScheduleTestSupport {
    /// One row of a daily form index.
    struct Row {
        var form: String
        var company: String
        var cik: Int
        var accession: String
    }

    static let hrscEightK = Row(
        form: "8-K",
        company: "Harbor Ridge Semiconductor, Inc.",
        cik: 1_999_901,
        accession: "0001999901-25-000011"
    )
    static let hrscTenK = Row(
        form: "10-K",
        company: "Harbor Ridge Semiconductor, Inc.",
        cik: 1_999_901,
        accession: "0001999901-25-000004"
    )
    static let nwflTenQ = Row(
        form: "10-Q",
        company: "Northwind Freight Lines Corp",
        cik: 1_999_902,
        accession: "0001999902-25-000007"
    )
    /// A filer the fixtures have no submissions or documents for (a daily index lists every filer).
    static let stranger = Row(
        form: "8-K",
        company: "Nobody Holdings LLC",
        cik: 1_999_970,
        accession: "0001999970-25-000001"
    )

    /// A copy of fixtures/edgar with a daily form index for each day of `days` (`YYYYMMDD` → rows).
    static func tree(days: [String: [Row]]) throws -> URL {
        let root = try LedgerTestSupport.fixtureCopy("schedule-tree")
        for (day, rows) in days {
            let month = Int(day.dropFirst(4).prefix(2)) ?? 1
            let directory = root.appendingPathComponent(
                "Archives/edgar/daily-index/\(day.prefix(4))/QTR\((month - 1) / 3 + 1)"
            )
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(index(day: day, rows: rows).utf8).write(to: directory.appendingPathComponent("form.\(day).idx"))
        }
        return root
    }

    /// A daily form index in EDGAR's fixed-width layout (as fixtures/edgar's form.20250214.idx).
    static func index(day: String, rows: [Row]) -> String {
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(1, width - text.count))
        }
        var lines = [
            "Description:           Daily Index of EDGAR Dissemination Feed by Form Type",
            "Last Data Received:    \(day)",
            "Comments:              webmaster@sec.gov",
            "Anonymous FTP:         ftp://ftp.sec.gov/edgar/",
            " ", " ", " ", " ",
            "Form Type   Company Name                                                  CIK         Date Filed  File Name",
            String(repeating: "-", count: 141),
        ]
        for row in rows.sorted(by: { ($0.form, $0.company) < ($1.form, $1.company) }) {
            lines.append(
                pad(row.form, 12) + pad(row.company, 62) + pad(String(row.cik), 12) + pad(day, 12)
                    + pad("edgar/data/\(row.cik)/\(row.accession).txt", 52)
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The daily-8k-like pipeline over `server`: every filer's 8-K, 10-K and 10-Q from the daily
    /// indexes, with EX-99 exhibits, on `cron` in New York.
    static func definition(
        server: FakeEDGARServer,
        cache: URL,
        cron: String = "0 22 * * 1-5"
    ) throws
        -> PipelineDefinition
    {
        try EDGARPipelineSupport.definition(
            server: server,
            cache: cache,
            sourceKeys: """
                daily_index = true
                forms = ["8-K", "10-K", "10-Q"]
                documents = ["primary", "EX-99*"]
                """,
            extra: """
                [schedule]
                cron = "\(cron)"
                time_zone = "America/New_York"
                catch_up_days = 10
                """,
            name: "daily test"
        )
    }

    /// An instant given in UTC (`2025-04-24T16:00:00Z`).
    static func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? Date.distantPast }

    static var quietLogger: Logger {
        var logger = Logger(label: "schedule-tests")
        logger.logLevel = .error
        return logger
    }
}
