import Foundation
import SECModel

/// What happened to one filing.
public enum FilingFetchOutcome: Sendable, Equatable {
    /// Downloaded now (`documents` new documents, `bytes` raw bytes).
    case fetched(documents: Int, bytes: Int)
    /// Already complete in the cache; nothing was requested.
    case fromCache
    case failed(EDGARError)
}

/// Fetches filings into the raw cache, resumably: a complete filing is never requested again, and a
/// filing interrupted half-way only fetches the documents it lacks.
public struct EDGARFetcher<C: Clock>: Sendable where C.Duration == Duration {
    public let client: EDGARHTTPClient<C>
    public let cache: RawFilingCache
    public var endpoints: EDGAREndpoints { EDGAREndpoints(configuration: client.configuration) }

    public init(client: EDGARHTTPClient<C>, cache: RawFilingCache) {
        self.client = client
        self.cache = cache
    }

    /// A filer's submissions, revalidated against the cached copy with ETag / Last-Modified.
    public func submissions(_ cik: CIK) async throws(EDGARError) -> SubmissionsResponse {
        let url = endpoints.submissions(cik)
        let bytes = try await revalidated(url: url, key: "submissions/CIK\(cik.padded).json")
        return try SubmissionsResponse.decode(Data(bytes), source: url)
    }

    /// An index file or other small resource, revalidated against the cached copy.
    ///
    /// - Parameters:
    ///   - key: the cache key, e.g. `daily-index/2025/QTR1/form.20250214.idx`.
    ///   - forbiddenMeansAbsent: passed to `EDGARHTTPClient.get`.
    public func revalidated(
        url: String,
        key: String,
        forbiddenMeansAbsent: Bool = false
    ) async throws(EDGARError) -> [UInt8] {
        let cached = try cache.loadResource(key)
        let result = try await client.get(
            url,
            validators: cached?.validators,
            forbiddenMeansAbsent: forbiddenMeansAbsent
        )
        if result.notModified, let cached { return cached.bytes }
        let validators = Validators(etag: result.etag, lastModified: result.lastModified)
        try cache.storeResource(key, bytes: result.body, validators: validators)
        return result.body
    }

    /// Documents worth keeping from a filing folder: the primary document, the EDGAR-extracted XBRL
    /// instance (`*_htm.xml`) and `FilingSummary.xml`. When the primary document is unknown (a filing
    /// found in a daily index), it is guessed from the listing with `DirectoryListing.primaryGuess`.
    public static func selectDocuments(listing: DirectoryListing?, primaryDocument: String?) -> [String] {
        var names: [String] = []
        if let primary = primaryDocument ?? listing?.primaryGuess, SafeName.isValid(primary) { names.append(primary) }
        for item in listing?.documents ?? [] where item.name.hasSuffix("_htm.xml") || item.name == "FilingSummary.xml" {
            if !names.contains(item.name) { names.append(item.name) }
        }
        return names
    }

    /// Fetches one filing into the cache.
    ///
    /// - Parameter primaryDocument: the primary document's name from the submissions record.
    public func fetchFiling(cik: CIK, accession: AccessionNumber, primaryDocument: String?) async -> FilingFetchOutcome
    {
        if cache.isComplete(accession) { return .fromCache }
        do {
            let folder = try await listing(cik, accession)?.listing
            let names = Self.selectDocuments(listing: folder, primaryDocument: primaryDocument)
            guard !names.isEmpty else {
                return .failed(
                    EDGARError(
                        code: .invalidInput,
                        source: endpoints.filingIndex(cik, accession),
                        message: "no valid document name to fetch"
                    )
                )
            }
            let (fetched, bytes) = try await fetchMissing(cik, accession, names: names)
            try cache.markComplete(accession, documents: names)
            return .fetched(documents: fetched, bytes: bytes)
        } catch {
            return .failed(error)
        }
    }
}
