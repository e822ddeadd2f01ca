/// The state of a simulated disk (`SimulatedFileSystem`): files as inodes with their durable bytes
/// and the data operations not yet `fsync`ed, directories with their durable entries and the entry
/// operations not yet followed by a directory `fsync`. `afterPowerLoss` computes what survives.
struct SimulatedDisk {
    enum DataOperation {
        case write(offset: Int, bytes: [UInt8])
        case truncate(Int)
    }

    struct Inode {
        var bytes: [UInt8] = []
        var durableBytes: [UInt8] = []
        var pending: [DataOperation] = []
    }

    enum Entry: Equatable {
        case file(Int)
        case directory
    }

    enum EntryOperation {
        case set(String, Entry?)
        case rename(String, String)
    }

    struct Directory {
        var entries: [String: Entry] = [:]
        var durableEntries: [String: Entry] = [:]
        var pending: [EntryOperation] = []
    }

    /// How much of what was not made durable survives a power loss.
    enum PowerLoss {
        /// Nothing: every un-synced write and directory operation is lost (the harshest case).
        case dropUnsynced
        /// A seeded prefix of each file's and each directory's un-synced operations, the last write
        /// of a file possibly torn (a prefix of its bytes).
        case tearUnsynced(seed: UInt64)
        /// Everything written survives (the page cache reached the disk before power went).
        case keepUnsynced
    }

    /// The directories that always exist (durably), e.g. the store root.
    let roots: Set<String>
    var inodes: [Int: Inode] = [:]
    var directories: [String: Directory] = [:]
    var nextInode = 1

    init(roots: Set<String>) {
        self.roots = roots
        for root in roots { directories[root] = Directory() }
    }

    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
    }

    func entry(_ path: String) -> Entry? {
        if directories[path] != nil, roots.contains(path) { return .directory }
        let (directory, name) = Self.split(path)
        return directories[directory]?.entries[name]
    }

    mutating func apply(_ operation: EntryOperation, in directory: String) {
        Self.apply(operation, to: &directories[directory, default: Directory()].entries)
        directories[directory]?.pending.append(operation)
    }

    static func apply(_ operation: EntryOperation, to entries: inout [String: Entry]) {
        switch operation {
        case .set(let name, let entry): entries[name] = entry
        case .rename(let from, let to):
            entries[to] = entries[from]
            entries[from] = nil
        }
    }

    static func apply(_ operation: DataOperation, to bytes: inout [UInt8]) {
        switch operation {
        case .write(let offset, let written):
            if bytes.count < offset + written.count {
                bytes.append(contentsOf: repeatElement(0, count: offset + written.count - bytes.count))
            }
            bytes.replaceSubrange(offset..<(offset + written.count), with: written)
        case .truncate(let size):
            if bytes.count > size {
                bytes.removeSubrange(size...)
            } else {
                bytes.append(contentsOf: repeatElement(0, count: size - bytes.count))
            }
        }
    }

    /// The disk as it is found after power is restored: for each file and directory, its durable
    /// state plus whatever part of the un-synced operations `loss` lets survive; files and
    /// directories no surviving entry reaches are gone.
    func afterPowerLoss(_ loss: PowerLoss) -> SimulatedDisk {
        var generator: SeededGenerator?
        if case .tearUnsynced(let seed) = loss { generator = SeededGenerator(seed: seed) }
        func survivingCount(of pending: Int) -> Int {
            if case .keepUnsynced = loss { return pending }
            guard var current = generator, pending > 0 else { return 0 }
            defer { generator = current }
            return Int(current.next() % UInt64(pending + 1))
        }
        var result = SimulatedDisk(roots: roots)
        result.nextInode = nextInode
        var entriesByDirectory: [String: [String: Entry]] = [:]
        for path in directories.keys.sorted() {
            guard let directory = directories[path] else { continue }
            var entries = directory.durableEntries
            for operation in directory.pending.prefix(survivingCount(of: directory.pending.count)) {
                Self.apply(operation, to: &entries)
            }
            entriesByDirectory[path] = entries
        }
        // Reachable directories, from the roots down.
        var reachable = roots
        var frontier = Array(roots)
        while let path = frontier.popLast() {
            for (name, entry) in entriesByDirectory[path] ?? [:] where entry == .directory {
                let child = path == "/" ? "/" + name : path + "/" + name
                if reachable.insert(child).inserted { frontier.append(child) }
            }
        }
        var liveInodes: Set<Int> = []
        for path in reachable {
            var entries = entriesByDirectory[path] ?? [:]
            entries = entries.filter { name, entry in
                entry != .directory || reachable.contains(path == "/" ? "/" + name : path + "/" + name)
            }
            for case .file(let inode) in entries.values { liveInodes.insert(inode) }
            result.directories[path] = Directory(entries: entries, durableEntries: entries, pending: [])
        }
        for number in liveInodes.sorted() {
            guard let inode = inodes[number] else { continue }
            var bytes = inode.durableBytes
            let surviving = survivingCount(of: inode.pending.count)
            for (index, operation) in inode.pending.prefix(surviving).enumerated() {
                if index == surviving - 1, case .write(let offset, let written) = operation, var current = generator {
                    // The last surviving write may be torn: only a prefix of its bytes reached the disk.
                    let kept = Int(current.next() % UInt64(written.count + 1))
                    generator = current
                    Self.apply(.write(offset: offset, bytes: Array(written.prefix(kept))), to: &bytes)
                } else {
                    Self.apply(operation, to: &bytes)
                }
            }
            result.inodes[number] = Inode(bytes: bytes, durableBytes: bytes, pending: [])
        }
        return result
    }
}
