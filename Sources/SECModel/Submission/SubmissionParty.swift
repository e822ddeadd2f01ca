/// One company or person section of a submission header (`FILER:`, `SUBJECT COMPANY:`,
/// `REPORTING-OWNER:` …) with its company data, filing values and addresses.
public struct SubmissionParty: Hashable, Sendable, Codable {
    /// The section a party appears in.
    public enum Role: String, Hashable, Sendable, Codable {
        case filer, subjectCompany, reportingOwner, filedBy, issuer, other
    }

    public var role: Role
    /// The section name as written (`SUBJECT COMPANY`, `REPORTING-OWNER`).
    public var roleName: String
    /// `COMPANY CONFORMED NAME`.
    public var companyName: String?
    /// `CENTRAL INDEX KEY`, ten digits as written.
    public var cik: String?
    /// The four-digit SIC code (`[2834]` in the `.txt` header, `ASSIGNED-SIC` in `.nc`).
    public var sicCode: String?
    /// The SIC description, e.g. `PHARMACEUTICAL PREPARATIONS` (`.txt` header only).
    public var sicDescription: String?
    /// `IRS NUMBER` (or `EIN`).
    public var irsNumber: String?
    /// `STATE OF INCORPORATION`.
    public var stateOfIncorporation: String?
    /// `FISCAL YEAR END`, `MMDD`.
    public var fiscalYearEnd: String?
    /// `FORM TYPE` under filing values.
    public var formType: String?
    /// `SEC FILE NUMBER`.
    public var fileNumber: String?
    /// `FILM NUMBER`.
    public var filmNumber: String?
    /// `RELATIONSHIP` of a reporting owner (`DIRECTOR`, `OFFICER` …), when given.
    public var relationship: String?
    /// Former names with the date of change, oldest last as the header lists them.
    public var formerNames: [FormerName]
    /// Every value by `SECTION/KEY` (`COMPANY DATA/COMPANY CONFORMED NAME`,
    /// `BUSINESS ADDRESS/STREET 1`); keys directly under the party have no section.
    public var fields: [String: String]

    /// A `FORMER COMPANY` entry.
    public struct FormerName: Hashable, Sendable, Codable {
        public var name: String
        public var dateChanged: String?

        public init(name: String, dateChanged: String?) {
            self.name = name
            self.dateChanged = dateChanged
        }
    }

    public init(role: Role, roleName: String) {
        self.role = role
        self.roleName = roleName
        formerNames = []
        fields = [:]
    }
}
