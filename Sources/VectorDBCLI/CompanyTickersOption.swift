import ArgumentParser
import Foundation
import Retrieval

/// `--company-tickers FILE` for the commands that read questions: the SEC's `company_tickers.json`
/// whose names and tickers question understanding adds for the collection's filers.
struct CompanyTickersOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SEC's company_tickers.json, for more filer names and tickers in questions "
                + "(default: the copy in <data-dir>/edgar-cache that `vectordb fetch --ticker` keeps, when present).",
            valueName: "file"
        )
    )
    var companyTickers: String?

    /// The rows to add (none without a file and without a cached copy).
    func knownFilers(_ global: GlobalOptions) throws -> [FilerVocabulary.KnownFiler] {
        try KnownFilers.load(file: companyTickers, cacheRoot: global.dataRoot.appendingPathComponent("edgar-cache"))
    }
}
