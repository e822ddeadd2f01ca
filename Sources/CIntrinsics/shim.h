#ifndef VECTORDB_CINTRINSICS_SHIM_H
#define VECTORDB_CINTRINSICS_SHIM_H
/// Header-only helpers for hot loops that Swift cannot express: a cache prefetch hint.
/// Prefetches the cache line holding `address` into all cache levels; never faults.
static inline void vectordb_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }
#endif
