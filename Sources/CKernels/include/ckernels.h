#ifndef VECTORDB_CKERNELS_H
#define VECTORDB_CKERNELS_H
// Matrix kernels that need an instruction Swift cannot name: the AVX-512 BF16 dot product
// (`vdpbf16ps`). Compiled for that instruction set function by function and used only after
// `vectordb_bf16_available()` says the CPU has it, so the binary still runs on any x86-64.
//
// Numbers: inputs are rounded to bfloat16 (round to nearest even), products are summed in float32.
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Output columns per packed weight panel of `vectordb_bf16_linear`; its `n` must be a multiple.
#define VECTORDB_BF16_PANEL 64

/// 1 when this CPU executes AVX-512 BF16 (and the kernels were compiled for x86-64), else 0.
int vectordb_bf16_available(void);

/// Number of `uint16_t` a packed `[n × k]` weight occupies (`n · k`, `k` rounded up to even).
size_t vectordb_bf16_packed_count(int n, int k);

/// Packs a row-major float32 weight `w[n × k]` (PyTorch `Linear` layout, `[out, in]`) into bf16
/// panels of `VECTORDB_BF16_PANEL` output columns, each `[k/2][64][2]`. `packed` holds
/// `vectordb_bf16_packed_count(n, k)` elements. Needs `n % 64 == 0`.
void vectordb_bf16_pack_weight(const float *w, int n, int k, uint16_t *packed);

/// `c[m × n] = a[m × k] · wᵀ + bias` (`w` packed by `vectordb_bf16_pack_weight`), `a` first
/// rounded into `converted` (`m · k` elements, `k` rounded up to even). Single-threaded; `c` may not
/// alias `a`. Needs `vectordb_bf16_available()` and `n % 64 == 0`.
void vectordb_bf16_linear(const float *a, int m, int k, const uint16_t *packed, const float *bias, int n, float *c,
                          uint16_t *converted);

/// Bytes of scratch `vectordb_bf16_attention` needs for sequences up to `length` tokens.
size_t vectordb_bf16_attention_scratch_bytes(int length, int head_size);

/// One attention head of one sequence: `context[i] = Σ_j softmax_j(scale · q[i]·k[j]) · v[j]` for
/// `i, j < length`, rows of `q`, `k`, `v` `ld` floats apart, rows of `context` `ldc` apart.
/// Single-threaded. Needs `vectordb_bf16_available()`, `head_size % 32 == 0`, and `scratch` of
/// `vectordb_bf16_attention_scratch_bytes(length, head_size)` bytes.
void vectordb_bf16_attention(const float *q, const float *k, const float *v, int ld, int length, int head_size,
                             float scale, float *context, int ldc, void *scratch);

#ifdef __cplusplus
}
#endif
#endif
