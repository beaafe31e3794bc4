// libFuzzer harness: map (see fuzz/Targets.hpp and docs/fuzzing.md).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/Targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    samverkan::fuzz::runMap(std::string(reinterpret_cast<const char*>(data), size));
    return 0;
}
