// MR0011: a port of a Gateway that the local ingress gateway serves (its selector
// matches AnalysisOptions::gatewayLabels) and that no VirtualService rule serves.
// Which rule serves a port is core's binding (routing/binding.h), which the compiler
// follows too: a VirtualService bound through its top-level `gateways`, exported to
// the gateway, with a host the server accepts, and a rule of the port's family whose
// match fits. Such a port gets no listener in Istio and refuses connections locally.
// HTTP-family servers are served by http rules, which the local gateway does not
// run; they are left to MR0017.

#include "analysis/checks.h"
#include "routing/binding.h"

#include <algorithm>

namespace meshroute::analysis {

void checkPortsWithoutRoute(Context &context)
{
    // Which rule serves which port is core's binding (routing/binding.h), the compiler's too.
    const routing::GatewayBinding binding =
        routing::bindGateways(context.set, {context.options.gatewayLabels, routing::GatewayWorkload{}.ns});
    for (const routing::ServerBinding &b : binding.servers) {
        // Ports not served at all are other findings' (MR0017, MR0018) or nobody's.
        if (b.state != routing::ServerState::Served)
            continue;
        const Resource *g = &context.set.resources[b.gateway];
        const Server &server = g->as<GatewaySpec>()->servers[b.server];
        const char *familyName = b.family == routing::RouteFamily::TlsBySni ? "tls" : "tcp";
        const bool served = std::any_of(b.rules.begin(), b.rules.end(), [](const routing::RuleAtServer &at) {
            return at.use == routing::RuleUse::Serves;
        });
        if (served)
            continue;
        std::vector<std::string> accepting;
        for (std::size_t v : b.accepting)
            accepting.push_back(context.ref(context.set.resources[v]));
        MessageArg why;
        if (b.bound.empty())
            why = MessageArg::fragmentOf("fragment-no-vs-bound");
        else if (accepting.empty())
            why = MessageArg::fragmentOf("fragment-no-vs-host-match", {joined(server.hosts)});
        else
            why = MessageArg::fragmentOf("fragment-no-rule-of-vs-matches-port",
                                         {familyName, joined(accepting), std::to_string(server.port.number)});
        context.report(*g, Severity::Warning, codes::PortWithoutRoute,
                       server.port.position.known() ? server.port.position : server.position,
                       Message{"gateway-port-without-route",
                               {std::to_string(server.port.number), context.ref(*g), why}});
    }
}

} // namespace meshroute::analysis
