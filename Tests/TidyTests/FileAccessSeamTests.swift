import Foundation
import Testing

/// Every file operation of the vector store goes through its `StoreFileSystem` seam, so the
/// fault-injection suite sees all of them: no file of `Sources/VectorStore` but the POSIX
/// implementation calls the C file API or Foundation's file APIs directly.
@Suite struct FileAccessSeamTests {
    static let implementation: Set<String> = ["IO/POSIXFileSystem.swift", "IO/POSIXFile.swift"]

    /// C file calls of Glibc (which Foundation re-exports).
    static let systemCalls = [
        "open", "openat", "creat", "read", "pread", "write", "pwrite", "fsync", "fdatasync", "sync_file_range",
        "rename", "renameat", "link", "linkat", "unlink", "unlinkat", "rmdir", "mkdir", "ftruncate", "truncate",
        "lseek", "fstat", "stat", "access", "mmap", "munmap", "msync", "flock", "fcntl", "close", "opendir",
        "readdir", "fopen",
    ]

    /// The C call in `code`, if any: `name(` not preceded by a letter, digit, `_`, `.` (a method) or
    /// `func ` (the seam's own method declared).
    static func systemCall(in code: Substring) -> String? {
        for name in systemCalls {
            var searchStart = code.startIndex
            while let range = code[searchStart...].range(of: name + "(") {
                searchStart = range.upperBound
                let before = code[code.startIndex..<range.lowerBound]
                if let last = before.last, last.isLetter || last.isNumber || last == "_" || last == "." { continue }
                if before.hasSuffix("func ") { continue }
                return name
            }
        }
        return nil
    }

    static let foundationFileAPIs = [
        "FileManager", "FileHandle", "Data(contentsOf", "contentsOfFile", ".write(to:", "import Glibc",
        "import Darwin",
    ]

    @Test func onlyThePOSIXFileSystemTouchesFiles() throws {
        let root = TidyTests.repo.appendingPathComponent("Sources/VectorStore").path
        let files = (FileManager.default.subpaths(atPath: root) ?? []).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 20)
        for relative in files where !Self.implementation.contains(relative) {
            let text = try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                let found = Self.foundationFileAPIs.first { code.contains($0) }
                #expect(
                    found == nil,
                    "Sources/VectorStore/\(relative):\(number + 1) uses \(found ?? ""): go through StoreFileSystem"
                )
                let call = Self.systemCall(in: code)
                #expect(
                    call == nil,
                    "Sources/VectorStore/\(relative):\(number + 1) calls \(call ?? "")( directly: go through StoreFileSystem"
                )
            }
        }
    }
}
