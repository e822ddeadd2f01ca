import Foundation
import SECModel

extension EDGARFetcher {
    /// A filing folder's listing (`index.json`), decoded, with its bytes; `nil` when EDGAR has no
    /// listing for the folder (404). Not cached: callers that keep it store the bytes themselves.
    ///
    /// - Throws: `EDGARError` of the request (but 404) or of decoding.
    public func listing(
        _ cik: CIK,
        _ accession: AccessionNumber
    ) async throws(EDGARError) -> (listing: DirectoryListing, bytes: [UInt8])? {
        let url = endpoints.filingIndex(cik, accession)
        let result: HTTPResult
        do {
            result = try await client.get(url)
        } catch  where error.code == .httpStatus && error.status == 404 {
            return nil
        }
        return (try DirectoryListing.decode(Data(result.body), source: url), result.body)
    }

    /// Downloads the documents of `names` the cache does not hold yet, each streamed into the cache
    /// and committed atomically (a filing interrupted half-way keeps the documents it finished).
    ///
    /// - Returns: documents downloaded now and their raw bytes.
    /// - Throws: `EDGARError` of the first request or cache write that failed.
    public func fetchMissing(
        _ cik: CIK,
        _ accession: AccessionNumber,
        names: [String]
    ) async throws(EDGARError) -> (documents: Int, bytes: Int) {
        var fetched = 0
        var bytes = 0
        for name in names where !cache.hasDocument(accession, name) {
            let url = try endpoints.document(cik, accession, name)
            let result = try await client.download(url) { () throws(EDGARError) in
                try cache.documentWriter(accession, name)
            }
            fetched += 1
            bytes += result.bytes
        }
        return (fetched, bytes)
    }
}
