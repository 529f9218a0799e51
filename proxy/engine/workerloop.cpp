#include "engine/workerloop.h"

#include <algorithm>
#include <pthread.h>
#include <sched.h>
#include <thread>

namespace meshroute::proxy {

void runWorkerLoop(boost::asio::io_context &io, const BusyPoll &poll, LoopCounters &counters)
{
    if (poll.window.count() <= 0) {
        io.run();
        return;
    }
    using Clock = std::chrono::steady_clock;
    Clock::time_point pollUntil{}; // keep polling until then (set after each piece of work)
    bool polling = false;
    while (!io.stopped()) {
        // Everything ready now, and whatever epoll_wait(…, 0) finds, until nothing is left.
        if (io.poll() > 0) {
            if (polling)
                counters.add(counters.pollsWithWork);
            pollUntil = Clock::now() + poll.window;
            polling = false;
            continue;
        }
        if (io.stopped())
            break;
        const Clock::time_point now = Clock::now();
        if (now < pollUntil) {
            counters.add(counters.emptyPolls);
            polling = true;
            sched_yield();
            const Clock::time_point after = Clock::now();
            if (after - now > poll.contended) {
                // Another task needed this CPU: stop polling and sleep until the next event,
                // rather than compete for the CPU. Polling starts again after the next work.
                counters.add(counters.gaveWay);
                pollUntil = after;
            }
            continue;
        }
        polling = false;
        counters.add(counters.sleeps);
        io.run_one(); // sleep until something happens, then handle it
        pollUntil = Clock::now() + poll.window;
    }
}

std::vector<int> workerCpus(unsigned workers)
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (workers == 0 || sched_getaffinity(0, sizeof allowed, &allowed) != 0)
        return {};
    std::vector<int> cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE && cpus.size() < workers; ++cpu) {
        if (CPU_ISSET(cpu, &allowed))
            cpus.push_back(cpu);
    }
    if (cpus.size() < workers)
        return {};
    return cpus;
}

unsigned usableCpuCount()
{
    cpu_set_t allowed;
    CPU_ZERO(&allowed);
    if (sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) > 0)
        return static_cast<unsigned>(CPU_COUNT(&allowed));
    return std::max(1u, std::thread::hardware_concurrency());
}

bool pinThisThread(int cpu)
{
    if (cpu < 0 || cpu >= CPU_SETSIZE)
        return false;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0;
}

} // namespace meshroute::proxy
