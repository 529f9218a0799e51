// Gateways among themselves and against the ingress gateway's Service.
//  - IST0145: two Gateways for the same workload serving one port (and bind
//    address) with overlapping hosts: which one wins is undefined.
//  - IST0162: a server port the ingress gateway Service does not expose. The
//    Service is the one in the input selecting the gateway's pods; without one,
//    Istio's default istio-ingressgateway Service (AnalysisOptions) is assumed.
//    As Istio does, a server port is compared with each Service port's
//    targetPort (its port when the targetPort is not a number), TCP ports only.

#include "analysis/checks.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

namespace meshroute::analysis {
namespace {

// Whether two gateway selectors pick the same pods: equal selectors, or a known
// workload (the assumed ingress gateway included) that both select.
bool sameWorkload(const Context &context, const Labels &a, const Labels &b)
{
    if (a == b)
        return true;
    if (a.empty() || b.empty())
        return false;
    const std::vector<const Workload *> selected = context.workloads(a, "", true);
    return std::any_of(selected.begin(), selected.end(),
                       [&](const Workload *w) { return selects(b, *w->labels); });
}

bool hostsConflict(const Context &context, const Resource &ga, const Server &a, const Resource &gb,
                   const Server &b, std::string &host)
{
    for (const std::string &va : a.hosts) {
        const GatewayHost ha = parseGatewayHost(va, context.ns(ga));
        for (const std::string &vb : b.hosts) {
            const GatewayHost hb = parseGatewayHost(vb, context.ns(gb));
            if (ha.ns != "*" && hb.ns != "*" && ha.ns != hb.ns)
                continue; // they admit VirtualServices of different namespaces
            if (hostsOverlap(ha.host, hb.host)) {
                host = va;
                return true;
            }
        }
    }
    return false;
}

} // namespace

void checkConflictingGateways(Context &context)
{
    // Only servers on one port and bind address can conflict: group them first.
    struct Entry
    {
        const Resource *gateway;
        const Server *server;
    };
    std::map<std::pair<std::uint32_t, std::string>, std::vector<Entry>> byPort;
    for (const Resource *g : context.ofKind(Kind::Gateway)) {
        if (const auto *spec = g->as<GatewaySpec>()) {
            for (const Server &server : spec->servers)
                byPort[{server.port.number, server.bind}].push_back({g, &server});
        }
    }
    for (const auto &[key, entries] : byPort) {
        if (entries.size() < 2)
            continue;
        for (const Entry &mine : entries) {
            const auto &selector = mine.gateway->as<GatewaySpec>()->selector;
            std::vector<std::string> others;
            std::string host;
            for (const Entry &theirs : entries) {
                if (theirs.gateway == mine.gateway ||
                    context.ref(*theirs.gateway) == context.ref(*mine.gateway))
                    continue; // one Gateway's own servers, or a duplicate name (MR0008's finding)
                const std::string other = "Gateway " + context.ref(*theirs.gateway);
                if (std::find(others.begin(), others.end(), other) != others.end())
                    continue;
                if (sameWorkload(context, selector, theirs.gateway->as<GatewaySpec>()->selector) &&
                    hostsConflict(context, *mine.gateway, *mine.server, *theirs.gateway, *theirs.server,
                                  host))
                    others.push_back(other);
            }
            if (others.empty())
                continue;
            const Server &server = *mine.server;
            context.report(*mine.gateway, Severity::Error, codes::ConflictingGateways,
                           server.port.position.known() ? server.port.position : server.position,
                           Message{"gateway-port-conflict",
                                   {std::to_string(server.port.number), context.ref(*mine.gateway),
                                    joined(others), labelsText(selector), host}});
        }
    }
}

namespace {

// The ports through which the ingress gateway Service reaches the pods a selector
// picks, and who said so; `known` is false when nothing is known about those pods.
struct ServicePorts
{
    bool known = false;
    std::set<std::uint32_t> ports;
    MessageArg owner; // "Service ns/name, ..." or fragment-default-ingress-service
};

ServicePorts servicePortsFor(const Context &context, const Labels &selector)
{
    ServicePorts out;
    const std::vector<const Workload *> selected = context.workloads(selector, "", true);
    if (selected.empty())
        return out; // a gateway workload Meshroute knows nothing about
    std::vector<std::string> services;
    for (const Resource *s : context.ofKind(Kind::Service)) {
        const auto *service = s->as<ServiceSpec>();
        if (!service || service->selector.empty())
            continue;
        const bool selectsGateway = std::any_of(selected.begin(), selected.end(), [&](const Workload *w) {
            return (!w->resource || w->ns == context.ns(*s)) && selects(service->selector, *w->labels);
        });
        if (!selectsGateway)
            continue;
        services.push_back("Service " + context.ref(*s));
        for (const ServicePort &p : service->ports) {
            if (upper(p.protocol) == "TCP")
                out.ports.insert(p.targetPort && *p.targetPort != 0 ? *p.targetPort : p.port);
        }
    }
    if (!services.empty()) {
        out.known = true;
        out.owner = joined(services);
    } else if (selects(selector, context.options.gatewayLabels)) {
        out.known = true;
        out.ports.insert(context.options.defaultIngressServicePorts.begin(),
                         context.options.defaultIngressServicePorts.end());
        out.owner = MessageArg::fragmentOf("fragment-default-ingress-service");
    }
    return out;
}

} // namespace

void checkIngressServicePorts(Context &context)
{
    std::map<Labels, ServicePorts> bySelector; // Gateways mostly share one selector
    for (const Resource *g : context.ofKind(Kind::Gateway)) {
        const auto *spec = g->as<GatewaySpec>();
        if (!spec || spec->selector.empty() || spec->servers.empty())
            continue;
        auto it = bySelector.find(spec->selector);
        if (it == bySelector.end())
            it = bySelector.emplace(spec->selector, servicePortsFor(context, spec->selector)).first;
        const ServicePorts &service = it->second;
        if (!service.known)
            continue;
        std::vector<std::string> exposed;
        for (std::uint32_t p : service.ports)
            exposed.push_back(std::to_string(p));
        for (const Server &server : spec->servers) {
            if (server.port.number == 0 || service.ports.count(server.port.number))
                continue;
            context.report(*g, Severity::Warning, codes::GatewayPortNotDefinedOnService,
                           server.port.position.known() ? server.port.position : server.position,
                           Message{"gateway-port-not-exposed",
                                   {std::to_string(server.port.number), context.ref(*g), service.owner,
                                    joined(exposed)}});
        }
    }
}

} // namespace meshroute::analysis
