import Foundation
import PipelineConfig
import Testing

/// `config/storage.toml` (docs/tiering.md) and the storage configuration's errors (file:line:key).
@Suite struct StorageSettingsTests {
    @Test func theShippedConfigLoadsTheSeedLayout() throws {
        let repo = PipelineDefinitionTests.repo
        let settings = try StorageSettings.load(path: repo.appendingPathComponent("config/storage.toml").path)
        #expect(settings.durability == "object")
        #expect(settings.tiers.map(\.name) == ["embeddings", "filing_metadata", "historical_filings"])
        #expect(settings.tiers.map(\.level) == [.ultraHot, .hot, .cold])
        #expect(settings.tiers.map(\.backend) == [.mmap, .parquet, .s3])
        #expect(settings.tiers.map(\.compression) == [.none, .zstd, .zstd])
        #expect(settings.tiers[0].cacheBytesMax == 8 << 30)
        #expect(settings.tiers[1].path == repo.appendingPathComponent("data/hot").standardizedFileURL)
        let cold = try #require(settings.cold)
        #expect(cold.storageClass == "STANDARD_IA")
        #expect(cold.bucket == "vectordb-sec" && cold.region == "us-east-1" && cold.prefix == "sec")
        #expect(cold.endpoint == nil)
    }

    @Test func anOfflineBucketIsADirectory() throws {
        let text = """
            [storage.tiered]
            durability = "local"
            [[storage.tiered.storage_tiers]]
            name = "cold"
            tier_level = "Cold"
            backend = "FileSystem"
            path = "bucket"
            """
        let settings = try StorageSettings.parse(text, file: "/etc/vectordb/storage.toml")
        #expect(settings.durability == "local")
        #expect(settings.cold?.path?.path == "/etc/vectordb/bucket")
        #expect(settings.cold?.compression == StorageSettings.Compression.none)
        #expect(try StorageSettings.parse("", file: "s.toml").tiers.isEmpty)
    }

    static let tier = "[[storage.tiered.storage_tiers]]\nname = \"t\"\n"

    @Test(arguments: [
        ("[storage]\ntierd = 1\n", "s.toml:2: key 'storage.tierd': unknown key"),
        ("[storage.tiered]\ndurability = \"disk\"\n", "s.toml:2: key 'storage.tiered.durability': 'disk' is not one"),
        (
            tier + "tier_level = \"Lukewarm\"\nbackend = \"MMAP\"\n",
            "s.toml:3: key 'storage.tiered.storage_tiers[0].tier_level': 'Lukewarm' is not one of: UltraHot"
        ),
        (
            tier + "tier_level = \"UltraHot\"\nbackend = \"S3\"\n",
            "s.toml:4: key 'storage.tiered.storage_tiers[0].backend': a UltraHot tier is backed by MMAP, not S3"
        ),
        (
            tier + "tier_level = \"Hot\"\nbackend = \"Local\"\npath = \"h\"\ncompression = \"Brotli\"\n",
            "s.toml:6: key 'storage.tiered.storage_tiers[0].compression': 'Brotli' is not one of"
        ),
        (
            tier + "tier_level = \"Cold\"\nbackend = \"S3\"\nbucket = \"b\"\nstorage_class = \"Deep\"\n",
            "s.toml:6: key 'storage.tiered.storage_tiers[0].storage_class': 'Deep' is not one of"
        ),
        (
            tier + "tier_level = \"Cold\"\nbackend = \"S3\"\n",
            "s.toml:1: key 'storage.tiered.storage_tiers[0].bucket': an S3 tier names its bucket"
        ),
        (
            tier + "tier_level = \"Hot\"\nbackend = \"Local\"\npath = \"h\"\ncache_bytes_max = 0\n",
            "s.toml:6: key 'storage.tiered.storage_tiers[0].cache_bytes_max': 0 is out of range"
        ),
        (
            tier + "tier_level = \"Cold\"\nbackend = \"FileSystem\"\npath = \"b\"\nprefix = \"a//b\"\n",
            "s.toml:6: key 'storage.tiered.storage_tiers[0].prefix': 'a//b' must be"
        ),
        (
            tier + "tier_level = \"Hot\"\nbackend = \"Local\"\npath = \"h\"\nsize = 1\n",
            "s.toml:6: key 'storage.tiered.storage_tiers[0].size': unknown key"
        ),
        (
            tier + "tier_level = \"Hot\"\nbackend = \"Local\"\npath = \"h\"\n" + tier
                + "tier_level = \"Hot\"\nbackend = \"Local\"\npath = \"h\"\n",
            "s.toml:7: key 'storage.tiered.storage_tiers[1].name': tier name 't' is used twice"
        ),
    ])
    func badFilesNameTheLineAndKey(text: String, message: String) {
        #expect {
            _ = try StorageSettings.parse(text, file: "s.toml")
        } throws: { error in
            "\(error)".hasPrefix(message)
        }
    }
}
