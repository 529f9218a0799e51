#pragma once

// What the engine tells: a consistent copy of its counters and its recent
// connections, taken without locking the data path. Plain values, safe to keep.

#include "compile/routetable.h"
#include "model/message.h"
#include "stats/counters.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace meshroute::proxy {

struct ListenerStats
{
    std::string gateway;    // namespace/name
    std::uint32_t port = 0; // the Gateway server port
    std::string address;    // where it listens, "127.0.0.1:31400"; empty when not listening
    bool listening = false;
    std::string error; // why it is not listening: render(why)
    Message why;       // the same as data (ids engine-*, model/message.h)
    CounterValues values;
};

// What one route sent to one of its destinations (parallel to Route::destinations).
struct RouteDestinationStats
{
    std::string cluster; // the cluster's name; empty when the destination is unknown
    std::string subset;
    std::uint32_t weight = 0; // configured, relative
    CounterValues values;     // connections this route sent there, and their bytes
};

struct RouteStats
{
    std::string name; // "default/tcp-echo tcp[0]"
    std::string virtualService;
    CounterValues values;
    std::vector<RouteDestinationStats> destinations; // parallel to the route's destinations
};

struct ClusterStats
{
    std::string name; // outbound|3333|v1|tcp-echo.default.svc.cluster.local
    std::string host;
    std::string subset;
    std::uint32_t port = 0;
    std::string serviceName;
    std::string serviceNamespace;
    CounterValues values;
};

struct EndpointStats
{
    std::string cluster;  // the cluster's name
    std::string name;     // pod name or address:port
    std::string address;  // where the engine connects, "127.0.0.1:40123"
    bool pod = false;     // an embedded demo pod
    bool ejected = false; // currently ejected by outlier detection
    std::string workload;
    std::string workloadNamespace;
    std::string serviceAccount;
    Labels labels;
    CounterValues values;
};

// What went wrong outside any one connection, engine-wide: never swallowed silently.
struct EngineErrorStats
{
    std::uint64_t acceptFailures = 0;    // accept(2) failed (EMFILE, ENFILE, ENOMEM, ...)
    std::uint64_t acceptPauses = 0;      // bursts of those: accepting paused, then resumed by itself
    std::uint64_t handlerExceptions = 0; // exceptions caught in a handler, a session start or a coroutine
};

struct StatsSnapshot
{
    std::chrono::system_clock::time_point taken;
    std::uint64_t generation = 0; // how many tables have been applied
    std::vector<ListenerStats> listeners;
    std::vector<RouteStats> routes;
    std::vector<ClusterStats> clusters;
    std::vector<EndpointStats> endpoints;
    EngineErrorStats errors;
    std::string gatewayNamespace; // for Istio's source labels
    std::string gatewayWorkload;
    Labels gatewayLabels;
};

enum class CloseReason {
    Finished,          // both sides closed normally
    NoRoute,           // no route, undefined subset or unknown host
    Overflow,          // maxConnections reached
    NoHealthyUpstream, // no endpoint to try
    ConnectFailed,     // every attempt failed or timed out
    IdleTimeout,
    ClientError,   // the client reset or failed
    UpstreamError, // the upstream reset or failed
    Stopped        // the engine stopped (after the drain deadline)
};

const char *closeReasonName(CloseReason reason); // "finished", "no-route", ...

// One finished connection, for the console's connection table.
struct ConnectionRecord
{
    std::uint64_t id = 0;
    std::string client;   // "127.0.0.1:53422"
    std::string listener; // "default/tcp-echo-gateway:31400"
    std::string route;
    std::string cluster;
    std::string subset;
    std::string endpoint;   // pod name or address:port; empty when none was reached
    std::string serverName; // the SNI a TLS PASSTHROUGH port routed by; empty elsewhere or when none
    std::uint64_t bytesFromClient = 0;
    std::uint64_t bytesToClient = 0;
    std::chrono::system_clock::time_point start;
    std::chrono::microseconds duration{0};
    CloseReason reason = CloseReason::Finished;
    bool open = false; // still open (Engine::openConnections): bytes and duration so far, no reason yet
};

} // namespace meshroute::proxy
