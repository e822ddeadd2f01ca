import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Process and file-system measurements of the store benchmark (Linux).
enum StoreBenchProbes {
    /// Resident set size now and its peak (`VmRSS`, `VmHWM` of /proc/self/status), in bytes; 0 when
    /// the file is not there.
    static func residentBytes() -> (current: Int, peak: Int) {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
        func kibibytes(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return 0 }
            return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1_024
        }
        return (kibibytes("VmRSS"), kibibytes("VmHWM"))
    }

    /// The regular files under `directory`, recursively.
    static func files(under directory: URL) -> [URL] {
        let keys: [URLResourceKey] = [.isRegularFileKey]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: keys) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter {
            (try? $0.resourceValues(forKeys: Set(keys)).isRegularFile) == true
        }
    }

    /// Bytes of the regular files under `directory`.
    static func bytes(under directory: URL) -> Int {
        files(under: directory).reduce(0) { total, url in
            total + ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
        }
    }

    /// Evicts `directory`'s files from the page cache so the next open reads the disk: first the
    /// whole cache (`/proc/sys/vm/drop_caches`, root and a writable /proc only), else
    /// `posix_fadvise(POSIX_FADV_DONTNEED)` per file (clean pages only, so files are synced first).
    /// Returns what worked, for the report.
    static func evictPageCache(_ directory: URL) -> String {
        sync()
        if let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches"),
            (try? handle.write(contentsOf: Data("1\n".utf8))) != nil
        {
            try? handle.close()
            return "drop_caches"
        }
        var advised = 0
        let files = files(under: directory)
        for url in files {
            let descriptor = open(url.path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            if fdatasync(descriptor) == 0, posix_fadvise(descriptor, 0, 0, Int32(POSIX_FADV_DONTNEED)) == 0 {
                advised += 1
            }
            close(descriptor)
        }
        return "fadvise_dontneed \(advised)/\(files.count) files"
    }

    /// Fraction of `directory`'s file pages resident in the page cache (`mincore` on a mapping).
    static func residentFraction(_ directory: URL) -> Double {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        var resident = 0
        var total = 0
        for url in files(under: directory) {
            let descriptor = open(url.path, O_RDONLY)
            guard descriptor >= 0 else { continue }
            defer { close(descriptor) }
            let size = Int(lseek(descriptor, 0, SEEK_END))
            guard size > 0, let mapping = mmap(nil, size, PROT_READ, MAP_SHARED, descriptor, 0),
                mapping != MAP_FAILED
            else { continue }
            defer { munmap(mapping, size) }
            let pages = (size + page - 1) / page
            var vector = [UInt8](repeating: 0, count: pages)
            guard mincore(mapping, size, &vector) == 0 else { continue }
            resident += vector.reduce(0) { $0 + Int($1 & 1) }
            total += pages
        }
        return total == 0 ? 0 : Double(resident) / Double(total)
    }
}

/// Latency statistics of one benchmark cell.
struct LatencySummary {
    var p50Ms: Double
    var p99Ms: Double
    var qps: Double

    /// Nearest-rank percentiles of `seconds` (one entry per query) and queries per second.
    init(seconds: [Double]) {
        let sorted = seconds.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[min(max(rank, 0), sorted.count - 1)] * 1_000
        }
        p50Ms = percentile(0.50)
        p99Ms = percentile(0.99)
        let total = seconds.reduce(0, +)
        qps = total > 0 ? Double(seconds.count) / total : 0
    }
}
