import Pipeline
import SECModel
import Testing
import VectorStore

/// The ledger decision for each entry state, mode and hash change.
@Suite struct LedgerDecisionTests {
    static func entry(_ status: LedgerEntry.Status, category: String? = nil) -> LedgerEntry {
        LedgerEntry(
            key: "k",
            status: status,
            contentHash: "c",
            settingsHash: "s",
            documentIDs: ["k:1"],
            failure: category.map { LedgerEntry.Failure(stage: "parse", category: $0, message: "m") }
        )
    }

    static func decide(
        _ entry: LedgerEntry?,
        content: String = "c",
        settings: String = "s",
        mode: RunOptions.Mode = .resume
    )
        -> LedgerDecision
    {
        LedgerDecision(entry: entry, contentHash: content, settingsHash: settings, mode: mode)
    }

    @Test func unchangedIngestedFilingsAreSkippedAndEverythingElseIsIngested() {
        #expect(Self.decide(nil) == .ingest(.new, staleIDs: []))
        #expect(Self.decide(Self.entry(.ingested)) == .skipUnchanged)
        #expect(Self.decide(Self.entry(.ingested), content: "other") == .ingest(.changedSource, staleIDs: ["k:1"]))
        #expect(Self.decide(Self.entry(.ingested), settings: "other") == .ingest(.changedSettings, staleIDs: ["k:1"]))
        #expect(Self.decide(Self.entry(.pending)) == .ingest(.interrupted, staleIDs: ["k:1"]))
        #expect(Self.decide(Self.entry(.ingested), mode: .force) == .ingest(.forced, staleIDs: ["k:1"]))
    }

    @Test func onlyBadInputOnTheSameBytesAndSettingsIsNotRetried() {
        #expect(Self.decide(Self.entry(.failed, category: "badInput")) == .skipFailedBefore)
        #expect(
            Self.decide(Self.entry(.failed, category: "badInput"), content: "x") == .ingest(.retry, staleIDs: ["k:1"])
        )
        #expect(
            Self.decide(Self.entry(.failed, category: "badInput"), settings: "x") == .ingest(.retry, staleIDs: ["k:1"])
        )
        #expect(Self.decide(Self.entry(.failed, category: "internal")) == .ingest(.retry, staleIDs: ["k:1"]))
        #expect(
            Self.decide(Self.entry(.failed, category: "badInput"), mode: .force) == .ingest(.forced, staleIDs: ["k:1"])
        )
    }

    @Test func failuresOutsideOneFilingStopTheRun() {
        func error(_ stage: PipelineError.Stage, _ category: ErrorCategory) -> PipelineError {
            PipelineError(stage: stage, subject: "k", category: category, message: "m")
        }
        #expect(error(.parse, .badInput).isConfinedToFiling)
        #expect(error(.source, .corrupt).isConfinedToFiling)
        #expect(error(.store, .badInput).isConfinedToFiling)
        #expect(!error(.store, .corrupt).isConfinedToFiling)
        #expect(!error(.parse, .unavailable).isConfinedToFiling)
        #expect(!error(.embed, .badInput).isConfinedToFiling)
        #expect(!error(.archive, .unavailable).isConfinedToFiling)
    }
}
