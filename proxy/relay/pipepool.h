#pragma once

// Kernel pipes for zero-copy relay (splice(2): socket → pipe → socket), recycled per
// engine thread. A direction leases a pipe only while it moves a chunk of bulk data
// and gives it back empty, so idle connections hold no pipe and the descriptors in
// use stay bounded (`maxLeased`). Not thread-safe: one pool per thread.

#include <cstddef>
#include <vector>

namespace meshroute::proxy {

class PipePool
{
public:
    struct Pipe
    {
        int read = -1;
        int write = -1;
        bool valid() const { return read >= 0; }
    };

    explicit PipePool(std::size_t maxFree = 32, std::size_t maxLeased = 1024)
        : m_maxFree(maxFree)
        , m_maxLeased(maxLeased)
    {}
    ~PipePool();
    PipePool(const PipePool &) = delete;
    PipePool &operator=(const PipePool &) = delete;

    // A non-blocking pipe, or an invalid one when the lease limit is reached or the
    // system has no descriptor left (the caller relays through a buffer instead).
    Pipe acquire();
    // Gives a lease back; a pipe that may still hold bytes is closed, never reused.
    void release(Pipe &pipe, bool empty);

    std::size_t leased() const { return m_leased; }
    std::size_t idle() const { return m_free.size(); }

private:
    static void close(Pipe &pipe);

    std::vector<Pipe> m_free;
    std::size_t m_maxFree;
    std::size_t m_maxLeased;
    std::size_t m_leased = 0;
};

} // namespace meshroute::proxy
