#pragma once

// The engine's numbers as text: JSON for /stats and the Prometheus exposition
// format for /stats/prometheus (Istio's standard TCP metrics, then our own).

#include "stats/snapshot.h"

#include <string>

namespace meshroute::proxy {

std::string renderJson(const StatsSnapshot &snapshot);
std::string renderPrometheus(const StatsSnapshot &snapshot);

// The snake_case name of a counter ("bytes_from_client").
const char *counterName(Counter counter);

} // namespace meshroute::proxy
