import Foundation
import Testing

/// The `vectordb` binary as a user runs it: exit codes, messages and output formats.
@Suite struct CLITests {
    @Test func runThenSearchPrintsCitedHitsAndJSON() throws {
        let data = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let run = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("3 filings + 1 exhibits"))
        #expect(run.stdout.contains("Embedding cache: 0 hits"))
        let again = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains(" misses (embedded)"))
        #expect(again.stdout.contains(", 0 misses (embedded)"))
        #expect(again.stdout.contains("3 unchanged filings skipped"), "the ledger skips unchanged filings")

        let text = try Support.run(["search", "reliance on a single foundry", "--data-dir", data.path, "--k", "3"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("1. ["))
        #expect(text.stdout.contains("3. ["))
        #expect(text.stdout.contains("Harbor Ridge Semiconductor, Inc. (HRSC)"))
        #expect(text.stdout.contains("https://www.sec.gov/Archives/edgar/data/1999901/"))

        let json = try Support.run([
            "search", "freight volumes", "--data-dir", data.path, "--json", "--k", "4", "--filter", "ticker=NWFL",
        ])
        #expect(json.status == 0, "\(json.stderr)")
        let lines = json.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in [
                "score", "id", "text", "cik", "company", "tickers", "form", "filingDate", "fiscalYear",
                "accession", "item", "itemTitle", "charStart", "charEnd", "sourceURL", "documentType",
            ] {
                #expect(object[key] != nil, "missing \(key)")
            }
            #expect(object["cik"] as? String == "1999902")
            #expect(object["documentType"] as? String == "10-Q")
        }

        // An exhibit's hit names its type after the form; its JSON carries it as documentType.
        let exhibit = try Support.run([
            "search", "first quarter 2025 revenue", "--data-dir", data.path, "--k", "1",
            "--filter", "document_type=EX-99.1",
        ])
        #expect(exhibit.status == 0, "\(exhibit.stderr)")
        #expect(exhibit.stdout.contains("\u{2014} 8-K EX-99.1 filed 2025-04-24"), "\(exhibit.stdout)")
        #expect(exhibit.stdout.contains("/000199990125000011/hrsc-20250424xex99d1.htm"))

        // --json carries how the question was read on each hit; --ranking plain reads nothing.
        let read = try Support.run([
            "search", "Harbor Ridge risk factors in its 2024 annual report", "--data-dir", data.path, "--json",
            "--k", "2",
        ])
        #expect(read.status == 0, "\(read.stderr)")
        for line in read.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let interpretation = try #require(object["interpretation"] as? [String: Any])
            let filers = try #require(interpretation["filers"] as? [[String: Any]])
            #expect(filers.map { $0["company"] as? String } == ["Harbor Ridge Semiconductor, Inc."])
            #expect(interpretation["forms"] as? [String] == ["10-K"])
            #expect(interpretation["years"] as? [Int] == [2024])
            let sections = try #require(interpretation["sections"] as? [[String: Any]])
            #expect(sections.map { $0["label"] as? String } == ["risk factors"])
        }
        // --company-tickers adds the SEC file's tickers for the collection's filers.
        let tickerFile = data.appendingPathComponent("company_tickers.json")
        try #"{"0": {"cik_str": 1999901, "ticker": "HRSCW", "title": "Harbor Ridge Semiconductor, Inc."}}"#.write(
            to: tickerFile,
            atomically: true,
            encoding: .utf8
        )
        let byTicker = try Support.run([
            "search", "HRSCW wafer supply", "--data-dir", data.path, "--json", "--k", "1", "--company-tickers",
            tickerFile.path,
        ])
        #expect(byTicker.status == 0, "\(byTicker.stderr)")
        #expect(byTicker.stdout.contains(#""ticker":"hrscw""#), "\(byTicker.stdout)")
        let missing = try Support.run([
            "search", "wafer", "--data-dir", data.path, "--company-tickers", data.appendingPathComponent("nope").path,
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot read the company tickers file"), "\(missing.stderr)")
        let plain = try Support.run([
            "search", "Harbor Ridge risk factors", "--data-dir", data.path, "--json", "--k", "1", "--ranking", "plain",
        ])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!plain.stdout.contains("\"interpretation\""))

        // --explain prints the plan on stderr: indexed SEC fields read their index (company included),
        // the source URL is scanned.
        let explained = try Support.run([
            "search", "freight", "--data-dir", data.path, "--mode", "lexical", "--explain",
            "--filter", "ticker=NWFL", "--filter", "company^=N", "--filter", "source_url^=https",
        ])
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stderr.contains("interpretation: nothing recognised"))
        #expect(explained.stderr.contains("plan: lexical k="))
        #expect(explained.stderr.contains("tickers=NWFL: index"))
        #expect(explained.stderr.contains("company^=N: index"))
        #expect(explained.stderr.contains("source_url^=https: scan"))

        // --pipeline embeds the query with the pipeline's [embedder], which must be the collection's model.
        let same = try Support.run([
            "search", "foundry", "--data-dir", data.path, "--pipeline", Support.fixturesPipeline,
        ])
        #expect(same.status == 0, "\(same.stderr)")
        let hashing = data.appendingPathComponent("hashing.toml")
        try "[source]\nroot = \"x\"\n[embedder]\nprovider = \"hashing\"\n".write(
            to: hashing,
            atomically: true,
            encoding: .utf8
        )
        let other = try Support.run(["search", "foundry", "--data-dir", data.path, "--pipeline", hashing.path])
        #expect(other.status == 73, "conflict: \(other.stderr)")
        #expect(other.stderr.contains("was embedded with"))
    }

    @Test(arguments: [["--help"], ["search", "--help"], ["help", "import"]])
    func helpIsPrintedOnStandardOutputWithStatusZero(arguments: [String]) throws {
        let help = try Support.run(arguments)
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: vectordb"))
        #expect(!help.stderr.contains("Error"))
    }

    @Test func searchWithoutDataTellsTheUserToRunAPipeline() throws {
        let missing = Support.temporaryDirectory()
        let result = try Support.run(["search", "anything", "--data-dir", missing.path])
        #expect(result.status == 66, "not found: \(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: no data directory at \(missing.path)"), "\(result.stderr)")
        #expect(result.stderr.contains("run a pipeline first"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func runRejectsBadPipelineFilesAndWritesNothing() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let data = scratch.appendingPathComponent("data")
        let cases: [(name: String, body: String?, expected: String, status: Int32)] = [
            ("missing.toml", nil, "missing.toml: no such file", 66),
            ("syntax.toml", "[source]\nroot = \"x\"\n[chunker\n", "syntax.toml:3: TOML syntax error", 65),
            (
                "unknown.toml", "[source]\nroot = \"x\"\nrooot = \"y\"\n",
                "unknown.toml:3: key 'source.rooot': unknown key", 65
            ),
        ]
        for (name, body, expected, status) in cases {
            let path = scratch.appendingPathComponent(name)
            if let body { try Data(body.utf8).write(to: path) }
            let result = try Support.run(["run", path.path, "--data-dir", data.path])
            #expect(result.status == status, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: data.path), "\(name) wrote data")
        }
    }

    @Test func parseRejectsEmptyAndNonHTMLFiles() throws {
        let scratch = Support.temporaryDirectory()
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cases: [(String, [UInt8], String)] = [
            ("empty.htm", [], "the file is empty"),
            ("notes.txt", Array("quarterly notes without markup".utf8), "no HTML markup"),
            ("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "binary data"),
        ]
        for (name, bytes, expected) in cases {
            let path = scratch.appendingPathComponent(name)
            try Data(bytes).write(to: path)
            let result = try Support.run(["parse", path.path])
            #expect(result.status == 65, "bad input: \(name)")
            #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        }
        let missing = try Support.run(["parse", scratch.appendingPathComponent("nope.htm").path])
        #expect(missing.status == 66, "not found: \(missing.stderr)")
        #expect(missing.stderr.contains("no such file"))
    }

    @Test func parseRefusesInputsOverTheSizeLimit() throws {
        let path = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
        ).path
        let result = try Support.run(["parse", path, "--max-bytes", "1000"])
        #expect(result.status == 65, "bad input: \(result.stderr)")
        #expect(
            result.stderr.contains("the file is 53802 bytes, more than the limit of 1000 bytes"),
            "\(result.stderr)"
        )
        #expect(result.stdout.isEmpty)
        let within = try Support.run(["parse", path, "--max-bytes", "53802"])
        #expect(within.status == 0, "\(within.stderr)")
    }

    @Test func parseListsTheTenKSections() throws {
        let path = Support.repo.appendingPathComponent(
            "fixtures/edgar/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm"
        ).path
        let result = try Support.run(["parse", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let sections = try #require(object["sections"] as? [[String: Any]])
        let keys = sections.compactMap { $0["item"] as? String }
        for key in ["1", "1A", "7", "7A", "8"] { #expect(keys.contains(key), "missing item \(key) in \(keys)") }
    }

    @Test func jsonLogsAreOneObjectPerLine() throws {
        let data = Support.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try Support.run(["run", Support.fixturesPipeline, "--data-dir", data.path, "--log-format", "json"])
        #expect(result.status == 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["message"] != nil, "not a JSON log line: \(line)")
        }
    }
}

/// `vectordb parse --facts`: schema version 2 with metadata and facts.
@Suite struct ParseFactsCLITests {
    @Test func factsAndMetadataInJSON() throws {
        let fixture = Support.repo.appendingPathComponent("fixtures/xbrl/quirks-ixbrl.htm").path
        let result = try Support.run(["parse", fixture, "--facts", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 2)
        let metadata = try #require(object["metadata"] as? [String: Any])
        #expect(metadata["tradingSymbol"] as? String == "HRSC")
        #expect(metadata["amendmentFlag"] as? Bool == false)
        let facts = try #require(object["facts"] as? [[String: Any]])
        let revenue = try #require(facts.first { $0["concept"] as? String == "us-gaap:Revenues" })
        #expect(revenue["value"] as? String == "1234500000")
        #expect(revenue["unit"] as? String == "iso4217:USD")
        #expect((revenue["period"] as? [String: String]) == ["start": "2025-01-01", "end": "2025-03-31"])
        #expect(object["sections"] is [Any])
    }
}
