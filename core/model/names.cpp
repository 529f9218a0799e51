#include "model/names.h"

#include <algorithm>
#include <cctype>

namespace meshroute {
namespace {

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool endsWith(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

bool isMeshGateway(std::string_view ref)
{
    return ref == kMeshGateway;
}

QualifiedName resolveGatewayRef(std::string_view ref, std::string_view virtualServiceNamespace)
{
    if (isMeshGateway(ref))
        return {"", std::string(kMeshGateway)};
    if (const auto slash = ref.find('/'); slash != std::string_view::npos)
        return {std::string(ref.substr(0, slash)), std::string(ref.substr(slash + 1))};
    if (const auto dot = ref.find('.'); dot != std::string_view::npos) {
        // Legacy form "name.namespace[.svc.cluster.local]".
        const std::string_view rest = ref.substr(dot + 1);
        const auto next = rest.find('.');
        return {std::string(rest.substr(0, next)), std::string(ref.substr(0, dot))};
    }
    return {std::string(virtualServiceNamespace), std::string(ref)};
}

std::string qualifyHost(std::string_view host, std::string_view ns)
{
    std::string out = lower(host);
    if (out == "*" || out.find('.') != std::string::npos || out.empty())
        return out;
    return out + "." + std::string(ns) + "." + std::string(kClusterDomain);
}

bool splitServiceHost(std::string_view fqdn, std::string &name, std::string &ns)
{
    const std::string suffix = "." + std::string(kClusterDomain);
    if (!endsWith(fqdn, suffix))
        return false;
    const std::string_view head = fqdn.substr(0, fqdn.size() - suffix.size());
    const auto dot = head.find('.');
    if (dot == std::string_view::npos || dot == 0 || head.find('.', dot + 1) != std::string_view::npos ||
        dot + 1 == head.size())
        return false;
    name = std::string(head.substr(0, dot));
    ns = std::string(head.substr(dot + 1));
    return name != "*";
}

bool hostMatches(std::string_view pattern, std::string_view host)
{
    const std::string p = lower(pattern);
    const std::string h = lower(host);
    if (p == "*")
        return true;
    if (!p.empty() && p.front() == '*') {
        const std::string_view suffix = std::string_view(p).substr(1); // ".example.com"
        if (!h.empty() && h.front() == '*')
            return endsWith(std::string_view(h).substr(1), suffix);
        return endsWith(h, suffix) && h.size() > suffix.size();
    }
    return p == h;
}

bool hostsOverlap(std::string_view a, std::string_view b)
{
    return hostMatches(a, b) || hostMatches(b, a);
}

GatewayHost parseGatewayHost(std::string_view value, std::string_view gatewayNamespace)
{
    const auto slash = value.find('/');
    if (slash == std::string_view::npos)
        return {"*", std::string(value)};
    std::string ns(value.substr(0, slash));
    if (ns == ".")
        ns = std::string(gatewayNamespace);
    return {ns, std::string(value.substr(slash + 1))};
}

bool exportedTo(const std::vector<std::string> &exportTo, std::string_view ns, std::string_view fromNamespace)
{
    if (exportTo.empty())
        return true;
    for (const std::string &entry : exportTo) {
        if (entry == "*")
            return true;
        if (entry == "." && ns == fromNamespace)
            return true;
        if (entry == fromNamespace)
            return true;
    }
    return false;
}

} // namespace meshroute
