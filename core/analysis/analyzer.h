#pragma once

// Cross-resource checks, with istioctl analyze's codes and levels where Istio has
// one, and Meshroute's own (MR....) otherwise. See core/model/diagnostic.h for codes.

#include "model/resourceset.h"

#include <cstdint>
#include <vector>

namespace meshroute {

struct AnalysisOptions
{
    // The ingress gateway workload's labels (the local gateway's too).
    Labels gatewayLabels{{"istio", "ingressgateway"}};
    // Ports of the ingress gateway Service when the input has none selecting the
    // gateway labels: Istio's default istio-ingressgateway Service.
    std::vector<std::uint32_t> defaultIngressServicePorts{80, 443, 31400, 15443};
};

// Everything analysis finds about `set` (parse diagnostics are the loader's, not repeated here).
Diagnostics analyze(const ResourceSet &set, const AnalysisOptions &options = {});

} // namespace meshroute
