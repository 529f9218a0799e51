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
#include <set>

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
    const auto &workloads = context.workloadsWithIngress();
    return std::any_of(workloads.begin(), workloads.end(),
                       [&](const Workload &w) { return selects(a, *w.labels) && selects(b, *w.labels); });
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
    const std::vector<const Resource *> gateways = context.set.ofKind(Kind::Gateway);
    for (const Resource *g : gateways) {
        const auto *spec = g->as<GatewaySpec>();
        if (!spec)
            continue;
        for (const Server &server : spec->servers) {
            std::vector<std::string> others;
            std::string host;
            for (const Resource *h : gateways) {
                if (h == g || context.ref(*h) == context.ref(*g))
                    continue; // a duplicate name is MR0008's finding
                const auto *other = h->as<GatewaySpec>();
                if (!other || !sameWorkload(context, spec->selector, other->selector))
                    continue;
                for (const Server &candidate : other->servers) {
                    if (candidate.port.number == server.port.number && candidate.bind == server.bind &&
                        hostsConflict(context, *g, server, *h, candidate, host)) {
                        others.push_back("Gateway " + context.ref(*h));
                        break;
                    }
                }
            }
            if (others.empty())
                continue;
            context.report(*g, Severity::Error, codes::ConflictingGateways,
                           server.port.position.known() ? server.port.position : server.position,
                           "port " + std::to_string(server.port.number) + " of Gateway " + context.ref(*g) +
                               " conflicts with " + joined(others) + ": both select " +
                               labelsText(spec->selector) + " and serve host " + quoted(host) +
                               " on that port");
        }
    }
}

void checkIngressServicePorts(Context &context)
{
    for (const Resource *g : context.set.ofKind(Kind::Gateway)) {
        const auto *spec = g->as<GatewaySpec>();
        if (!spec || spec->selector.empty() || spec->servers.empty())
            continue;
        std::vector<const Workload *> selected;
        for (const Workload &w : context.workloadsWithIngress()) {
            if (selects(spec->selector, *w.labels))
                selected.push_back(&w);
        }
        if (selected.empty())
            continue; // a gateway workload Meshroute knows nothing about

        std::set<std::uint32_t> ports;
        std::vector<std::string> services;
        for (const Resource *s : context.set.ofKind(Kind::Service)) {
            const auto *service = s->as<ServiceSpec>();
            if (!service || service->selector.empty())
                continue;
            const bool selectsGateway = std::any_of(selected.begin(), selected.end(), [&](const Workload *w) {
                return (w->ns.empty() || w->ns == context.ns(*s)) && selects(service->selector, *w->labels);
            });
            if (!selectsGateway)
                continue;
            services.push_back("Service " + context.ref(*s));
            for (const ServicePort &p : service->ports) {
                if (upper(p.protocol) == "TCP")
                    ports.insert(p.targetPort && *p.targetPort != 0 ? *p.targetPort : p.port);
            }
        }
        std::string owner;
        if (!services.empty()) {
            owner = joined(services);
        } else if (selects(spec->selector, context.options.gatewayLabels)) {
            ports.insert(context.options.defaultIngressServicePorts.begin(),
                         context.options.defaultIngressServicePorts.end());
            owner = "the default ingress gateway Service";
        } else {
            continue;
        }
        std::vector<std::string> exposed;
        for (std::uint32_t p : ports)
            exposed.push_back(std::to_string(p));
        for (const Server &server : spec->servers) {
            if (server.port.number == 0 || ports.count(server.port.number))
                continue;
            context.report(*g, Severity::Warning, codes::GatewayPortNotDefinedOnService,
                           server.port.position.known() ? server.port.position : server.position,
                           "port " + std::to_string(server.port.number) + " of Gateway " + context.ref(*g) +
                               " is not exposed by " + owner + " (ports " + joined(exposed) +
                               "), so it cannot be reached from outside the cluster");
        }
    }
}

} // namespace meshroute::analysis
