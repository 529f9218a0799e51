#pragma once

#include "model/message.h"

#include <cstddef>
#include <string>

namespace meshroute {

// Write `contents` to `path` atomically: a temporary file in the same folder,
// flushed and fsync'ed, then renamed over the target. On failure the original is
// untouched, the temporary removed, and `error` says what failed and where.
bool writeFileAtomically(const std::string &path, const std::string &contents, std::string &error);

// Read a whole file, refusing ones larger than maxBytes. False with `error` set on failure.
bool readFile(const std::string &path, std::string &contents, std::string &error, std::size_t maxBytes);
// The same, with `error` as data: "file-cannot-open", "file-cannot-read" {path, the system's
// words}, "file-is-folder" {path}, "file-too-large" {path, size, limit} or "stream-too-large"
// {path, limit} (sizes in MB, one decimal). The path is always the first argument.
bool readFile(const std::string &path, std::string &contents, Message &error, std::size_t maxBytes);

} // namespace meshroute
