import SECModel

/// Parses the header of a full submission in either of the SEC's two spellings:
///
/// - `.txt` (`<SEC-HEADER>`): `KEY:<tab>value` lines, nesting shown by tab indentation, parties
///   introduced by an unindented `FILER:` / `SUBJECT COMPANY:` line, with a few `<TAG>value` lines
///   mixed in (`<ACCEPTANCE-DATETIME>`, `<RELATIONSHIP>`, `<REPORTING-OWNER>`);
/// - `.nc` (`<SUBMISSION>`): SGML tags, containers closed by end tags, leaves not
///   (`<CONFORMED-NAME>CVR ENERGY INC`).
///
/// Both become the same `SubmissionHeader`; `.nc` names are mapped to the `.txt` names.
struct SECHeaderParser {
    /// Sections inside a party.
    static let sectionNames: Set<String> = [
        "COMPANY DATA", "OWNER DATA", "FILING VALUES", "BUSINESS ADDRESS", "MAIL ADDRESS", "FORMER COMPANY",
        "FORMER NAME", "CLASS CONTRACT", "SERIES",
    ]
    /// Tags that never open a party.
    static let ignoredTags: Set<String> = ["SEC HEADER", "SEC DOCUMENT", "SUBMISSION", "IMS HEADER"]
    /// `.nc` leaf names → `.txt` key names.
    static let aliases: [String: String] = [
        "ACCESSION NUMBER": "ACCESSION NUMBER", "TYPE": "CONFORMED SUBMISSION TYPE",
        "PUBLIC DOCUMENT COUNT": "PUBLIC DOCUMENT COUNT", "PERIOD": "CONFORMED PERIOD OF REPORT",
        "FILING DATE": "FILED AS OF DATE", "DATE OF FILING DATE CHANGE": "DATE AS OF CHANGE",
        "ITEMS": "ITEM INFORMATION", "CONFORMED NAME": "COMPANY CONFORMED NAME", "CIK": "CENTRAL INDEX KEY",
        "ASSIGNED SIC": "STANDARD INDUSTRIAL CLASSIFICATION", "ACT": "SEC ACT", "FILE NUMBER": "SEC FILE NUMBER",
        "STREET1": "STREET 1", "STREET2": "STREET 2", "PHONE": "BUSINESS PHONE",
        "FORMER CONFORMED NAME": "FORMER CONFORMED NAME", "DATE CHANGED": "DATE OF NAME CHANGE",
    ]

    private(set) var top: [(key: String, value: String)] = []
    private(set) var parties: [(name: String, fields: [(section: String, key: String, value: String)])] = []
    private var partyOpen = false
    private var section = ""
    private var sectionFromTag = false

    /// Parses header lines (line breaks already normalised to `\n`); stops at `<DOCUMENT>` or
    /// `</SEC-HEADER>`.
    static func parse(_ lines: [Substring]) -> SubmissionHeader {
        var parser = SECHeaderParser()
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("<DOCUMENT>") || line.hasPrefix("</SEC-HEADER>") { break }
            parser.consume(line, next: Self.nextNonBlank(lines, after: index))
            index += 1
        }
        return parser.header()
    }

    private static func nextNonBlank(_ lines: [Substring], after index: Int) -> Substring? {
        var next = index + 1
        while next < lines.count {
            if !lines[next].allSatisfy(\.isWhitespace) { return lines[next] }
            next += 1
        }
        return nil
    }

    static func normalise(_ name: Substring) -> String {
        let spaced = String(name).trimmingXMLWhitespace().uppercased().replacingAll("-", with: " ").replacingAll(
            "_",
            with: " "
        )
        return aliases[spaced] ?? spaced
    }

    private mutating func consume(_ raw: Substring, next: Substring?) {
        let line = raw.drop { $0 == " " || $0 == "\t" }
        guard !line.isEmpty, !raw.allSatisfy(\.isWhitespace) else { return }
        let indent = raw.prefix { $0 == "\t" || $0 == " " }.count
        if line.hasPrefix("</") {
            let name = Self.normalise(line.dropFirst(2).prefix { $0 != ">" })
            if Self.sectionNames.contains(name) {
                section = ""
            } else if !Self.ignoredTags.contains(name) {
                partyOpen = false
                section = ""
            }
            return
        }
        if line.hasPrefix("<"), let close = line.firstIndex(of: ">") {
            let name = Self.normalise(line[line.index(after: line.startIndex)..<close])
            let value = String(line[line.index(after: close)...]).trimmingXMLWhitespace()
            tag(name, value: value)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let key = Self.normalise(line[..<colon])
        let value = String(line[line.index(after: colon)...]).trimmingXMLWhitespace()
        if value.isEmpty, Self.sectionNames.contains(key) {
            openSection(key, fromTag: false)
        } else if value.isEmpty, indent == 0, !tagParty, let next, next.hasPrefix("\t") || next.hasPrefix(" ") {
            openParty(key)
        } else if indent == 0 && !tagParty {
            closeAll()
            top.append((key, value))
        } else {
            add(key, value)
        }
    }

    /// `true` while a party opened by a `<TAG>` line (closed by its end tag) is open: its sections
    /// sit at indentation 0.
    private var tagParty = false

    private mutating func tag(_ name: String, value: String) {
        if Self.ignoredTags.contains(name) { return }
        if value.isEmpty {
            if Self.sectionNames.contains(name) {
                openSection(name, fromTag: true)
            } else {
                openParty(name)
                tagParty = true
            }
            return
        }
        if partyOpen {
            if sectionFromTag { add(name, value) } else { parties[parties.count - 1].fields.append(("", name, value)) }
        } else {
            top.append((name, value))
        }
    }

    private mutating func openParty(_ name: String) {
        parties.append((name, []))
        partyOpen = true
        tagParty = false
        section = ""
        sectionFromTag = false
    }

    private mutating func openSection(_ name: String, fromTag: Bool) {
        if !partyOpen { openParty("FILER") }
        section = name
        sectionFromTag = fromTag
    }

    private mutating func closeAll() {
        partyOpen = false
        tagParty = false
        section = ""
    }

    private mutating func add(_ key: String, _ value: String) {
        guard partyOpen else {
            top.append((key, value))
            return
        }
        parties[parties.count - 1].fields.append((section, key, value))
    }
}
