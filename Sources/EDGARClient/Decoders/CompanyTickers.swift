import Foundation
import SECModel

/// One row of `www.sec.gov/files/company_tickers.json` or `company_tickers_exchange.json`.
public struct TickerEntry: Sendable, Hashable {
    public var cik: CIK
    /// The ticker as EDGAR writes it, e.g. `BRK-B`.
    public var ticker: String
    /// The company's conformed name.
    public var name: String
    /// The listing exchange (`Nasdaq`, `NYSE`, …); `nil` in `company_tickers.json` and for OTC rows
    /// that carry `null`.
    public var exchange: String?

    public init(cik: CIK, ticker: String, name: String, exchange: String?) {
        self.cik = cik
        self.ticker = ticker
        self.name = name
        self.exchange = exchange
    }
}

/// The ticker ↔ CIK map published by the SEC.
///
/// Two layouts exist: `company_tickers.json` is an object keyed `"0"`, `"1"`, … whose values hold
/// `cik_str`, `ticker` and `title`; `company_tickers_exchange.json` is `{"fields": [...], "data":
/// [[...], ...]}` with the column order given by `fields`. Both decode to the same entries.
public struct CompanyTickers: Sendable {
    /// The rows in the document's order (the SEC orders by market value, largest first).
    public var entries: [TickerEntry]

    public init(entries: [TickerEntry]) { self.entries = entries }

    /// Decodes either layout.
    ///
    /// - Parameter source: the URL or path the bytes came from, named in errors.
    /// - Throws: `EDGARError.malformedResponse` naming the row that failed.
    public static func decode(_ data: Data, source: String) throws(EDGARError) -> CompanyTickers {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw EDGARError(code: .malformedResponse, source: source, message: "not JSON", cause: "\(error)")
        }
        guard let top = object as? [String: Any] else {
            throw EDGARError(code: .malformedResponse, source: source, message: "top level is not an object")
        }
        if let fields = top["fields"] as? [String], let rows = top["data"] as? [[Any]] {
            return try decodeColumnar(fields: fields, rows: rows, source: source)
        }
        return try decodeKeyed(top, source: source)
    }

    private static func decodeKeyed(_ top: [String: Any], source: String) throws(EDGARError) -> CompanyTickers {
        var numbered: [(Int, TickerEntry)] = []
        numbered.reserveCapacity(top.count)
        for (key, value) in top {
            guard let row = value as? [String: Any], let cik = cikValue(row["cik_str"]),
                let ticker = row["ticker"] as? String, let title = row["title"] as? String
            else {
                throw EDGARError(
                    code: .malformedResponse,
                    source: source,
                    message: "row '\(key)' lacks a valid cik_str, ticker or title"
                )
            }
            numbered.append((Int(key) ?? Int.max, TickerEntry(cik: cik, ticker: ticker, name: title, exchange: nil)))
        }
        numbered.sort { $0.0 < $1.0 }
        return CompanyTickers(entries: numbered.map(\.1))
    }

    private static func decodeColumnar(
        fields: [String],
        rows: [[Any]],
        source: String
    ) throws(EDGARError) -> CompanyTickers {
        guard let cikIndex = fields.firstIndex(of: "cik"), let nameIndex = fields.firstIndex(of: "name"),
            let tickerIndex = fields.firstIndex(of: "ticker")
        else {
            throw EDGARError(
                code: .malformedResponse,
                source: source,
                message: "fields \(fields) lack cik, name or ticker"
            )
        }
        let exchangeIndex = fields.firstIndex(of: "exchange")
        var entries: [TickerEntry] = []
        entries.reserveCapacity(rows.count)
        for (number, row) in rows.enumerated() {
            guard row.count == fields.count, let cik = cikValue(row[cikIndex]),
                let name = row[nameIndex] as? String, let ticker = row[tickerIndex] as? String
            else {
                throw EDGARError(code: .malformedResponse, source: source, message: "data[\(number)] is malformed")
            }
            let exchange = exchangeIndex.flatMap { row[$0] as? String }
            entries.append(TickerEntry(cik: cik, ticker: ticker, name: name, exchange: exchange))
        }
        return CompanyTickers(entries: entries)
    }

    /// The CIK for a ticker, compared case-insensitively with `.` and `-` treated alike (`BRK.B` finds
    /// `BRK-B`); `nil` when absent.
    public func cik(forTicker ticker: String) -> CIK? {
        let wanted = Self.normalize(ticker)
        return entries.first { Self.normalize($0.ticker) == wanted }?.cik
    }

    /// Every ticker listed for a CIK, in document order.
    public func tickers(for cik: CIK) -> [String] {
        entries.filter { $0.cik == cik }.map(\.ticker)
    }

    static func normalize(_ ticker: String) -> String {
        ticker.uppercased().replacingOccurrences(of: ".", with: "-")
    }
}

/// A CIK from a JSON number or string.
func cikValue(_ value: Any?) -> CIK? {
    if let number = value as? NSNumber {
        return CIK(value: number.uint64Value)
    }
    if let text = value as? String { return CIK(text) }
    return nil
}
