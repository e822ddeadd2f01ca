#!/usr/bin/env python3
"""sentence-transformers on CPU torch, the reference implementation of all-MiniLM-L6-v2, as a peer
in the embedding benchmark (see scripts/bench-embed.sh).

Loads the same model directory the Swift embedder reads (offline: no hub access), checks it against
the peer reference embeddings when ../shared/bench/minilm_reference.json exists, then times
sentences/second on the texts Benchmarks/EmbedBench builds (rotations of five filing sentences,
truncated to --tokens tokens), --batch texts per call, torch.set_num_threads(--threads).
usage: bench_embed_st.py MODEL_DIR [--texts 64] [--batch 32] [--tokens 256] [--threads 1]
"""

import argparse
import json
import os
import pathlib
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import sentence_transformers  # noqa: E402
import torch  # noqa: E402
import transformers  # noqa: E402
from sentence_transformers import SentenceTransformer, models  # noqa: E402

transformers.logging.set_verbosity_error()

# The sentences Benchmarks/EmbedBench/main.swift rotates, in the same order.
SENTENCES = [
    "The fund's net asset value declined as credit spreads widened and redemptions accelerated.",
    "We rely on a single third-party foundry for substantially all of our wafer supply.",
    "Operating margin compressed to 8.3% due to higher input costs and unfavorable currency movements.",
    "Diesel fuel prices and driver wages raised our freight operating costs in the fourth quarter.",
    "Credit card delinquencies rose for the third consecutive quarter across all customer segments.",
]


def load(model_dir, tokens):
    """The model as sentence-transformers builds it from a bare Hugging Face directory: the BERT
    encoder, mean pooling over real tokens, L2 normalisation."""
    encoder = models.Transformer(model_dir, max_seq_length=tokens, do_lower_case=True)
    dimension = getattr(encoder, "get_embedding_dimension", None) or encoder.get_word_embedding_dimension
    pooling = models.Pooling(dimension(), pooling_mode="mean")
    return SentenceTransformer(modules=[encoder, pooling, models.Normalize()], device="cpu")


def texts_like_embedbench(model, count, tokens):
    tokenizer = model.tokenizer
    texts = []
    for index in range(count):
        words = [f"Document {index}:"]
        cursor = index
        while len(tokenizer(" ".join(words))["input_ids"]) < tokens:
            words.append(SENTENCES[cursor % len(SENTENCES)])
            cursor += 1
        texts.append(" ".join(words))
    return texts


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model_dir")
    parser.add_argument("--texts", type=int, default=64)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--tokens", type=int, default=256)
    parser.add_argument("--threads", type=int, default=1)
    default_reference = pathlib.Path(__file__).resolve().parent.parent.parent / "shared/bench/minilm_reference.json"
    parser.add_argument("--reference", default=str(default_reference))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    model = load(args.model_dir, args.tokens)

    reference = pathlib.Path(args.reference)
    cosine = None
    if reference.exists():
        data = json.loads(reference.read_text())
        sentences = list(data["embeddings"])
        vectors = model.encode(sentences, batch_size=args.batch, convert_to_numpy=True)
        cosine = min(float(np.dot(v, np.array(data["embeddings"][s]))) for s, v in zip(sentences, vectors))
        if cosine < 0.999:
            print(f"error: sentence-transformers disagrees with the reference (min cosine {cosine})", file=sys.stderr)
            return 1

    texts = texts_like_embedbench(model, args.texts, args.tokens)
    lengths = [min(len(model.tokenizer(t)["input_ids"]), args.tokens) for t in texts]
    with torch.inference_mode():
        model.encode(texts[: args.batch], batch_size=args.batch)  # warm-up
        cpu_started = time.process_time()
        started = time.perf_counter()
        model.encode(texts, batch_size=args.batch, convert_to_numpy=True)
        seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
    print(
        f"sentence-transformers-{sentence_transformers.__version__}-torch-{torch.__version__.split('+')[0]} "
        f"threads={args.threads} texts={args.texts} batch={args.batch} tokens={min(lengths)}-{max(lengths)} "
        f"cpu_seconds={cpu_seconds:.2f} seconds={seconds:.2f} sentences_per_s={args.texts / seconds:.1f}"
        + (f" reference_min_cosine={cosine:.7f}" if cosine is not None else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
