#pragma once

// Fixed-size relay buffers, recycled per engine thread. A connection leases a
// buffer only while bytes are in flight (read, then written on), so an idle
// connection holds none and a busy one at most one per direction: memory per
// connection is bounded whatever the peers do. Not thread-safe: one pool per thread.

#include <cstddef>
#include <memory>
#include <vector>

namespace meshroute::proxy {

class BufferPool
{
public:
    static constexpr std::size_t kBufferSize = 64 * 1024;

    explicit BufferPool(std::size_t maxFree = 256)
        : m_maxFree(maxFree)
    {}
    BufferPool(const BufferPool &) = delete;
    BufferPool &operator=(const BufferPool &) = delete;

    char *acquire()
    {
        ++m_leased;
        if (m_free.empty())
            return new char[kBufferSize];
        char *b = m_free.back().release();
        m_free.pop_back();
        return b;
    }
    void release(char *buffer)
    {
        --m_leased;
        if (m_free.size() < m_maxFree)
            m_free.emplace_back(buffer);
        else
            delete[] buffer;
    }
    std::size_t leased() const { return m_leased; } // buffers out now

private:
    std::vector<std::unique_ptr<char[]>> m_free;
    std::size_t m_maxFree;
    std::size_t m_leased = 0;
};

class BufferLease
{
public:
    explicit BufferLease(BufferPool &pool)
        : m_pool(pool)
        , m_data(pool.acquire())
    {}
    ~BufferLease() { m_pool.release(m_data); }
    BufferLease(const BufferLease &) = delete;
    BufferLease &operator=(const BufferLease &) = delete;

    char *data() const { return m_data; }
    static constexpr std::size_t size() { return BufferPool::kBufferSize; }

private:
    BufferPool &m_pool;
    char *m_data;
};

} // namespace meshroute::proxy
