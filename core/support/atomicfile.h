#pragma once

#include <cstddef>
#include <string>

namespace meshroute {

// Write `contents` to `path` atomically: a temporary file in the same folder,
// flushed and fsync'ed, then renamed over the target. On failure the original is
// untouched, the temporary removed, and `error` says what failed and where.
bool writeFileAtomically(const std::string &path, const std::string &contents, std::string &error);

// Read a whole file, refusing ones larger than maxBytes. False with `error` set on failure.
bool readFile(const std::string &path, std::string &contents, std::string &error, std::size_t maxBytes);

} // namespace meshroute
