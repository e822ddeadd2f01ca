import EDGARClient
import Foundation
import SECModel

extension EDGARFilingSource {
    /// The name the filing folder's listing (`index.json`) is cached under, beside its documents.
    static let listingName = "index.json"

    /// Fetches what the cache lacks of a filing's documents: the folder listing (kept in the cache,
    /// so a later run decides without a request), the primary document and its XBRL companions (as
    /// `vectordb fetch` does), and — when `documents` selects exhibits — the `-index-headers.html`
    /// page (the exhibits' types, fetched with the listing) and each selected HTML exhibit. The
    /// completion marker then lists them all. A filing fetched before needs no request; a changed
    /// selection fetches only the exhibits it adds (their types then read from the cached type page,
    /// else from the file names).
    ///
    /// - Returns: the filing, its primary document guessed from the listing when the source did not
    ///   know it (a daily-index filing its filer's submissions do not list).
    /// - Throws: `PipelineError` (stage `source`) carrying the `EDGARError`: a missing folder or
    ///   document is *not found* (this filing's failure), throttling or a network error *unavailable*.
    func fetch(_ filing: SourceFiling) async throws(PipelineError) -> SourceFiling {
        let metadata = filing.metadata
        let (cik, accession) = (metadata.cik, metadata.accession)
        let cache = fetcher.cache
        do {
            var listingBytes = try cache.loadDocument(accession, Self.listingName)
            if listingBytes == nil, let fetched = try await fetcher.listing(cik, accession) {
                if documentSelection.includesExhibits { try await fetchTypePage(fetched.listing, of: metadata) }
                try cache.storeDocument(accession, Self.listingName, bytes: fetched.bytes)
                listingBytes = fetched.bytes
            }
            guard let listingBytes else {
                // No listing: the primary document alone, by the name the submissions give.
                guard !metadata.primaryDocument.isEmpty else {
                    throw EDGARError(
                        code: .httpStatus,
                        source: fetcher.endpoints.filingIndex(cik, accession),
                        message: "no folder listing, and no primary document named",
                        status: 404
                    )
                }
                _ = try await fetcher.fetchMissing(cik, accession, names: [metadata.primaryDocument])
                try markComplete(accession, names: [metadata.primaryDocument])
                return filing
            }
            let listing = try DirectoryListing.decode(Data(listingBytes), source: Self.listingName)
            let resolved = withPrimary(filing, guess: listing.primaryGuess)
            var names = EDGARFetcher<ContinuousClock>.selectDocuments(
                listing: listing,
                primaryDocument: resolved.metadata.primaryDocument.isEmpty ? nil : resolved.metadata.primaryDocument
            )
            if documentSelection.includesExhibits {
                names += try exhibitNames(listing: listing, filing: resolved.metadata)
            }
            _ = try await fetcher.fetchMissing(cik, accession, names: names)
            try markComplete(accession, names: names + [Self.listingName])
            return resolved
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError(stage: .source, subject: metadata.accession.description, wrapping: error)
        }
    }

    /// Fetches the `-index-headers.html` page (the documents' types) when the listing names it; a
    /// 404 leaves the types to the file names. Only with the listing, so a later run asks nothing.
    private func fetchTypePage(_ listing: DirectoryListing, of filing: FilingMetadata) async throws(EDGARError) {
        let headers = Self.typePageName(filing.accession)
        // `documents` leaves the rendered index pages out; the headers page is where the types are.
        guard listing.items.contains(where: { $0.name == headers }) else { return }
        do {
            _ = try await fetcher.fetchMissing(filing.cik, filing.accession, names: [headers])
        } catch  where error.code == .httpStatus && error.status == 404 {
            logger.info("no index-headers page", metadata: ["accession": "\(filing.accession)"])
        }
    }

    static func typePageName(_ accession: AccessionNumber) -> String { "\(accession)-index-headers.html" }

    /// The type page, when cached, and the selected exhibits the listing names.
    private func exhibitNames(listing: DirectoryListing, filing: FilingMetadata) throws(PipelineError) -> [String] {
        let listed = listing.documents.map(\.name)
        let headers = Self.typePageName(filing.accession)
        var names = fetcher.cache.hasDocument(filing.accession, headers) ? [headers] : []
        let folder = CachedFilingFolder(cache: fetcher.cache, accession: filing.accession, listedNames: listed)
        let reader = FilingDocumentReader(selection: documentSelection)
        let (typed, _) = try folder.typedDocuments(accession: filing.accession)
        for entry in typed
        where listed.contains(entry.fileName)
            && reader.isSelectedExhibit(fileName: entry.fileName, type: entry.type, filing: filing)
        {
            names.append(entry.fileName)
        }
        return names
    }

    /// Writes the completion marker unless it already lists exactly `names` (deduplicated, in order).
    private func markComplete(_ accession: AccessionNumber, names: [String]) throws(EDGARError) {
        var seen: Set<String> = []
        let unique = names.filter { seen.insert($0).inserted }
        guard fetcher.cache.completedDocuments(accession) != unique else { return }
        try fetcher.cache.markComplete(accession, documents: unique)
    }

    /// `filing` with `guess` as its primary document when it had none.
    private func withPrimary(_ filing: SourceFiling, guess: String?) -> SourceFiling {
        guard filing.metadata.primaryDocument.isEmpty, let guess else { return filing }
        var resolved = filing
        resolved.metadata.primaryDocument = guess
        resolved.metadata.sourceURL = FilingMetadata.archiveURL(
            cik: filing.metadata.cik,
            accession: filing.metadata.accession,
            fileName: guess
        )
        resolved.isFullSubmission = guess == "\(filing.metadata.accession).txt"
        return resolved
    }
}
