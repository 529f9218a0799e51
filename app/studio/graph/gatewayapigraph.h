#pragma once

// The Kubernetes Gateway API in the routing graph, in the classic graph's columns: a Gateway of
// gateway.networking.k8s.io is a gateway node whose sockets are its listeners, TCPRoutes and
// TLSRoutes are route nodes, their backendRefs go to the Services' destination nodes, and the
// Services' workloads are the classic ones.
//
// What the edges say is core's answer, never the graph's own reading of the YAML:
//  - a parentRef -> listener edge exists where core's translation attached the route to the
//    listener (the generated classic VirtualService is bound to that listener's generated Gateway);
//    a parentRef Istio would not accept is drawn broken with the reason of its Accepted condition;
//  - a backendRef is broken where core's translation says its reference does not resolve
//    (BackendNotFound, RefNotPermitted, InvalidKind, ...), with that reason;
//  - an edge is live (solid) only where the compiled route table runs it (gatewayApiRun()).
// A route -> Service edge's GraphEdge::destination is the backendRef's index in the route's first
// rule; a listener -> route edge's is the route's parentRef (deleting an edge removes that one).
//
// GraphModel::build calls addGatewayApi() once the classic nodes are in; sets without Gateway
// API resources cost nothing.

#include "compile/routetable.h"
#include "gatewayapi/translate.h"
#include "graph/graphmodel.h"

#include <memory>
#include <string>
#include <vector>

namespace meshroute::studio {

namespace gwapiid {
// "kgateway:istio-system/gateway", its listeners are sockets by name.
QString gateway(std::string_view ns, std::string_view name);
// "kroute:TCPRoute/default/tcp".
QString route(std::string_view kind, std::string_view ns, std::string_view name);
// A parentRef naming a Gateway the input lacks.
QString missingGateway(std::string_view ns, std::string_view name);
// A backendRef of a kind Istio does not route to.
QString unknownBackend(std::string_view group, std::string_view kind, std::string_view ns,
                       std::string_view name);
} // namespace gwapiid

// What core says about the Gateway API resources of a set: the translation (status, generated
// classic resources) and the route table the local gateway runs (compile(), which reads the
// routing view with the generated resources). The one place that decides what runs.
struct GatewayApiRun
{
    gatewayapi::Translation translation;
    // The compiled tables (today one: compile(set); the index is unused).
    std::vector<std::pair<std::size_t, std::shared_ptr<const RouteTable>>> tables;
};
// `target`: the cluster's (GraphModel::build); the translation and the table both leave out what
// it rejects or ignores. `table`: compile(set) for that target when the caller has it already (the
// graph builder's), so that the set is not compiled twice; null: compiled here.
GatewayApiRun gatewayApiRun(const ResourceSet &set,
                            const std::optional<gatewayapi::Target> &target = std::nullopt,
                            std::shared_ptr<const RouteTable> table = nullptr);

// Whether the set has a Gateway API resource the graph shows.
bool hasGatewayApi(const ResourceSet &set);

// Adds the Gateway API nodes and edges to `graph` (after the classic ones, before badges).
void addGatewayApi(const ResourceSet &set, GraphModel &graph,
                   const std::optional<gatewayapi::Target> &target = std::nullopt,
                   std::shared_ptr<const RouteTable> table = nullptr);

} // namespace meshroute::studio
