import ArgumentParser
import FilingParser
import Foundation
import SECModel

/// `vectordb bench parse`: the in-process cost of what `vectordb parse FILE --json --facts` does —
/// read the file, canonical text, sections with their text, inline-XBRL facts — timed per run, the
/// same way `scripts/bench-parse-peers.py` times edgartools and Arelle (process start excluded).
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Time parse + sections + facts of one filing in process (see BENCHMARKS.md).",
        discussion: "Prints one JSON line: {tool, runs_s, median_s, sections, facts}."
    )

    @Argument(help: "The filing document (.htm).") var file: String
    @Option(help: "Form type (10-K, 10-Q, 8-K …).") var form: String = "10-K"
    @Option(help: "Timed runs, after one untimed warm-up run.") var runs: Int = 7

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        var seconds: [Double] = []
        var result = (sections: 0, facts: 0)
        result = try job()
        for _ in 0..<runs {
            let clock = ContinuousClock()
            let start = clock.now
            result = try job()
            let elapsed = clock.now - start
            seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        let sorted = seconds.sorted()
        let median =
            sorted.count % 2 == 1
            ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        let line: [String: Any] = [
            "tool": "vectordb", "runs_s": seconds.map { ($0 * 10_000).rounded() / 10_000 }, "median_s": median,
            "sections": result.sections, "facts": result.facts,
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        Terminal.write(String(decoding: data, as: UTF8.self))
    }

    /// One whole job; returns the section and fact counts so the work cannot be skipped.
    private func job() throws -> (sections: Int, facts: Int) {
        let bytes = try InputFile.read(file, maxBytes: HTMLFilingParser().maxInputBytes)
        do {
            let document: ParsedDocument
            var facts = 0
            if InlineXBRLReader.looksInline(bytes) {
                // As `parse --facts` does: text and facts in one pass of the XML parser.
                let parsed = try HTMLFilingParser().parse(
                    bytes,
                    form: FormType(form),
                    source: file,
                    readingFactsWith: InlineXBRLReader()
                )
                document = parsed.document
                facts = parsed.facts.facts.count
            } else {
                document = try HTMLFilingParser().parse(bytes, form: FormType(form), source: file)
            }
            var characters = 0
            for section in document.sections {
                characters += document.text(charStart: section.charStart, charEnd: section.charEnd).utf8.count
            }
            return (characters >= 0 ? document.sections.count : 0, facts)
        } catch {
            throw CLIFailure(error)
        }
    }
}
