import EDGARClient
import Foundation

/// Where `vectordb search` and `vectordb eval` find the SEC's `company_tickers.json`: a file the
/// caller names, else the copy `vectordb fetch` keeps in its raw cache (`--ticker` resolution
/// fills it), else none.
public enum KnownFilers {
    /// The cache key under which `EDGARFetcher` stores `company_tickers.json`.
    public static let cacheKey = "files/company_tickers.json"

    /// The rows of `file` when given (an error when it cannot be read or decoded), else of the
    /// raw cache at `cacheRoot` when it holds the file, else none.
    ///
    /// - Throws: `EDGARError` (`.io` for an unreadable file, `.malformedResponse` for bad JSON).
    public static func load(file: String?, cacheRoot: URL) throws(EDGARError) -> [FilerVocabulary.KnownFiler] {
        let data: Data
        let source: String
        if let file {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw EDGARError(code: .io, source: file, message: "cannot read the company tickers file")
            }
            (data, source) = (contents, file)
        } else {
            guard FileManager.default.fileExists(atPath: cacheRoot.appendingPathComponent("resources").path),
                let cached = try RawFilingCache(root: cacheRoot).loadResource(cacheKey)
            else { return [] }
            (data, source) = (Data(cached.bytes), cacheRoot.appendingPathComponent("resources/\(cacheKey)").path)
        }
        return try CompanyTickers.decode(data, source: source).entries.map {
            FilerVocabulary.KnownFiler(cik: Int64(clamping: $0.cik.value), ticker: $0.ticker, title: $0.name)
        }
    }
}
