#include "compile/routetable.h"

#include "model/names.h"

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

// How specifically `pattern` names `name`: 0 not at all, 1 "*", 1 + its length for a "*.suffix"
// wildcard (the longer suffix wins), and the most for an exact name.
std::size_t specificity(std::string_view pattern, std::string_view name)
{
    if (!hostMatches(pattern, name))
        return 0;
    if (pattern == "*")
        return 1;
    return pattern.front() == '*' ? 1 + pattern.size() : std::string_view::npos;
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
