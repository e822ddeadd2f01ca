import ArgumentParser
import Foundation
import Logging
import PipelineConfig
import QueryService

/// `vectordb serve`: the query service (HTTP JSON API) over the data directory until SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP search API (docs/service.md) until SIGTERM or SIGINT, then drain and exit.",
        discussion: """
            Flags override the config file; the data directory is --data-dir, else the file's data_dir, else
            $VECTORDB_DATA_DIR or ./data. Tenants and API keys come from the file's [[tenant]] tables; with
            --no-auth there are none: one tenant over the data directory's own collections, loopback only.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("Service configuration file.", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Address to bind (default 127.0.0.1).")
    var host: String?

    @Option(name: .long, help: "TCP port (default 8080; 0 for any free port, logged at start).")
    var port: Int?

    @Flag(name: .long, help: "No API keys: every request is the local tenant's; binds loopback only.")
    var noAuth = false

    func validate() throws {
        if let port, !(0...65_535).contains(port) { throw ValidationError("--port must be in 0...65535") }
    }

    func run() async throws {
        LogSetup.bootstrap(global)
        do {
            var settings =
                try config.map { (path) throws(ConfigError) in try ServiceSettings.load(path: path) }
                ?? ServiceSettings()
            if let host { settings.host = host }
            if let port { settings.port = port }
            let dataDirectory =
                global.dataDir.map { URL(fileURLWithPath: $0) } ?? settings.dataDirectory ?? global.dataRoot
            let server = QueryServer(
                settings: settings,
                dataDirectory: dataDirectory,
                noAuth: noAuth,
                logger: Logger(label: "vectordb.serve")
            )
            try await server.run()
        } catch {
            throw CLIFailure(error)
        }
    }
}
