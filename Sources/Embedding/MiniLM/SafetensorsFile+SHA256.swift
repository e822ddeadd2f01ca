import SECModel

extension SafetensorsFile {
    /// SHA-256 of the whole file, lower-case hex.
    func sha256Hex() -> String { SHA256.hex(of: mappedBytes) }
}
