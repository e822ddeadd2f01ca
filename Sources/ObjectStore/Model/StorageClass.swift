/// An S3 storage class, sent as `x-amz-storage-class` on puts (`nil` in `PutOptions`: the bucket's
/// default, STANDARD). The file-system store ignores it.
public struct StorageClass: Hashable, Sendable, CustomStringConvertible {
    /// The wire name (`STANDARD_IA`).
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public static let standard = StorageClass("STANDARD")
    public static let standardIA = StorageClass("STANDARD_IA")
    public static let oneZoneIA = StorageClass("ONEZONE_IA")
    public static let intelligentTiering = StorageClass("INTELLIGENT_TIERING")
    public static let glacierInstantRetrieval = StorageClass("GLACIER_IR")

    public var description: String { rawValue }
}
