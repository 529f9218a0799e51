#pragma once

// One client connection at the local gateway: take the listener's route, pick a
// weighted destination and an endpoint, connect upstream at once (with the connect
// timeout and failover to other endpoints), then relay both ways until both sides
// are done, the connection idles out, or the engine stops it. Counted at every hop.

#include "engine/plan.h"
#include "engine/worker.h"

#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace meshroute::proxy {

// Runs on `worker`'s thread; never throws. The connection keeps `plan` (and so its
// route) for its whole life, whatever is applied meanwhile.
boost::asio::awaitable<void> runGatewaySession(Worker &worker, std::shared_ptr<const Plan> plan,
                                               std::size_t listener, boost::asio::ip::tcp::socket client,
                                               std::uint64_t id);

} // namespace meshroute::proxy
