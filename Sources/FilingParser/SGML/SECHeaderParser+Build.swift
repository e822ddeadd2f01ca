import SECModel

extension SECHeaderParser {
    /// The typed header from the collected lines.
    func header() -> SubmissionHeader {
        var fields: [String: [String]] = [:]
        for (key, value) in top { fields[key, default: []].append(value) }
        func first(_ key: String) -> String? { fields[key]?.first { !$0.isEmpty } }
        return SubmissionHeader(
            accessionNumber: first("ACCESSION NUMBER"),
            submissionType: first("CONFORMED SUBMISSION TYPE"),
            publicDocumentCount: first("PUBLIC DOCUMENT COUNT").flatMap { Int($0) },
            periodOfReport: first("CONFORMED PERIOD OF REPORT").map(Self.isoDate),
            filedAsOfDate: first("FILED AS OF DATE").map(Self.isoDate),
            dateAsOfChange: first("DATE AS OF CHANGE").map(Self.isoDate),
            acceptanceDateTime: first("ACCEPTANCE DATETIME"),
            itemInformation: (fields["ITEM INFORMATION"] ?? []).filter { !$0.isEmpty },
            groupMembers: fields["GROUP MEMBERS"] ?? [],
            parties: parties.map { Self.party(name: $0.name, fields: $0.fields) },
            fields: fields
        )
    }

    /// `20240928` → `2024-09-28`; anything else unchanged.
    static func isoDate(_ text: String) -> String {
        guard text.count == 8, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) else { return text }
        let characters = Array(text)
        return "\(String(characters[0..<4]))-\(String(characters[4..<6]))-\(String(characters[6..<8]))"
    }

    static func role(_ name: String) -> SubmissionParty.Role {
        switch name {
        case "FILER": .filer
        case "SUBJECT COMPANY": .subjectCompany
        case "REPORTING OWNER": .reportingOwner
        case "FILED BY": .filedBy
        case "ISSUER": .issuer
        default: .other
        }
    }

    static func party(name: String, fields: [(section: String, key: String, value: String)]) -> SubmissionParty {
        var party = SubmissionParty(role: role(name), roleName: name)
        var pendingFormer: String?
        for (section, key, value) in fields {
            party.fields[section.isEmpty ? key : "\(section)/\(key)"] = value
            let inFiling = section == "FILING VALUES"
            switch key {
            case "COMPANY CONFORMED NAME": party.companyName = party.companyName ?? value
            case "CENTRAL INDEX KEY": party.cik = party.cik ?? value
            case "STANDARD INDUSTRIAL CLASSIFICATION":
                let (code, description) = sic(value)
                party.sicCode = code
                party.sicDescription = description
            case "IRS NUMBER", "EIN": party.irsNumber = value
            case "STATE OF INCORPORATION": party.stateOfIncorporation = value
            case "FISCAL YEAR END": party.fiscalYearEnd = value
            case "FORM TYPE" where inFiling: party.formType = value
            case "SEC FILE NUMBER": party.fileNumber = value
            case "FILM NUMBER": party.filmNumber = value
            case "RELATIONSHIP": party.relationship = value
            case "FORMER CONFORMED NAME":
                if let pendingFormer { party.formerNames.append(.init(name: pendingFormer, dateChanged: nil)) }
                pendingFormer = value
            case "DATE OF NAME CHANGE":
                if let name = pendingFormer {
                    party.formerNames.append(.init(name: name, dateChanged: isoDate(value)))
                    pendingFormer = nil
                }
            default:
                continue
            }
        }
        if let pendingFormer { party.formerNames.append(.init(name: pendingFormer, dateChanged: nil)) }
        return party
    }

    /// `PHARMACEUTICAL PREPARATIONS [2834]` → (`2834`, `PHARMACEUTICAL PREPARATIONS`); `2911` → (`2911`, nil);
    /// ` []` → (nil, nil).
    static func sic(_ text: String) -> (code: String?, description: String?) {
        guard let open = text.lastIndex(of: "["), let close = text.lastIndex(of: "]"), open < close else {
            return (text.isEmpty ? nil : text, nil)
        }
        let code = String(text[text.index(after: open)..<close]).trimmingXMLWhitespace()
        let description = String(text[..<open]).trimmingXMLWhitespace()
        return (code.isEmpty ? nil : code, description.isEmpty ? nil : description)
    }
}
