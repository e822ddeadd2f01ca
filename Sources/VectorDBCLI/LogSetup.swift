import Foundation
import Logging

/// Configures swift-log once per process: readable lines or JSON lines, on stderr.
enum LogSetup {
    static func bootstrap(_ options: GlobalOptions) {
        let level = level(named: options.logLevel) ?? .info
        let format = options.logFormat
        LoggingSystem.bootstrap { label in
            var handler = StderrLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }

    static func level(named name: String) -> Logger.Level? {
        Logger.Level(rawValue: name.lowercased())
    }
}

/// Writes one line per log event to stderr: `2025-02-14T10:00:00Z info vectordb.pipeline: message key=value`
/// or a JSON object per line with `ts`, `level`, `label`, `message` and the metadata.
struct StderrLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let timestamp = Date().formatted(.iso8601)
        let line: String
        switch format {
        case .text:
            let pairs = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(timestamp) \(event.level) \(label): \(event.message)" + (pairs.isEmpty ? "" : " \(pairs)")
        case .json:
            var object: [String: String] = ["ts": timestamp, "level": "\(event.level)", "label": label]
            object["message"] = "\(event.message)"
            for (key, value) in merged where object[key] == nil { object[key] = "\(value)" }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
