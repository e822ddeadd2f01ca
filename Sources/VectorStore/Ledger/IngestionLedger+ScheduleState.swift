extension IngestionLedger {
    /// The subdirectory of the collection directory holding scheduler states.
    public static let schedulesDirectory = "schedules"
    /// Largest scheduler state, in bytes.
    public static let scheduleStateBytesMax = 64 * 1024

    /// Stores a scheduler's state (JSON the caller encodes; the store does not read it) as
    /// `schedules/{name}.json` in the collection directory, atomically and durably: after a crash the
    /// file holds the previous state or this one.
    ///
    /// - Parameter name: the scheduler's name, 1-128 characters of `[A-Za-z0-9._-]`, not starting
    ///   with `.`.
    /// - Throws: `StoreError.conflict` when read-only; `StoreError.badInput` for a bad name or an
    ///   oversized state; `StoreError.io` when the disk refuses.
    public func recordScheduleState(_ json: [UInt8], name: String) async throws(StoreError) {
        guard !isReadOnly else {
            throw StoreError(code: .conflict, message: "the ledger is read-only: another process writes it", file: path)
        }
        guard json.count <= Self.scheduleStateBytesMax else {
            throw StoreError(code: .badInput, message: "scheduler state of \(json.count) bytes is over the limit")
        }
        let file = try scheduleStatePath(name)
        let (fileSystem, schedules) = (fileSystem, directory + "/" + Self.schedulesDirectory)
        try await LocalCollection.offload { () throws(StoreError) in
            try fileSystem.createDirectoryDurably(schedules)
            try fileSystem.replaceAtomically(file, with: json)
        }
    }

    /// The state stored for the scheduler `name`, or `nil` when it never recorded one.
    ///
    /// - Throws: `StoreError.badInput` for a bad name; `StoreError.io` when the file cannot be read.
    public func scheduleState(name: String) async throws(StoreError) -> [UInt8]? {
        let (fileSystem, file) = (fileSystem, try scheduleStatePath(name))
        return try await LocalCollection.offload { () throws(StoreError) in try fileSystem.readFile(file) }
    }

    private func scheduleStatePath(_ name: String) throws(StoreError) -> String {
        guard Self.isScheduleName(name) else {
            throw StoreError(code: .badInput, message: "'\(name)' is not a scheduler name ([A-Za-z0-9._-], 1-128)")
        }
        return directory + "/" + Self.schedulesDirectory + "/" + name + ".json"
    }

    /// Whether `name` can name a scheduler state file.
    public static func isScheduleName(_ name: String) -> Bool {
        (1...128).contains(name.count) && !name.hasPrefix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
    }
}
