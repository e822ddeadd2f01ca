/// The sections analysts ask for by name, with the phrases that ask for them and the item keys
/// that hold them in each form (10-K, 10-Q `I-`/`II-` keys, 20-F, 8-K): what
/// `QuestionInterpreter` turns into `QuestionInterpretation.SectionAsk`.
///
/// Item keys are written `FORM:KEY` where the key alone is ambiguous (10-K and 20-F both number
/// their items 1, 2, 3 …): `10-K:1A`, `20-F:3`; 10-Q (`II-1A`) and 8-K (`2.02`) keys stand alone. A
/// section matches a hit when the hit's item key is one of `items` for its form, or its title
/// contains every word of `titleWords`, so forms outside the table still benefit from the title.
enum SectionIntents {
    struct Intent {
        let label: String
        /// Lowercased phrases; any one in the question asks for the section.
        let phrases: [String]
        let items: [String]
        let titleWords: [String]
    }

    static let all: [Intent] = [
        Intent(
            label: "risk factors",
            phrases: ["risk factor", "risks facing", "principal risks", "key risks"],
            items: ["10-K:1A", "II-1A", "20-F:3"],
            titleWords: ["risk", "factors"]
        ),
        Intent(
            label: "cybersecurity",
            phrases: ["cybersecurity", "cyber security", "information security", "cyber risk", "cyberattack"],
            items: ["10-K:1C", "20-F:16K"],
            titleWords: ["cybersecurity"]
        ),
        Intent(
            label: "MD&A",
            phrases: [
                "md&a", "management's discussion", "management\u{2019}s discussion", "results of operations",
                "liquidity", "capital resources", "operating results", "operating and financial review",
            ],
            items: ["10-K:7", "I-2", "20-F:5"],
            titleWords: ["discussion", "analysis"]
        ),
        Intent(
            label: "market risk",
            phrases: [
                "market risk", "interest rate risk", "foreign currency risk", "foreign exchange risk",
                "currency exchange risk", "basis point", "hypothetical", "sensitivity",
            ],
            items: ["10-K:7A", "I-3", "20-F:11"],
            titleWords: ["market", "risk"]
        ),
        Intent(
            label: "legal proceedings",
            phrases: ["legal proceeding", "litigation", "lawsuit", "class action", "sued", "antitrust"],
            items: ["10-K:3", "II-1", "20-F:8"],
            titleWords: ["legal", "proceedings"]
        ),
        Intent(
            label: "controls and procedures",
            phrases: [
                "controls and procedures", "internal control", "disclosure controls", "material weakness",
            ],
            items: ["10-K:9A", "I-4", "20-F:15"],
            titleWords: ["controls", "procedures"]
        ),
        Intent(
            label: "properties",
            phrases: ["properties", "headquarters", "square feet", "facilities", "office space"],
            items: ["10-K:2", "20-F:4"],
            titleWords: ["properties"]
        ),
        Intent(
            label: "employees",
            phrases: ["employees", "human capital", "headcount", "workforce"],
            items: ["10-K:1", "20-F:6"],
            titleWords: ["employees"]
        ),
        Intent(
            label: "equity and repurchases",
            phrases: [
                "repurchase", "buyback", "buy back", "dividend", "holders of record", "stock performance",
                "unregistered sales", "issuer purchases",
            ],
            items: ["10-K:5", "II-2", "20-F:16E", "20-F:8", "20-F:9"],
            titleWords: ["equity"]
        ),
        Intent(
            label: "exhibits",
            phrases: ["exhibit"],
            items: ["10-K:15", "II-6", "9.01", "20-F:19"],
            titleWords: ["exhibits"]
        ),
        Intent(
            label: "insider trading arrangements",
            phrases: ["10b5-1", "trading arrangement", "trading plan", "insider trading"],
            items: ["10-K:9B", "II-5", "20-F:16J"],
            titleWords: ["other", "information"]
        ),
        Intent(
            label: "accountant fees",
            phrases: ["audit fees", "principal accountant", "auditor fees", "accountant fees"],
            items: ["10-K:14", "20-F:16C"],
            titleWords: ["accountant"]
        ),
        Intent(
            label: "major shareholders",
            phrases: ["major shareholder", "principal shareholder", "largest shareholder", "beneficial owner"],
            items: ["20-F:7", "10-K:12"],
            titleWords: ["shareholders"]
        ),
        Intent(
            label: "code of ethics",
            phrases: ["code of ethics", "code of conduct"],
            items: ["20-F:16B", "10-K:10"],
            titleWords: ["ethics"]
        ),
        Intent(
            label: "audit committee financial expert",
            phrases: ["financial expert"],
            items: ["20-F:16A"],
            titleWords: ["financial", "expert"]
        ),
        Intent(
            label: "earnings release",
            phrases: ["results of operations and financial condition", "earnings release", "earnings announcement"],
            items: ["2.02"],
            titleWords: ["results", "operations"]
        ),
        Intent(
            label: "officer and director changes",
            phrases: [
                "resign", "retire", "appoint", "departure", "elected", "election of director", "named chief",
                "succeed", "compensatory arrangement",
            ],
            items: ["5.02"],
            titleWords: ["departure"]
        ),
        Intent(
            label: "material agreements",
            phrases: [
                "material definitive agreement", "entered into an agreement", "credit agreement", "merger agreement",
            ],
            items: ["1.01", "2.03"],
            titleWords: ["agreement"]
        ),
        Intent(
            label: "shareholder votes",
            phrases: [
                "vote of security holders", "shareholder vote", "stockholder vote", "annual meeting", "votes cast",
            ],
            items: ["5.07"],
            titleWords: ["vote"]
        ),
        Intent(
            label: "regulation FD and other events",
            phrases: ["regulation fd", "other events"],
            items: ["7.01", "8.01"],
            titleWords: ["other", "events"]
        ),
        Intent(
            label: "executive compensation",
            phrases: ["executive compensation", "named executive officer", "ceo pay", "compensation of directors"],
            items: ["10-K:11", "20-F:6"],
            titleWords: ["compensation"]
        ),
    ]
}
