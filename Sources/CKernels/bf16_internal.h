#ifndef VECTORDB_BF16_INTERNAL_H
#define VECTORDB_BF16_INTERNAL_H
// Shared between the kernel files; not part of the module's interface.
#include "include/ckernels.h"

/// float32 → bf16, round to nearest even (a NaN stays a quiet NaN).
uint16_t vectordb_bf16_round(float value);

#if defined(__x86_64__)
#include <immintrin.h>
#define BF16_TARGET __attribute__((target("avx512f,avx512bw,avx512vl,avx512bf16")))

/// Rows of `a` (`m` rows of `k` floats, `lda` apart) → `m` bf16 rows of `k` rounded up to even (a
/// zero in the extra column).
void vectordb_bf16_convert_rows(const float *a, int m, int k, int lda, uint16_t *out);

/// `c[m × n] = a · wᵀ (+ bias)` on `m` bf16 rows `a` (`width` even) and a weight packed in panels of
/// `panel_width` (64 or 32) columns, `[width/2][panel_width][2]` each; rows of `c` are `ldc` floats
/// apart.
void vectordb_bf16_gemm_rows(const uint16_t *a, int m, int width, const uint16_t *packed, const float *bias, int n,
                             float *c, int ldc, int panel_width);
#endif
#endif
