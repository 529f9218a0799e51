// MR0011: a port of a Gateway that the local ingress gateway serves (its selector
// matches AnalysisOptions::gatewayLabels) and that no VirtualService rule serves.
// As in Istio, a VirtualService serves a server when it is bound to the Gateway
// through its top-level `gateways`, one of its hosts matches a server host, and a
// rule of the right family matches: no match, or a match whose port is unset or
// equal and whose `gateways` are unset or name this Gateway. Such a port gets no
// listener in Istio and refuses connections locally.
// HTTP-family servers are served by http rules, which the local gateway does not
// run; they are left to MR0017.

#include "analysis/checks.h"

#include <algorithm>

namespace meshroute::analysis {
namespace {

enum class Family { Tcp, Tls, None };

Family familyOf(const Server &server)
{
    const std::string protocol = upper(server.port.protocol);
    const std::string mode = server.tls ? upper(server.tls->mode) : std::string();
    const bool passthrough = mode.empty() || mode == "PASSTHROUGH";
    if (mode == "AUTO_PASSTHROUGH")
        return Family::None; // routed by SNI without any VirtualService
    if (protocol == "HTTPS")
        return server.tls && mode == "PASSTHROUGH" ? Family::Tls : Family::None;
    if (protocol == "TLS")
        return passthrough ? Family::Tls : Family::Tcp;
    if (isHttpProtocol(protocol))
        return Family::None;
    return Family::Tcp; // TCP, MONGO and the like
}

bool namesGateway(const std::vector<std::string> &refs, const std::string &vsNamespace,
                  const QualifiedName &gateway)
{
    return std::any_of(refs.begin(), refs.end(), [&](const std::string &ref) {
        return resolveGatewayRef(ref, vsNamespace) == gateway;
    });
}

template <typename Rule>
bool anyRuleServes(const std::vector<Rule> &rules, std::uint32_t port, const std::string &vsNamespace,
                   const QualifiedName &gateway)
{
    return std::any_of(rules.begin(), rules.end(), [&](const Rule &rule) {
        if (rule.match.empty())
            return true;
        return std::any_of(rule.match.begin(), rule.match.end(), [&](const auto &m) {
            return (!m.port || *m.port == port) &&
                   (m.gateways.empty() || namesGateway(m.gateways, vsNamespace, gateway));
        });
    });
}

} // namespace

void checkPortsWithoutRoute(Context &context)
{
    for (const Resource *g : context.ofKind(Kind::Gateway)) {
        const auto *spec = g->as<GatewaySpec>();
        // An empty selector selects every gateway workload (as in Istio and in the compiler).
        if (!spec || (!spec->selector.empty() && !selects(spec->selector, context.options.gatewayLabels)))
            continue;
        const QualifiedName self{context.ns(*g), g->name};

        const std::vector<const Resource *> &bound = context.boundTo(self);

        for (const Server &server : spec->servers) {
            const Family family = familyOf(server);
            if (family == Family::None || server.port.number == 0)
                continue;
            const char *familyName = family == Family::Tls ? "tls" : "tcp";
            std::vector<std::string> accepting;
            bool served = false;
            for (const Resource *r : bound) {
                const auto *vs = r->as<VirtualServiceSpec>();
                if (!serverAccepts(server, self.ns, vs->hosts, context.ns(*r)))
                    continue;
                accepting.push_back(context.ref(*r));
                served = family == Family::Tls
                             ? anyRuleServes(vs->tls, server.port.number, context.ns(*r), self)
                             : anyRuleServes(vs->tcp, server.port.number, context.ns(*r), self);
                if (served)
                    break;
            }
            if (served)
                continue;
            MessageArg why;
            if (bound.empty())
                why = MessageArg::fragmentOf("fragment-no-vs-bound");
            else if (accepting.empty())
                why = MessageArg::fragmentOf("fragment-no-vs-host-match", {joined(server.hosts)});
            else
                why = MessageArg::fragmentOf(
                    "fragment-no-rule-of-vs-matches-port",
                    {familyName, joined(accepting), std::to_string(server.port.number)});
            context.report(*g, Severity::Warning, codes::PortWithoutRoute,
                           server.port.position.known() ? server.port.position : server.position,
                           Message{"gateway-port-without-route",
                                   {std::to_string(server.port.number), context.ref(*g), why}});
        }
    }
}

} // namespace meshroute::analysis
