#pragma once

// Counters for one listener, route, cluster or endpoint, sharded per engine thread.
// Each shard is written by exactly one thread (relaxed load + store, no locked
// read-modify-write, no cache line shared between threads); readers sum the shards.

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace meshroute::proxy {

enum class Counter : unsigned {
    ConnectionsOpened, // connections accepted (listener, route) or sent to it (cluster, endpoint)
    ConnectionsClosed, // of those, closed
    NoRoute,           // closed at once: no route, undefined subset or unknown host
    Overflow,          // refused by maxConnections
    NoHealthyUpstream, // no endpoint left to try (none, or all ejected)
    ConnectFailures,   // upstream connect attempts refused or failed
    ConnectTimeouts,   // upstream connect attempts that hit the connect timeout
    Ejections,         // endpoints ejected by outlier detection
    IdleTimeouts,      // connections closed by idleTimeout
    BytesFromClient,   // bytes, read from the downstream client
    BytesToUpstream,   // bytes, written to the upstream endpoint
    BytesFromUpstream, // bytes, read from the upstream endpoint
    BytesToClient,     // bytes, written to the downstream client
    Count
};

inline constexpr std::size_t kCounterCount = static_cast<std::size_t>(Counter::Count);

// Upper bounds of the connect latency buckets, in microseconds (the last is +Inf).
inline constexpr std::array<std::uint64_t, 13> kLatencyBoundsUs{
    500, 1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000, 1000000, 2500000, 10000000};
inline constexpr std::size_t kLatencyBuckets = kLatencyBoundsUs.size() + 1;

// A plain copy of a block's counters.
struct CounterValues
{
    std::array<std::uint64_t, kCounterCount> counters{};
    std::int64_t active = 0;                              // connections open now
    std::array<std::uint64_t, kLatencyBuckets> latency{}; // connect latency, per bucket (not cumulative)
    std::uint64_t latencySumUs = 0;                       // sum of connect latencies, microseconds

    std::uint64_t operator[](Counter c) const { return counters[static_cast<std::size_t>(c)]; }
    std::uint64_t latencyCount() const;
};

class CounterBlock
{
public:
    explicit CounterBlock(unsigned shards);

    // Called only by the thread that owns `shard`.
    void add(unsigned shard, Counter counter, std::uint64_t n = 1)
    {
        bump(m_shards[shard].counters[static_cast<std::size_t>(counter)], n);
    }
    void addActive(unsigned shard, std::int64_t delta)
    {
        auto &a = m_shards[shard].active;
        a.store(a.load(std::memory_order_relaxed) + delta, std::memory_order_relaxed);
    }
    void addLatency(unsigned shard, std::uint64_t microseconds);

    // Any thread.
    CounterValues read() const;
    unsigned shards() const { return m_count; }

private:
    static void bump(std::atomic<std::uint64_t> &c, std::uint64_t n)
    {
        c.store(c.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }

    struct alignas(64) Shard
    {
        std::array<std::atomic<std::uint64_t>, kCounterCount> counters{};
        std::atomic<std::int64_t> active{0};
        std::array<std::atomic<std::uint64_t>, kLatencyBuckets> latency{};
        std::atomic<std::uint64_t> latencySumUs{0};
    };
    std::unique_ptr<Shard[]> m_shards;
    unsigned m_count;
};

} // namespace meshroute::proxy
