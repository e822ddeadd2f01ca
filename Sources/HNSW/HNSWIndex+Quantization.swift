extension HNSWIndex {
    /// Trains the int8 quantiser on every vector added so far and (re)encodes them all; from then on
    /// searches traverse on codes and re-rank exactly, and each added vector is encoded as it is
    /// inserted. `add(contentsOf:threads:)` calls this after each batch, so only an index filled by
    /// single `add` calls needs it called explicitly. Does nothing without `.int8` quantisation or
    /// before the first vector. Must not overlap `add` or `search`.
    public func trainQuantizer() {
        guard codes != nil else { return }
        let total = count
        guard total > 0 else { return }
        let trained = ScalarQuantizer.train(vectors, count: total, dimension: dimension)
        for node in 0..<total { encode(UInt32(node), with: trained) }
        globalLock.withLock(0) { quantizer = trained }
    }

    /// Whether searches traverse on int8 codes (quantisation is on and the quantiser trained).
    public var isQuantized: Bool { globalLock.withLock(0) { quantizer != nil } }

    /// The trained quantiser, if any.
    public var trainedQuantizer: ScalarQuantizer? { globalLock.withLock(0) { quantizer } }

    /// Writes `node`'s codes and dot-product correction.
    func encode(_ node: UInt32, with quantizer: ScalarQuantizer) {
        guard let codes, let codeCorrections else { return }
        let row = codes + Int(node) * codeStride
        quantizer.encode(vector(node), into: row)
        codeCorrections[Int(node)] = quantizer.correction(row)
    }

    /// An int8 scorer for `query`, whose codes are written to `queryCodes` (`dimension` bytes).
    func int8Scorer(
        _ query: UnsafePointer<Float>,
        quantizer: ScalarQuantizer,
        queryCodes: UnsafeMutablePointer<UInt8>
    ) -> Int8Scorer? {
        guard let codes, let codeCorrections else { return nil }
        quantizer.encode(query, into: queryCodes)
        return Int8Scorer(
            query: queryCodes,
            codes: codes,
            codeStride: codeStride,
            dimension: dimension,
            corrections: codeCorrections,
            stepSquared: quantizer.step * quantizer.step,
            queryConstant: quantizer.offsetNormSquared + quantizer.correction(queryCodes),
            metric: metric
        )
    }
}
