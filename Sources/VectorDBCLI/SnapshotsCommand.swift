import ArgumentParser
import Foundation
import VectorStore

/// `vectordb snapshots list|pin|unpin`: the retained versions of a collection (point-in-time search).
struct SnapshotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshots",
        abstract: "List, pin and unpin the retained versions of a collection (for search --as-of).",
        discussion: """
            Every flush and compaction commits a version. Superseded versions are kept for the store's
            retention (7 days, at most 100 versions); pinned ones are kept until unpinned.
            """,
        subcommands: [List.self, Pin.self, Unpin.self]
    )

    /// Options every `snapshots` subcommand takes.
    struct Target: ParsableArguments {
        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: "The collection.")
        var collection: String = "filings"

        /// Runs `body` on the collection, opened through the process's store engine.
        func withCollection<T>(_ body: (LocalCollection) async throws -> T) async throws -> T {
            LogSetup.bootstrap(global)
            do {
                return try await global.withEngine { engine in try await body(engine.collection(collection)) }
            } catch {
                throw CLIFailure(error)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each retained version: number, commit time, rows, segments, pinned."
        )

        @OptionGroup var target: Target

        @Flag(name: .long, help: "One JSON object per version (JSON Lines).")
        var json = false

        func run() async throws {
            let snapshots = try await target.withCollection { await $0.snapshots() }
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            if json {
                for snapshot in snapshots { Terminal.write(try SnapshotJSON.line(snapshot, formatter: formatter)) }
                return
            }
            Terminal.write("version  committed                 rows  segments  pinned")
            for snapshot in snapshots {
                let columns = [
                    String(snapshot.version).padding(toLength: 8, withPad: " ", startingAt: 0),
                    formatter.string(from: snapshot.committedAt).padding(toLength: 24, withPad: " ", startingAt: 0),
                    String(snapshot.rowCount).leftPadded(5),
                    String(snapshot.segmentCount).leftPadded(9),
                    snapshot.isPinned ? "  yes" : "  no",
                ]
                Terminal.write(columns.joined(separator: " ") + (snapshot.isCurrent ? "  (current)" : ""))
            }
        }
    }

    struct Pin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Keep a version regardless of retention.")

        @Argument(help: "The version number (see `snapshots list`).")
        var version: String

        @OptionGroup var target: Target

        func run() async throws {
            let number = try SnapshotsCommand.versionNumber(version)
            try await target.withCollection { try await $0.pin(version: number) }
            Terminal.write("pinned version \(number)")
        }
    }

    struct Unpin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a pinned version expire again (its files go at the next flush, compaction or open)."
        )

        @Argument(help: "The version number.")
        var version: String

        @OptionGroup var target: Target

        func run() async throws {
            let number = try SnapshotsCommand.versionNumber(version)
            try await target.withCollection { try await $0.unpin(version: number) }
            Terminal.write("unpinned version \(number)")
        }
    }

    /// Parsed in `run`, so a bad value exits with status 65 (bad input) and a one-line reason like other failures.
    static func versionNumber(_ text: String) throws -> UInt64 {
        guard let number = UInt64(text), number > 0 else {
            throw CLIFailure("version '\(text)' is not a version number (1, 2, …; see `vectordb snapshots list`)")
        }
        return number
    }
}

/// The `snapshots list --json` rendering of a version.
enum SnapshotJSON {
    struct Line: Encodable {
        var version: UInt64
        var committedAt: String
        var rowCount: Int
        var segmentCount: Int
        var pinned: Bool
        var current: Bool
    }

    static func line(_ snapshot: SnapshotInfo, formatter: ISO8601DateFormatter) throws -> String {
        let line = Line(
            version: snapshot.version,
            committedAt: formatter.string(from: snapshot.committedAt),
            rowCount: snapshot.rowCount,
            segmentCount: snapshot.segmentCount,
            pinned: snapshot.isPinned,
            current: snapshot.isCurrent
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(line), as: UTF8.self)
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
