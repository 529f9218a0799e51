#pragma once

// Bidirectional relay between a client and an upstream socket, with half-close:
// one side's EOF shuts the other side's write while the other direction keeps
// flowing. Callback-driven on one engine thread, no coroutine frames:
//  - each direction reads first and waits for readability only after the socket ran
//    dry (a read shorter than asked means it did), so a busy socket costs one read
//    and one write per chunk;
//  - an idle direction waits with a receive into its own 128 bytes: a small message
//    costs one read and one write; a longer one continues into a pooled 64 KiB buffer,
//    leased for one read and given back as soon as it is written on;
//  - once a read fills a whole buffer the direction is bulk: it waits without reading
//    (no small first read) and moves whole 64 KiB chunks, through the buffer or, when
//    enabled, with splice(2) through a pooled pipe (back to the buffer for good where
//    the kernel refuses); a short read turns it back to small messages. Splicing is off
//    by default: it measured slower than copying on loopback (tests/perf/FINDINGS.md);
//  - an idle direction holds neither buffer nor pipe, only its pending receive;
//  - a slow reader stalls its writer (at most one chunk, 64 KiB, in flight per
//    direction) instead of growing a queue. 64 KiB rather than 16: a quarter of the
//    reads and writes per byte, 1.2–1.4× the single-stream throughput on loopback.

#include "relay/bufferpool.h"
#include "relay/pipepool.h"
#include "relay/relaysocket.h"
#include "stats/counters.h"

#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace meshroute::proxy {

// Where the bytes of one connection are counted: up to five blocks (listener, route,
// route destination, cluster, endpoint), on the current thread's shard.
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

// Relay tuning, per engine.
struct RelayOptions
{
    bool splice = false; // bulk through splice(2) pipes instead of the buffer
    // Largest chunk moved at once per direction: also the most bytes held between the two
    // sockets when the reader stalls.
    static constexpr std::size_t kChunk = BufferPool::kBufferSize;
};

// A connection with two sockets relayed both ways. Derive, connect `upstream`, then call
// startRelay(); relayFinished() is called once, on the io thread, when both directions
// ended. Handlers keep the object alive through shared_from_this().
class RelayConnection : public std::enable_shared_from_this<RelayConnection>
{
public:
    RelayConnection(boost::asio::io_context &io, BufferPool &buffers, PipePool &pipes,
                    RelaySocket clientSocket);
    virtual ~RelayConnection();
    RelayConnection(const RelayConnection &) = delete;
    RelayConnection &operator=(const RelayConnection &) = delete;

    RelaySocket client;
    RelaySocket upstream;

protected:
    // `counters` and `lastActivity` (updated on every read; may be null) must outlive the relay.
    // `pending`: bytes already read from the client (a buffer leased from the pool, which the
    // relay then owns), sent upstream first.
    void startRelay(RelayCounters &counters, std::chrono::steady_clock::time_point *lastActivity,
                    RelayOptions options, char *pending = nullptr, std::size_t pendingSize = 0);
    virtual void relayFinished(const RelayResult &result) = 0;
    // Closes both sockets: pending waits end as Aborted.
    void closeSockets();
    bool relaying() const { return m_running; }

private:
    enum Side : unsigned { ClientToUpstream = 0, UpstreamToClient = 1 };
    // Small messages are read straight into the direction's own few bytes by the pending
    // receive, so an idle direction holds no buffer and a small message costs one read and
    // one write (no re-arming of the descriptor).
    static constexpr std::size_t kInline = 128;
    struct Direction
    {
        char *data = nullptr; // the bytes not written yet: data[begin, size); inlineBytes or pooled
        bool pooled = false;  // data is a buffer leased from the pool
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
        PipePool::Pipe pipe;    // leased while bytes wait in it (bulk)
        std::size_t inPipe = 0; // bytes in the pipe
        bool bulk = false;      // a full buffer was read: wait without reading, read whole chunks
        bool drained = false;   // the last read took less than asked: wait before reading again
        bool finished = false;
        TransferEnd result = TransferEnd::Eof;
        std::array<char, kInline> inlineBytes;
    };

    RelaySocket &from(unsigned side) { return side == ClientToUpstream ? client : upstream; }
    RelaySocket &to(unsigned side) { return side == ClientToUpstream ? upstream : client; }
    void pump(unsigned side);
    bool flush(unsigned side, bool &blocked); // false: the direction ended
    void waitReadable(unsigned side);
    void received(unsigned side, const boost::system::error_code &ec, std::size_t n);
    void waitWritable(unsigned side);
    void finish(unsigned side, TransferEnd end);
    void releaseLeases(Direction &d);
    void countRead(unsigned side, std::size_t n);

    RelaySocket::Reactor &m_reactor;
    BufferPool &m_buffers;
    PipePool &m_pipes;
    RelayCounters *m_counters = nullptr;
    std::chrono::steady_clock::time_point *m_lastActivity = nullptr;
    std::array<Direction, 2> m_dirs;
    bool m_spliceAllowed = true;
    bool m_running = false;
};

} // namespace meshroute::proxy
