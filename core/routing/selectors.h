#pragma once

// Label selection, as Kubernetes and Istio select workloads.

#include "model/model.h"

namespace meshroute::routing {

// A selector selects a set of labels when every one of its pairs is among them; the empty
// selector selects everything (an Istio Gateway or workloadSelector, a subset without labels).
bool selects(const Labels &selector, const Labels &labels);

// A Kubernetes Service selects the pods its selector selects; a Service without a selector
// selects none (its endpoints are managed by hand).
bool serviceSelects(const ServiceSpec &service, const Labels &podLabels);

// A Gateway applies to the gateway workloads its selector selects (an empty one: all of them).
bool gatewaySelects(const GatewaySpec &gateway, const Labels &workloadLabels);

} // namespace meshroute::routing
