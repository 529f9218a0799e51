#include "stats/counters.h"

#include <algorithm>

namespace meshroute::proxy {

std::uint64_t CounterValues::latencyCount() const
{
    std::uint64_t total = 0;
    for (auto n : latency)
        total += n;
    return total;
}

CounterBlock::CounterBlock(unsigned shards)
    : m_shards(std::make_unique<Shard[]>(std::max(1u, shards)))
    , m_count(std::max(1u, shards))
{}

void CounterBlock::addLatency(unsigned shard, std::uint64_t microseconds)
{
    const auto it = std::lower_bound(kLatencyBoundsUs.begin(), kLatencyBoundsUs.end(), microseconds);
    const auto bucket = static_cast<std::size_t>(it - kLatencyBoundsUs.begin());
    bump(m_shards[shard].latency[bucket], 1);
    bump(m_shards[shard].latencySumUs, microseconds);
}

CounterValues CounterBlock::read() const
{
    CounterValues v;
    for (unsigned s = 0; s < m_count; ++s) {
        const Shard &shard = m_shards[s];
        for (std::size_t i = 0; i < kCounterCount; ++i)
            v.counters[i] += shard.counters[i].load(std::memory_order_relaxed);
        v.active += shard.active.load(std::memory_order_relaxed);
        for (std::size_t i = 0; i < kLatencyBuckets; ++i)
            v.latency[i] += shard.latency[i].load(std::memory_order_relaxed);
        v.latencySumUs += shard.latencySumUs.load(std::memory_order_relaxed);
    }
    // A connection may be counted on one thread and finished on another only in the
    // active gauge's reading order; never report a negative number of open connections.
    v.active = std::max<std::int64_t>(0, v.active);
    return v;
}

} // namespace meshroute::proxy
