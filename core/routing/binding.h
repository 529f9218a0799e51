#pragma once

// Which rule of which VirtualService serves which port of one gateway workload (the local
// gateway), as Istio 1.30's gateway decides it (../shared/istio/README.md):
//  - a Gateway applies to the workloads its selector selects; its servers take their ports
//    oldest first (file order): a later server on a taken port is skipped, except that
//    SNI-routed servers share a port;
//  - a VirtualService binds to a Gateway only through its top-level `gateways` (default:
//    mesh, which binds no gateway); match-level `gateways` only narrow a rule;
//  - a bound VirtualService serves a server when it is exported to the workload's namespace
//    and the server accepts one of its hosts;
//  - on a tcp port the first fitting tcp rule of the oldest such VirtualService serves the
//    whole port; on an SNI port every fitting tls rule serves the names it matches.
// Every decision keeps its reason, so that a view can say why a rule is not used.

#include "model/names.h"
#include "model/resourceset.h"
#include "routing/servers.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::routing {

enum class Section { Tcp, Tls };
const char *sectionKey(Section section); // "tcp", "tls"

// One tcp or tls rule of a VirtualService.
struct RuleRef
{
    std::size_t virtualService = 0; // index in ResourceSet::resources
    Section section = Section::Tcp;
    std::size_t rule = 0; // index in the VirtualService's tcp or tls list
    friend bool operator==(const RuleRef &, const RuleRef &) = default;
    friend auto operator<=>(const RuleRef &, const RuleRef &) = default;
};

// The gateway workload the routes are for.
struct GatewayWorkload
{
    Labels labels{{"istio", "ingressgateway"}};
    std::string ns = "istio-system"; // where it runs: what exportTo is checked against
};

// The Gateway API Gateways the workload also plays, as if it were the pods Istio deploys for each
// (`<gateway>-istio`, labelled gateway.networking.k8s.io/gateway-name=<gateway> in the Gateway's
// namespace): every one, or those listed. A Gateway whose selector is that one label, in that
// namespace, then selects the workload.
struct GatewayApiPlay
{
    bool all = false;
    std::vector<QualifiedName> only;
};

inline constexpr const char *kGatewayNameLabel = "gateway.networking.k8s.io/gateway-name";
// Whether `workload` plays the Gateway API Gateway whose pods a Gateway in `gatewayNamespace`
// with `selector` selects.
bool playsGatewayApi(const GatewayApiPlay &play, const Labels &selector, std::string_view gatewayNamespace);

// The Gateways a VirtualService's top-level `gateways` bind, resolved ("mesh" binds none).
std::vector<QualifiedName> boundGateways(const VirtualServiceSpec &vs, std::string_view vsNamespace);
bool bindsTo(const VirtualServiceSpec &vs, std::string_view vsNamespace, const QualifiedName &gateway);
// Whether a tcp/tls match applies to `port` of `gateway`: its port unset or equal, its
// (narrowing) `gateways` unset or naming that Gateway.
bool matchFits(const L4MatchAttributes &match, std::uint32_t port, std::string_view vsNamespace,
               const QualifiedName &gateway);

enum class ServerState {
    Served,          // the workload listens on the port; the rules decide what it runs
    NotSelected,     // the Gateway's selector does not select the workload
    InvalidPort,     // port 0 or above 65535
    PortTaken,       // an earlier server (`owner`) has the port
    HttpFamily,      // served by http rules, which the local gateway does not run
    AutoPassthrough, // routed by SNI to mesh services without a VirtualService: not run locally
};

enum class RuleUse {
    Serves,          // tcp: the rule takes the whole port; tls: the names in sniHosts
    Shadowed,        // tcp: an earlier rule (`shadowedBy`) takes the port
    NoSniHosts,      // tls: the matches that fit name no SNI host
    PortNotServed,   // the server is not served (ServerBinding::state says why)
    WrongFamily,     // a tcp rule at an SNI-routed port, or a tls rule at a tcp port
    NotBound,        // only a match-level gateway names the Gateway: that narrows, never binds
    NotExported,     // exportTo hides the VirtualService from the workload's namespace
    HostNotAccepted, // the server accepts none of the VirtualService's hosts
};

// A rule aimed at a server: one of its matches (or the rule, without matches) names the port
// or none, and names the Gateway or leaves it to the top-level binding.
struct RuleAtServer
{
    RuleRef rule;
    RuleUse use = RuleUse::Serves;
    std::optional<RuleRef> shadowedBy;
    std::vector<std::size_t> matches;  // the matches aimed at the server (none: the rule has none)
    std::vector<std::string> sniHosts; // tls: the names those matches list
};

struct ServerBinding
{
    std::size_t gateway = 0; // index in ResourceSet::resources
    std::size_t server = 0;  // index in the Gateway's servers
    QualifiedName gatewayName;
    std::uint32_t port = 0;
    RouteFamily family = RouteFamily::Tcp;
    ServerState state = ServerState::Served;
    // The server (index into GatewayBinding::servers) that has the port, when it is not this
    // one: for PortTaken, and for an SNI-routed server sharing an earlier one's port.
    std::optional<std::size_t> owner;
    std::vector<std::size_t> bound;     // VirtualServices bound to the Gateway, oldest first
    std::vector<std::size_t> accepting; // of those, the exported ones the server accepts
    std::vector<RuleAtServer> rules;    // rules aimed at the server, oldest VirtualService first
};

struct GatewayBinding
{
    std::vector<ServerBinding> servers; // every server of every Gateway, in file order
    // The binding of server `server` of the Gateway at resource index `gateway`, if any.
    const ServerBinding *find(std::size_t gateway, std::size_t server) const;
};

// `set` is the routing view (gatewayapi/routingview.h) when Gateway API resources are to count.
GatewayBinding bindGateways(const ResourceSet &set, const GatewayWorkload &workload = {},
                            const GatewayApiPlay &gatewayApi = {});

} // namespace meshroute::routing
