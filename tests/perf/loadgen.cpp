// meshroute_loadgen: the load generator and echo backend of the side-by-side benchmark
// (tests/perf/run-benchmark.sh). One epoll loop per thread, no Qt, no Asio: the tool that
// measures a proxy must cost as little as possible and the same for every proxy measured.
//
//   echo     an echo server on 127.0.0.1:PORT (the backend of the non-iperf figures)
//   rate     connection rate: C clients each connect, send 64 bytes, read them back, close
//   latency  round trips: N persistent connections, 64-byte ping-pong, percentiles in µs
//   idle     open K connections (one ping-pong each), hold them until SIGTERM, check them
//
// Loopback only (127.0.0.0/8), bounded in time and count. Each mode prints one JSON
// object per line on stdout; the benchmark script parses them with python3.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <unordered_set>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMessageSize = 64;
constexpr auto kStallLimit = std::chrono::seconds(5); // a client waiting longer counts as failed
constexpr int kMaxEvents = 256;

volatile std::sig_atomic_t g_stop = 0;

void onStopSignal(int)
{
    g_stop = 1;
}

void installStopHandlers()
{
    struct sigaction action = {};
    action.sa_handler = onStopSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    signal(SIGPIPE, SIG_IGN);
}

// Every mode may hold thousands of sockets: take the whole hard limit.
void raiseFileLimit()
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

std::size_t fileLimit()
{
    rlimit limit = {};
    getrlimit(RLIMIT_NOFILE, &limit);
    return static_cast<std::size_t>(limit.rlim_cur);
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// "PORT" or "127.a.b.c:PORT"; anything off the loopback network is refused.
bool parseLoopback(const std::string &text, sockaddr_in &out, std::string &error)
{
    std::string host = "127.0.0.1";
    std::string port = text;
    if (const auto colon = text.rfind(':'); colon != std::string::npos) {
        host = text.substr(0, colon);
        port = text.substr(colon + 1);
    }
    out = {};
    out.sin_family = AF_INET;
    if (inet_pton(AF_INET, host.c_str(), &out.sin_addr) != 1) {
        error = "not an IPv4 address: " + host;
        return false;
    }
    if ((ntohl(out.sin_addr.s_addr) >> 24) != 127) {
        error = "refusing a non-loopback address: " + host + " (the benchmark stays on 127.0.0.0/8)";
        return false;
    }
    char *end = nullptr;
    const long number = std::strtol(port.c_str(), &end, 10);
    if (port.empty() || *end != '\0' || number < 0 || number > 65535) {
        error = "not a port: " + port;
        return false;
    }
    out.sin_port = htons(static_cast<std::uint16_t>(number));
    return true;
}

void setNoDelay(int fd)
{
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

// The payload of one message: the connection's serial number, then a pattern, so that
// bytes delivered to the wrong connection or reordered are caught, not just counted.
void fillMessage(char *message, std::uint64_t serial)
{
    std::memcpy(message, &serial, sizeof serial);
    for (std::size_t i = sizeof serial; i < kMessageSize; ++i)
        message[i] = static_cast<char>('a' + (serial + i) % 26);
}

// Failure counts by kind, so a bad run says what went wrong.
struct Failures
{
    std::uint64_t connect = 0;  // connect() refused or failed (incl. no local port left)
    std::uint64_t reset = 0;    // read/write error on an established connection
    std::uint64_t eof = 0;      // peer closed before the echo was complete
    std::uint64_t mismatch = 0; // echo differed from what was sent
    std::uint64_t stalled = 0;  // no progress within kStallLimit
    int firstErrno = 0;

    std::uint64_t total() const { return connect + reset + eof + mismatch + stalled; }
    void add(const Failures &o)
    {
        connect += o.connect;
        reset += o.reset;
        eof += o.eof;
        mismatch += o.mismatch;
        stalled += o.stalled;
        if (firstErrno == 0)
            firstErrno = o.firstErrno;
    }
    std::string json() const
    {
        char text[320];
        std::snprintf(text, sizeof text,
                      "\"errors\":%llu,\"error_kinds\":{\"connect\":%llu,\"reset\":%llu,\"eof\":%llu,"
                      "\"mismatch\":%llu,\"stalled\":%llu},\"first_errno\":\"%s\"",
                      static_cast<unsigned long long>(total()), static_cast<unsigned long long>(connect),
                      static_cast<unsigned long long>(reset), static_cast<unsigned long long>(eof),
                      static_cast<unsigned long long>(mismatch), static_cast<unsigned long long>(stalled),
                      firstErrno ? std::strerror(firstErrno) : "");
        return text;
    }
};

// One client connection's progress through connect → send 64 → receive 64.
struct Client
{
    enum class State { Free, Connecting, Sending, Receiving, Holding };
    int fd = -1;
    State state = State::Free;
    std::size_t sent = 0;
    std::size_t received = 0;
    std::uint64_t serial = 0;
    Clock::time_point since;
    char message[kMessageSize];
    char echo[kMessageSize];
};

// Where clients connect from and to. Client sockets are spread over several 127.0.0.x
// source addresses (IP_BIND_ADDRESS_NO_PORT keeps the port choice per 4-tuple), so that
// TIME_WAIT sockets of a fast connection-rate run do not exhaust the ephemeral ports of
// a single source address.
struct Endpoints
{
    sockaddr_in target = {};
    int sources = 8;
    unsigned next = 0;
};

// Starts a non-blocking connect; false (errno set) when it failed at once.
bool startConnect(Client &client, Endpoints &endpoints, int epoll)
{
    const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    setNoDelay(fd);
    if (endpoints.sources > 1) {
        const int one = 1;
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in source = {};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr =
            htonl(0x7f000001u + endpoints.next++ % static_cast<unsigned>(endpoints.sources));
        if (bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0) {
            const int saved = errno;
            close(fd);
            errno = saved;
            return false;
        }
    }
    if (connect(fd, reinterpret_cast<const sockaddr *>(&endpoints.target), sizeof endpoints.target) != 0 &&
        errno != EINPROGRESS) {
        const int saved = errno;
        close(fd);
        errno = saved;
        return false;
    }
    client.fd = fd;
    client.state = Client::State::Connecting;
    client.sent = 0;
    client.received = 0;
    client.since = Clock::now();
    epoll_event event = {};
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.ptr = &client;
    epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &event);
    return true;
}

enum class Step { Waiting, Done, Failed };

// Drives one client as far as the socket allows (edge-triggered: until EAGAIN).
Step advance(Client &client, std::uint32_t events, Failures &failures)
{
    if (client.state == Client::State::Connecting) {
        if (!(events & (EPOLLOUT | EPOLLERR | EPOLLHUP)))
            return Step::Waiting;
        int error = 0;
        socklen_t length = sizeof error;
        getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &error, &length);
        if (error != 0) {
            ++failures.connect;
            if (!failures.firstErrno)
                failures.firstErrno = error;
            return Step::Failed;
        }
        client.state = Client::State::Sending;
        client.since = Clock::now(); // a round trip is timed from its first byte, not from the connect
    }
    if (client.state == Client::State::Sending) {
        while (client.sent < kMessageSize) {
            const ssize_t n =
                send(client.fd, client.message + client.sent, kMessageSize - client.sent, MSG_NOSIGNAL);
            if (n > 0) {
                client.sent += static_cast<std::size_t>(n);
            } else if (errno == EAGAIN) {
                return Step::Waiting;
            } else {
                ++failures.reset;
                if (!failures.firstErrno)
                    failures.firstErrno = errno;
                return Step::Failed;
            }
        }
        client.state = Client::State::Receiving;
    }
    if (client.state == Client::State::Receiving) {
        while (client.received < kMessageSize) {
            const ssize_t n =
                recv(client.fd, client.echo + client.received, kMessageSize - client.received, 0);
            if (n > 0) {
                client.received += static_cast<std::size_t>(n);
            } else if (n == 0) {
                ++failures.eof;
                return Step::Failed;
            } else if (errno == EAGAIN) {
                return Step::Waiting;
            } else {
                ++failures.reset;
                if (!failures.firstErrno)
                    failures.firstErrno = errno;
                return Step::Failed;
            }
        }
        if (std::memcmp(client.message, client.echo, kMessageSize) != 0) {
            ++failures.mismatch;
            return Step::Failed;
        }
        return Step::Done;
    }
    if (client.state == Client::State::Holding && (events & (EPOLLIN | EPOLLRDHUP | EPOLLERR | EPOLLHUP))) {
        ++failures.eof; // an idle connection must stay open and silent
        return Step::Failed;
    }
    return Step::Waiting;
}

void release(Client &client)
{
    if (client.fd >= 0)
        close(client.fd); // closing removes it from the epoll set
    client.fd = -1;
    client.state = Client::State::Free;
}

constexpr auto kStuckAtEnd = std::chrono::seconds(1);

void countStuck(const std::vector<Client> &pool, Failures &failures)
{
    const auto now = Clock::now();
    for (const auto &client : pool) {
        if (client.state != Client::State::Free && client.state != Client::State::Holding &&
            now - client.since > kStuckAtEnd)
            ++failures.stalled;
    }
}

// ---- rate -------------------------------------------------------------------------------

struct RateResult
{
    std::uint64_t completed = 0; // full round trips completed inside the measured window
    double seconds = 0;          // the measured window (shorter when stopped by a signal)
    Failures failures;
};

void runRate(const sockaddr_in target, int sources, int clients, double warmup, double duration,
             std::uint64_t serialBase, RateResult &result)
{
    Endpoints endpoints{target, sources, static_cast<unsigned>(serialBase)};
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Client> pool(static_cast<std::size_t>(clients));
    std::uint64_t serial = serialBase;
    const auto start = Clock::now();
    const auto measureFrom =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
    const auto end =
        measureFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(duration));
    auto lastSweep = start;
    std::vector<Client *> idle;

    auto launch = [&](Client &client) {
        fillMessage(client.message, serial++);
        if (!startConnect(client, endpoints, epoll)) {
            ++result.failures.connect;
            if (!result.failures.firstErrno)
                result.failures.firstErrno = errno;
            idle.push_back(&client); // retried on the next turn of the loop, never in a tight spin
        }
    };
    for (auto &client : pool)
        launch(client);

    epoll_event events[kMaxEvents];
    while (!g_stop) {
        const auto now = Clock::now();
        if (now >= end)
            break;
        if (!idle.empty()) {
            auto retry = std::move(idle);
            idle.clear();
            for (Client *client : retry)
                launch(*client);
        }
        const int timeout = idle.empty() ? 50 : 1;
        const int n = epoll_wait(epoll, events, kMaxEvents, timeout);
        for (int i = 0; i < n; ++i) {
            Client &client = *static_cast<Client *>(events[i].data.ptr);
            const Step step = advance(client, events[i].events, result.failures);
            if (step == Step::Waiting)
                continue;
            if (step == Step::Done && Clock::now() >= measureFrom)
                ++result.completed;
            release(client);
            launch(client);
        }
        if (Clock::now() - lastSweep > std::chrono::milliseconds(100)) {
            lastSweep = Clock::now();
            for (auto &client : pool) {
                if (client.state != Client::State::Free && lastSweep - client.since > kStallLimit) {
                    ++result.failures.stalled;
                    release(client);
                    launch(client);
                }
            }
        }
    }
    result.seconds =
        std::max(0.0, std::chrono::duration<double>(std::min(Clock::now(), end) - measureFrom).count());
    // Connections in flight at the deadline are neither successes nor failures, unless they
    // had already waited far longer than any round trip should take.
    countStuck(pool, result.failures);
    for (auto &client : pool)
        release(client);
    close(epoll);
}

// ---- latency ----------------------------------------------------------------------------

struct LatencyResult
{
    std::vector<std::uint32_t> samples; // round trips, nanoseconds
    Failures failures;
    int connected = 0;
    double seconds = 0; // the measured window (shorter when stopped by a signal)
};

void runLatency(const sockaddr_in target, int connections, double warmup, double duration,
                std::uint64_t serialBase, std::size_t maxSamples, LatencyResult &result)
{
    Endpoints endpoints{target, 1, 0};
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Client> pool(static_cast<std::size_t>(connections));
    std::uint64_t serial = serialBase;
    for (auto &client : pool) {
        fillMessage(client.message, serial++);
        if (!startConnect(client, endpoints, epoll)) {
            ++result.failures.connect;
            if (!result.failures.firstErrno)
                result.failures.firstErrno = errno;
        }
    }
    const auto start = Clock::now();
    const auto measureFrom =
        start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmup));
    const auto end =
        measureFrom + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(duration));
    result.samples.reserve(std::min<std::size_t>(maxSamples, 1u << 22));
    auto lastSweep = start;
    epoll_event events[kMaxEvents];
    while (!g_stop && Clock::now() < end) {
        const int n = epoll_wait(epoll, events, kMaxEvents, 50);
        for (int i = 0; i < n; ++i) {
            Client &client = *static_cast<Client *>(events[i].data.ptr);
            const bool wasConnecting = client.state == Client::State::Connecting;
            Step step = advance(client, events[i].events, result.failures);
            if (wasConnecting && client.state != Client::State::Connecting && step != Step::Failed)
                ++result.connected;
            // Several round trips may complete in one wake-up: keep going until the socket is drained.
            while (step == Step::Done) {
                const auto now = Clock::now();
                if (now >= measureFrom && result.samples.size() < maxSamples) {
                    const auto ns =
                        std::chrono::duration_cast<std::chrono::nanoseconds>(now - client.since).count();
                    result.samples.push_back(static_cast<std::uint32_t>(std::min<long long>(ns, UINT32_MAX)));
                }
                client.state = Client::State::Sending;
                client.sent = 0;
                client.received = 0;
                client.since = now;
                step = advance(client, EPOLLOUT, result.failures);
            }
            if (step == Step::Failed)
                release(client); // a broken connection is counted and not replaced
        }
        if (Clock::now() - lastSweep > std::chrono::milliseconds(100)) {
            lastSweep = Clock::now();
            for (auto &client : pool) {
                if (client.state != Client::State::Free && lastSweep - client.since > kStallLimit) {
                    ++result.failures.stalled;
                    release(client);
                }
            }
        }
    }
    result.seconds =
        std::max(0.0, std::chrono::duration<double>(std::min(Clock::now(), end) - measureFrom).count());
    countStuck(pool, result.failures);
    for (auto &client : pool)
        release(client);
    close(epoll);
}

double percentile(std::vector<std::uint32_t> &samples, double fraction)
{
    if (samples.empty())
        return 0.0;
    const auto index = static_cast<std::size_t>(fraction * static_cast<double>(samples.size() - 1) + 0.5);
    std::nth_element(samples.begin(), samples.begin() + static_cast<std::ptrdiff_t>(index), samples.end());
    return samples[index] / 1000.0;
}

// ---- idle -------------------------------------------------------------------------------

int runIdle(const sockaddr_in target, int sources, int count, int parallel, double hold)
{
    if (static_cast<std::size_t>(count) + 64 > fileLimit()) {
        std::fprintf(stderr, "meshroute_loadgen: %d connections need more descriptors than the limit %zu\n",
                     count, fileLimit());
        return 2;
    }
    Endpoints endpoints{target, sources, 0};
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    std::vector<Client> pool(static_cast<std::size_t>(count));
    Failures failures;
    std::size_t launched = 0;
    int inFlight = 0;
    int open = 0;
    const auto start = Clock::now();
    const auto openDeadline = start + std::chrono::seconds(60);
    auto lastSweep = start;

    auto launchMore = [&] {
        while (inFlight < parallel && launched < pool.size()) {
            Client &client = pool[launched];
            fillMessage(client.message, launched);
            ++launched;
            if (startConnect(client, endpoints, epoll)) {
                ++inFlight;
            } else {
                ++failures.connect;
                if (!failures.firstErrno)
                    failures.firstErrno = errno;
            }
        }
    };
    // Phase 1: open every connection and prove it works end to end with one round trip.
    launchMore();
    epoll_event events[kMaxEvents];
    while (!g_stop && inFlight > 0 && Clock::now() < openDeadline) {
        const int n = epoll_wait(epoll, events, kMaxEvents, 50);
        for (int i = 0; i < n; ++i) {
            Client &client = *static_cast<Client *>(events[i].data.ptr);
            const auto state = client.state;
            const Step step = advance(client, events[i].events, failures);
            if (state == Client::State::Holding) {
                if (step == Step::Failed) {
                    release(client);
                    --open;
                }
                continue;
            }
            if (step == Step::Waiting)
                continue;
            --inFlight;
            if (step == Step::Done) {
                client.state = Client::State::Holding;
                ++open;
            } else {
                release(client);
            }
        }
        const auto now = Clock::now();
        if (now - lastSweep < std::chrono::milliseconds(100)) {
            launchMore();
            continue;
        }
        lastSweep = now;
        for (std::size_t i = 0; i < launched; ++i) {
            Client &client = pool[i];
            if ((client.state == Client::State::Connecting || client.state == Client::State::Sending ||
                 client.state == Client::State::Receiving) &&
                now - client.since > kStallLimit) {
                ++failures.stalled;
                --inFlight;
                release(client);
            }
        }
        launchMore();
    }
    // Whatever has not completed its round trip by now (stopped, or past the deadline) failed.
    for (std::size_t i = 0; i < launched; ++i) {
        Client &client = pool[i];
        if (client.state == Client::State::Connecting || client.state == Client::State::Sending ||
            client.state == Client::State::Receiving) {
            ++failures.stalled;
            release(client);
        }
    }
    failures.stalled += pool.size() - launched; // never even started
    std::printf("{\"mode\":\"idle\",\"phase\":\"ready\",\"requested\":%d,\"open\":%d,\"seconds\":%.3f,%s}\n",
                count, open, secondsSince(start), failures.json().c_str());
    std::fflush(stdout);

    // Phase 2: hold them, silent, until told to stop; a connection the proxy closes is lost.
    const auto holdEnd =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(hold));
    Failures holding;
    int lost = 0;
    while (!g_stop && Clock::now() < holdEnd) {
        const int n = epoll_wait(epoll, events, kMaxEvents, 100);
        for (int i = 0; i < n; ++i) {
            Client &client = *static_cast<Client *>(events[i].data.ptr);
            if (client.state == Client::State::Holding &&
                advance(client, events[i].events, holding) == Step::Failed) {
                release(client);
                ++lost;
                --open;
            }
        }
    }

    // Phase 3: every connection still open must still carry a round trip.
    g_stop = 0;
    Failures checking;
    int alive = 0;
    int pending = 0;
    for (auto &client : pool) {
        if (client.state != Client::State::Holding)
            continue;
        client.state = Client::State::Sending;
        client.sent = 0;
        client.received = 0;
        client.since = Clock::now();
        const Step step = advance(client, EPOLLOUT, checking);
        if (step == Step::Done) {
            ++alive;
            release(client);
        } else if (step == Step::Failed) {
            release(client);
        } else {
            ++pending;
        }
    }
    const auto checkEnd = Clock::now() + kStallLimit;
    while (pending > 0 && Clock::now() < checkEnd) {
        const int n = epoll_wait(epoll, events, kMaxEvents, 50);
        for (int i = 0; i < n; ++i) {
            Client &client = *static_cast<Client *>(events[i].data.ptr);
            const Step step = advance(client, events[i].events, checking);
            if (step == Step::Waiting)
                continue;
            --pending;
            if (step == Step::Done)
                ++alive;
            release(client);
        }
    }
    checking.stalled += static_cast<std::uint64_t>(pending);
    for (auto &client : pool)
        release(client);
    close(epoll);
    std::printf("{\"mode\":\"idle\",\"phase\":\"done\",\"held\":%d,\"lost\":%d,\"alive\":%d,%s}\n", open,
                lost, alive, checking.json().c_str());
    return (lost == 0 && checking.total() == 0 && failures.total() == 0) ? 0 : 1;
}

// ---- echo -------------------------------------------------------------------------------

struct EchoConnection
{
    int fd = -1;
    std::vector<char> pending; // only when the peer reads slower than it writes
    std::size_t pendingOffset = 0;
    bool peerDone = false;
};

// Writes what is pending; false on error. Leaves pending non-empty on EAGAIN.
bool flushPending(EchoConnection &connection)
{
    while (connection.pendingOffset < connection.pending.size()) {
        const ssize_t n = send(connection.fd, connection.pending.data() + connection.pendingOffset,
                               connection.pending.size() - connection.pendingOffset, MSG_NOSIGNAL);
        if (n > 0)
            connection.pendingOffset += static_cast<std::size_t>(n);
        else if (errno == EAGAIN)
            return true;
        else
            return false;
    }
    connection.pending.clear();
    connection.pendingOffset = 0;
    return true;
}

// Echoes until EAGAIN; false when the connection is finished (closed by the peer or broken).
bool serveEcho(EchoConnection &connection, std::vector<char> &scratch)
{
    if (!flushPending(connection))
        return false;
    if (!connection.pending.empty())
        return true; // wait for EPOLLOUT before reading more: bounded memory
    if (connection.peerDone)
        return false;
    for (;;) {
        const ssize_t n = recv(connection.fd, scratch.data(), scratch.size(), 0);
        if (n == 0) {
            connection.peerDone = true;
            return false;
        }
        if (n < 0)
            return errno == EAGAIN;
        const ssize_t w = send(connection.fd, scratch.data(), static_cast<std::size_t>(n), MSG_NOSIGNAL);
        if (w < 0 && errno != EAGAIN)
            return false;
        const std::size_t written = w > 0 ? static_cast<std::size_t>(w) : 0;
        if (written < static_cast<std::size_t>(n)) {
            connection.pending.assign(scratch.data() + written, scratch.data() + n);
            connection.pendingOffset = 0;
            return true;
        }
    }
}

void echoLoop(int listener, Clock::time_point end)
{
    const int epoll = epoll_create1(EPOLL_CLOEXEC);
    epoll_event event = {};
    event.events = EPOLLIN | EPOLLET;
    event.data.ptr = nullptr; // the listener
    epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event);
    std::vector<char> scratch(64 * 1024);
    std::unordered_set<EchoConnection *> connections; // to free what is still open at the end
    epoll_event events[kMaxEvents];
    while (!g_stop && Clock::now() < end) {
        const int n = epoll_wait(epoll, events, kMaxEvents, 100);
        for (int i = 0; i < n; ++i) {
            auto *connection = static_cast<EchoConnection *>(events[i].data.ptr);
            if (connection == nullptr) {
                for (;;) {
                    const int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (fd < 0)
                        break; // EAGAIN, or out of descriptors: the client sees it as a failure
                    setNoDelay(fd);
                    auto *accepted = new EchoConnection;
                    accepted->fd = fd;
                    epoll_event add = {};
                    add.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
                    add.data.ptr = accepted;
                    epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &add);
                    connections.insert(accepted);
                    if (!serveEcho(*accepted, scratch)) {
                        connections.erase(accepted);
                        close(fd);
                        delete accepted;
                    }
                }
                continue;
            }
            if (!serveEcho(*connection, scratch)) {
                connections.erase(connection);
                close(connection->fd);
                delete connection;
            }
        }
    }
    for (auto *connection : connections) {
        close(connection->fd);
        delete connection;
    }
    close(epoll);
}

int runEcho(const std::string &address, int threads, double duration)
{
    sockaddr_in bindAddress = {};
    std::string error;
    if (!parseLoopback(address, bindAddress, error)) {
        std::fprintf(stderr, "meshroute_loadgen: %s\n", error.c_str());
        return 2;
    }
    std::vector<int> listeners;
    for (int i = 0; i < threads; ++i) {
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
        if (bind(fd, reinterpret_cast<sockaddr *>(&bindAddress), sizeof bindAddress) != 0 ||
            listen(fd, 4096) != 0) {
            std::fprintf(stderr, "meshroute_loadgen: cannot listen on %s: %s\n", address.c_str(),
                         std::strerror(errno));
            return 1;
        }
        socklen_t length = sizeof bindAddress;
        getsockname(fd, reinterpret_cast<sockaddr *>(&bindAddress), &length); // port 0 → the port taken
        listeners.push_back(fd);
    }
    char host[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &bindAddress.sin_addr, host, sizeof host);
    std::printf("{\"mode\":\"echo\",\"address\":\"%s\",\"port\":%u,\"threads\":%d}\n", host,
                ntohs(bindAddress.sin_port), threads);
    std::fflush(stdout);
    const auto end =
        Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(duration));
    std::vector<std::thread> workers;
    for (int fd : listeners)
        workers.emplace_back(echoLoop, fd, end);
    for (auto &worker : workers)
        worker.join();
    for (int fd : listeners)
        close(fd);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    CLI::App app{
        "meshroute_loadgen: load generator and echo backend of the Meshroute benchmark (loopback only)"};
    app.require_subcommand(1);

    std::string listen = "127.0.0.1:0";
    int echoThreads = 1;
    double echoDuration = 1800;
    auto *echo = app.add_subcommand("echo", "echo server on 127.0.0.1:PORT until SIGTERM or --duration");
    echo->add_option("--listen", listen, "127.0.0.1:PORT (0: any free port, printed)");
    echo->add_option("--threads", echoThreads, "threads, each with its own SO_REUSEPORT listener")
        ->check(CLI::Range(1, 64));
    echo->add_option("--duration", echoDuration, "seconds before it exits on its own")
        ->check(CLI::Range(1.0, 7200.0));

    std::string target;
    int clients = 32;
    int threads = 1;
    int sources = 8;
    double warmup = 0.5;
    double duration = 3;
    auto *rate = app.add_subcommand("rate", "connection rate: connect, send 64 bytes, read them back, close");
    rate->add_option("--target", target, "127.0.0.1:PORT")->required();
    rate->add_option("--clients", clients, "concurrent clients")->check(CLI::Range(1, 4096));
    rate->add_option("--threads", threads, "threads sharing the clients")->check(CLI::Range(1, 64));
    rate->add_option("--sources", sources, "source addresses 127.0.0.1..N")->check(CLI::Range(1, 250));
    rate->add_option("--warmup", warmup, "seconds not measured")->check(CLI::Range(0.0, 60.0));
    rate->add_option("--duration", duration, "seconds measured")->check(CLI::Range(0.1, 600.0));

    int connections = 1;
    std::size_t maxSamples = 20'000'000;
    auto *latency = app.add_subcommand("latency", "round trips of 64 bytes on persistent connections");
    latency->add_option("--target", target, "127.0.0.1:PORT")->required();
    latency->add_option("--connections", connections, "persistent connections")->check(CLI::Range(1, 4096));
    latency->add_option("--warmup", warmup, "seconds not measured")->check(CLI::Range(0.0, 60.0));
    latency->add_option("--duration", duration, "seconds measured")->check(CLI::Range(0.1, 600.0));

    int count = 10000;
    int parallel = 128;
    double hold = 120;
    auto *idle = app.add_subcommand("idle", "open K connections, hold them until SIGTERM, then check them");
    idle->add_option("--target", target, "127.0.0.1:PORT")->required();
    idle->add_option("--connections", count, "connections to hold")->check(CLI::Range(1, 100000));
    idle->add_option("--parallel", parallel, "connects in flight while opening")->check(CLI::Range(1, 4096));
    idle->add_option("--sources", sources, "source addresses 127.0.0.1..N")->check(CLI::Range(1, 250));
    idle->add_option("--hold", hold, "longest hold in seconds")->check(CLI::Range(0.0, 3600.0));

    CLI11_PARSE(app, argc, argv);
    installStopHandlers();
    raiseFileLimit();

    if (echo->parsed())
        return runEcho(listen, echoThreads, echoDuration);

    sockaddr_in address = {};
    std::string error;
    if (!parseLoopback(target, address, error)) {
        std::fprintf(stderr, "meshroute_loadgen: %s\n", error.c_str());
        return 2;
    }
    if (idle->parsed())
        return runIdle(address, sources, count, parallel, hold);

    if (rate->parsed()) {
        std::vector<RateResult> results(static_cast<std::size_t>(threads));
        std::vector<std::thread> workers;
        for (int t = 0; t < threads; ++t) {
            const int share = clients / threads + (t < clients % threads ? 1 : 0);
            workers.emplace_back(runRate, address, sources, share, warmup, duration,
                                 static_cast<std::uint64_t>(t) << 40,
                                 std::ref(results[static_cast<std::size_t>(t)]));
        }
        for (auto &worker : workers)
            worker.join();
        RateResult total;
        for (const auto &r : results) {
            total.completed += r.completed;
            total.seconds = std::max(total.seconds, r.seconds);
            total.failures.add(r.failures);
        }
        std::printf("{\"mode\":\"rate\",\"clients\":%d,\"threads\":%d,\"seconds\":%.3f,\"connections\":%llu,"
                    "\"per_second\":%.1f,%s}\n",
                    clients, threads, total.seconds, static_cast<unsigned long long>(total.completed),
                    total.seconds > 0 ? static_cast<double>(total.completed) / total.seconds : 0.0,
                    total.failures.json().c_str());
        return total.failures.total() == 0 ? 0 : 1;
    }

    LatencyResult result;
    runLatency(address, connections, warmup, duration, 0, maxSamples, result);
    const std::size_t samples = result.samples.size();
    double mean = 0;
    for (const auto s : result.samples)
        mean += s;
    mean = samples ? mean / static_cast<double>(samples) / 1000.0 : 0.0;
    const double p50 = percentile(result.samples, 0.50);
    const double p90 = percentile(result.samples, 0.90);
    const double p99 = percentile(result.samples, 0.99);
    const double p999 = percentile(result.samples, 0.999);
    std::printf(
        "{\"mode\":\"latency\",\"connections\":%d,\"connected\":%d,\"seconds\":%.3f,\"samples\":%zu,"
        "\"round_trips_per_second\":%.1f,\"mean_us\":%.2f,\"p50_us\":%.2f,\"p90_us\":%.2f,\"p99_us\":%.2f,"
        "\"p999_us\":%.2f,%s}\n",
        connections, result.connected, result.seconds, samples,
        result.seconds > 0 ? static_cast<double>(samples) / result.seconds : 0.0, mean, p50, p90, p99, p999,
        result.failures.json().c_str());
    return result.failures.total() == 0 && result.connected == connections ? 0 : 1;
}
