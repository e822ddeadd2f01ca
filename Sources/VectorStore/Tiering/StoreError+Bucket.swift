import ObjectStore

extension StoreError {
    /// A bucket failure as a store error: `notFound` stays, a lost conditional write is a
    /// `conflict`, bad keys, requests and credentials are `badInput`, throttling and transport
    /// failures (already retried by the store) are `io`, and damaged bytes `corruption`. The file is
    /// the object key; the message says what was being done and carries the store's own.
    init(bucket error: ObjectStoreError, _ doing: String) {
        let code: Code =
            switch error.code {
            case .notFound: .notFound
            case .preconditionFailed, .conflict: .conflict
            case .invalidKey, .badInput, .auth: .badInput
            case .throttled, .transient, .io: .io
            case .corruption: .corruption
            }
        self.init(code: code, message: "bucket: \(doing): \(error)", file: error.key.isEmpty ? nil : error.key)
    }

    /// Whether this error is a lost conditional write (put-if-absent found an object).
    static func isLostRace(_ error: ObjectStoreError) -> Bool {
        error.code == .preconditionFailed || error.code == .conflict
    }
}
