import Foundation
import HNSW
import Testing

/// Goal: int8 traversal keeps the recall of the float32 graph and returns exact distances.
/// Strategy: seeded Gaussian-cluster datasets (replayable from their seed), answers compared with
/// the exact `FlatIndex` oracle. Invariants: every training component round-trips within half a
/// step; recall@10 ≥ 0.95 at the default efSearch for every metric; reported distances are the
/// exact float32 ones.
@Suite struct QuantizationTests {
    @Test func trainingComponentsRoundTripWithinHalfAStep() throws {
        let rows = HNSWIndexTests.dataset(count: 300, dimension: 40, clusters: 7, seed: 5, normalize: true)
        let quantizer = try ScalarQuantizer.train(rows)
        #expect(quantizer.dimension == 40)
        #expect(quantizer.step > 0)
        var worst: Float = 0
        for row in rows {
            let back = quantizer.decode(quantizer.encode(row))
            for (original, decoded) in zip(row, back) { worst = max(worst, abs(original - decoded)) }
        }
        #expect(worst <= quantizer.step / 2 * 1.001, "worst error \(worst), step \(quantizer.step)")
        // The widest dimension spans exactly the 256 codes.
        let widest = (0..<40).max { a, b in
            let spanA = rows.map { $0[a] }.max()! - rows.map { $0[a] }.min()!
            let spanB = rows.map { $0[b] }.max()! - rows.map { $0[b] }.min()!
            return spanA < spanB
        }!
        let codes = rows.map { quantizer.encode($0)[widest] }
        #expect(codes.min() == 0)
        #expect(codes.max() == 255)
    }

    @Test func outOfRangeValuesClampAndConstantDimensionsWork() throws {
        let quantizer = try ScalarQuantizer.train([[0, 1, 5], [2, 1, 5], [1, 1, 5]])
        #expect(quantizer.encode([-10, 1, 5]) == [0, 0, 0])
        #expect(quantizer.encode([10, 1, 5]) == [255, 0, 0])
        #expect(quantizer.decode([255, 0, 0]) == [2, 1, 5])
        #expect(throws: HNSWError.self) { try ScalarQuantizer.train([]) }
        #expect(throws: HNSWError.self) { try ScalarQuantizer.train([[1, 2], [1]]) }
        #expect(throws: HNSWError.self) { try ScalarQuantizer.train([[1, .nan]]) }
        #expect(throws: HNSWError.self) { try ScalarQuantizer(offsets: [0], step: 0) }
    }

    @Test(arguments: [Metric.cosine, .l2, .dot])
    func int8RecallAtDefaultEfMeetsTheBar(metric: Metric) throws {
        let normalize = metric == .dot
        // The dataset of `HNSWIndexTests.recallAtDefaultEfMeetsTheBar`, so the float32 graph meets the bar.
        let base = HNSWIndexTests.dataset(count: 2_000, dimension: 48, clusters: 30, seed: 7, normalize: normalize)
        let queries = HNSWIndexTests.dataset(count: 100, dimension: 48, clusters: 30, seed: 99, normalize: normalize)
        let index = try HNSWIndex(
            dimension: 48,
            metric: metric,
            capacity: base.count,
            parameters: HNSWParameters(quantization: .int8)
        )
        try index.add(contentsOf: base, threads: 2)
        #expect(index.isQuantized)
        var oracle = FlatIndex(dimension: 48, metric: metric)
        for vector in base { try oracle.add(vector) }
        let recall = try HNSWIndexTests.recall(index: index, oracle: oracle, queries: queries, k: 10, ef: nil)
        #expect(recall >= 0.95, "int8 recall@10 = \(recall) for \(metric)")
        // Traversing on codes loses (almost) nothing against the same graph traversed on float32.
        var floatFound = 0
        for query in queries {
            let truth = Set(try oracle.search(query, k: 10).map(\.id))
            floatFound += try index.search(query, k: 10, quantized: false).filter { truth.contains($0.id) }.count
        }
        let floatRecall = Double(floatFound) / Double(queries.count * 10)
        #expect(recall >= floatRecall - 0.01, "int8 \(recall), float32 \(floatRecall)")
        // Distances are re-ranked exactly: each hit carries the oracle's float32 distance.
        for query in queries.prefix(10) {
            let exact = Dictionary(
                uniqueKeysWithValues: try oracle.search(query, k: base.count).map { ($0.id, $0.distance) }
            )
            let hits = try index.search(query, k: 10)
            #expect(hits == hits.sorted())
            for hit in hits { #expect(abs(hit.distance - (exact[hit.id] ?? .infinity)) <= 1e-4) }
        }
    }

    @Test func singleAddsTraverseOnCodesOnceTrained() throws {
        let base = HNSWIndexTests.dataset(count: 1_500, dimension: 32, clusters: 20, seed: 31)
        let queries = HNSWIndexTests.dataset(count: 50, dimension: 32, clusters: 20, seed: 32)
        let index = try HNSWIndex(
            dimension: 32,
            metric: .l2,
            capacity: base.count,
            parameters: HNSWParameters(quantization: .int8)
        )
        var oracle = FlatIndex(dimension: 32, metric: .l2)
        for vector in base.prefix(1_000) {
            try index.add(vector)
            try oracle.add(vector)
        }
        #expect(!index.isQuantized)
        index.trainQuantizer()
        #expect(index.isQuantized)
        // Later vectors are encoded as they are inserted, with the trained quantiser.
        for vector in base.dropFirst(1_000) {
            try index.add(vector)
            try oracle.add(vector)
        }
        let recall = try HNSWIndexTests.recall(index: index, oracle: oracle, queries: queries, k: 10, ef: nil)
        #expect(recall >= 0.95, "recall@10 = \(recall)")
        for probe in [0, 1_200, 1_499] { #expect(try index.search(base[probe], k: 1).first?.id == UInt32(probe)) }
    }

    @Test func withoutQuantisationNothingIsEncoded() throws {
        let index = try HNSWIndex(dimension: 8, metric: .l2, capacity: 10)
        try index.add(contentsOf: HNSWIndexTests.dataset(count: 10, dimension: 8, clusters: 2, seed: 1), threads: 1)
        #expect(!index.isQuantized)
        #expect(index.trainedQuantizer == nil)
        #expect(index.exportCodes() == nil)
        #expect(throws: HNSWError.self) {
            try HNSWIndex(dimension: 20_000, metric: .l2, capacity: 1, parameters: HNSWParameters(quantization: .int8))
        }
    }
}
