import Foundation
import SECModel

/// One row of an EDGAR index file (`form.idx`, `master.idx`, `company.idx`, `xbrl.idx`,
/// `crawler.idx`, daily or quarterly).
public struct IndexEntry: Sendable, Hashable {
    public var formType: FormType
    public var companyName: String
    public var cik: CIK
    public var dateFiled: EDGARDate
    /// The last column verbatim: a path such as `edgar/data/1999901/0001999901-25-000004.txt`, or a
    /// URL in crawler indexes.
    public var fileName: String
    /// The accession number found in `fileName`; `nil` for the rare rows that carry none.
    public var accession: AccessionNumber?
}

/// Parser for EDGAR index files in both layouts.
///
/// - Pipe-delimited (`master.idx`, `xbrl.idx`): `CIK|Company Name|Form Type|Date Filed|Filename`
///   (older files write `File Name`), a dashed rule, then rows.
/// - Fixed-width (`form.idx`, `company.idx`, `crawler.idx`): a column header, sometimes wrapped over
///   two lines in daily indexes (`Company Name … CIK` / `Date Filed  File Name`), a dashed rule,
///   then rows. Quarterly indexes do not truncate the 62-character company column, so a long name
///   shifts CIK, date and file name right; rows are therefore split from the right (the last three
///   whitespace-separated tokens are CIK, date and file name), and the header's column positions
///   are only used to split form type from company name.
///
/// Dates are `YYYYMMDD` in daily indexes and `YYYY-MM-DD` in quarterly ones; both are accepted. Bytes
/// that are not UTF-8 are read as ISO-8859-1, which is what EDGAR writes.
public enum EDGARIndexFile {
    /// Parses an index file.
    ///
    /// - Parameter source: the URL or path the bytes came from, named in errors.
    /// - Throws: `EDGARError.malformedResponse` with the 1-based line number of the first bad row, or
    ///   when no column header and dashed rule are found.
    public static func parse(_ data: Data, source: String) throws(EDGARError) -> [IndexEntry] {
        let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        guard let ruleIndex = lines.firstIndex(where: { $0.count >= 20 && $0.allSatisfy { $0 == "-" } }),
            ruleIndex > 0
        else {
            throw EDGARError(code: .malformedResponse, source: source, message: "no dashed rule under a column header")
        }
        let header = String(lines[ruleIndex - 1])
        let rows = lines[(ruleIndex + 1)...]
        if header.contains("|") {
            return try parsePiped(header: header, rows: rows, firstLine: ruleIndex + 2, source: source)
        }
        // A wrapped daily header: the line above the rule is indented (`      Date Filed  File Name`).
        let firstHeader = header.hasPrefix(" ") && ruleIndex > 1 ? String(lines[ruleIndex - 2]) : header
        return try parseFixedWidth(header: firstHeader, rows: rows, firstLine: ruleIndex + 2, source: source)
    }

    private static func parsePiped(
        header: String,
        rows: ArraySlice<Substring>,
        firstLine: Int,
        source: String
    ) throws(EDGARError) -> [IndexEntry] {
        let names = header.split(separator: "|", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        func column(_ candidates: String...) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let cikColumn = column("CIK"), let nameColumn = column("Company Name"),
            let formColumn = column("Form Type"), let dateColumn = column("Date Filed"),
            let fileColumn = column("Filename", "File Name")
        else {
            throw EDGARError(code: .malformedResponse, source: source, message: "unexpected column header '\(header)'")
        }
        var entries: [IndexEntry] = []
        for (offset, line) in rows.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            var fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            // A company name holding `|` splits into extra fields; glue them back together.
            if fields.count > names.count {
                let extra = fields.count - names.count
                let joined = fields[nameColumn...(nameColumn + extra)].joined(separator: "|")
                fields.replaceSubrange(nameColumn...(nameColumn + extra), with: [joined])
            }
            guard fields.count == names.count else {
                throw rowError(source, firstLine + offset, "expected \(names.count) fields, found \(fields.count)")
            }
            entries.append(
                try entry(
                    form: fields[formColumn],
                    company: fields[nameColumn],
                    cik: fields[cikColumn],
                    date: fields[dateColumn],
                    file: fields[fileColumn],
                    line: firstLine + offset,
                    source: source
                )
            )
        }
        return entries
    }

    private static func parseFixedWidth(
        header: String,
        rows: ArraySlice<Substring>,
        firstLine: Int,
        source: String
    ) throws(EDGARError) -> [IndexEntry] {
        func position(_ name: String) -> Int? {
            guard let range = header.range(of: name) else { return nil }
            return header.distance(from: header.startIndex, to: range.lowerBound)
        }
        guard let formStart = position("Form Type"), let companyStart = position("Company Name") else {
            throw EDGARError(code: .malformedResponse, source: source, message: "unexpected column header '\(header)'")
        }
        let formFirst = formStart < companyStart
        let split = max(formStart, companyStart)
        var entries: [IndexEntry] = []
        for (offset, line) in rows.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let lineNumber = firstLine + offset
            var tokens = line.split(separator: " ", omittingEmptySubsequences: true)
            guard tokens.count >= 5, let fileToken = tokens.popLast(), let dateToken = tokens.popLast(),
                let cikToken = tokens.popLast(), let lastPrefixToken = tokens.last
            else {
                throw rowError(source, lineNumber, "too few columns")
            }
            let prefix = Array(line[line.startIndex..<lastPrefixToken.endIndex])
            let (first, second) = splitPrefix(prefix, at: split, formFirst: formFirst)
            entries.append(
                try entry(
                    form: formFirst ? first : second,
                    company: formFirst ? second : first,
                    cik: String(cikToken),
                    date: String(dateToken),
                    file: String(fileToken),
                    line: lineNumber,
                    source: source
                )
            )
        }
        return entries
    }

    /// Splits `Form Type + Company Name` (or the reverse) at the header's column position, falling
    /// back to a run of two spaces when the first column overflowed into the second.
    private static func splitPrefix(_ prefix: [Character], at split: Int, formFirst: Bool) -> (String, String) {
        func trimmed(_ chars: ArraySlice<Character>) -> String {
            String(chars).trimmingCharacters(in: .whitespaces)
        }
        if prefix.count > split, split > 0, prefix[split - 1] == " " {
            return (trimmed(prefix[..<split]), trimmed(prefix[split...]))
        }
        // Overflow: find a run of at least two spaces; form types never contain one.
        var runs: [Int] = []
        var index = 0
        while index + 1 < prefix.count {
            if prefix[index] == " " && prefix[index + 1] == " " {
                runs.append(index)
                while index < prefix.count && prefix[index] == " " { index += 1 }
            } else {
                index += 1
            }
        }
        guard let cut = formFirst ? runs.first : runs.last else {
            return (trimmed(prefix[...]), "")
        }
        return (trimmed(prefix[..<cut]), trimmed(prefix[cut...]))
    }

    private static func entry(
        form: String,
        company: String,
        cik: String,
        date: String,
        file: String,
        line: Int,
        source: String
    ) throws(EDGARError) -> IndexEntry {
        guard let parsedCIK = CIK(cik) else { throw rowError(source, line, "invalid CIK '\(cik)'") }
        guard let parsedDate = EDGARDate(date) else { throw rowError(source, line, "invalid date '\(date)'") }
        let fileName = file.trimmingCharacters(in: .whitespaces)
        return IndexEntry(
            formType: FormType(form),
            companyName: company.trimmingCharacters(in: .whitespaces),
            cik: parsedCIK,
            dateFiled: parsedDate,
            fileName: fileName,
            accession: accession(in: fileName)
        )
    }

    /// The first `##########-##-######` run in a path or URL.
    static func accession(in text: String) -> AccessionNumber? {
        let chars = Array(text.utf8)
        guard chars.count >= 20 else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        for start in 0...(chars.count - 20) {
            let window = chars[start..<(start + 20)]
            var ok = true
            for (offset, byte) in window.enumerated() {
                let wantDash = offset == 10 || offset == 13
                if wantDash ? byte != 45 : !isDigit(byte) {
                    ok = false
                    break
                }
            }
            if ok, let text = String(bytes: window, encoding: .ascii) { return AccessionNumber(text) }
        }
        return nil
    }

    private static func rowError(_ source: String, _ line: Int, _ message: String) -> EDGARError {
        EDGARError(code: .malformedResponse, source: source, message: "line \(line): \(message)")
    }
}
