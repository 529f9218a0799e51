#pragma once

// Choosing where a connection goes: a weighted destination of its route, then an
// endpoint of that destination by the DestinationRule's load balancer, skipping
// endpoints already tried for this connection and those ejected by outlier detection.

#include "engine/plan.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string_view>

namespace meshroute::proxy {

// Endpoints already tried by one connection (failover tries each at most once).
using TriedSet = std::vector<bool>;

// Weighted choice among the route's destinations: an index into route.model->destinations
// whose cluster exists; nothing when every weight is 0.
std::optional<std::size_t> pickDestination(const Plan &plan, const RoutePlan &route,
                                           std::minstd_rand &random);

// An endpoint index of `cluster`, or nothing when none is eligible.
//  ROUND_ROBIN: the next eligible endpoint in turn, shared by all threads.
//  LEAST_REQUEST: the eligible endpoint with the fewest active connections, ties in turn.
//  RANDOM: a uniformly random eligible endpoint.
//  SOURCE_IP_HASH: rendezvous hashing of the client address over the eligible endpoints,
//  so a client keeps its endpoint while it is healthy.
std::optional<std::size_t> pickEndpoint(const ClusterPlan &cluster, const TriedSet &tried,
                                        std::string_view clientAddress, std::int64_t nowNs,
                                        std::minstd_rand &random);

// Outlier detection bookkeeping for one connect attempt. Returns true when the
// failure ejected the endpoint.
bool recordConnectFailure(const ClusterPlan &cluster, const EndpointPlan &endpoint, std::int64_t nowNs);
void recordConnectSuccess(const EndpointPlan &endpoint);

} // namespace meshroute::proxy
