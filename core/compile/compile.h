#pragma once

// From a loaded configuration to the route table the local gateway runs, with
// Istio 1.30's gateway semantics (see ../shared/istio/README.md):
//  - the gateway serves the Gateways whose selector matches its labels, oldest first
//    (file order); a second plain-TCP server on a port already taken is skipped (MR0018);
//  - HTTP-family ports are not served locally (MR0017);
//  - per server port, the first tcp rule of the bound, host-matching, exported
//    VirtualServices (in order) whose match list is empty or has an entry whose port and
//    gateways fit serves the whole port; a port with no such rule gets no listener (MR0011).
//    Which rule serves which port is decided by routing::bindGateways (routing/binding.h);
//  - destinationSubnets, sourceLabels, sourceNamespace have no effect at a gateway (MR0010);
//  - Gateway API resources route through the classic ones Istio generates from them
//    (gatewayapi::RoutingView): the local gateway also plays the Gateways of an Istio-handled
//    GatewayClass (their `<gateway>-istio` pods), unless gatewayApiGateways restricts it; a listener
//    whose port a classic server (or an earlier listener) already has is skipped and said (MR0018),
//    at the listener; diagnostics about generated resources land on the user's listener/parentRef;
//    a backendRef that does not resolve keeps its share, which fails (no-route), and a rule whose
//    weights are all 0 refuses every connection;
//  - with a Gateway API target (CompileOptions::gatewayApiTarget), only what that cluster's Istio
//    reads is played: e.g. a TCPRoute v1 meets Istio 1.30 as nothing, so its listener has no route;
//  - destinations resolve through Services/ServiceEntries to demo pods (Deployments) and
//    real addresses (WorkloadEntries, ServiceEntry endpoints), with DestinationRule policy.

#include "compile/routetable.h"
#include "gatewayapi/targets.h"
#include "model/names.h"
#include "model/resourceset.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshroute {

struct CompileOptions
{
    Labels gatewayLabels{{"istio", "ingressgateway"}}; // the local gateway workload's labels
    std::string gatewayNamespace = "istio-system";     // where that workload runs (for exportTo)
    std::string gatewayWorkload = "istio-ingressgateway";
    // The Gateway API Gateways ("ns", "name") the local gateway also plays. Absent: every Gateway of
    // a GatewayClass Istio handles; empty: none (only the classic Gateways selecting gatewayLabels).
    std::optional<std::vector<QualifiedName>> gatewayApiGateways;
    // The cluster the configuration will meet (AnalysisOptions::gatewayApiTarget; pass the same).
    // Set: a Gateway API resource its API server rejects or its Istio ignores is not played (as
    // translate() leaves it out), and the diagnostics say why with analysis's own findings
    // (gatewayapi::targetDiagnostics: MR0025-MR0027, IST0176). Unset: every resource is read.
    std::optional<gatewayapi::Target> gatewayApiTarget;
};

struct CompileResult
{
    std::shared_ptr<const RouteTable> table; // never null
    Diagnostics diagnostics;                 // what was skipped or decided, with positions
};

CompileResult compile(const ResourceSet &set, const CompileOptions &options = {});

// A destination as a rule writes it: host (relative to `ns`, the rule's namespace), subset, port.
struct DestinationRef
{
    std::string host;
    std::string subset;
    std::optional<std::uint32_t> port; // absent: the service's only (else first) port
    std::string ns;
};
// Each destination resolved exactly as compile() resolves a route's (host, subset, endpoints,
// noRoute), also where no served rule routes to it: what the graph shows greyed.
std::vector<Cluster> resolveDestinations(const ResourceSet &set,
                                         const std::vector<DestinationRef> &destinations,
                                         const CompileOptions &options = {});

// Kubernetes-style names for a Deployment's pods: "<deployment>-<10 char hash>-<5 char suffix>",
// deterministic from the Deployment's namespace, name and pod template.
std::string podTemplateHash(const Resource &deployment, const std::string &defaultNamespace);
std::string podName(const std::string &deployment, const std::string &templateHash, int replica);

} // namespace meshroute
