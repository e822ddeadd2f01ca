import Codecs
import Testing

/// CRC-32 (gzip polynomial), the checksum of Parquet page headers, against its published check value.
@Suite struct CRC32Tests {
    @Test func matchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
        #expect(CRC32.checksum([0]) == 0xD202_EF8D)
    }
}
