#include "compile/routetable.h"

#include <algorithm>
#include <cctype>

namespace meshroute {

const char *loadBalancerName(LoadBalancerKind kind)
{
    switch (kind) {
    case LoadBalancerKind::LeastRequest:
        return "LEAST_REQUEST";
    case LoadBalancerKind::RoundRobin:
        return "ROUND_ROBIN";
    case LoadBalancerKind::Random:
        return "RANDOM";
    case LoadBalancerKind::SourceIpHash:
        return "SOURCE_IP_HASH";
    }
    return "LEAST_REQUEST";
}

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

// How specifically `pattern` names `name`: 0 not at all, 1 "*", 2 + suffix length for a
// "*.suffix" wildcard, and the most for an exact name.
std::size_t specificity(std::string_view pattern, std::string_view name)
{
    if (pattern == "*")
        return 1;
    if (name.empty())
        return 0;
    if (pattern.size() > 2 && pattern.substr(0, 2) == "*.") {
        const std::string_view suffix = pattern.substr(1); // ".example.com"
        // At least one non-empty label before the suffix.
        if (name.size() > suffix.size() &&
            equalsIgnoringCase(name.substr(name.size() - suffix.size()), suffix))
            return 2 + suffix.size();
        return 0;
    }
    return equalsIgnoringCase(pattern, name) ? std::string_view::npos : 0;
}

} // namespace

std::optional<std::size_t> findSniRoute(const Listener &listener, std::string_view serverName)
{
    // A trailing dot names the same host (absolute form).
    if (!serverName.empty() && serverName.back() == '.')
        serverName.remove_suffix(1);
    std::optional<std::size_t> best;
    std::size_t bestScore = 0;
    for (const SniRoute &r : listener.sniRoutes) {
        for (const std::string &pattern : r.sniHosts) {
            const std::size_t score = specificity(pattern, serverName);
            if (score > bestScore) { // strictly better: the first rule keeps a tie
                bestScore = score;
                best = r.route;
            }
        }
    }
    return best;
}

} // namespace meshroute
