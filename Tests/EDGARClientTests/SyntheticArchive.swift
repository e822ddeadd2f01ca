import Foundation
import SECModel

/// A synthetic filer laid out as EDGAR serves it: `submissions/CIK##########.json` listing
/// `filingCount` 8-K filings, and one folder per filing with `index.json`, a primary document and
/// `FilingSummary.xml`. Fetching it costs `1 + 3 × filingCount` requests.
enum SyntheticArchive {
    /// `0001999999-25-000001`, `…-000002`, …
    static func accession(_ index: Int) -> AccessionNumber {
        let sequence = String(index + 1)
        return AccessionNumber("0001999999-25-" + String(repeating: "0", count: 6 - sequence.count) + sequence)!
    }

    /// The documents of filing `index`: about 5 KB of HTML, then a small XML file.
    static func documents(_ index: Int) -> [(name: String, bytes: [UInt8])] {
        let body =
            "<html><body>Filing \(index) " + String(repeating: "lorem ipsum \(index) ", count: 200) + "</body></html>"
        return [
            ("syn-\(index).htm", Array(body.utf8)),
            ("FilingSummary.xml", Array("<FilingSummary n=\"\(index)\"/>".utf8)),
        ]
    }

    static func write(at root: URL, cik: String, filingCount: Int) throws {
        let indices = Array(0..<filingCount)
        // Filing dates spread over 2025 so that every row is a valid, distinct day.
        let dates = indices.map { DailyDates.date(dayOfYear2025: 1 + $0 % 365) }
        let columns: [String: Any] = [
            "accessionNumber": indices.map { accession($0).description },
            "filingDate": dates,
            "reportDate": indices.map { _ in "2024-12-31" },
            "acceptanceDateTime": dates.map { "\($0)T16:00:00.000Z" },
            "form": indices.map { _ in "8-K" },
            "items": indices.map { _ in "2.02" },
            "size": indices.map { _ in 5000 },
            "isXBRL": indices.map { _ in 0 },
            "isInlineXBRL": indices.map { _ in 0 },
            "primaryDocument": indices.map { "syn-\($0).htm" },
            "primaryDocDescription": indices.map { _ in "8-K" },
        ]
        let submissions: [String: Any] = [
            "cik": cik, "name": "Synthetic Filer Inc", "tickers": [String](), "exchanges": [String](),
            "filings": ["recent": columns, "files": [Any]()],
        ]
        let padded = String(repeating: "0", count: 10 - cik.count) + cik
        let submissionsURL = root.appendingPathComponent("submissions/CIK\(padded).json")
        try FileManager.default.createDirectory(
            at: submissionsURL.deletingLastPathComponent(),
            withIntermediateDirectories: true
        )
        try JSONSerialization.data(withJSONObject: submissions).write(to: submissionsURL)
        for index in indices {
            let folder = root.appendingPathComponent("Archives/edgar/data/\(cik)/\(accession(index).folderName)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let items = documents(index).map { ["name": $0.name, "type": "text.gif", "size": "\($0.bytes.count)"] }
            try JSONSerialization.data(withJSONObject: ["directory": ["item": items]]).write(
                to: folder.appendingPathComponent("index.json")
            )
            for document in documents(index) {
                try Data(document.bytes).write(to: folder.appendingPathComponent(document.name))
            }
        }
    }
}

/// Calendar helpers for synthetic data.
enum DailyDates {
    /// `2025-MM-DD` for a day of 2025 in `1...365`.
    static func date(dayOfYear2025 day: Int) -> String {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var remaining = day
        var month = 0
        while remaining > lengths[month] {
            remaining -= lengths[month]
            month += 1
        }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "2025-\(pad(month + 1))-\(pad(remaining))"
    }
}
