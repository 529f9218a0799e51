#pragma once

// One client connection at the local gateway: take the listener's route, pick a
// weighted destination and an endpoint, connect upstream at once (with the connect
// timeout and failover to other endpoints), then relay both ways until both sides
// are done, the connection idles out, or the engine stops it. Counted at every hop.
// Callback-driven: a live connection is one object (both sockets, both directions,
// its timer), with no coroutine frame and no buffer while idle.

#include "engine/plan.h"
#include "engine/worker.h"
#include "relay/relay.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>

namespace meshroute::proxy {

// Runs on `worker`'s thread; never throws. The connection keeps `plan` (and so its
// route) for its whole life, whatever is applied meanwhile. `peer` is the client's
// address as accept() gave it.
void startGatewaySession(Worker &worker, std::shared_ptr<const Plan> plan, std::size_t listener,
                         RelaySocket client, const boost::asio::ip::tcp::endpoint &peer, std::uint64_t id);

} // namespace meshroute::proxy
