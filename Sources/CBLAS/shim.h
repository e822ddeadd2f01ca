#ifndef VECTORDB_CBLAS_SHIM_H
#define VECTORDB_CBLAS_SHIM_H
// OpenBLAS is loaded on first use (dlopen), not linked: a linked OpenBLAS starts its thread pool in a
// library constructor, and the idle threads spin in sched_yield for a while in every process —
// 20 % of the CPU of a short `vectordb parse` that never multiplies a matrix.
#include <cblas.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

typedef void (*vectordb_sgemm_fn)(const enum CBLAS_ORDER, const enum CBLAS_TRANSPOSE, const enum CBLAS_TRANSPOSE,
                                  const blasint, const blasint, const blasint, const float, const float *,
                                  const blasint, const float *, const blasint, const float, float *, const blasint);
typedef void (*vectordb_sgemv_fn)(const enum CBLAS_ORDER, const enum CBLAS_TRANSPOSE, const blasint, const blasint,
                                  const float, const float *, const blasint, const float *, const blasint,
                                  const float, float *, const blasint);
typedef void (*vectordb_set_threads_fn)(int);

struct vectordb_blas_table {
    vectordb_sgemm_fn sgemm;
    vectordb_sgemv_fn sgemv;
    vectordb_set_threads_fn set_num_threads;
};

// Function-local statics: Swift's importer emits static inline functions (with their statics) but
// not file-scope variables of a header. Each object file gets its own copy of these functions, so
// every wrapper below loads (once per copy; dlopen hands back the same library) before calling.
#include <stdlib.h>
static inline struct vectordb_blas_table *vectordb_blas_table(void) {
    static struct vectordb_blas_table table;
    return &table;
}

static inline void vectordb_blas_open(void) {
    void *handle = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) return;
    struct vectordb_blas_table *table = vectordb_blas_table();
    table->sgemm = (vectordb_sgemm_fn)dlsym(handle, "cblas_sgemm");
    table->sgemv = (vectordb_sgemv_fn)dlsym(handle, "cblas_sgemv");
    table->set_num_threads = (vectordb_set_threads_fn)dlsym(handle, "openblas_set_num_threads");
}

/// Loads OpenBLAS once (thread-safe); returns 1 when every function was found, 0 otherwise.
static inline int vectordb_blas_load(void) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, vectordb_blas_open);
    struct vectordb_blas_table *table = vectordb_blas_table();
    return table->sgemm != NULL && table->sgemv != NULL && table->set_num_threads != NULL;
}

/// `cblas_sgemm`; aborts when OpenBLAS is missing, so check `vectordb_blas_load()` first.
static inline void vectordb_sgemm(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE transA,
                                  const enum CBLAS_TRANSPOSE transB, const blasint m, const blasint n,
                                  const blasint k, const float alpha, const float *a, const blasint lda,
                                  const float *b, const blasint ldb, const float beta, float *c, const blasint ldc) {
    if (!vectordb_blas_load()) abort();
    vectordb_blas_table()->sgemm(order, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/// `cblas_sgemv`; aborts when OpenBLAS is missing, so check `vectordb_blas_load()` first.
static inline void vectordb_sgemv(const enum CBLAS_ORDER order, const enum CBLAS_TRANSPOSE trans, const blasint m,
                                  const blasint n, const float alpha, const float *a, const blasint lda,
                                  const float *x, const blasint incx, const float beta, float *y,
                                  const blasint incy) {
    if (!vectordb_blas_load()) abort();
    vectordb_blas_table()->sgemv(order, trans, m, n, alpha, a, lda, x, incx, beta, y, incy);
}

/// `openblas_set_num_threads`; aborts when OpenBLAS is missing, so check `vectordb_blas_load()` first.
static inline void vectordb_blas_set_num_threads(int threads) {
    if (!vectordb_blas_load()) abort();
    vectordb_blas_table()->set_num_threads(threads);
}
#endif
