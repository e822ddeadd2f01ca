import ArgumentParser
import FilingParser
import Foundation
import SECModel

/// `vectordb parse FILE`: the canonical text and item sections of one filing document.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse an HTML or inline-XBRL filing and print its sections (or its text).",
        discussion: "Offsets count Unicode scalars in the canonical text (the same unit as a Python str index)."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The filing document (.htm, .html), or an XBRL instance (.xml) with --facts.")
    var file: String

    @Option(name: .long, help: "Form type (10-K, 10-Q, 8-K …); guessed from the cover page when absent.")
    var form: String?

    @Flag(name: .long, help: "Print JSON: {sections: [{item, title, start, end, text}], text}.")
    var json = false

    @Flag(name: .long, help: "List the sections (the default when --text is not given).")
    var sections = false

    @Flag(name: .long, help: "Print the canonical text.")
    var text = false

    @Flag(name: .long, help: "Read the XBRL facts (inline XBRL, or an XBRL instance .xml) and the dei cover metadata.")
    var facts = false

    @Option(name: .long, help: "Refuse inputs larger than this many bytes (default: 256 MiB; 512 MiB for .txt/.nc).")
    var maxBytes: Int?

    func run() async throws {
        LogSetup.bootstrap(global)
        let isSubmissionName = file.hasSuffix(".txt") || file.hasSuffix(".nc")
        let limit =
            maxBytes ?? (isSubmissionName ? SGMLSubmissionReader().maxInputBytes : HTMLFilingParser().maxInputBytes)
        let bytes = try InputFile.read(file, maxBytes: limit)
        if isSubmissionName && SGMLSubmissionReader.looksLikeSubmission(bytes) {
            try printSubmission(bytes, limit: limit)
            return
        }
        // The input is dropped here, before any output is built: on a 200 MB filing it is the
        // largest single allocation.
        let (document, factSet) = try parseDocument(consuming: consume bytes, limit: limit)
        if json {
            var output = StandardOutputBuffer()
            try ParseJSON.write(document, includeText: text, facts: factSet) { output.append($0) }
            output.appendLine("")
            output.flush()
            return
        }
        if text { Terminal.write(document.canonicalText) }
        if sections || (!text && !facts) {
            for section in document.sections {
                let length = section.charEnd - section.charStart
                let marks =
                    (section.isPointer ? " [incorporated by reference]" : "")
                    + (section.combinedKeys.map { " [items \($0.joined(separator: ", "))]" } ?? "")
                Terminal.write(
                    "\(section.key)\t\(section.charStart)-\(section.charEnd)\t\(length) chars\t\(section.title)\(marks)"
                )
            }
        }
        if let factSet {
            var output = StandardOutputBuffer()
            for fact in factSet.facts { output.appendLine(ParseJSON.FactOutput(fact).tabSeparated) }
            output.flush()
        }
    }

    /// The document and, with `--facts`, its facts: an XBRL instance has facts and no text; an
    /// inline-XBRL document gives both in one pass of the XML parser; other HTML has no facts.
    private func parseDocument(consuming bytes: consuming [UInt8], limit: Int) throws -> (ParsedDocument, XBRLFactSet?)
    {
        let parser = HTMLFilingParser(maxInputBytes: limit)
        if facts, XBRLInstanceReader.looksLikeInstance(bytes) {
            return (ParsedDocument(canonicalText: "", sections: []), try readInstance(bytes, limit: limit))
        }
        if facts, InlineXBRLReader.looksInline(bytes) {
            do {
                let (document, factSet) = try parser.parse(
                    consume bytes,
                    form: form.map { FormType($0) },
                    source: file,
                    readingFactsWith: InlineXBRLReader(maxInputBytes: limit)
                )
                return (document, factSet)
            } catch {
                throw CLIFailure(error)
            }
        }
        do {
            let document = try parser.parse(consume bytes, form: form.map { FormType($0) }, source: file)
            // With `--facts`, an HTML file without inline XBRL has none.
            return (document, facts ? XBRLFactSet(facts: []) : nil)
        } catch {
            throw CLIFailure(error)
        }
    }

    /// A full submission: JSON (header, documents, facts with `--facts`) or one line per document.
    private func printSubmission(_ bytes: [UInt8], limit: Int) throws {
        let submission: FullSubmission
        do {
            submission = try SGMLSubmissionReader(maxInputBytes: limit, readsXBRL: facts).read(bytes, source: file)
        } catch {
            throw CLIFailure(error)
        }
        if json {
            Terminal.write(try SubmissionJSON.render(submission, includeFacts: facts))
            return
        }
        let header = submission.header
        Terminal.write(
            "\(header.accessionNumber ?? "?")\t\(header.submissionType ?? "?")\tfiled \(header.filedAsOfDate ?? "?")"
        )
        for party in header.parties {
            Terminal.write("\(party.roleName)\t\(party.cik ?? "")\t\(party.companyName ?? "")")
        }
        for document in submission.documents {
            let name = document.filename ?? document.description ?? ""
            Terminal.write(
                "\(document.sequence.map(String.init) ?? "-")\t\(document.type ?? "")\t\(document.kind.rawValue)\t\(document.textBytes) bytes\t\(name)"
            )
        }
    }

    /// The facts of an XBRL instance document.
    private func readInstance(_ bytes: [UInt8], limit: Int) throws -> XBRLFactSet {
        do {
            return try XBRLInstanceReader(maxInputBytes: limit).read(bytes, source: file)
        } catch {
            throw CLIFailure(error)
        }
    }
}
