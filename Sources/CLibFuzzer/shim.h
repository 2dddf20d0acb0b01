// libFuzzer's driver, from compiler-rt (FuzzerInterface.h): runs the fuzzing loop with `callback`
// as the target. Only declared here; the fuzz build links it with -sanitize=fuzzer.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
