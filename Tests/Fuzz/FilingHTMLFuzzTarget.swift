// libFuzzer target for the HTML / inline-XBRL path (built by scripts/fuzz.sh, not by SwiftPM).
//
// Goal: no input makes `HTMLFilingParser`, `InlineXBRLReader` or `XBRLInstanceReader` crash, trap,
// hang or read out of bounds. Strategy: libFuzzer mutates a corpus seeded from the HTML and
// inline-XBRL fixtures (fixtures/edgar/..., fixtures/xbrl) and hands each input to all three readers,
// and to the one-pass text-and-facts parse, compiled with `-sanitize=fuzzer,address`. Invariants:
// every call returns a value or throws a `ParseError`; section ranges lie inside the canonical text
// and never overlap; every fact names a context; the one-pass parse gives the text and facts of the
// separate calls. A violated invariant traps, so libFuzzer saves the input as a crash.
import FilingParser
import SECModel

@_cdecl("LLVMFuzzerTestOneInput")
public func filingHTMLFuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let document = try? HTMLFilingParser().parse(bytes, form: nil, source: "fuzz") {
        var previousEnd = 0
        for section in document.sections {
            precondition(section.charStart >= previousEnd && section.charStart <= section.charEnd)
            previousEnd = section.charEnd
        }
        precondition(previousEnd <= document.scalarCount)
    }
    if InlineXBRLReader.looksInline(bytes), let facts = try? InlineXBRLReader().read(bytes, source: "fuzz") {
        precondition(facts.facts.allSatisfy { !$0.contextID.isEmpty })
        if let document = try? HTMLFilingParser().parse(bytes, form: nil, source: "fuzz"),
            let both = try? HTMLFilingParser().parse(bytes, form: nil, source: "fuzz", readingFactsWith: .init())
        {
            precondition(both.facts == facts && both.document.canonicalText == document.canonicalText)
        }
    }
    if XBRLInstanceReader.looksLikeInstance(bytes), let facts = try? XBRLInstanceReader().read(bytes, source: "fuzz") {
        precondition(facts.facts.allSatisfy { !$0.contextID.isEmpty })
    }
    return 0
}
