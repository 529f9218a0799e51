// How a VirtualService binds to Gateways, as Istio's GatewayAnalyzer sees it: every
// top-level `gateways` entry other than "mesh" must name an existing Gateway
// (IST0101), and at least one VirtualService host must match one of that
// Gateway's server hosts, honouring "ns/host" (IST0132). Match-level `gateways`
// only narrow a rule; they never bind, so they are not checked here.

#include "analysis/checks.h"

namespace meshroute::analysis {
namespace {

bool hostsServed(const Context &context, const Resource &gateway, const std::vector<std::string> &hosts,
                 const std::string &vsNamespace)
{
    const auto *spec = gateway.as<GatewaySpec>();
    if (!spec)
        return false;
    for (const Server &server : spec->servers) {
        if (serverAccepts(server, context.ns(gateway), hosts, vsNamespace))
            return true;
    }
    return false;
}

std::string serverHostsText(const Resource &gateway)
{
    std::vector<std::string> hosts;
    if (const auto *spec = gateway.as<GatewaySpec>()) {
        for (const Server &server : spec->servers)
            hosts.insert(hosts.end(), server.hosts.begin(), server.hosts.end());
    }
    return joined(hosts);
}

} // namespace

void checkGatewayBindings(Context &context)
{
    for (const Resource &r : context.set.resources) {
        const auto *vs = r.as<VirtualServiceSpec>();
        if (!vs || !vs->gatewaysSet)
            continue;
        const std::string &vsNs = context.ns(r);
        for (std::size_t i = 0; i < vs->gateways.size(); ++i) {
            const std::string &name = vs->gateways[i];
            if (isMeshGateway(name))
                continue;
            const auto where = [&] { return context.at(r, {"spec", "gateways", i}, vs->gatewaysPosition); };
            const QualifiedName q = resolveGatewayRef(name, vsNs);
            const Resource *gateway = context.gateway(q);
            const std::string gatewayRef = q.ns + "/" + q.name;
            if (!gateway) {
                context.report(r, Severity::Error, codes::ReferencedResourceNotFound, where(),
                               Message{"gateway-not-found", {name, gatewayRef}});
            }
            if (vs->hosts.empty())
                continue; // a missing `hosts` is the parser's finding
            if (gateway && hostsServed(context, *gateway, vs->hosts, vsNs))
                continue;
            std::vector<MessageArg> args{context.display(r), joined(vs->hosts), gatewayRef};
            const char *id = "vs-hosts-gateway-missing";
            if (gateway && serverHostsText(*gateway).empty()) {
                id = "vs-hosts-gateway-no-hosts";
            } else if (gateway) {
                id = "vs-hosts-not-served";
                args.push_back(serverHostsText(*gateway));
            }
            context.report(r, Severity::Warning, codes::VirtualServiceHostNotFoundInGateway, where(),
                           Message{id, std::move(args)});
        }
    }
}

} // namespace meshroute::analysis
