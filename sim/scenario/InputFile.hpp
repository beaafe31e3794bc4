#pragma once
/// Reading a file that comes from outside: only a regular file (no FIFO, device, directory or
/// dangling or looping link), of bounded size, read to at most that size. Never throws, never
/// blocks on a pipe, never reads an endless device.

#include <cstddef>
#include <string>

namespace samverkan::scenario {

/// True if something is at `path` (a dangling or looping link counts as something: reading it says
/// what is wrong). Never throws, unlike std::filesystem::exists(path).
bool pathExists(const std::string& path);

/// False, with the reason in words in `error`, unless `path` is a regular file (after links): for
/// a reader that streams a file from outside rather than reading it whole.
bool isRegularInputFile(const std::string& path, std::string& error);

/// Reads `path` into `text`. False, with the reason in words in `error`, if it is not a regular
/// file, is larger than `maxBytes`, or cannot be read.
bool readInputFile(const std::string& path, std::size_t maxBytes, std::string& text, std::string& error);

}  // namespace samverkan::scenario
