import Foundation

/// A tiny BERT model directory written on the fly (hidden 8, 2 heads, 1 layer, 12-piece vocabulary)
/// with seeded pseudo-random weights, and helpers to damage it.
struct TinyBertFixture {
    static let hidden = 8
    static let intermediate = 16
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "rev", "##enue", "grew", "cafe", ",", "!", "##s", "\u{4E2D}",
    ]

    let directory: URL

    var weightsPath: String { directory.appendingPathComponent("model.safetensors").path }

    /// Writes the directory; `shapes` overrides a tensor's shape (its data is sized to match).
    init(shapes: [String: [Int]] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tinybert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config: [String: Any] = [
            "hidden_size": Self.hidden, "num_hidden_layers": 1, "num_attention_heads": 2,
            "intermediate_size": Self.intermediate, "layer_norm_eps": 1e-12, "max_position_embeddings": 16,
            "vocab_size": Self.vocabulary.count, "type_vocab_size": 2, "hidden_act": "gelu",
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: directory.appendingPathComponent("config.json"))
        try Data((Self.vocabulary.joined(separator: "\n") + "\n").utf8)
            .write(to: directory.appendingPathComponent("vocab.txt"))
        var tensors = Self.tensorShapes()
        for (name, shape) in shapes { tensors[name] = shape }
        try Self.safetensors(tensors).write(to: URL(fileURLWithPath: weightsPath))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    /// Cuts `model.safetensors` to its first `bytes` bytes.
    func truncateWeights(to bytes: Int) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: weightsPath))
        try data.prefix(bytes).write(to: URL(fileURLWithPath: weightsPath))
    }

    static func tensorShapes() -> [String: [Int]] {
        let (h, i) = (hidden, intermediate)
        var shapes: [String: [Int]] = [
            "embeddings.word_embeddings.weight": [vocabulary.count, h],
            "embeddings.position_embeddings.weight": [16, h],
            "embeddings.token_type_embeddings.weight": [2, h],
            "embeddings.LayerNorm.weight": [h], "embeddings.LayerNorm.bias": [h],
        ]
        let layer = "encoder.layer.0."
        for projection in ["query", "key", "value"] {
            shapes[layer + "attention.self.\(projection).weight"] = [h, h]
            shapes[layer + "attention.self.\(projection).bias"] = [h]
        }
        shapes[layer + "attention.output.dense.weight"] = [h, h]
        shapes[layer + "attention.output.dense.bias"] = [h]
        shapes[layer + "attention.output.LayerNorm.weight"] = [h]
        shapes[layer + "attention.output.LayerNorm.bias"] = [h]
        shapes[layer + "intermediate.dense.weight"] = [i, h]
        shapes[layer + "intermediate.dense.bias"] = [i]
        shapes[layer + "output.dense.weight"] = [h, i]
        shapes[layer + "output.dense.bias"] = [h]
        shapes[layer + "output.LayerNorm.weight"] = [h]
        shapes[layer + "output.LayerNorm.bias"] = [h]
        return shapes
    }

    /// A safetensors file of F32 tensors filled from a seeded generator.
    static func safetensors(_ shapes: [String: [Int]]) throws -> Data {
        var header: [String: Any] = ["__metadata__": ["format": "pt"]]
        var payload = Data()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for name in shapes.keys.sorted() {
            let shape = shapes[name] ?? []
            let count = shape.reduce(1, *)
            let begin = payload.count
            for _ in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let value = Float(Int64(bitPattern: state >> 11) % 2_000) / 10_000 - 0.1
                withUnsafeBytes(of: value.bitPattern.littleEndian) { payload.append(contentsOf: $0) }
            }
            header[name] = ["dtype": "F32", "shape": shape, "data_offsets": [begin, payload.count]]
        }
        var json = try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys])
        while json.count % 8 != 0 { json.append(UInt8(ascii: " ")) }
        var file = Data()
        withUnsafeBytes(of: UInt64(json.count).littleEndian) { file.append(contentsOf: $0) }
        return file + json + payload
    }
}
