import Foundation
import SECModel

/// The `cgi-bin/browse-edgar?action=getcurrent&output=atom` feed: the latest accepted filings, one
/// entry per filing party (a Form 4 appears once for the reporting owner and once for the issuer).
public struct CurrentFilingsFeed: Sendable {
    /// One entry of the feed.
    public struct Entry: Sendable, Hashable {
        public var accession: AccessionNumber
        public var form: FormType
        /// The party's name, from the title `4 - Hinge Health, Inc. (0001673743) (Issuer)`.
        public var companyName: String
        public var cik: CIK
        /// The party's role: `Issuer`, `Reporting`, `Filer`, `Subject`, `Filed by`, …
        public var role: String
        /// The `-index.htm` page of the filing.
        public var link: String
        /// `Filed:` date from the summary.
        public var filed: EDGARDate?
        /// The entry's `updated` timestamp (acceptance time, with the Eastern offset), verbatim.
        public var updated: String
    }

    /// The feed's own `updated` timestamp, verbatim.
    public var updated: String?
    public var entries: [Entry]

    /// Decodes the Atom feed (ISO-8859-1 on EDGAR).
    ///
    /// - Throws: `EDGARError.malformedResponse` for malformed XML or an entry without accession
    ///   number, form or CIK.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> CurrentFilingsFeed {
        let root = try XMLNode.parse(data, source: source)
        guard root.localName == "feed" else {
            throw EDGARError(code: .malformedResponse, source: source, message: "root is <\(root.name)>, not <feed>")
        }
        var entries: [Entry] = []
        for (index, node) in root.children("entry").enumerated() {
            let title = node.childText("title") ?? ""
            let id = node.childText("id") ?? ""
            let form = node.child("category")?.attribute("term") ?? String(title.split(separator: " - ").first ?? "")
            guard let accession = EDGARIndexFile.accession(in: id), let parsed = parseTitle(title) else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "entry \(index): cannot read accession from '\(id)' or party from '\(title)'"
                )
            }
            let summary = node.childText("summary") ?? ""
            entries.append(
                Entry(
                    accession: accession,
                    form: FormType(form),
                    companyName: parsed.name,
                    cik: parsed.cik,
                    role: parsed.role,
                    link: node.child("link")?.attribute("href") ?? "",
                    filed: filedDate(in: summary),
                    updated: node.childText("updated") ?? ""
                )
            )
        }
        return CurrentFilingsFeed(updated: root.childText("updated"), entries: entries)
    }

    /// Reads `FORM - NAME (CIK) (ROLE)`; the name may itself hold parentheses.
    static func parseTitle(_ title: String) -> (name: String, cik: CIK, role: String)? {
        guard let dash = title.range(of: " - ") else { return nil }
        var rest = Substring(title[dash.upperBound...]).trimmingCharacters(in: .whitespaces)
        guard rest.hasSuffix(")"), let roleOpen = rest.range(of: " (", options: .backwards) else { return nil }
        let role = String(rest[roleOpen.upperBound...].dropLast())
        rest = String(rest[..<roleOpen.lowerBound])
        guard rest.hasSuffix(")"), let cikOpen = rest.range(of: " (", options: .backwards),
            let cik = CIK(String(rest[cikOpen.upperBound...].dropLast()))
        else { return nil }
        return (String(rest[..<cikOpen.lowerBound]), cik, role)
    }

    /// The date after `Filed:` in the summary HTML (`<b>Filed:</b> 2025-12-12`).
    static func filedDate(in summary: String) -> EDGARDate? {
        guard let marker = summary.range(of: "Filed:") else { return nil }
        let after = summary[marker.upperBound...].replacingOccurrences(of: "</b>", with: " ")
        let token = after.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "<" }).first
        return token.flatMap { EDGARDate(String($0)) }
    }
}
