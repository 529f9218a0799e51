#pragma once

// Cross-resource checks, with istioctl analyze's codes and levels where Istio has
// one, and Meshroute's own (MR....) otherwise. See core/model/diagnostic.h for codes.
//
//   bindings.cpp          IST0101 gateway not found, IST0132 VirtualService host not in its Gateway
//   destinations.cpp      IST0101 subset / port not found, IST0112 port required, MR0009 weights
//   rules.cpp             IST0130 unreachable rule, IST0131 ineffective match, MR0010 no effect at a gateway
//   gateways.cpp          IST0145 conflicting gateways, IST0162 port not on the ingress Service
//   coverage.cpp          MR0011 gateway port without a route
//   destinationrules.cpp  IST0173 subset selects no workload, IST0174 unknown DestinationRule host
//   services.cpp          IST0118 Service port naming
//   duplicates.cpp        MR0008 duplicate names
//   ../gatewayapi/        MR0021-MR0024 the Gateway API status Istio would write (translate.h),
//                         MR0025-MR0027, IST0176 what the target cluster does with it (targets.h)
//
// Hosts that are neither a Service nor a ServiceEntry of the input are not errors:
// they may exist in the cluster. Workloads are Deployments' pod templates, Pods,
// WorkloadEntries and ServiceEntry endpoints. Findings come in reading order.

#include "gatewayapi/targets.h"
#include "install/ingressgateway.h"
#include "model/resourceset.h"

#include <cstdint>
#include <vector>

namespace meshroute {

struct AnalysisOptions
{
    // The ingress gateway workload's labels (the local gateway's too).
    Labels gatewayLabels{{"istio", "ingressgateway"}};
    // What the target cluster's ingress gateway Service is when the input has none selecting
    // the gateway labels (IST0162). Analyze, the default, is what istioctl analyze assumes
    // offline, so results stay comparable with it; Files without such a Service is Analyze.
    install::IngressChoice ingress = install::IngressChoice::Analyze;
    // The Istio version and Gateway API CRDs of the target cluster (MR0025-MR0027, IST0176; resources
    // it rejects or ignores are not translated). Unset: every Gateway API resource is read. The CLI
    // and the studio always set one (gatewayapi::defaultTarget() unless the user chose).
    std::optional<gatewayapi::Target> gatewayApiTarget;
};

// Everything analysis finds about `set` (parse diagnostics are the loader's, not repeated here).
Diagnostics analyze(const ResourceSet &set, const AnalysisOptions &options = {});

} // namespace meshroute
