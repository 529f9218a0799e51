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

} // namespace meshroute::proxy
