/// Where a document's EDGAR type was read, best first. EDGAR's `index.json` lists a filing folder's
/// files without their types, so a folder's exhibit types come from the first of its
/// `{accession}-index-headers.html` page, its `{accession}-index.htm` (or `.html`) page and its full
/// submission `{accession}.txt` that the folder (or the filer's folder beside it) holds, and from
/// the documents' file names when it holds none of them (`EDGARClient.ExhibitFileName`).
public enum DocumentTypeSource: String, Sendable, Hashable {
    /// The primary document, whose type is the filing's form (from the submissions record).
    case form
    /// `<TYPE>` in the `{accession}-index-headers.html` page.
    case indexHeaders = "index-headers"
    /// The Type column of the `{accession}-index.htm` page.
    case indexPage = "index-page"
    /// `<TYPE>` in the full submission `{accession}.txt`.
    case fullSubmission = "full-submission"
    /// Guessed from the file name (`hrsc-20250424xex99d1.htm` → `EX-99.1`).
    case fileName = "file-name"
}
