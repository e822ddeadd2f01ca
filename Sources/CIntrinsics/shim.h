#ifndef VECTORDB_CINTRINSICS_SHIM_H
#define VECTORDB_CINTRINSICS_SHIM_H
/// Header-only helpers for hot loops that Swift cannot express: a cache prefetch hint and the
/// hardware CRC-32C instruction (SSE4.2 `crc32` on x86-64, the CRC extension on AArch64).
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/// Prefetches the cache line holding `address` into all cache levels; never faults.
static inline void vectordb_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#if defined(__x86_64__)
#include <cpuid.h>

/// 1 when the CPU has the SSE4.2 `crc32` instruction (CPUID leaf 1, ECX bit 20), else 0.
static inline int vectordb_crc32c_hardware_available(void) {
    unsigned int eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    return (ecx & bit_SSE4_2) != 0;
}

/// Continues the CRC-32C register `crc` (already inverted by the caller) over `count` bytes, with
/// the `crc32` instruction 8 bytes at a time. Call only when `vectordb_crc32c_hardware_available()`.
/// The compiler builtins, not `<nmmintrin.h>`: its wrappers are not emitted when this header is
/// imported into Swift.
__attribute__((target("sse4.2"))) static inline uint32_t vectordb_crc32c_update(uint32_t crc, const void *bytes,
                                                                              size_t count) {
    const unsigned char *p = (const unsigned char *)bytes;
    uint64_t wide = crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        wide = __builtin_ia32_crc32di(wide, word);
        p += 8;
        count -= 8;
    }
    uint32_t narrow = (uint32_t)wide;
    while (count > 0) {
        narrow = __builtin_ia32_crc32qi(narrow, *p);
        p += 1;
        count -= 1;
    }
    return narrow;
}
#elif defined(__aarch64__)
#include <arm_acle.h>
#include <sys/auxv.h>
#ifndef HWCAP_CRC32
#define HWCAP_CRC32 (1 << 7)
#endif

/// 1 when the CPU has the AArch64 CRC-32 instructions, else 0.
static inline int vectordb_crc32c_hardware_available(void) { return (getauxval(AT_HWCAP) & HWCAP_CRC32) != 0; }

/// As on x86-64, with `crc32cx` / `crc32cb`.
__attribute__((target("crc"))) static inline uint32_t vectordb_crc32c_update(uint32_t crc, const void *bytes,
                                                                           size_t count) {
    const unsigned char *p = (const unsigned char *)bytes;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        crc = __crc32cd(crc, word);
        p += 8;
        count -= 8;
    }
    while (count > 0) {
        crc = __crc32cb(crc, *p);
        p += 1;
        count -= 1;
    }
    return crc;
}
#else
static inline int vectordb_crc32c_hardware_available(void) { return 0; }
static inline uint32_t vectordb_crc32c_update(uint32_t crc, const void *bytes, size_t count) {
    (void)bytes;
    (void)count;
    return crc;
}
#endif
#endif
