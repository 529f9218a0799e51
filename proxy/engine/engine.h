#pragma once

// The local gateway: runs a compiled RouteTable on this machine.
//
//   Engine engine({.bindAddress = "127.0.0.1", .portOffset = 0});
//   auto result = engine.start(table);       // one line per listener in result.listeners
//   engine.apply(newTable);                  // hot swap: live connections keep their route
//   auto stats = engine.snapshot();          // any thread, never blocks the data path
//   engine.stop(std::chrono::seconds(5));    // stop accepting, drain, then close what is left
//
// The engine owns its threads: one io_context per core, each running its own
// connections. Every public function is thread-safe and may be called from any
// thread except the engine's own (its handlers never call back out).

#include "compile/routetable.h"
#include "pods/podlog.h"
#include "stats/snapshot.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace meshroute::proxy {

struct EngineOptions
{
    std::string bindAddress = "127.0.0.1"; // never 0.0.0.0 unless asked
    int portOffset = 0;                    // added to every Gateway port (busy machines)
    unsigned threads = 0;                  // 0: one per CPU this process may use (affinity mask)
    bool ephemeralPorts = false;           // bind every listener on port 0 (tests); see ListenerStatus
    std::string admin;                     // "127.0.0.1:15000" serves /stats; empty: off. Loopback only.
    std::size_t recentConnections = 1000;  // per thread
    std::size_t podLogLines = 1000;        // per demo pod
    bool splice = false;                   // bulk through splice(2) pipes, not buffers (slower on loopback)
    // Pin worker i to the i-th CPU this process may use (skipped when there are fewer CPUs than
    // workers): the scheduler cannot then stack two workers on one CPU. See engine/workerloop.h.
    bool pinThreads = false;
    // After each piece of work, poll this long for the next before sleeping; yields the CPU on
    // every empty turn and stops when another task needs it. 0: off. See engine/workerloop.h.
    std::chrono::microseconds busyPoll{0};
    // How long a connection to a TLS PASSTHROUGH port may take to send its ClientHello; then it
    // is routed as one without a server name (only a "*" route takes it). Envoy's default.
    std::chrono::milliseconds clientHelloTimeout{15000};
    // Where the engine reports what no connection does (accepting paused for lack of
    // descriptors, and resumed), one line each, from an engine thread. Empty: standard error.
    std::function<void(const std::string &)> log;
};

// How one engine thread has been waiting for work (Engine::workerLoops()).
struct WorkerLoopStats
{
    int cpu = -1;                    // the CPU it is pinned to, or -1
    std::uint64_t sleeps = 0;        // waits until something happened
    std::uint64_t emptyPolls = 0;    // busy-poll turns that found nothing
    std::uint64_t pollsWithWork = 0; // busy polls that found work (a wake-up saved)
    std::uint64_t gaveWay = 0;       // busy polls given up because another task needed the CPU
};

struct ListenerStatus
{
    std::string gateway;    // namespace/name
    std::uint32_t port = 0; // the Gateway server port
    std::string address;    // "127.0.0.1:31400" when listening
    std::uint16_t boundPort = 0;
    bool listening = false;
    std::string error; // why not: busy port, no route, not served locally (render(why))
    Message why;       // the same as data (ids engine-*, model/message.h); empty id when listening
};

struct ApplyResult
{
    std::vector<ListenerStatus> listeners; // one per table listener, in table order
    std::vector<std::string> errors;       // "cannot listen on 127.0.0.1:31400 for gateway default/gw: ..."
    std::vector<Message> messages;         // the same errors as data: errors[i] == render(messages[i])
    std::uint64_t generation = 0;
    bool ok() const { return errors.empty(); }
    void fail(Message message)
    {
        errors.push_back(render(message));
        messages.push_back(std::move(message));
    }
};

struct PodStatus
{
    std::string name;
    std::string ns;
    std::string address; // "127.0.0.1:40123"
    bool serving = false;
};

class Engine
{
public:
    explicit Engine(EngineOptions options = {});
    ~Engine(); // stop(0) if still running
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    // Starts the threads, the demo pods, the listeners (and the admin endpoint).
    // Listeners that cannot bind are reported with port and gateway; the others start.
    ApplyResult start(std::shared_ptr<const RouteTable> table);
    // Swaps the table: new listeners open, removed ones close, kept ones stay bound;
    // established connections keep the route they started with.
    ApplyResult apply(std::shared_ptr<const RouteTable> table);
    // Stops accepting, lets live connections finish until `drain`, then closes the rest.
    void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));
    bool running() const;

    StatsSnapshot snapshot() const;
    std::vector<ConnectionRecord> recentConnections() const; // oldest first (by start)
    // The gateway connections open now (record.open set), oldest first: each worker describes its
    // own on its thread; a worker that does not answer within `wait` is left out. Not from an
    // engine thread.
    std::vector<ConnectionRecord>
    openConnections(std::chrono::milliseconds wait = std::chrono::milliseconds(200)) const;
    std::vector<ListenerStatus> listeners() const;
    std::vector<PodStatus> pods() const;
    // Lines of one pod's log (or every pod's when `pod` is empty) with seq > afterSeq, in order.
    std::vector<PodLogLine> podLog(const std::string &pod = {}, std::uint64_t afterSeq = 0) const;
    std::int64_t activeConnections() const;           // gateway connections open now
    std::string adminAddress() const;                 // "127.0.0.1:15000" when serving, else empty
    std::string adminError() const;                   // why the admin endpoint is not serving
    std::vector<WorkerLoopStats> workerLoops() const; // one per engine thread, in order

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace meshroute::proxy
