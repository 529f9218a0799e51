#include "engine/session.h"

#include "balance/balancer.h"
#include "relay/relay.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <optional>

namespace meshroute::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

namespace {

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now().time_since_epoch())
        .count();
}

std::string addressText(const tcp::endpoint &endpoint)
{
    return endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

class GatewayConnection final : public Abortable, public std::enable_shared_from_this<GatewayConnection>
{
public:
    GatewayConnection(Worker &owner, tcp::socket socket)
        : worker(owner)
        , client(std::move(socket))
        , upstream(owner.io)
        , timer(owner.io)
    {
        worker.live.insert(this);
        worker.addGatewayConnections(1);
    }
    ~GatewayConnection() override
    {
        worker.live.erase(this);
        worker.addGatewayConnections(-1);
    }

    void abort(CloseReason why) override
    {
        if (!reason)
            reason = why;
        error_code ignored;
        client.close(ignored);
        upstream.close(ignored);
        timer.cancel();
    }

    Worker &worker;
    tcp::socket client;
    tcp::socket upstream;
    asio::steady_timer timer;          // the connect timeout, then the idle watchdog
    std::optional<CloseReason> reason; // set by whoever ends the connection from outside the session
    std::uint64_t attempt = 0;
    bool connecting = false;
    bool timedOut = false;
    bool finished = false;
    SteadyClock::time_point lastActivity;
    Duration idleTimeout{0};
};

void armIdleWatchdog(const std::shared_ptr<GatewayConnection> &c)
{
    c->timer.expires_at(c->lastActivity + c->idleTimeout);
    c->timer.async_wait([c](error_code ec) {
        if (ec || c->finished || c->reason)
            return;
        if (SteadyClock::now() - c->lastActivity >= c->idleTimeout)
            c->abort(CloseReason::IdleTimeout);
        else
            armIdleWatchdog(c);
    });
}

CloseReason relayReason(const RelayResult &r)
{
    if (r.clientToUpstream == TransferEnd::ReadError || r.upstreamToClient == TransferEnd::WriteError)
        return CloseReason::ClientError;
    if (r.upstreamToClient == TransferEnd::ReadError || r.clientToUpstream == TransferEnd::WriteError)
        return CloseReason::UpstreamError;
    return CloseReason::Finished;
}

asio::awaitable<void> session(Worker &worker, std::shared_ptr<const Plan> plan, std::size_t listenerIndex,
                              tcp::socket socket, std::uint64_t id)
{
    auto c = std::make_shared<GatewayConnection>(worker, std::move(socket));
    const unsigned shard = worker.index;
    const auto startedAt = std::chrono::system_clock::now();
    const auto startedSteady = SteadyClock::now();

    error_code ec;
    ConnectionRecord record;
    record.id = id;
    const tcp::endpoint peer = c->client.remote_endpoint(ec);
    const std::string clientIp = ec ? std::string() : peer.address().to_string();
    record.client = ec ? std::string() : addressText(peer);

    const ListenerPlan &listener = plan->listeners[listenerIndex];
    record.listener = listener.name;

    // Every block this connection was counted in as opened; closed in the same set at the end.
    RelayCounters counters;
    counters.shard = shard;
    auto open = [&](CounterBlock &block) {
        block.add(shard, Counter::ConnectionsOpened);
        block.addActive(shard, 1);
        counters.push(&block);
    };
    auto countAll = [&](Counter counter) { counters.add(counter, 1); };

    open(*listener.counters);
    CloseReason reason = CloseReason::Finished;
    ClusterState *clusterTaken = nullptr;   // holds one of the cluster's maxConnections
    EndpointState *endpointTaken = nullptr; // holds one active connection of the endpoint

    do {
        if (!listener.route) {
            reason = CloseReason::NoRoute;
            countAll(Counter::NoRoute);
            break;
        }
        const RoutePlan &route = plan->routes[*listener.route];
        open(*route.counters);
        record.route = route.model->name;

        const auto destination = pickDestination(*plan, route, worker.random);
        if (!destination) {
            reason = CloseReason::NoRoute;
            countAll(Counter::NoRoute);
            break;
        }
        open(*route.destinations[*destination]);
        const ClusterPlan &cluster = plan->clusters[route.model->destinations[*destination].cluster];
        open(*cluster.counters);
        record.cluster = cluster.model->name;
        record.subset = cluster.model->subset;
        if (!cluster.model->noRoute.empty()) {
            reason = CloseReason::NoRoute;
            countAll(Counter::NoRoute);
            break;
        }

        const ClusterPolicy &policy = cluster.model->policy;
        const std::int64_t before = cluster.state->active.fetch_add(1, std::memory_order_relaxed);
        clusterTaken = cluster.state.get();
        if (policy.maxConnections && before >= static_cast<std::int64_t>(*policy.maxConnections)) {
            reason = CloseReason::Overflow;
            countAll(Counter::Overflow);
            break;
        }

        // Connect at once: the tutorial's server speaks first.
        TriedSet tried(cluster.endpoints.size(), false);
        const EndpointPlan *connected = nullptr;
        bool attempted = false;
        while (!connected) {
            const auto endpointIndex = pickEndpoint(cluster, tried, clientIp, nowNs(), worker.random);
            if (!endpointIndex) {
                reason = attempted ? CloseReason::ConnectFailed : CloseReason::NoHealthyUpstream;
                if (!attempted)
                    countAll(Counter::NoHealthyUpstream);
                break;
            }
            tried[*endpointIndex] = true;
            attempted = true;
            const EndpointPlan &endpoint = cluster.endpoints[*endpointIndex];
            endpoint.state->active.fetch_add(1,
                                             std::memory_order_relaxed); // in flight counts for LEAST_REQUEST

            const auto t0 = SteadyClock::now();
            const std::uint64_t attempt = ++c->attempt;
            c->connecting = true;
            c->timedOut = false;
            c->timer.expires_after(policy.connectTimeout);
            c->timer.async_wait([c, attempt](error_code timerError) {
                if (!timerError && c->connecting && c->attempt == attempt) {
                    c->timedOut = true;
                    error_code ignored;
                    c->upstream.close(ignored);
                }
            });
            co_await c->upstream.async_connect(*endpoint.address,
                                               asio::redirect_error(asio::use_awaitable, ec));
            c->connecting = false;
            c->timer.cancel();

            if (c->reason) { // stopped while connecting
                endpoint.state->active.fetch_sub(1, std::memory_order_relaxed);
                reason = *c->reason;
                break;
            }
            if (!ec) {
                const auto us = static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - t0).count());
                cluster.counters->addLatency(shard, us);
                endpoint.counters->addLatency(shard, us);
                listener.counters->addLatency(shard, us);
                recordConnectSuccess(endpoint);
                open(*endpoint.counters);
                endpointTaken = endpoint.state.get();
                record.endpoint = endpoint.name;
                connected = &endpoint;
                break;
            }
            endpoint.state->active.fetch_sub(1, std::memory_order_relaxed);
            error_code ignored;
            c->upstream.close(ignored);
            const Counter failure = c->timedOut ? Counter::ConnectTimeouts : Counter::ConnectFailures;
            countAll(failure);
            endpoint.counters->add(shard, failure);
            if (recordConnectFailure(cluster, endpoint, nowNs())) {
                cluster.counters->add(shard, Counter::Ejections);
                endpoint.counters->add(shard, Counter::Ejections);
            }
        }
        if (!connected)
            break;

        c->client.set_option(tcp::no_delay(true), ec);
        c->upstream.set_option(tcp::no_delay(true), ec);
        c->lastActivity = SteadyClock::now();
        c->idleTimeout = policy.idleTimeout;
        if (c->idleTimeout.count() > 0)
            armIdleWatchdog(c);

        RelayResult result;
        try {
            result =
                co_await relay(c->client, c->upstream, RelayContext{worker.pool, counters, c->lastActivity});
        } catch (...) {
            result.clientToUpstream = TransferEnd::ReadError;
        }
        c->finished = true;
        c->timer.cancel();
        reason = c->reason ? *c->reason : relayReason(result);
        if (reason == CloseReason::IdleTimeout)
            countAll(Counter::IdleTimeouts);
    } while (false);

    if (c->reason && reason != *c->reason && reason != CloseReason::IdleTimeout)
        reason = *c->reason;
    error_code ignored;
    c->client.close(ignored);
    c->upstream.close(ignored);
    c->finished = true;
    c->timer.cancel();

    if (endpointTaken)
        endpointTaken->active.fetch_sub(1, std::memory_order_relaxed);
    if (clusterTaken)
        clusterTaken->active.fetch_sub(1, std::memory_order_relaxed);
    for (std::size_t i = 0; i < counters.size; ++i) {
        counters.blocks[i]->add(shard, Counter::ConnectionsClosed);
        counters.blocks[i]->addActive(shard, -1);
    }

    record.bytesFromClient = counters.bytesFromClient;
    record.bytesToClient = counters.bytesToClient;
    record.start = startedAt;
    record.duration =
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - startedSteady);
    record.reason = reason;
    worker.recent.push(std::move(record));
}

} // namespace

asio::awaitable<void> runGatewaySession(Worker &worker, std::shared_ptr<const Plan> plan,
                                        std::size_t listener, tcp::socket client, std::uint64_t id)
{
    try {
        co_await session(worker, std::move(plan), listener, std::move(client), id);
    } catch (...) {
        // Nothing the network does reaches here; an allocation failure must still not escape a session.
    }
}

} // namespace meshroute::proxy
