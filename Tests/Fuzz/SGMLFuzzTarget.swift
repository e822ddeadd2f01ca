// libFuzzer target for full-submission (SGML) files (built by scripts/fuzz.sh, not by SwiftPM).
//
// Goal: no input makes `SGMLSubmissionReader` (header parser, document scanner, uudecode/PDF
// skipping, the XBRL hand-off) crash, trap, hang or read out of bounds. Strategy: libFuzzer mutates
// a corpus seeded from small SGML submissions (a PEM-wrapped one, an `.nc` one, one with an `<XBRL>`
// part) compiled with `-sanitize=fuzzer,address`. Invariants: every call returns a submission or
// throws a `ParseError`; the document count stays within `documentCountMax`; a skipped binary part
// has no text.
import FilingParser
import SECModel

@_cdecl("LLVMFuzzerTestOneInput")
public func sgmlFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = SGMLSubmissionReader(documentCountMax: 64)
    if let submission = try? reader.read(bytes, source: "fuzz") {
        precondition(submission.documents.count <= 64)
        for document in submission.documents where document.kind == .pdf || document.kind == .uuencoded {
            precondition(document.text.isEmpty)
        }
    }
    return 0
}
