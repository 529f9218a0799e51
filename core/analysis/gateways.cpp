// Gateways among themselves and against the ingress gateway's Service.
//  - IST0145: two Gateways for the same workload serving one port (and bind
//    address) with overlapping hosts: which one wins is undefined.
//  - IST0162: a server port the ingress gateway Service does not expose. The
//    Service is the one in the input selecting the gateway's pods; without one,
//    the ingress gateway AnalysisOptions::ingress chooses (install/ingressgateway.h:
//    what istioctl analyze assumes offline, a profile's or the Helm chart's).
//    A server port is exposed by a TCP Service port whose targetPort (as istioctl
//    analyze compares) or port (Istio maps a server port that is a Service port to
//    its targetPort) it is: install::exposes().

#include "analysis/checks.h"
#include "install/ingressgateway.h"

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
    std::vector<install::ServicePortSpec> ports;
    MessageArg owner; // "Service ns/name, ..." or the assumed ingress gateway's fragment
};

// The words naming the ingress gateway Service a choice assumes.
MessageArg assumedService(install::IngressChoice choice)
{
    switch (choice) {
    case install::IngressChoice::Default:
        return MessageArg::fragmentOf("fragment-ingress-service-default-profile");
    case install::IngressChoice::Demo:
        return MessageArg::fragmentOf("fragment-ingress-service-demo-profile");
    case install::IngressChoice::Helm:
        return MessageArg::fragmentOf("fragment-ingress-service-helm-chart");
    case install::IngressChoice::Analyze:
    case install::IngressChoice::Files: // none in the files: what istioctl analyze assumes
        break;
    }
    return MessageArg::fragmentOf("fragment-default-ingress-service");
}

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
            if (!w->resource) // the assumed ingress gateway: its pods have at least its labels
                return install::selectsIngressWorkload(service->selector, *w->labels);
            return w->ns == context.ns(*s) && selects(service->selector, *w->labels);
        });
        if (!selectsGateway)
            continue;
        services.push_back("Service " + context.ref(*s));
        for (const ServicePort &p : service->ports)
            out.ports.push_back(install::servicePortSpec(p));
    }
    if (!services.empty()) {
        out.known = true;
        out.owner = joined(services);
    } else if (selects(selector, context.options.gatewayLabels)) {
        const install::IngressChoice choice = install::assumedChoice(context.options.ingress);
        out.known = true;
        out.ports = install::profilePorts(choice);
        out.owner = assumedService(choice);
    }
    return out;
}

// "80, 443→8443, 31400": the TCP ports, by number, with a targetPort that differs.
std::string exposedText(const std::vector<install::ServicePortSpec> &ports)
{
    std::map<std::uint32_t, std::string> byPort;
    for (const install::ServicePortSpec &p : ports) {
        if (upper(p.protocol) != "TCP")
            continue;
        std::string text = std::to_string(p.port);
        if (p.targetPort != 0 && p.targetPort != p.port)
            text += "\xe2\x86\x92" + std::to_string(p.targetPort);
        byPort.emplace(p.port, std::move(text));
    }
    std::vector<std::string> texts;
    for (auto &[port, text] : byPort)
        texts.push_back(std::move(text));
    return joined(texts);
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
        const std::string exposed = exposedText(service.ports);
        for (const Server &server : spec->servers) {
            if (server.port.number == 0 || install::exposes(service.ports, server.port.number))
                continue;
            context.report(
                *g, Severity::Warning, codes::GatewayPortNotDefinedOnService,
                server.port.position.known() ? server.port.position : server.position,
                Message{"gateway-port-not-exposed",
                        {std::to_string(server.port.number), context.ref(*g), service.owner, exposed}});
        }
    }
}

} // namespace meshroute::analysis
