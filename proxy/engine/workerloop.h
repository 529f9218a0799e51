#pragma once

// How an engine thread waits for work, and where it runs.
//
// Without busy polling a worker sleeps in epoll_wait whenever it has nothing to do, and the
// next packet has to wake it. On a virtual machine that wake-up (an interrupt to a halted
// virtual CPU) costs tens of microseconds, more than relaying the packet. With busy polling
// the worker, after each piece of work, keeps looking for the next one (epoll_wait without a
// timeout) for a short window before it sleeps. It never keeps the CPU from anyone: every empty
// turn yields it (sched_yield), and a yield that comes back late means another task was waiting
// for this CPU, so the worker stops polling and sleeps until its next event.
//
// Pinning puts worker i on the i-th CPU this process may use, so the scheduler cannot stack
// two workers on one CPU while the other runs the load; it is skipped when there are fewer
// CPUs than workers.

#include <boost/asio/io_context.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <vector>

namespace meshroute::proxy {

struct BusyPoll
{
    std::chrono::microseconds window{0}; // 0: sleep as soon as there is nothing to do
    // A yield that took longer than this gave the CPU to another task: polling stops there.
    std::chrono::microseconds contended{20};
};

// What one worker's loop did; written by the worker only, read by anyone.
struct LoopCounters
{
    std::atomic<int> cpu{-1};                    // pinned to this CPU, or -1
    std::atomic<std::uint64_t> sleeps{0};        // waits in epoll_wait until something happened
    std::atomic<std::uint64_t> emptyPolls{0};    // busy-poll turns that found nothing
    std::atomic<std::uint64_t> gaveWay{0};       // yields that let another task run (backoffs)
    std::atomic<std::uint64_t> pollsWithWork{0}; // busy-poll turns that found something to do

    void add(std::atomic<std::uint64_t> &counter) // single writer: no read-modify-write needed
    {
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    }
};

// Runs `io` until it is stopped (or runs out of work), busy polling as `poll` says.
// Exceptions from handlers propagate, as from io_context::run().
void runWorkerLoop(boost::asio::io_context &io, const BusyPoll &poll, LoopCounters &counters);

// The CPUs to pin `workers` threads to, one each: the first CPUs of this process's affinity
// mask, or nothing when the mask has fewer than `workers` CPUs (or cannot be read).
std::vector<int> workerCpus(unsigned workers);

// How many CPUs the calling thread may run on (its affinity mask, e.g. `taskset` or a container's
// cpuset), at least 1; the online CPUs when the mask cannot be read.
unsigned usableCpuCount();

// Pins the calling thread to `cpu`; false when the system refuses (the thread stays unpinned).
bool pinThisThread(int cpu);

} // namespace meshroute::proxy
