#pragma once

// Drawing on Gateway API nodes (graph/gatewayapigraph.h), as editing/documentedits does for the
// classic ones: a drag from a listener of a Gateway API Gateway onto a Service makes a TCPRoute
// (TCP listener) or a TLSRoute (TLS listener) attached to that listener (parentRef with group,
// kind, namespace, name and sectionName) with one backendRef (the Service's first port); a drag
// from a TCPRoute/TLSRoute onto a further Service adds a backendRef and splits the weights evenly
// (50/50, 34/33/33, as the classic split does). Each gesture is one Change (one undo step).

#include "editing/documentedits.h"

namespace meshroute::studio::edits {

// Whether `node` shows a Gateway API Gateway or route (its gestures are decided here).
bool isGatewayApiNode(const ResourceSet &set, const GraphNode &node);

Change connectGatewayApi(const ResourceSet &set, const GraphNode &from, int fromSocket, const GraphNode &to,
                         int toSocket);

// The YAML transformations behind them (deep copies; unknown fields and order survive).
YAML::Node newL4Route(Kind kind, const std::string &apiVersion, const std::string &name,
                      const std::string &ns, const RouteParentRef &parent,
                      const std::vector<std::string> &hostnames, const RouteBackendRef &backend);
// A further backendRef of the route's first rule; every backendRef's weight set to balancedWeights().
YAML::Node withBackendSplit(const YAML::Node &route, const RouteBackendRef &backend);

} // namespace meshroute::studio::edits
