#pragma once

// The engine's runnable form of one RouteTable: every listener, route, cluster and
// endpoint with its counters and resolved address. Immutable once built and shared
// by every connection accepted under it; the mutable parts (active connections,
// round-robin position, ejection) are atomics in state objects that live on across
// applies, keyed by name, so that limits and counters carry over a hot apply.

#include "compile/routetable.h"
#include "stats/counters.h"

#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace meshroute::proxy {

struct EndpointState
{
    std::atomic<std::int64_t> active{0};
    std::atomic<std::uint32_t> consecutiveFailures{0};
    std::atomic<std::int64_t> ejectedUntil{0}; // steady clock, nanoseconds since its epoch; 0 = not ejected
    std::atomic<std::uint32_t> ejections{0};

    bool ejectedAt(std::int64_t nowNs) const { return ejectedUntil.load(std::memory_order_relaxed) > nowNs; }
};

struct ClusterState
{
    std::atomic<std::int64_t> active{0}; // connections open to the cluster, for maxConnections
    std::atomic<std::uint64_t> next{0};  // round-robin / tie-break position
};

struct EndpointPlan
{
    const Endpoint *model = nullptr;
    std::string key;  // cluster name + "|" + endpoint name: identity across applies
    std::string name; // pod name or address:port
    std::optional<boost::asio::ip::tcp::endpoint> address; // absent: could not be resolved
    std::string problem;                                   // why it has no address
    std::shared_ptr<CounterBlock> counters;
    std::shared_ptr<EndpointState> state;
};

struct ClusterPlan
{
    const Cluster *model = nullptr;
    std::shared_ptr<CounterBlock> counters;
    std::shared_ptr<ClusterState> state;
    std::vector<EndpointPlan> endpoints;
};

struct RoutePlan
{
    const Route *model = nullptr;
    std::shared_ptr<CounterBlock> counters;
    // One block per destination, parallel to model->destinations: the traffic this route sent
    // to each (a cluster's own block sums every route that uses it). Keyed by route and
    // cluster name across applies.
    std::vector<std::shared_ptr<CounterBlock>> destinations;
    std::uint64_t totalWeight = 0; // of its destinations
};

struct ListenerPlan
{
    const Listener *model = nullptr;
    std::string name; // "default/tcp-echo-gateway:31400"
    std::shared_ptr<CounterBlock> counters;
    std::optional<std::size_t> route; // into Plan::routes
};

struct Plan
{
    std::shared_ptr<const RouteTable> table;
    std::uint64_t generation = 0;
    std::vector<ListenerPlan> listeners; // parallel to table->listeners
    std::vector<RoutePlan> routes;       // parallel to table->routes
    std::vector<ClusterPlan> clusters;   // parallel to table->clusters
};

} // namespace meshroute::proxy
