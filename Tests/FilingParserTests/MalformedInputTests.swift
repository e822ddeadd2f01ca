import FilingParser
import Foundation
import SECModel
import Testing

/// Goal: damaged input never crashes or hangs the XBRL and SGML readers; it yields a typed
/// `ParseError` or a (possibly partial) result. Strategy: seeded, deterministic mutations of the
/// fixtures — truncation at a random offset, random byte overwrites, a deleted span — replayable from
/// the seed. Invariant: every call returns or throws `ParseError`; facts always carry a context id.
/// Regression: seed 16 (a byte overwrite that leaves no root element) once freed the libxml2 document
/// twice — `XMLTree.init` threw after initialising its properties, so `deinit` ran as well.
@Suite struct MalformedInputTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func mutate(_ bytes: [UInt8], seed: UInt64) -> [UInt8] {
        var generator = SplitMix64(state: seed)
        var result = bytes
        switch seed % 3 {
        case 0:
            result = Array(result.prefix(Int.random(in: 0...result.count, using: &generator)))
        case 1:
            for _ in 0..<8 where !result.isEmpty {
                result[Int.random(in: 0..<result.count, using: &generator)] = UInt8.random(
                    in: 0...255,
                    using: &generator
                )
            }
        default:
            let start = Int.random(in: 0..<max(1, result.count), using: &generator)
            let length = Int.random(in: 0...200, using: &generator)
            result.removeSubrange(start..<min(result.count, start + length))
        }
        return result
    }

    @Test(arguments: 0..<300)
    func inlineXBRLSurvivesMutation(seed: Int) throws {
        let data = try #require(FileManager.default.contents(atPath: InlineXBRLReaderTests.fixture))
        let bytes = Self.mutate([UInt8](data), seed: UInt64(seed))
        do {
            let set = try InlineXBRLReader().read(bytes, source: "seed-\(seed)")
            #expect(set.facts.allSatisfy { !$0.contextID.isEmpty })
        } catch {
            #expect([.malformed, .notXBRL, .empty].contains(error.code), "seed \(seed): \(error)")
        }
    }

    @Test(arguments: 0..<300)
    func submissionsSurviveMutation(seed: Int) {
        let bytes = Self.mutate(Array(SGMLSubmissionReaderTests.pem.utf8), seed: UInt64(seed))
        do {
            let submission = try SGMLSubmissionReader().read(bytes, source: "seed-\(seed)")
            #expect(submission.documents.count <= 2)
        } catch {
            #expect([.notSubmission, .empty].contains(error.code), "seed \(seed): \(error)")
        }
    }
}

/// The size limits: each reader refuses input beyond its `maxInputBytes` with `.tooLarge`, before
/// parsing, and names the sizes in the message.
@Suite struct SizeLimitTests {
    private let html = Array(
        "<html><body><p>Item 1A. Risk Factors</p><p>We rely on one foundry.</p></body></html>".utf8
    )

    @Test func htmlOverTheLimitIsRefused() throws {
        #expect(throws: ParseError.self) {
            try HTMLFilingParser(maxInputBytes: 64).parse(html, form: .tenK, source: "a")
        }
        do {
            _ = try HTMLFilingParser(maxInputBytes: 64).parse(html, form: .tenK, source: "a.htm")
        } catch {
            #expect(error.code == .tooLarge)
            #expect(error.description == "a.htm: document is \(html.count) bytes, the limit is 64")
        }
        #expect(
            try HTMLFilingParser(maxInputBytes: html.count).parse(html, form: .tenK, source: "a").sections.map(\.key)
                == ["1A"]
        )
    }

    @Test func submissionsAndXBRLOverTheLimitAreRefused() {
        let submission = Array(SGMLSubmissionReaderTests.pem.utf8)
        #expect(
            throws: ParseError(
                code: .tooLarge,
                source: "s",
                message: "submission is \(submission.count) bytes, the limit is 10"
            )
        ) {
            try SGMLSubmissionReader(maxInputBytes: 10).read(submission, source: "s")
        }
        do {
            _ = try InlineXBRLReader(maxInputBytes: 10).read(html, source: "x")
            Issue.record("inline XBRL: accepted \(html.count) bytes over a 10-byte limit")
        } catch {
            #expect(error.code == .tooLarge)
        }
        do {
            _ = try XBRLInstanceReader(maxInputBytes: 10).read(html, source: "x")
            Issue.record("instance: accepted \(html.count) bytes over a 10-byte limit")
        } catch {
            #expect(error.code == .tooLarge)
        }
    }
}
