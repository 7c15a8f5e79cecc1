#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants.
const uint32_t *tormem_sha256_constants(void);

/// 1 when this processor has the SHA extensions (x86-64 SHA-NI with SSSE3 and SSE4.1), else 0.
int tormem_sha256_hardware(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (SHA-256, FIPS 180-4) with the SHA
/// extensions. Call only when `tormem_sha256_hardware()` is 1.
void tormem_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
