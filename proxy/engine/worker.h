#pragma once

// One engine thread: its own io_context (one per core, no locking inside Asio), its
// buffer pool, its shard of every counter, and the connections it runs. Everything
// here except the atomics and the mutex-guarded record is touched only by the
// worker's own thread.

#include "relay/bufferpool.h"
#include "stats/snapshot.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <unordered_set>

namespace meshroute::proxy {

// A live connection the engine can close when it stops.
class Abortable
{
public:
    virtual ~Abortable() = default;
    virtual void abort(CloseReason reason) = 0;
};

// Recent finished connections, newest last, bounded. Written by one worker, read by anyone.
class ConnectionRing
{
public:
    explicit ConnectionRing(std::size_t capacity)
        : m_capacity(capacity)
    {}
    void push(ConnectionRecord record)
    {
        std::lock_guard lock(m_mutex);
        if (m_capacity == 0)
            return;
        if (m_records.size() == m_capacity)
            m_records.pop_front();
        m_records.push_back(std::move(record));
    }
    void copyTo(std::vector<ConnectionRecord> &out) const
    {
        std::lock_guard lock(m_mutex);
        out.insert(out.end(), m_records.begin(), m_records.end());
    }

private:
    std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::deque<ConnectionRecord> m_records;
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
    BufferPool pool; // declared before io: handlers destroyed with io return their buffers here
    ConnectionRing recent;
    std::minstd_rand random;
    std::atomic<std::int64_t> gatewayConnections{0}; // live gateway sessions (single writer)
    std::unordered_set<Abortable *> live;            // every live session of this thread
    boost::asio::io_context io{1};
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> guard;
    std::thread thread;

    void addGatewayConnections(std::int64_t delta)
    {
        gatewayConnections.store(gatewayConnections.load(std::memory_order_relaxed) + delta,
                                 std::memory_order_relaxed);
    }
};

} // namespace meshroute::proxy
