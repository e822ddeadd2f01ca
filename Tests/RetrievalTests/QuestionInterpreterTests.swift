import Testing

@testable import Retrieval

@Suite struct QuestionInterpreterTests {
    static let interpreter = QuestionInterpreter(
        vocabulary: FilerVocabulary(
            companies: [
                "Apple Inc.", "WELLS FARGO & COMPANY/MN", "NVIDIA CORP", "LOUISVILLE GAS & ELECTRIC CO /KY/",
                "Koninklijke Philips N.V.", "PREMIER FINANCIAL BANCORP INC", "JPMORGAN CHASE & CO",
            ],
            tickers: ["aapl", "wfc", "nvda", "phg", "jpm"]
        )
    )

    static func companies(_ question: String) -> [String] {
        interpreter.interpret(question).filers.map { $0.company.isEmpty ? "ticker:\($0.ticker ?? "")" : $0.company }
    }

    @Test func edgarNamesAnswerToTheirShortForms() {
        #expect(Self.companies("What does Apple say about cybersecurity?") == ["Apple Inc."])
        #expect(Self.companies("How large was Wells Fargo at the end of 2024?") == ["WELLS FARGO & COMPANY/MN"])
        #expect(Self.companies("What did NVIDIA's data center revenue do?") == ["NVIDIA CORP"])
        #expect(Self.companies("How many jobs does Philips plan to cut?") == ["Koninklijke Philips N.V."])
        #expect(Self.companies("Which lawsuits name JPMorgan Chase?") == ["JPMORGAN CHASE & CO"])
        #expect(Self.companies("Did LG&E file certifications?") == ["LOUISVILLE GAS & ELECTRIC CO /KY/"])
        #expect(Self.companies("Premier Financial's branch count?") == ["PREMIER FINANCIAL BANCORP INC"])
    }

    @Test func commonWordsAndLowercaseWordsAreNotFilers() {
        #expect(Self.companies("What is the premier financial risk?").isEmpty, "generic words alone name no filer")
        #expect(
            Self.companies("Which apple orchards does the Company own?").isEmpty,
            "names are capitalised"
        )
        #expect(Self.companies("what does apple say about cybersecurity").isEmpty, "single words need a capital")
        #expect(Self.companies("how large was wells fargo in 2024") == ["WELLS FARGO & COMPANY/MN"])
    }

    @Test func tickersAndCIKs() {
        #expect(Self.companies("AAPL services revenue in fiscal 2024") == ["ticker:aapl"])
        #expect(Self.companies("What is the CEO's pay?").isEmpty, "common acronyms are not tickers")
        let byCIK = Self.interpreter.interpret("Risk factors of CIK 0000320193").filers
        #expect(byCIK.map(\.cik) == [320193])
    }

    @Test func aTickerFileAddsNamesAndTickersOfTheCollectionsFilersOnly() {
        var vocabulary = FilerVocabulary(companies: ["Alphabet Inc."], tickers: ["googl"])
        vocabulary.add(tickerFile: [
            .init(cik: 1_652_044, ticker: "GOOGL", title: "Alphabet Inc."),
            .init(cik: 1_652_044, ticker: "GOOG", title: "Alphabet Inc."),
            .init(cik: 789_019, ticker: "MSFT", title: "MICROSOFT CORP"),
        ])
        let interpreter = QuestionInterpreter(vocabulary: vocabulary)
        let goog = interpreter.interpret("What did GOOG say about cloud revenue?").filers
        #expect(goog.map(\.ticker) == ["goog"])
        #expect(goog.map(\.cik) == [1_652_044], "the file's CIK comes with its ticker")
        #expect(interpreter.interpret("What did MSFT say about cloud revenue?").filers.isEmpty, "not in the collection")
        #expect(interpreter.interpret("What did Microsoft say?").filers.isEmpty)
    }

    @Test func formsFromNumbersAndDescriptions() {
        #expect(Self.interpreter.interpret("In its annual report, what does the bank say?").forms == ["10-K"])
        #expect(Self.interpreter.interpret("In the quarterly report for June").forms == ["10-Q"])
        #expect(Self.interpreter.interpret("AEGON's 20-F annual report on litigation").forms == ["20-F"])
        #expect(Self.interpreter.interpret("Which items does the Form 8-K report?").forms == ["8-K"])
        #expect(Self.interpreter.interpret("What did the 10-Q say?").forms == ["10-Q"])
        #expect(Self.interpreter.interpret("What drove gross margin?").forms.isEmpty)
    }

    @Test func periods() {
        let fiscal = Self.interpreter.interpret("What was revenue in fiscal 2024?")
        #expect(fiscal.years == [2024] && fiscal.fiscal)
        let quarter = Self.interpreter.interpret("What happened in the second quarter of 2023?")
        #expect(quarter.years == [2023] && !quarter.fiscal)
        #expect(Self.interpreter.interpret("Which officers left in June 2026?").years == [2026])
        let short = Self.interpreter.interpret("Cash flow in FY24 versus FY23")
        #expect(short.years == [2024, 2023] && short.fiscal)
        #expect(Self.interpreter.interpret("Revenue of $2,024 million").years.isEmpty, "an amount is not a year")
    }

    @Test func sectionsAsked() {
        func labels(_ question: String) -> [String] { Self.interpreter.interpret(question).sections.map(\.label) }
        #expect(labels("What are Apple's main risk factors?") == ["risk factors"])
        #expect(labels("What does MD&A say about liquidity?") == ["MD&A"])
        #expect(labels("Who oversees cybersecurity?") == ["cybersecurity"])
        #expect(labels("Is it party to any legal proceedings?") == ["legal proceedings"])
        #expect(labels("How sensitive is it to interest rate risk?") == ["market risk"])
    }

    @Test func lexicalQueryDropsNamesFormsAndFiller() {
        let reading = Self.interpreter.interpret("What does Apple say about cybersecurity oversight in its 10-K?")
        #expect(reading.lexicalQuery == "cybersecurity oversight")
    }

    @Test func boilerplateAskedFor() {
        #expect(Self.interpreter.interpret("Which exhibits were filed?").wantsBoilerplate == [.exhibitIndex])
        #expect(Self.interpreter.interpret("How many shares were outstanding?").wantsBoilerplate == [.cover])
        #expect(Self.interpreter.interpret("What drove revenue?").wantsBoilerplate.isEmpty)
    }
}
