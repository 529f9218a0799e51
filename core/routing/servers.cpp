#include "routing/servers.h"

#include "model/names.h"

#include <cctype>

namespace meshroute::routing {
namespace {

std::string upper(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

} // namespace

bool isHttpProtocol(std::string_view protocol)
{
    const std::string p = upper(protocol);
    return p == "HTTP" || p == "HTTP2" || p == "GRPC" || p == "GRPC-WEB";
}

RouteFamily routeFamily(const Server &server)
{
    const std::string protocol = upper(server.port.protocol);
    const std::string mode = server.tls ? upper(server.tls->mode) : std::string();
    if (mode == "AUTO_PASSTHROUGH")
        return RouteFamily::NotServed;
    if (protocol == "HTTPS")
        return mode == "PASSTHROUGH" ? RouteFamily::TlsBySni : RouteFamily::Http;
    if (protocol == "TLS")
        return mode.empty() || mode == "PASSTHROUGH" ? RouteFamily::TlsBySni : RouteFamily::Tcp;
    if (isHttpProtocol(protocol))
        return RouteFamily::Http;
    return RouteFamily::Tcp;
}

bool serverAccepts(const Server &server, std::string_view gatewayNamespace,
                   const std::vector<std::string> &vsHosts, std::string_view vsNamespace)
{
    for (const std::string &value : server.hosts) {
        const GatewayHost gh = parseGatewayHost(value, gatewayNamespace);
        if (gh.ns != "*" && gh.ns != vsNamespace)
            continue;
        for (const std::string &host : vsHosts) {
            // Istio compares the hosts as written; a short name also matches its FQDN.
            if (hostsOverlap(gh.host, host) || hostsOverlap(gh.host, qualifyHost(host, vsNamespace)))
                return true;
        }
    }
    return false;
}

} // namespace meshroute::routing
