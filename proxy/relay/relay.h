#pragma once

// Bidirectional relay between a client and an upstream socket, with half-close:
// one side's EOF shuts the other side's write while the other direction keeps
// flowing. Each direction waits for readability without holding a buffer, then
// reads into a pooled buffer and writes it on before reading again, so a slow
// reader stalls its writer (backpressure) instead of growing a queue.

#include "relay/bufferpool.h"
#include "stats/counters.h"

#include <utility> // Boost 1.74's awaitable.hpp uses std::exchange without including it

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <chrono>
#include <cstddef>

namespace meshroute::proxy {

// Where the bytes of one connection are counted: up to four blocks (listener,
// route, cluster, endpoint), on the current thread's shard.
struct RelayCounters
{
    std::array<CounterBlock *, 5> blocks{}; // listener, route, route destination, cluster, endpoint
    std::size_t size = 0;
    unsigned shard = 0;
    // This connection's own totals, for its record.
    std::uint64_t bytesFromClient = 0;
    std::uint64_t bytesToClient = 0;

    void push(CounterBlock *block) { blocks[size++] = block; }
    void add(Counter counter, std::uint64_t n)
    {
        for (std::size_t i = 0; i < size; ++i)
            blocks[i]->add(shard, counter, n);
        if (counter == Counter::BytesFromClient)
            bytesFromClient += n;
        else if (counter == Counter::BytesToClient)
            bytesToClient += n;
    }
};

enum class TransferEnd {
    Eof,        // the reading side finished; the writing side's send direction was shut down
    ReadError,  // reading failed (reset, ...)
    WriteError, // writing failed (the other side went away)
    Aborted     // the sockets were closed under us (idle timeout, stop)
};

struct RelayResult
{
    TransferEnd clientToUpstream = TransferEnd::Eof;
    TransferEnd upstreamToClient = TransferEnd::Eof;
};

struct RelayContext
{
    BufferPool &pool;
    RelayCounters &counters;
    std::chrono::steady_clock::time_point &lastActivity; // updated on every read
};

// Relays until both directions are finished; on any error both sockets are closed so
// that the other direction ends too. Never throws.
boost::asio::awaitable<RelayResult> relay(boost::asio::ip::tcp::socket &client,
                                          boost::asio::ip::tcp::socket &upstream, RelayContext context);

} // namespace meshroute::proxy
