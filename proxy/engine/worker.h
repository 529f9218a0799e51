#pragma once

// One engine thread: its own io_context (one per core, no locking inside Asio), its
// buffer pool, its shard of every counter, and the connections it runs. Everything
// here except the atomics and the mutex-guarded record is touched only by the
// worker's own thread.

#include "engine/workerloop.h"
#include "relay/bufferpool.h"
#include "relay/pipepool.h"
#include "stats/snapshot.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace meshroute::proxy {

// A live connection the engine can close when it stops.
class Abortable
{
public:
    virtual ~Abortable() = default;
    virtual void abort(CloseReason reason) = 0;
};

// Recent finished connections, newest last, bounded. Written by one worker, read by anyone.
// A fixed circle of records filled in place: once it is full, a new record reuses the
// strings of the one it replaces (no allocation per connection), and the lock is only
// contended while someone reads.
class ConnectionRing
{
public:
    explicit ConnectionRing(std::size_t capacity)
        : m_capacity(capacity)
    {}
    // `fill(ConnectionRecord &)` writes the record in place, under the ring's lock.
    template <typename Fill> void emplace(Fill fill)
    {
        if (m_capacity == 0)
            return;
        std::lock_guard lock(m_mutex);
        if (m_records.size() < m_capacity) {
            m_records.emplace_back();
            fill(m_records.back());
            return;
        }
        fill(m_records[m_next]);
        m_next = (m_next + 1) % m_capacity;
    }
    void push(ConnectionRecord record)
    {
        emplace([&](ConnectionRecord &slot) { slot = std::move(record); });
    }
    void copyTo(std::vector<ConnectionRecord> &out) const
    {
        std::lock_guard lock(m_mutex);
        // Oldest first: from the slot the next record replaces, round the circle.
        for (std::size_t i = 0; i < m_records.size(); ++i)
            out.push_back(m_records[(m_next + i) % m_records.size()]);
    }

private:
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::vector<ConnectionRecord> m_records;
    std::size_t m_next = 0; // once full: the oldest record, replaced next
};

// A gateway connection in its worker's intrusive list (no allocation to track it).
class LiveLink : public Abortable
{
public:
    // What the connection is so far (on its worker's thread only).
    virtual void describe(ConnectionRecord &record) const = 0;
    LiveLink *prev = nullptr;
    LiveLink *next = nullptr;
};

struct Worker
{
    Worker(unsigned workerIndex, std::size_t recentCapacity)
        : index(workerIndex)
        , recent(recentCapacity)
        , random(
              static_cast<std::minstd_rand::result_type>(std::random_device{}() + 7919u * (workerIndex + 1)))
    {}

    const unsigned index;
    BufferPool pool{16}; // declared before io: handlers destroyed with io return their buffers here
    PipePool pipes;      // likewise, for the pipes of spliced relays
    ConnectionRing recent;
    std::minstd_rand random;
    bool splice = false;                                 // relay bulk with splice(2) (EngineOptions::splice)
    std::chrono::milliseconds clientHelloTimeout{15000}; // EngineOptions::clientHelloTimeout
    LoopCounters loop;                                   // how the thread waits (engine/workerloop.h)
    std::atomic<std::int64_t> gatewayConnections{0};     // live gateway sessions (single writer)
    // Errors no connection reports (EngineErrorStats), written on this thread only.
    std::atomic<std::uint64_t> acceptFailures{0};
    std::atomic<std::uint64_t> acceptPauses{0};
    std::atomic<std::uint64_t> handlerExceptions{0};
    std::function<void(const std::string &)> log; // EngineOptions::log, never empty
    static void bump(std::atomic<std::uint64_t> &counter)
    {
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
    // After a failed accept (out of descriptors): how long an accept loop waits before trying
    // again, doubling from 10 ms to 640 ms while failures last; reset() after a success.
    struct AcceptBackoff
    {
        std::chrono::milliseconds next{10};
        std::chrono::milliseconds take()
        {
            const auto now = next;
            next = std::min(next * 2, std::chrono::milliseconds(640));
            return now;
        }
        void reset() { next = std::chrono::milliseconds(10); }
    };
    // A completion handler for co_spawn that counts an escaped exception instead of dropping it.
    auto countExceptions()
    {
        return [this](std::exception_ptr e) {
            if (e)
                bump(handlerExceptions);
        };
    }
    std::unordered_set<Abortable *> live; // pods' and admin connections of this thread
    LiveLink *gateway = nullptr;          // the gateway connections of this thread
    std::size_t gatewayCount = 0;
    boost::asio::io_context io{1};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard;
    std::thread thread;

    void link(LiveLink *c)
    {
        c->prev = nullptr;
        c->next = gateway;
        if (gateway)
            gateway->prev = c;
        gateway = c;
        ++gatewayCount;
        addGatewayConnections(1);
    }
    void unlink(LiveLink *c)
    {
        if (c->prev)
            c->prev->next = c->next;
        else
            gateway = c->next;
        if (c->next)
            c->next->prev = c->prev;
        c->prev = c->next = nullptr;
        --gatewayCount;
        addGatewayConnections(-1);
    }
    // Every live connection of this thread (gateway, pods, admin), for stop().
    std::vector<Abortable *> everyLive() const
    {
        std::vector<Abortable *> all(live.begin(), live.end());
        for (LiveLink *c = gateway; c; c = c->next)
            all.push_back(c);
        return all;
    }

    void addGatewayConnections(std::int64_t delta)
    {
        gatewayConnections.store(gatewayConnections.load(std::memory_order_relaxed) + delta,
                                 std::memory_order_relaxed);
    }
};

} // namespace meshroute::proxy
