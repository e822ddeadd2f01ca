#include "bf16_internal.h"

#include <string.h>

uint16_t vectordb_bf16_round(float value) {
    uint32_t bits;
    memcpy(&bits, &value, sizeof bits);
    if ((bits & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((bits >> 16) | 0x40u);
    bits += 0x7fffu + ((bits >> 16) & 1u);
    return (uint16_t)(bits >> 16);
}

int vectordb_bf16_available(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512bw") ? 1 : 0;
#else
    return 0;
#endif
}

size_t vectordb_bf16_packed_count(int n, int k) { return (size_t)n * (size_t)((k + 1) & ~1); }

void vectordb_bf16_pack_weight(const float *w, int n, int k, uint16_t *packed) {
    const int pairs = (k + 1) / 2;
    for (int panel = 0; panel < n / VECTORDB_BF16_PANEL; panel++) {
        uint16_t *out = packed + (size_t)panel * pairs * VECTORDB_BF16_PANEL * 2;
        for (int pair = 0; pair < pairs; pair++) {
            for (int column = 0; column < VECTORDB_BF16_PANEL; column++) {
                const float *row = w + (size_t)(panel * VECTORDB_BF16_PANEL + column) * k;
                const int first = 2 * pair;
                *out++ = vectordb_bf16_round(row[first]);
                *out++ = first + 1 < k ? vectordb_bf16_round(row[first + 1]) : 0;
            }
        }
    }
}

#if defined(__x86_64__)
BF16_TARGET void vectordb_bf16_convert_rows(const float *a, int m, int k, int lda, uint16_t *out) {
    const int width = (k + 1) & ~1;
    for (int row = 0; row < m; row++) {
        uint16_t *line = out + (size_t)row * width;
        const float *source = a + (size_t)row * lda;
        int column = 0;
        for (; column + 32 <= k; column += 32) {
            __m512 low = _mm512_loadu_ps(source + column);
            __m512 high = _mm512_loadu_ps(source + column + 16);
            _mm512_storeu_si512((void *)(line + column), (__m512i)_mm512_cvtne2ps_pbh(high, low));
        }
        for (; column < k; column++) line[column] = vectordb_bf16_round(source[column]);
        if (k & 1) line[k] = 0;
    }
}

/// Defines `name`: `c[rows × 16·VECTORS] = bias + Σ_pairs a-pair · w-pair` for one register tile of
/// `rows` ≤ `ROWS` bf16 input rows (`width` apart) against one packed panel of `16·VECTORS` columns
/// (no bias when NULL). A short tile computes its first row again in the missing rows' registers
/// and stores only `rows`, so inputs need no padding rows.
#define DEFINE_TILE(name, ROWS, VECTORS)                                                                       \
    BF16_TARGET static void name(const uint16_t *a, int width, const uint16_t *panel, int pairs,             \
                                 const float *bias, float *c, int ldc, int rows) {                           \
        __m512 acc[ROWS][VECTORS];                                                                           \
        for (int r = 0; r < ROWS; r++)                                                                       \
            for (int v = 0; v < VECTORS; v++) acc[r][v] = _mm512_setzero_ps();                               \
        const uint32_t *lines[ROWS];                                                                         \
        for (int r = 0; r < ROWS; r++) lines[r] = (const uint32_t *)(a + (size_t)(r < rows ? r : 0) * width); \
        for (int pair = 0; pair < pairs; pair++) {                                                           \
            const __m512i *b = (const __m512i *)(panel + (size_t)pair * VECTORS * 32);                       \
            __m512bh w[VECTORS];                                                                             \
            for (int v = 0; v < VECTORS; v++) w[v] = (__m512bh)_mm512_loadu_si512(b + v);                    \
            for (int r = 0; r < ROWS; r++) {                                                                 \
                __m512bh x = (__m512bh)_mm512_set1_epi32((int)lines[r][pair]);                               \
                for (int v = 0; v < VECTORS; v++) acc[r][v] = _mm512_dpbf16_ps(acc[r][v], x, w[v]);          \
            }                                                                                                \
        }                                                                                                    \
        /* Constant indices only (`r < rows` tested inside), so the accumulators stay in registers. */    \
        for (int r = 0; r < ROWS; r++)                                                                       \
            if (r < rows)                                                                                    \
                for (int v = 0; v < VECTORS; v++)                                                            \
                    _mm512_storeu_ps(c + (size_t)r * ldc + 16 * v,                                           \
                                     bias ? _mm512_add_ps(acc[r][v], _mm512_loadu_ps(bias + 16 * v)) : acc[r][v]); \
    }

// 24 accumulators of the 32 zmm registers either way.
DEFINE_TILE(tile_6x64, 6, 4)
DEFINE_TILE(tile_12x32, 12, 2)

/// Rows in a block whose bf16 input stays in L2 while every panel passes over it.
enum { BLOCK_ROWS = 96 };

BF16_TARGET void vectordb_bf16_gemm_rows(const uint16_t *a, int m, int width, const uint16_t *packed,
                                         const float *bias, int n, float *c, int ldc, int panel_width) {
    const int pairs = width / 2;
    const int tile_rows = panel_width == 64 ? 6 : 12;
    for (int block = 0; block < m; block += BLOCK_ROWS) {
        const int block_end = block + BLOCK_ROWS < m ? block + BLOCK_ROWS : m;
        for (int p = 0; p < n / panel_width; p++) {
            const uint16_t *panel = packed + (size_t)p * pairs * panel_width * 2;
            const float *panel_bias = bias ? bias + p * panel_width : NULL;
            for (int row = block; row < block_end; row += tile_rows) {
                const int rows = block_end - row < tile_rows ? block_end - row : tile_rows;
                const uint16_t *lines = a + (size_t)row * width;
                float *out = c + (size_t)row * ldc + p * panel_width;
                if (panel_width == 64)
                    tile_6x64(lines, width, panel, pairs, panel_bias, out, ldc, rows);
                else
                    tile_12x32(lines, width, panel, pairs, panel_bias, out, ldc, rows);
            }
        }
    }
}
#endif

void vectordb_bf16_linear(const float *a, int m, int k, const uint16_t *packed, const float *bias, int n, float *c,
                          uint16_t *converted) {
#if defined(__x86_64__)
    vectordb_bf16_convert_rows(a, m, k, k, converted);
    vectordb_bf16_gemm_rows(converted, m, (k + 1) & ~1, packed, bias, n, c, n, VECTORDB_BF16_PANEL);
#else
    (void)a; (void)m; (void)k; (void)packed; (void)bias; (void)n; (void)c; (void)converted;
#endif
}
