/// The `<SEC-HEADER>` of a full EDGAR submission (`.txt`), or the tagged header of a `.nc` file:
/// what the SEC's dissemination system says about the filing, independent of the filer's documents.
///
/// Dates are ISO `YYYY-MM-DD` when the header has the usual `YYYYMMDD`, otherwise as written.
public struct SubmissionHeader: Hashable, Sendable, Codable {
    /// `0000320193-24-000123`.
    public var accessionNumber: String?
    /// `CONFORMED SUBMISSION TYPE`, e.g. `10-K`, `SC TO-T/A`.
    public var submissionType: String?
    /// `PUBLIC DOCUMENT COUNT`.
    public var publicDocumentCount: Int?
    /// `CONFORMED PERIOD OF REPORT`.
    public var periodOfReport: String?
    /// `FILED AS OF DATE`.
    public var filedAsOfDate: String?
    /// `DATE AS OF CHANGE`.
    public var dateAsOfChange: String?
    /// `ACCEPTANCE-DATETIME`, `YYYYMMDDhhmmss` as written.
    public var acceptanceDateTime: String?
    /// `ITEM INFORMATION` lines (8-K item descriptions).
    public var itemInformation: [String]
    /// `GROUP MEMBERS` lines.
    public var groupMembers: [String]
    /// Filer, subject company, reporting owners, filed-by and issuer sections, in header order.
    public var parties: [SubmissionParty]
    /// Every top-level `KEY: value` (and `<TAG>value`) line as written, upper-case keys with spaces
    /// (`SROS`, `EFFECTIVENESS DATE`, `DEPOSITOR-CIK`), including those mapped to fields above.
    public var fields: [String: [String]]

    public init(
        accessionNumber: String? = nil,
        submissionType: String? = nil,
        publicDocumentCount: Int? = nil,
        periodOfReport: String? = nil,
        filedAsOfDate: String? = nil,
        dateAsOfChange: String? = nil,
        acceptanceDateTime: String? = nil,
        itemInformation: [String] = [],
        groupMembers: [String] = [],
        parties: [SubmissionParty] = [],
        fields: [String: [String]] = [:]
    ) {
        self.accessionNumber = accessionNumber
        self.submissionType = submissionType
        self.publicDocumentCount = publicDocumentCount
        self.periodOfReport = periodOfReport
        self.filedAsOfDate = filedAsOfDate
        self.dateAsOfChange = dateAsOfChange
        self.acceptanceDateTime = acceptanceDateTime
        self.itemInformation = itemInformation
        self.groupMembers = groupMembers
        self.parties = parties
        self.fields = fields
    }

    /// The parties with this role.
    public func parties(_ role: SubmissionParty.Role) -> [SubmissionParty] { parties.filter { $0.role == role } }
}
