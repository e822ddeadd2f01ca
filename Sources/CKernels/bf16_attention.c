#include "bf16_internal.h"

#include <string.h>

/// The sizes of one head's working buffers, all derived from the sequence length and head size.
struct attention_layout {
    int padded;       // length rounded up to whole 64-column panels (score columns)
    int even_length;  // length rounded up to even (probability row width, in bf16)
};

static struct attention_layout layout_for(int length) {
    struct attention_layout layout;
    layout.padded = (length + VECTORDB_BF16_PANEL - 1) / VECTORDB_BF16_PANEL * VECTORDB_BF16_PANEL;
    layout.even_length = (length + 1) & ~1;
    return layout;
}

static size_t rounded64(size_t bytes) { return (bytes + 63) / 64 * 64; }

size_t vectordb_bf16_attention_scratch_bytes(int length, int head_size) {
    const struct attention_layout l = layout_for(length);
    return 64 + rounded64((size_t)length * head_size * 2)    // query rows
           + rounded64((size_t)l.padded * head_size * 2)     // key rows
           + rounded64((size_t)l.padded * head_size * 2)     // keys packed
           + rounded64((size_t)length * l.padded * 4)        // scores
           + rounded64((size_t)length * l.even_length * 2)   // probability rows
           + rounded64((size_t)head_size * l.even_length * 2); // values packed
}

static void *take(unsigned char **cursor, size_t bytes) {
    void *start = *cursor;
    *cursor += rounded64(bytes);
    return start;
}

#if defined(__x86_64__)
/// `e^x` for sixteen x ≤ 0 (softmax after subtracting the row maximum): Cephes' reduction
/// `x = n·ln 2 + r`, a degree-6 polynomial for `e^r`, and `2^n` built in the exponent bits.
BF16_TARGET static inline __m512 exp_nonpositive(__m512 value) {
    const __m512 x = _mm512_max_ps(value, _mm512_set1_ps(-87.3f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.1219444e-4f), r);
    __m512 p = _mm512_set1_ps(1.98756915e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    const __m512 y = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), _mm512_set1_ps(1.0f));
    const __m512i exponent = _mm512_slli_epi32(_mm512_add_epi32(_mm512_cvtps_epi32(n), _mm512_set1_epi32(127)), 23);
    return _mm512_mul_ps(y, _mm512_castsi512_ps(exponent));
}

/// `row[0..<count]` → softmax(scale · row), in place, sixteen columns at a time (a masked tail).
BF16_TARGET static void softmax_row(float *row, int count, float scale) {
    const __m512 scales = _mm512_set1_ps(scale);
    __m512 maxima = _mm512_set1_ps(-__builtin_inff());
    for (int j = 0; j < count; j += 16) {
        const __mmask16 mask = count - j >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (count - j)) - 1);
        maxima = _mm512_mask_max_ps(maxima, mask, maxima, _mm512_maskz_loadu_ps(mask, row + j));
    }
    const __m512 maximum = _mm512_set1_ps(_mm512_reduce_max_ps(maxima));
    __m512 totals = _mm512_setzero_ps();
    for (int j = 0; j < count; j += 16) {
        const __mmask16 mask = count - j >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (count - j)) - 1);
        const __m512 shifted = _mm512_mul_ps(_mm512_sub_ps(_mm512_maskz_loadu_ps(mask, row + j), maximum), scales);
        const __m512 e = _mm512_maskz_mov_ps(mask, exp_nonpositive(shifted));
        _mm512_mask_storeu_ps(row + j, mask, e);
        totals = _mm512_add_ps(totals, e);
    }
    const __m512 inverse = _mm512_set1_ps(1.0f / _mm512_reduce_add_ps(totals));
    for (int j = 0; j < count; j += 16) {
        const __mmask16 mask = count - j >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << (count - j)) - 1);
        _mm512_mask_storeu_ps(row + j, mask, _mm512_mul_ps(_mm512_maskz_loadu_ps(mask, row + j), inverse));
    }
}

/// Keys as the weight of `scores = q · kᵀ`: bf16 key rows (zero rows past `length`), then each
/// 64-row panel transposed by 32-bit pairs into `[head_size/2][64][2]`.
BF16_TARGET static void pack_keys(const float *k, int ld, int length, int head_size, int padded, uint16_t *rows,
                                  uint16_t *packed) {
    vectordb_bf16_convert_rows(k, length, head_size, ld, rows);
    memset(rows + (size_t)length * head_size, 0, (size_t)(padded - length) * head_size * sizeof *rows);
    const int pairs = head_size / 2;
    const uint32_t *source = (const uint32_t *)rows;
    uint32_t *out = (uint32_t *)packed;
    for (int p = 0; p < padded / VECTORDB_BF16_PANEL; p++)
        for (int t = 0; t < pairs; t++)
            for (int j = 0; j < VECTORDB_BF16_PANEL; j++)
                *out++ = source[(size_t)(p * VECTORDB_BF16_PANEL + j) * pairs + t];
}

/// Values as the weight of `context = probabilities · v`: panels of 32 value columns, each
/// `[length/2][32][2]` interleaving rows 2t and 2t+1 (zero past `length`).
BF16_TARGET static void pack_values(const float *v, int ld, int length, int head_size, uint16_t *packed) {
    const __m512i low = _mm512_set_epi16(47, 15, 46, 14, 45, 13, 44, 12, 43, 11, 42, 10, 41, 9, 40, 8, 39, 7, 38, 6,
                                         37, 5, 36, 4, 35, 3, 34, 2, 33, 1, 32, 0);
    const __m512i high = _mm512_add_epi16(low, _mm512_set1_epi16(16));
    const int pairs = (length + 1) / 2;
    __m512i *out = (__m512i *)packed;
    for (int panel = 0; panel < head_size / 32; panel++)
        for (int t = 0; t < pairs; t++) {
            const float *first = v + (size_t)(2 * t) * ld + panel * 32;
            __m512i even = (__m512i)_mm512_cvtne2ps_pbh(_mm512_loadu_ps(first + 16), _mm512_loadu_ps(first));
            __m512i odd = _mm512_setzero_si512();
            if (2 * t + 1 < length) {
                const float *second = first + ld;
                odd = (__m512i)_mm512_cvtne2ps_pbh(_mm512_loadu_ps(second + 16), _mm512_loadu_ps(second));
            }
            _mm512_storeu_si512(out++, _mm512_permutex2var_epi16(even, low, odd));
            _mm512_storeu_si512(out++, _mm512_permutex2var_epi16(even, high, odd));
        }
}

void vectordb_bf16_attention(const float *q, const float *k, const float *v, int ld, int length, int head_size,
                             float scale, float *context, int ldc, void *scratch) {
    const struct attention_layout l = layout_for(length);
    unsigned char *cursor = (unsigned char *)(((uintptr_t)scratch + 63) & ~(uintptr_t)63);
    uint16_t *query_rows = take(&cursor, (size_t)length * head_size * 2);
    uint16_t *key_rows = take(&cursor, (size_t)l.padded * head_size * 2);
    uint16_t *keys = take(&cursor, (size_t)l.padded * head_size * 2);
    float *scores = take(&cursor, (size_t)length * l.padded * 4);
    uint16_t *probability_rows = take(&cursor, (size_t)length * l.even_length * 2);
    uint16_t *values = take(&cursor, (size_t)head_size * l.even_length * 2);

    vectordb_bf16_convert_rows(q, length, head_size, ld, query_rows);
    pack_keys(k, ld, length, head_size, l.padded, key_rows, keys);
    vectordb_bf16_gemm_rows(query_rows, length, head_size, keys, NULL, l.padded, scores, l.padded, 64);
    for (int i = 0; i < length; i++) softmax_row(scores + (size_t)i * l.padded, length, scale);
    vectordb_bf16_convert_rows(scores, length, length, l.padded, probability_rows);
    pack_values(v, ld, length, head_size, values);
    vectordb_bf16_gemm_rows(probability_rows, length, l.even_length, values, NULL, head_size, context, ldc, 32);
}
#else
void vectordb_bf16_attention(const float *q, const float *k, const float *v, int ld, int length, int head_size,
                             float scale, float *context, int ldc, void *scratch) {
    (void)q; (void)k; (void)v; (void)ld; (void)length; (void)head_size; (void)scale; (void)context; (void)ldc;
    (void)scratch;
}
#endif
