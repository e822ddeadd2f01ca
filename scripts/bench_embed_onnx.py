#!/usr/bin/env python3
"""onnxruntime baseline for the embedding benchmark (see scripts/bench-embed.sh).

Builds an ONNX graph of the BERT encoder straight from the model directory (config.json +
model.safetensors; no torch needed), checks it against the peer reference embeddings when
../shared/bench/minilm_reference.json exists, then times sentences/second for inputs of
--tokens tokens, --batch texts per run, with intra-op threads --threads.

usage: bench_embed_onnx.py MODEL_DIR [--texts 64] [--batch 32] [--tokens 256] [--threads 1]
"""
import argparse
import json
import pathlib
import struct
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper


def read_safetensors(path):
    data = pathlib.Path(path).read_bytes()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__" or entry["dtype"] != "F32":
            continue
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(data[base + begin : base + end], dtype=np.float32).reshape(entry["shape"])
    return tensors


def build_graph(model_dir):
    config = json.loads((pathlib.Path(model_dir) / "config.json").read_text())
    weights = read_safetensors(pathlib.Path(model_dir) / "model.safetensors")
    hidden, heads = config["hidden_size"], config["num_attention_heads"]
    head_size, eps = hidden // heads, config.get("layer_norm_eps", 1e-12)
    inits, nodes = [], []

    def const(name, array):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(op, inputs, **attrs):
        out = f"n{len(nodes)}"
        nodes.append(helper.make_node(op, inputs, [out], **attrs))
        return out

    def linear(x, prefix):
        w = const(prefix + ".wT", weights[prefix + ".weight"].T)
        return node("Add", [node("MatMul", [x, w]), const(prefix + ".b", weights[prefix + ".bias"])])

    def layer_norm(x, prefix):
        return node(
            "LayerNormalization",
            [x, const(prefix + ".g", weights[prefix + ".weight"]), const(prefix + ".beta", weights[prefix + ".bias"])],
            axis=-1,
            epsilon=eps,
        )

    word = node("Gather", [const("word", weights["embeddings.word_embeddings.weight"]), "input_ids"])
    length = node("Shape", ["input_ids"], start=1, end=2)
    positions = node("Slice", [const("pos", weights["embeddings.position_embeddings.weight"]),
                               const("zero1", np.array([0], np.int64)), length, const("axes0b", np.array([0], np.int64))])
    x = node("Add", [node("Add", [word, positions]),
                     const("type0", weights["embeddings.token_type_embeddings.weight"][0])])
    x = layer_norm(x, "embeddings.LayerNorm")
    mask = node("Cast", ["attention_mask"], to=TensorProto.FLOAT)
    bias = node("Mul", [node("Sub", [const("onef", np.array(1, np.float32)), mask]),
                        const("neg", np.array(-1e9, np.float32))])
    bias = node("Unsqueeze", [bias, const("axes12", np.array([1, 2], np.int64))])
    split_shape = const("split", np.array([0, 0, heads, head_size], np.int64))
    merge_shape = const("merge", np.array([0, 0, hidden], np.int64))
    scale = const("scale", np.array(1 / np.sqrt(head_size), np.float32))
    for index in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{index}."
        q = node("Transpose", [node("Reshape", [linear(x, p + "attention.self.query"), split_shape])], perm=[0, 2, 1, 3])
        k = node("Transpose", [node("Reshape", [linear(x, p + "attention.self.key"), split_shape])], perm=[0, 2, 3, 1])
        v = node("Transpose", [node("Reshape", [linear(x, p + "attention.self.value"), split_shape])], perm=[0, 2, 1, 3])
        scores = node("Add", [node("Mul", [node("MatMul", [q, k]), scale]), bias])
        context = node("MatMul", [node("Softmax", [scores], axis=-1), v])
        context = node("Reshape", [node("Transpose", [context], perm=[0, 2, 1, 3]), merge_shape])
        x = layer_norm(node("Add", [linear(context, p + "attention.output.dense"), x]), p + "attention.output.LayerNorm")
        h = linear(x, p + "intermediate.dense")
        erf = node("Erf", [node("Mul", [h, const(f"r2_{index}", np.array(1 / np.sqrt(2), np.float32))])])
        h = node("Mul", [node("Mul", [h, const(f"half_{index}", np.array(0.5, np.float32))]),
                         node("Add", [erf, const(f"one_{index}", np.array(1, np.float32))])])
        x = layer_norm(node("Add", [linear(h, p + "output.dense"), x]), p + "output.LayerNorm")
    nodes.append(helper.make_node("Identity", [x], ["last_hidden_state"]))
    graph = helper.make_graph(
        nodes,
        "bert",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", hidden])],
        inits,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])


def embed(session, ids):
    longest = max(len(row) for row in ids)
    input_ids = np.zeros((len(ids), longest), np.int64)
    mask = np.zeros((len(ids), longest), np.int64)
    for row, sequence in enumerate(ids):
        input_ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1
    hidden = session.run(None, {"input_ids": input_ids, "attention_mask": mask})[0]
    pooled = (hidden * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
    return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("--texts", type=int, default=64)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--reference", default=str(pathlib.Path(__file__).resolve().parent.parent.parent / "shared/bench/minilm_reference.json"))
    args = parser.parse_args()
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(build_graph(args.model_dir).SerializeToString(), options, providers=["CPUExecutionProvider"])

    reference = pathlib.Path(args.reference)
    if reference.exists():
        data = json.loads(reference.read_text())
        sentences = list(data["input_ids"])
        vectors = embed(session, [data["input_ids"][s] for s in sentences])
        cosine = min(float(np.dot(v, np.array(data["embeddings"][s]))) for s, v in zip(sentences, vectors))
        if cosine < 0.999:
            print(f"error: the ONNX graph disagrees with the reference (min cosine {cosine})", file=sys.stderr)
            return 1
    rng = np.random.default_rng(5)
    ids = [[101] + rng.integers(1000, 30000, args.tokens - 2).tolist() + [102] for _ in range(args.texts)]
    embed(session, ids[: args.batch])  # warm-up
    cpu_started = time.process_time()
    started = time.perf_counter()
    for start in range(0, len(ids), args.batch):
        embed(session, ids[start : start + args.batch])
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    print(f"onnxruntime-{ort.__version__} threads={args.threads} texts={args.texts} batch={args.batch} "
          f"tokens={args.tokens} cpu_seconds={cpu_seconds:.2f} seconds={seconds:.2f} sentences_per_s={args.texts / seconds:.1f}"
          + (f" reference_min_cosine={cosine:.7f}" if reference.exists() else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
