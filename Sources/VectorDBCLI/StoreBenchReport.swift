import Foundation

/// The markdown rendering of a `vectordb bench store` result (the JSON form is the object itself).
enum StoreBenchReport {
    static func markdown(_ result: [String: Any]) -> String {
        var lines: [String] = []
        func number(_ key: String, _ format: String = "%.1f") -> String {
            guard let value = result[key] as? Double ?? (result[key] as? Int).map(Double.init) else { return "-" }
            return String(format: format, value)
        }
        if result["phase"] as? String == "ingest" {
            lines.append("| documents | ingest s | documents/s | disk bytes/document |")
            lines.append("|---:|---:|---:|---:|")
            lines.append(
                "| \(number("documents", "%.0f")) | \(number("ingest_seconds")) | \(number("documents_per_second", "%.0f")) "
                    + "| \(number("disk_bytes_per_document", "%.0f")) |"
            )
            return lines.joined(separator: "\n")
        }
        lines.append(
            "open \(number("open_ms", "%.2f")) ms (\(result["cache"] ?? "")), first query \(number("first_query_ms")) ms, "
                + "RSS after open \(megabytes(result["rss_after_open_bytes"])), after queries "
                + "\(megabytes(result["rss_after_queries_bytes"]))"
        )
        lines.append("")
        lines.append("| filter | matching | mode | p50 ms | p99 ms | QPS | recall@10 |")
        lines.append("|---|---:|---|---:|---:|---:|---:|")
        for cell in result["cells"] as? [[String: Any]] ?? [] {
            let values = ["p50_ms", "p99_ms", "qps", "recall"].map { cell[$0] as? Double ?? 0 }
            let fraction = (cell["fraction"] as? Double ?? 0) * 100
            lines.append(
                "| \(cell["filter"] ?? "") | \(String(format: "%.3f %%", fraction)) | \(cell["mode"] ?? "") "
                    + String(format: "| %.2f | %.2f | %.1f | %.3f |", values[0], values[1], values[2], values[3])
            )
        }
        for process in result["search_process"] as? [[String: Any]] ?? [] {
            lines.append(
                "`vectordb search` (\(process["filter"] ?? ""), \(process["mode"] ?? "")): median "
                    + String(format: "%.0f ms", process["median_ms"] as? Double ?? 0)
            )
        }
        return lines.joined(separator: "\n")
    }

    private static func megabytes(_ value: Any?) -> String {
        String(format: "%.0f MB", Double(value as? Int ?? 0) / 1e6)
    }
}
