import ArgumentParser

/// The `vectordb` command: ingest SEC filings and search them.
@main
struct VectorDB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vectordb",
        abstract: "Turn SEC EDGAR filings into a searchable vector database.",
        discussion: """
            Typical use:
              vectordb run pipelines/fixtures.toml        ingest the filings a pipeline file describes
              vectordb search "reliance on foundries"     ask a question, get cited passages
              vectordb parse filing.htm --sections        see how a filing is split into items
              vectordb fetch --ticker AAPL --form 10-K    download filings from EDGAR into the raw cache
              vectordb embed "net revenue"                the vector a model gives one text
              vectordb chunk filing.htm                   the chunks a filing is cut into, with token counts
              vectordb snapshots list                     the retained versions, for search --as-of
            """,
        version: "0.1.0",
        subcommands: [
            RunCommand.self, SearchCommand.self, ParseCommand.self, FetchCommand.self, EmbedCommand.self,
            ChunkCommand.self, BenchCommand.self, SnapshotsCommand.self,
        ]
    )
}
