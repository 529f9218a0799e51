#pragma once

// The admin HTTP endpoint (Boost.Beast), loopback only and off unless asked:
//   GET /stats              the engine's counters as JSON
//   GET /stats/prometheus   Istio's standard TCP metrics plus ours, Prometheus text format
// It runs on one engine thread and reads snapshots, never the data path.

#include "engine/worker.h"
#include "model/message.h"
#include "stats/snapshot.h"

#include <boost/asio/ip/tcp.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::proxy {

class AdminServer
{
public:
    using SnapshotSource = std::function<StatsSnapshot()>;

    // Binds `address` ("127.0.0.1:15000"; port 0 picks one). Refuses non-loopback addresses.
    // `error` is "engine-admin-failed" {address, why} (model/message.h).
    bool open(Worker &worker, const std::string &address, SnapshotSource source, Message &error);
    void start(); // thread-safe
    void stop();  // thread-safe; closes the acceptor (live requests are closed with the engine's others)

    std::string address() const; // "127.0.0.1:15000" when serving
    std::string error() const;

    struct State; // the acceptor and where it runs

private:
    std::shared_ptr<State> m_state;
    mutable std::mutex m_mutex;
    std::string m_address;
    std::string m_error;
};

// The response body and content type for a request target; false for 404.
bool adminResponse(const std::string &target, const StatsSnapshot &snapshot, std::string &body,
                   std::string &contentType);

// What the endpoint does with the bytes one client sends, parsed as the server parses them
// (one Beast request parser per request, the same header and body limits): the responses in
// order, exactly as written. For the tests and the fuzzer; the server runs the same steps.
struct AdminTurn
{
    std::string method; // as parsed ("GET", "POST", ...)
    std::string target; // as parsed, query included
    int status = 0;
    std::string response; // the serialised response
};
struct AdminExchange
{
    std::vector<AdminTurn> turns;
    bool closed = false;     // the server closes: a malformed request, or no keep-alive
    bool incomplete = false; // the last request is still arriving (the server would wait)
    std::string error;       // the parse error that closed it
};
AdminExchange adminExchange(std::string_view bytes, const AdminServer::SnapshotSource &source);
inline constexpr std::size_t kAdminHeaderLimit = 8 * 1024; // bytes of request line and headers
inline constexpr std::size_t kAdminBodyLimit = 64 * 1024;  // a request body (none is needed)

} // namespace meshroute::proxy
