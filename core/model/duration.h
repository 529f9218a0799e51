#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace meshroute {

// Durations as Istio writes them (protobuf/Go style): "10s", "1.5s", "500ms", "1h30m", "100us".
// Returns nothing for text that is not a duration, for negative or absurdly large values.
std::optional<std::chrono::milliseconds> parseDuration(std::string_view text);

// The shortest exact text for a duration: 10000ms -> "10s", 90min -> "1h30m", 1500ms -> "1.500s".
std::string formatDuration(std::chrono::milliseconds duration);

} // namespace meshroute
