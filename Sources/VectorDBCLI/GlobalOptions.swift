import ArgumentParser
import Foundation

/// Options every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Log line format on stderr: text or json.")
    var logFormat: LogFormat = .text

    @Option(name: .long, help: "Minimum log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    @Option(
        name: .long,
        help: ArgumentHelp("The data directory (default ./data, or $VECTORDB_DATA_DIR).", valueName: "dir")
    )
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A storage configuration (config/storage.toml): collections commit to and open from its Cold tier's bucket.",
            valueName: "file"
        )
    )
    var storage: String?

    /// The data directory to use.
    var dataRoot: URL {
        let path = dataDir ?? ProcessInfo.processInfo.environment["VECTORDB_DATA_DIR"] ?? "data"
        return URL(fileURLWithPath: path)
    }

    func validate() throws {
        guard LogSetup.level(named: logLevel) != nil else {
            throw ValidationError("unknown --log-level '\(logLevel)'")
        }
    }
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
