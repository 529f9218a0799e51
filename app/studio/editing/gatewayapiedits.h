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

// Deleting and re-weighting Gateway API edges (documentedits' deleteItems and setWeight call these),
// as the classic graph deletes and re-weights a route's destinations:
//  - a route -> Service edge is backendRef `backendRef` of the route's first rule (the one Istio
//    uses): deleting it removes that backendRef; the others share the whole again, as the classic
//    delete does: one left loses its weight (the whole share), several are normalised to sum 100
//    keeping their proportions. Deleting the last one leaves `backendRefs: []`, as the classic
//    delete of a rule's last destination leaves `route: []`: the route stays, sending nowhere, and
//    core says so;
//  - a listener -> route edge is parentRef `parentRef` (the graph's GraphEdge::destination):
//    deleting it removes that parentRef; the last one leaves `parentRefs: []` (the route attached
//    nowhere);
//  - re-weighting a route -> Service edge writes that backendRef's weight (Istio gives each
//    backendRef its weight over the rule's sum; the studio's splits sum to 100, so it reads as
//    the percentage).
YAML::Node withoutBackendRef(const YAML::Node &route, int backendRef);
YAML::Node withoutParentRef(const YAML::Node &route, int parentRef);
YAML::Node withBackendWeight(const YAML::Node &route, int backendRef, std::int64_t weight);

} // namespace meshroute::studio::edits
