#include "engine/session.h"

#include "balance/balancer.h"
#include "relay/clienthello.h"

#include <boost/asio/basic_waitable_timer.hpp>

#include <cerrno>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <optional>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace meshroute::proxy {

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;
using SteadyClock = std::chrono::steady_clock;

namespace {

using Timer =
    asio::basic_waitable_timer<SteadyClock, asio::wait_traits<SteadyClock>, asio::io_context::executor_type>;

std::int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now().time_since_epoch())
        .count();
}

void appendAddress(std::string &out, const tcp::endpoint &endpoint)
{
    out += endpoint.address().to_string();
    out += ':';
    out += std::to_string(endpoint.port());
}

CloseReason relayReason(const RelayResult &r)
{
    if (r.clientToUpstream == TransferEnd::ReadError || r.upstreamToClient == TransferEnd::WriteError)
        return CloseReason::ClientError;
    if (r.upstreamToClient == TransferEnd::ReadError || r.clientToUpstream == TransferEnd::WriteError)
        return CloseReason::UpstreamError;
    return CloseReason::Finished;
}

constexpr std::uint32_t kNone = ~std::uint32_t{0};

// One gateway connection from accept to close. Lives on its worker's thread only; pending
// handlers hold it through shared_from_this(). Its record is built once, when it closes.
//
// Its life, in `phase` (each step below is the one function that moves it on):
//
//   Routing ──(PASSTHROUGH port) readClientHello()──> ReadingHello ──routeByServerName()──┐
//      │                                                                                  │
//      └──serve(): route, cluster, limits──> tryConnect() ──> Connecting ──connected()────┤
//                                                 ^                                       │
//                                                 └────── failed: Routing, next endpoint ─┘
//   connected() succeeds ──startRelay()──> Relaying ──relayFinished()──> Finished
//
// Any phase may end in finish() (no route, overflow, no endpoint, client gone, stopped), which
// is the only way into Finished and runs once. A handler that fires for a phase the connection
// has left (a stale timer, a late wait) sees `phase` and does nothing.
class GatewayConnection final : public RelayConnection, public LiveLink
{
public:
    GatewayConnection(Worker &owner, std::shared_ptr<const Plan> p, std::size_t listenerIndex,
                      RelaySocket socket, const tcp::endpoint &peerAddress, std::uint64_t connectionId)
        : RelayConnection(owner.io, owner.pool, owner.pipes, std::move(socket))
        , worker(owner)
        , plan(std::move(p))
        , peer(peerAddress)
        , id(connectionId)
        , startedAt(std::chrono::system_clock::now())
        , startedSteady(SteadyClock::now())
        , timer(owner.io.get_executor())
        , listener(static_cast<std::uint32_t>(listenerIndex))
    {
        worker.link(this);
        counters.shard = worker.index;
    }
    ~GatewayConnection() override
    {
        releaseHello();
        worker.unlink(this);
    }

    void start();
    void describe(ConnectionRecord &record) const override;
    void abort(CloseReason why) override
    {
        if (!reason)
            reason = why;
        closeSockets();
        timer.cancel();
    }

private:
    std::shared_ptr<GatewayConnection> self()
    {
        return std::static_pointer_cast<GatewayConnection>(shared_from_this());
    }
    void open(CounterBlock &block)
    {
        block.add(counters.shard, Counter::ConnectionsOpened);
        block.addActive(counters.shard, 1);
        counters.push(&block);
    }
    void countAll(Counter counter) { counters.add(counter, 1); }
    void serve(std::size_t routeIndex);
    void readClientHello();
    void continueClientHello();
    void routeByServerName(const std::string &name);
    void releaseHello()
    {
        if (sni && sni->hello) {
            worker.pool.release(std::exchange(sni->hello, nullptr));
            sni->size = 0;
        }
    }
    void tryConnect();
    void connected(const error_code &waitError);
    void connectFailed(const EndpointPlan &endpoint);
    void armIdleWatchdog();
    void relayFinished(const RelayResult &result) override;
    void finish(CloseReason why);
    void fill(ConnectionRecord &record) const;
    std::string clientIp() const { return peer.address().to_string(); }

    Worker &worker;
    const std::shared_ptr<const Plan> plan;
    const tcp::endpoint peer;
    const std::uint64_t id;
    const std::chrono::system_clock::time_point startedAt;
    const SteadyClock::time_point startedSteady;
    RelayCounters counters;
    Timer timer; // the connect timeout, then the idle watchdog
    std::uint32_t listener;
    std::uint32_t route = kNone;
    std::uint32_t cluster = kNone;
    std::uint32_t endpoint = kNone;         // the one tried now, then the one connected
    std::optional<CloseReason> reason;      // set by whoever ends the connection from outside
    ClusterState *clusterTaken = nullptr;   // holds one of the cluster's maxConnections
    EndpointState *endpointTaken = nullptr; // holds one active connection of the endpoint
    TriedSet tried;                         // endpoints tried by this connection (while connecting)
    std::uint64_t attempt = 0;
    SteadyClock::time_point connectStarted;
    SteadyClock::time_point lastActivity;
    Duration idleTimeout{0};
    // A PASSTHROUGH port's connection: the first bytes, read to find the server name (SNI), and
    // sent upstream first. A buffer leased from the pool until the relay takes it.
    struct SniState
    {
        char *hello = nullptr;  // leased from the pool while reading; the relay takes it
        std::size_t size = 0;   // bytes in hello
        std::string serverName; // what the ClientHello asked for
    };
    std::unique_ptr<SniState> sni; // only on PASSTHROUGH ports: other connections stay small
    enum class Phase : std::uint8_t {
        Routing,      // accepted; choosing route, cluster and endpoint (also between connect attempts)
        ReadingHello, // a PASSTHROUGH port: reading the ClientHello for its server name
        Connecting,   // an upstream connect in flight (attempt number `attempt`), its timeout armed
        Relaying,     // bytes flow both ways (relay/relay.h); the idle watchdog may be armed
        Finished      // closed and recorded (finish() ran)
    };
    Phase phase = Phase::Routing;
    bool timedOut = false;  // Connecting: this attempt hit the connect timeout
    bool attempted = false; // some connect was tried (ConnectFailed rather than NoHealthyUpstream)
};

void GatewayConnection::start()
{
    const ListenerPlan &l = plan->listeners[listener];
    open(*l.counters);
    if (!l.route && !l.model->sniRoutes.empty()) {
        readClientHello(); // routed by the server name the client asks for
        return;
    }
    if (!l.route) {
        countAll(Counter::NoRoute);
        finish(CloseReason::NoRoute);
        return;
    }
    serve(*l.route);
}

// A PASSTHROUGH port: read until the ClientHello is whole (or the bytes are not one), then route by
// its server name as Envoy's TLS inspector and filter chains do. Bounded: kMaxClientHello bytes
// and the engine's clientHelloTimeout.
void GatewayConnection::readClientHello()
{
    sni = std::make_unique<SniState>();
    phase = Phase::ReadingHello;
    sni->hello = worker.pool.acquire();
    static_assert(BufferPool::kBufferSize >= kMaxClientHello);
    timer.expires_after(worker.clientHelloTimeout);
    timer.async_wait([s = self()](const error_code &ec) {
        if (ec || s->phase != Phase::ReadingHello)
            return;
        // Slow or silent client: what came so far decides (usually: no name, only "*" takes it).
        s->routeByServerName(scanClientHello(std::string_view(s->sni->hello, s->sni->size), true).serverName);
    });
    continueClientHello();
}

void GatewayConnection::continueClientHello()
{
    for (;;) {
        if (reason) { // stopped meanwhile
            finish(*reason);
            return;
        }
        const ssize_t n =
            ::recv(client.native_handle(), sni->hello + sni->size, kMaxClientHello - sni->size, MSG_DONTWAIT);
        if (n > 0) {
            sni->size += static_cast<std::size_t>(n);
            const ClientHelloScan scan =
                scanClientHello(std::string_view(sni->hello, sni->size), sni->size == kMaxClientHello);
            if (scan.status == ClientHelloScan::Status::Done) {
                routeByServerName(scan.serverName);
                return;
            }
            continue;
        }
        if (n == 0) { // the client sent all it will: what it sent decides
            routeByServerName(scanClientHello(std::string_view(sni->hello, sni->size), true).serverName);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            client.async_wait(RelaySocket::wait_read, [s = self()](const error_code &ec) {
                if (s->phase != Phase::ReadingHello)
                    return;
                if (ec) {
                    s->finish(s->reason ? *s->reason : CloseReason::ClientError);
                    return;
                }
                s->continueClientHello();
            });
            return;
        }
        finish(CloseReason::ClientError);
        return;
    }
}

void GatewayConnection::routeByServerName(const std::string &name)
{
    phase = Phase::Routing;
    timer.cancel();
    sni->serverName = name;
    const auto routeIndex = findSniRoute(*plan->listeners[listener].model, name);
    if (!routeIndex || *routeIndex >= plan->routes.size()) {
        countAll(Counter::NoRoute);
        finish(CloseReason::NoRoute);
        return;
    }
    serve(*routeIndex);
}

void GatewayConnection::serve(std::size_t routeIndex)
{
    route = static_cast<std::uint32_t>(routeIndex);
    const RoutePlan &r = plan->routes[route];
    open(*r.counters);
    const auto destination = pickDestination(*plan, r, worker.random);
    if (!destination) {
        countAll(Counter::NoRoute);
        finish(CloseReason::NoRoute);
        return;
    }
    open(*r.destinations[*destination]);
    cluster = static_cast<std::uint32_t>(r.model->destinations[*destination].cluster);
    const ClusterPlan &c = plan->clusters[cluster];
    open(*c.counters);
    if (!c.model->noRoute.empty()) {
        countAll(Counter::NoRoute);
        finish(CloseReason::NoRoute);
        return;
    }
    const std::int64_t before = c.state->active.fetch_add(1, std::memory_order_relaxed);
    clusterTaken = c.state.get();
    if (c.model->policy.maxConnections &&
        before >= static_cast<std::int64_t>(*c.model->policy.maxConnections)) {
        countAll(Counter::Overflow);
        finish(CloseReason::Overflow);
        return;
    }
    // Connect at once: the tutorial's server speaks first.
    tried.assign(c.endpoints.size(), false);
    tryConnect();
}

void GatewayConnection::tryConnect()
{
    const ClusterPlan &c = plan->clusters[cluster];
    for (;;) {
        if (reason) { // stopped meanwhile
            finish(*reason);
            return;
        }
        const auto endpointIndex = pickEndpoint(
            c, tried, c.model->policy.loadBalancer == LoadBalancerKind::SourceIpHash ? clientIp() : "",
            nowNs(), worker.random);
        if (!endpointIndex) {
            if (!attempted)
                countAll(Counter::NoHealthyUpstream);
            finish(attempted ? CloseReason::ConnectFailed : CloseReason::NoHealthyUpstream);
            return;
        }
        tried[*endpointIndex] = true;
        attempted = true;
        endpoint = static_cast<std::uint32_t>(*endpointIndex);
        const EndpointPlan &e = c.endpoints[endpoint];
        e.state->active.fetch_add(1, std::memory_order_relaxed); // in flight counts for LEAST_REQUEST
        connectStarted = SteadyClock::now();

        // Opened and connected by hand: non-blocking from socket(2), TCP_NODELAY before the
        // handshake, completion read from SO_ERROR when the socket turns writable (no poll).
        const tcp::endpoint &address = *e.address;
        error_code ec;
        const int fd = ::socket(address.protocol().family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            connectFailed(e);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        upstream.assign(address.protocol(), fd, ec);
        if (ec) {
            ::close(fd);
            connectFailed(e);
            continue;
        }
        upstream.adoptNonBlocking();
        if (!ec &&
            ::connect(upstream.native_handle(), address.data(), static_cast<socklen_t>(address.size())) !=
                0 &&
            errno != EINPROGRESS)
            ec.assign(errno, boost::system::system_category());
        if (ec) {
            connectFailed(e);
            continue;
        }
        const std::uint64_t thisAttempt = ++attempt;
        phase = Phase::Connecting;
        timedOut = false;
        timer.expires_after(c.model->policy.connectTimeout);
        timer.async_wait([s = self(), thisAttempt](const error_code &timerError) {
            if (!timerError && s->phase == Phase::Connecting && s->attempt == thisAttempt) {
                s->timedOut = true;
                error_code ignored;
                s->upstream.close(ignored);
            }
        });
        upstream.async_wait(RelaySocket::wait_write,
                            [s = self()](const error_code &waitError) { s->connected(waitError); });
        return;
    }
}

void GatewayConnection::connected(const error_code &waitError)
{
    phase = Phase::Routing; // this attempt is over, whatever its outcome
    timer.cancel();
    const ClusterPlan &c = plan->clusters[cluster];
    const EndpointPlan &e = c.endpoints[endpoint];
    if (reason) { // stopped while connecting
        e.state->active.fetch_sub(1, std::memory_order_relaxed);
        finish(*reason);
        return;
    }
    int soError = 0;
    if (!waitError && upstream.is_open()) {
        socklen_t length = sizeof soError;
        if (::getsockopt(upstream.native_handle(), SOL_SOCKET, SO_ERROR, &soError, &length) != 0)
            soError = errno;
    }
    if (waitError || !upstream.is_open() || soError != 0) {
        connectFailed(e);
        tryConnect();
        return;
    }

    const auto us = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - connectStarted).count());
    const unsigned shard = counters.shard;
    c.counters->addLatency(shard, us);
    e.counters->addLatency(shard, us);
    plan->listeners[listener].counters->addLatency(shard, us);
    recordConnectSuccess(e);
    open(*e.counters);
    endpointTaken = e.state.get();
    TriedSet().swap(tried); // nothing more to try: no memory held while relaying

    // The client socket inherited TCP_NODELAY from its listener; it only needs O_NONBLOCK.
    error_code ignored;
    client.non_blocking(true, ignored);
    if (!ignored)
        client.adoptNonBlocking(); // from accept(2): no dup, so close(2) alone leaves epoll
    phase = Phase::Relaying;       // before startRelay: a relay may finish at once
    idleTimeout = c.model->policy.idleTimeout;
    lastActivity = SteadyClock::now();
    if (idleTimeout.count() > 0)
        armIdleWatchdog();
    // The relay sends the bytes of the ClientHello on first, and owns their buffer.
    char *pending = sni ? std::exchange(sni->hello, nullptr) : nullptr;
    const std::size_t pendingSize = sni ? std::exchange(sni->size, 0) : 0;
    startRelay(counters, idleTimeout.count() > 0 ? &lastActivity : nullptr, RelayOptions{worker.splice},
               pending, pendingSize);
}

void GatewayConnection::connectFailed(const EndpointPlan &e)
{
    e.state->active.fetch_sub(1, std::memory_order_relaxed);
    error_code ignored;
    upstream.close(ignored);
    const Counter failure = timedOut ? Counter::ConnectTimeouts : Counter::ConnectFailures;
    countAll(failure);
    const unsigned shard = counters.shard;
    e.counters->add(shard, failure);
    const ClusterPlan &c = plan->clusters[cluster];
    if (recordConnectFailure(c, e, nowNs())) {
        c.counters->add(shard, Counter::Ejections);
        e.counters->add(shard, Counter::Ejections);
    }
    timedOut = false;
}

void GatewayConnection::armIdleWatchdog()
{
    // Lazy: the timer fires at most once per idleTimeout and re-arms from the last activity.
    timer.expires_at(lastActivity + idleTimeout);
    timer.async_wait([s = self()](const error_code &ec) {
        if (ec || s->phase != Phase::Relaying || s->reason)
            return;
        if (SteadyClock::now() - s->lastActivity >= s->idleTimeout)
            s->abort(CloseReason::IdleTimeout);
        else
            s->armIdleWatchdog();
    });
}

void GatewayConnection::relayFinished(const RelayResult &result)
{
    CloseReason why = reason ? *reason : relayReason(result);
    if (why == CloseReason::IdleTimeout)
        countAll(Counter::IdleTimeouts);
    finish(why);
}

void GatewayConnection::finish(CloseReason why)
{
    if (phase == Phase::Finished)
        return;
    phase = Phase::Finished;
    if (reason && why != *reason && why != CloseReason::IdleTimeout)
        why = *reason;
    closeSockets();
    releaseHello();
    timer.cancel();

    if (endpointTaken)
        endpointTaken->active.fetch_sub(1, std::memory_order_relaxed);
    if (clusterTaken)
        clusterTaken->active.fetch_sub(1, std::memory_order_relaxed);
    for (std::size_t i = 0; i < counters.size; ++i) {
        counters.blocks[i]->add(counters.shard, Counter::ConnectionsClosed);
        counters.blocks[i]->addActive(counters.shard, -1);
    }

    worker.recent.emplace([&](ConnectionRecord &r) {
        fill(r);
        r.reason = why;
        r.open = false;
    });
}

void GatewayConnection::describe(ConnectionRecord &r) const
{
    fill(r);
    r.reason = CloseReason::Finished;
    r.open = true;
}

// The record as of now; a slot of the ring may hold an older connection's strings (reused).
void GatewayConnection::fill(ConnectionRecord &r) const
{
    r.id = id;
    r.client.clear();
    appendAddress(r.client, peer);
    r.listener = plan->listeners[listener].name;
    if (route != kNone)
        r.route = plan->routes[route].model->name;
    else
        r.route.clear();
    if (cluster != kNone) {
        r.cluster = plan->clusters[cluster].model->name;
        r.subset = plan->clusters[cluster].model->subset;
    } else {
        r.cluster.clear();
        r.subset.clear();
    }
    if (endpointTaken)
        r.endpoint = plan->clusters[cluster].endpoints[endpoint].name;
    else
        r.endpoint.clear();
    if (sni)
        r.serverName = sni->serverName;
    else
        r.serverName.clear();
    r.bytesFromClient = counters.bytesFromClient;
    r.bytesToClient = counters.bytesToClient;
    r.start = startedAt;
    r.duration = std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - startedSteady);
}

} // namespace

void startGatewaySession(Worker &worker, std::shared_ptr<const Plan> plan, std::size_t listener,
                         RelaySocket client, const tcp::endpoint &peer, std::uint64_t id)
{
    try {
        auto c = std::make_shared<GatewayConnection>(worker, std::move(plan), listener, std::move(client),
                                                     peer, id);
        c->start();
    } catch (...) {
        // Out of memory: the socket is closed with the connection; nothing escapes a session,
        // and it is counted (EngineErrorStats::handlerExceptions).
        Worker::bump(worker.handlerExceptions);
    }
}

} // namespace meshroute::proxy
