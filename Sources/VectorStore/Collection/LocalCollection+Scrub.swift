extension LocalCollection {
    /// Verifies every byte of every segment of the current version (a scrub), off the actor: opening
    /// reads only headers and directories, and a search verifies only the blocks it reads, so damage
    /// to a block no search has read shows here first.
    ///
    /// - Throws: `StoreError.corruption` naming the segment file and the offset of the damage.
    public func scrub() async throws(StoreError) {
        let segments = self.segments
        try await Self.offload { () throws(StoreError) in
            for segment in segments { try segment.verify() }
        }
    }
}
