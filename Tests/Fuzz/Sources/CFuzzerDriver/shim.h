#ifndef SCORECARD_FUZZER_DRIVER_H
#define SCORECARD_FUZZER_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry for programs with a main of their own (libclang_rt.fuzzer, linked by
/// `-sanitize=fuzzer`): parses the usual libFuzzer flags and calls `callback` for each input.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
