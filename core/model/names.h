#pragma once

// Names resolved as Istio resolves them.

#include <string>
#include <string_view>
#include <vector>

namespace meshroute {

inline constexpr std::string_view kMeshGateway = "mesh";
inline constexpr std::string_view kClusterDomain = "svc.cluster.local";

struct QualifiedName
{
    std::string ns;
    std::string name;
    friend bool operator==(const QualifiedName &, const QualifiedName &) = default;
    friend auto operator<=>(const QualifiedName &, const QualifiedName &) = default;
};

// A gateway reference in a VirtualService ("name", "ns/name", the legacy
// "name.ns.svc.cluster.local", or "mesh"), resolved relative to the VirtualService's
// namespace. "mesh" resolves to {"", "mesh"}.
QualifiedName resolveGatewayRef(std::string_view ref, std::string_view virtualServiceNamespace);
bool isMeshGateway(std::string_view ref);

// A destination or DestinationRule host made fully qualified the way Istio does
// (ResolveShortnameToFQDN): a short name without dots gets "<ns>.svc.cluster.local"
// ("tcp-echo" in "default" -> "tcp-echo.default.svc.cluster.local"); "*" and any host
// with a dot are kept as written (so "tcp-echo.other" names no Kubernetes Service).
std::string qualifyHost(std::string_view host, std::string_view ns);

// The Kubernetes Service a qualified host names, if it has the cluster-domain form
// "<name>.<ns>.svc.cluster.local".
bool splitServiceHost(std::string_view fqdn, std::string &name, std::string &ns);

// Istio host matching: "*" matches all, "*.example.com" matches subdomains, exact otherwise.
bool hostMatches(std::string_view pattern, std::string_view host);
// Two host patterns overlap (either could match a host the other matches).
bool hostsOverlap(std::string_view a, std::string_view b);

// A Gateway server host "ns/host", "*/host", "./host" or "host", split. `ns` is "*" for any.
struct GatewayHost
{
    std::string ns; // "*" when not given or "*"
    std::string host;
};
GatewayHost parseGatewayHost(std::string_view value, std::string_view gatewayNamespace);

// Whether a resource in `ns` with exportTo `exportTo` is visible from `fromNamespace`
// ("*" all, "." own namespace, "~" none, or a namespace name; empty list = all).
bool exportedTo(const std::vector<std::string> &exportTo, std::string_view ns,
                std::string_view fromNamespace);

} // namespace meshroute
