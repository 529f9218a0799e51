#include "balance/balancer.h"

#include <algorithm>
#include <limits>

namespace meshroute::proxy {

namespace {

bool eligible(const EndpointPlan &endpoint, std::size_t index, const TriedSet &tried, std::int64_t nowNs)
{
    return endpoint.address.has_value() && !(index < tried.size() && tried[index]) &&
           !endpoint.state->ejectedAt(nowNs);
}

std::uint64_t mix(std::uint64_t x)
{
    // splitmix64 finaliser: a good spread for rendezvous hashing.
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

std::uint64_t hashText(std::string_view text)
{
    std::uint64_t h = 1469598103934665603ull; // FNV-1a
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

std::optional<std::size_t> pickDestination(const Plan &plan, const RoutePlan &route, std::minstd_rand &random)
{
    if (route.totalWeight == 0)
        return std::nullopt;
    const auto &destinations = route.model->destinations;
    if (destinations.size() == 1)
        return destinations.front().cluster < plan.clusters.size() ? std::optional<std::size_t>(0)
                                                                   : std::nullopt;
    std::uniform_int_distribution<std::uint64_t> dist(0, route.totalWeight - 1);
    std::uint64_t ticket = dist(random);
    for (std::size_t i = 0; i < destinations.size(); ++i) {
        const auto &d = destinations[i];
        if (d.cluster >= plan.clusters.size())
            continue; // not counted in totalWeight
        if (ticket < d.weight)
            return i;
        ticket -= d.weight;
    }
    return std::nullopt;
}

std::optional<std::size_t> pickEndpoint(const ClusterPlan &cluster, const TriedSet &tried,
                                        std::string_view clientAddress, std::int64_t nowNs,
                                        std::minstd_rand &random)
{
    const auto &endpoints = cluster.endpoints;
    const std::size_t n = endpoints.size();
    if (n == 0)
        return std::nullopt;

    switch (cluster.model->policy.loadBalancer) {
    case LoadBalancerKind::RoundRobin: {
        const std::size_t start = cluster.state->next.fetch_add(1, std::memory_order_relaxed) % n;
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = (start + i) % n;
            if (eligible(endpoints[k], k, tried, nowNs))
                return k;
        }
        return std::nullopt;
    }
    case LoadBalancerKind::Random: {
        const std::size_t start = std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = (start + i) % n;
            if (eligible(endpoints[k], k, tried, nowNs))
                return k;
        }
        return std::nullopt;
    }
    case LoadBalancerKind::SourceIpHash: {
        const std::uint64_t client = hashText(clientAddress);
        std::optional<std::size_t> best;
        std::uint64_t bestScore = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!eligible(endpoints[k], k, tried, nowNs))
                continue;
            const std::uint64_t score = mix(client ^ hashText(endpoints[k].name));
            if (!best || score > bestScore) {
                best = k;
                bestScore = score;
            }
        }
        return best;
    }
    case LoadBalancerKind::LeastRequest:
        break;
    }

    // LEAST_REQUEST: fewest active connections; the scan starts in turn so ties rotate.
    const std::size_t start = cluster.state->next.fetch_add(1, std::memory_order_relaxed) % n;
    std::optional<std::size_t> best;
    std::int64_t bestActive = std::numeric_limits<std::int64_t>::max();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t k = (start + i) % n;
        if (!eligible(endpoints[k], k, tried, nowNs))
            continue;
        const std::int64_t active = endpoints[k].state->active.load(std::memory_order_relaxed);
        if (active < bestActive) {
            best = k;
            bestActive = active;
        }
    }
    return best;
}

bool recordConnectFailure(const ClusterPlan &cluster, const EndpointPlan &endpoint, std::int64_t nowNs)
{
    const auto &outlier = cluster.model->policy.outlier;
    const std::uint32_t failures =
        endpoint.state->consecutiveFailures.fetch_add(1, std::memory_order_relaxed) + 1;
    if (!outlier.enabled || outlier.consecutiveFailures == 0 || failures < outlier.consecutiveFailures)
        return false;

    // Envoy ejects at least one endpoint whatever maxEjectionPercent says.
    std::size_t ejected = 0;
    for (const auto &e : cluster.endpoints)
        ejected += e.state->ejectedAt(nowNs) ? 1 : 0;
    const std::size_t allowed =
        std::max<std::size_t>(1, cluster.endpoints.size() *
                                     static_cast<std::size_t>(std::max(0, outlier.maxEjectionPercent)) / 100);
    if (ejected >= allowed)
        return false;

    const std::uint32_t times = endpoint.state->ejections.fetch_add(1, std::memory_order_relaxed) + 1;
    const auto base = std::chrono::duration_cast<std::chrono::nanoseconds>(outlier.baseEjectionTime).count();
    const std::int64_t cap = std::max<std::int64_t>(base, std::int64_t{300} * 1000000000);
    endpoint.state->ejectedUntil.store(nowNs + std::min(cap, base * static_cast<std::int64_t>(times)),
                                       std::memory_order_relaxed);
    endpoint.state->consecutiveFailures.store(0, std::memory_order_relaxed);
    return true;
}

void recordConnectSuccess(const EndpointPlan &endpoint)
{
    endpoint.state->consecutiveFailures.store(0, std::memory_order_relaxed);
}

} // namespace meshroute::proxy
