// How engine threads wait and where they run (engine/workerloop.h): busy polling saves
// wake-ups while traffic flows, sleeps when there is none, gives the CPU away when another
// task needs it; pinning puts each worker on its own CPU, or nowhere when CPUs are too few.
// Real sockets on 127.0.0.1; every wait has a deadline.

#include "engine/engine.h"
#include "engine/workerloop.h"
#include "tablebuilder.h"
#include "testnet.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <pthread.h>
#include <sched.h>
#include <set>
#include <sys/resource.h>
#include <thread>

using namespace meshroute;
using namespace meshroute::proxy;
using testnet::Backend;
using testnet::Client;
using testnet::TableBuilder;

namespace {

struct EchoGateway
{
    Backend echo{Backend::echo()};
    std::shared_ptr<RouteTable> table;
    std::uint16_t port = 0;

    EchoGateway()
    {
        TableBuilder b;
        const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
        b.listener(31400, "default/gw", b.route("echo", {{c, 100}}));
        table = b.table;
    }
    bool start(Engine &engine)
    {
        const ApplyResult r = engine.start(table);
        for (const auto &l : r.listeners) {
            if (l.listening)
                port = l.boundPort;
        }
        return port != 0;
    }
};

EngineOptions options(unsigned threads, std::chrono::microseconds busyPoll, bool pin)
{
    EngineOptions o;
    o.ephemeralPorts = true;
    o.threads = threads;
    o.busyPoll = busyPoll;
    o.pinThreads = pin;
    return o;
}

// `rounds` ping-pongs of 64 bytes on one connection; false on the first failure.
bool pingPong(std::uint16_t port, int rounds)
{
    Client c;
    if (!c.connect(port))
        return false;
    const std::string message(64, 'p');
    for (int i = 0; i < rounds; ++i) {
        if (!c.send(message) || c.read(message.size()) != message)
            return false;
    }
    return true;
}

// Restricts the calling thread to one CPU; false when the system refuses.
bool restrictThisThreadTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

std::set<int> allowedCpus()
{
    cpu_set_t set;
    CPU_ZERO(&set);
    std::set<int> out;
    if (sched_getaffinity(0, sizeof set, &set) == 0) {
        for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
            if (CPU_ISSET(cpu, &set))
                out.insert(cpu);
        }
    }
    return out;
}

// The CPUs each thread of this process may run on, from /proc (what the kernel enforces).
std::vector<std::string> threadCpuLists()
{
    std::vector<std::string> out;
    for (const auto &entry : std::filesystem::directory_iterator("/proc/self/task")) {
        std::ifstream status(entry.path() / "status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.starts_with("Cpus_allowed_list:")) {
                out.push_back(line.substr(line.find_first_not_of(" \t", 18)));
                break;
            }
        }
    }
    return out;
}

std::chrono::microseconds processCpuTime()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto us = [](const timeval &t) { return std::int64_t(t.tv_sec) * 1000000 + t.tv_usec; };
    return std::chrono::microseconds(us(u.ru_utime) + us(u.ru_stime));
}

} // namespace

class tst_WorkerLoop : public QObject
{
    Q_OBJECT

private slots:
    void offByDefault();
    void busyPollFindsTheNextMessageWithoutSleeping();
    void busyPollSleepsWhenThereIsNoTraffic();
    void busyPollGivesTheCpuToAnotherTask();
    void pinsEachWorkerToItsOwnCpu();
    void noPinningWithMoreWorkersThanCpus();
    void workerCpusFollowTheAffinityMask();
    void oneThreadPerUsableCpu();
};

// Without the options the engine sleeps whenever it has nothing to do and runs anywhere.
void tst_WorkerLoop::offByDefault()
{
    EchoGateway gw;
    EngineOptions o;
    o.ephemeralPorts = true;
    o.threads = 2;
    QCOMPARE(o.busyPoll.count(), 0);
    QVERIFY(!o.pinThreads);
    Engine engine(o);
    QVERIFY(gw.start(engine));
    QVERIFY(pingPong(gw.port, 50));
    const auto loops = engine.workerLoops();
    QCOMPARE(loops.size(), std::size_t(2));
    std::uint64_t sleeps = 0;
    for (const WorkerLoopStats &l : loops) {
        QCOMPARE(l.cpu, -1);
        QCOMPARE(l.emptyPolls, std::uint64_t(0));
        QCOMPARE(l.pollsWithWork, std::uint64_t(0));
        sleeps += l.sleeps;
    }
    QCOMPARE(sleeps, std::uint64_t(0)); // io_context::run(): the loop's counters stay untouched
}

// A ping-pong through the gateway: the reply comes back within the polling window, so the
// worker finds it without going to sleep (a wake-up saved), and every message is relayed.
void tst_WorkerLoop::busyPollFindsTheNextMessageWithoutSleeping()
{
    EchoGateway gw;
    Engine engine(options(1, std::chrono::microseconds(2000), false));
    QVERIFY(gw.start(engine));
    // On a busy machine a polling turn may give the CPU away (and end) before the reply comes:
    // keep the ping-pong going until one turn found its work, within a deadline.
    int rounds = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (engine.workerLoops().at(0).pollsWithWork == 0 && std::chrono::steady_clock::now() < deadline) {
        QVERIFY(pingPong(gw.port, 50));
        rounds += 50;
    }
    const WorkerLoopStats l = engine.workerLoops().at(0);
    QVERIFY2(l.pollsWithWork > 0, std::to_string(l.pollsWithWork).c_str());
    QVERIFY(l.emptyPolls > 0);
    // Every message was relayed (the last count may land just after the client read the reply).
    const auto bytes = std::uint64_t(rounds) * 64;
    QVERIFY(testnet::waitFor([&] {
        const StatsSnapshot s = engine.snapshot();
        return s.clusters.at(0).values[Counter::BytesFromClient] == bytes &&
               s.clusters.at(0).values[Counter::BytesToClient] == bytes;
    }));
}

// Polling lasts a window after the last work, then the worker sleeps: an idle gateway
// with busy polling on costs no CPU.
void tst_WorkerLoop::busyPollSleepsWhenThereIsNoTraffic()
{
    EchoGateway gw;
    Engine engine(options(2, std::chrono::microseconds(500), false));
    QVERIFY(gw.start(engine));
    QVERIFY(pingPong(gw.port, 100));
    std::this_thread::sleep_for(std::chrono::milliseconds(50)); // past the window
    std::uint64_t before = 0;
    for (const WorkerLoopStats &l : engine.workerLoops())
        before += l.emptyPolls;
    const auto cpuBefore = processCpuTime();
    std::this_thread::sleep_for(std::chrono::milliseconds(400));
    const auto used = processCpuTime() - cpuBefore;
    std::uint64_t after = 0;
    for (const WorkerLoopStats &l : engine.workerLoops())
        after += l.emptyPolls;
    QCOMPARE(after, before); // not one polling turn while idle
    // Sleeping threads use next to nothing; a spinning one would use the whole 400 ms.
    QVERIFY2(used < std::chrono::milliseconds(100), std::to_string(used.count()).c_str());
}

// Another task runnable on the worker's CPU: the worker's yield lets it run, the worker
// notices (the yield came back late), stops polling and sleeps until its next event. The
// other task gets most of the CPU, and the traffic still flows.
void tst_WorkerLoop::busyPollGivesTheCpuToAnotherTask()
{
    const std::set<int> cpus = allowedCpus();
    if (cpus.empty())
        QSKIP("cannot read this process's CPU affinity");
    EchoGateway gw;
    Engine engine(options(1, std::chrono::microseconds(5000), true));
    QVERIFY(gw.start(engine));
    const int cpu = engine.workerLoops().at(0).cpu;
    QCOMPARE(cpu, *cpus.begin());

    // A busy task on the same CPU for the duration of the traffic.
    std::atomic<bool> stop{false};
    std::atomic<std::uint64_t> spins{0};
    std::thread hog([&] {
        pinThisThread(cpu);
        std::uint64_t n = 0;
        while (!stop.load(std::memory_order_relaxed))
            spins.store(++n, std::memory_order_relaxed);
    });
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(600);
    bool flowed = true;
    while (flowed && std::chrono::steady_clock::now() < until)
        flowed = pingPong(gw.port, 20);
    stop = true;
    hog.join();
    QVERIFY(flowed);
    QVERIFY(spins.load() > 0);
    const WorkerLoopStats l = engine.workerLoops().at(0);
    QVERIFY2(l.gaveWay > 0, std::to_string(l.gaveWay).c_str());
}

// Two workers on a machine with at least two CPUs: each is pinned to its own, as the kernel
// reports for the threads, and the rest of the process stays free to run anywhere.
void tst_WorkerLoop::pinsEachWorkerToItsOwnCpu()
{
    const std::set<int> cpus = allowedCpus();
    if (cpus.size() < 2)
        QSKIP("needs at least two CPUs");
    EchoGateway gw;
    Engine engine(options(2, std::chrono::microseconds(0), true));
    QVERIFY(gw.start(engine));
    QVERIFY(pingPong(gw.port, 10));
    const auto loops = engine.workerLoops();
    QCOMPARE(loops.size(), std::size_t(2));
    const auto first = cpus.begin();
    QCOMPARE(loops[0].cpu, *first);
    QCOMPARE(loops[1].cpu, *std::next(first));

    std::multiset<std::string> pinned;
    for (const std::string &list : threadCpuLists()) {
        if (list.find_first_of(",-") == std::string::npos)
            pinned.insert(list);
    }
    QVERIFY(pinned.count(std::to_string(loops[0].cpu)) >= 1);
    QVERIFY(pinned.count(std::to_string(loops[1].cpu)) >= 1);
    engine.stop(std::chrono::milliseconds(0));
    // This thread was never pinned.
    cpu_set_t mine;
    QCOMPARE(sched_getaffinity(0, sizeof mine, &mine), 0);
    QCOMPARE(std::size_t(CPU_COUNT(&mine)), cpus.size());
}

// More workers than CPUs: two would share one CPU whatever we did, so none is pinned.
void tst_WorkerLoop::noPinningWithMoreWorkersThanCpus()
{
    const std::size_t cpus = allowedCpus().size();
    if (cpus == 0)
        QSKIP("cannot read this process's CPU affinity");
    EchoGateway gw;
    Engine engine(options(static_cast<unsigned>(cpus + 1), std::chrono::microseconds(0), true));
    QVERIFY(gw.start(engine));
    QVERIFY(pingPong(gw.port, 10));
    for (const WorkerLoopStats &l : engine.workerLoops())
        QCOMPARE(l.cpu, -1);
}

// workerCpus() takes the CPUs the process may use, in order, and only when there are enough.
void tst_WorkerLoop::workerCpusFollowTheAffinityMask()
{
    const std::set<int> cpus = allowedCpus();
    if (cpus.empty())
        QSKIP("cannot read this process's CPU affinity");
    QVERIFY(workerCpus(0).empty());
    const std::vector<int> all = workerCpus(static_cast<unsigned>(cpus.size()));
    QCOMPARE(std::set<int>(all.begin(), all.end()), cpus);
    QVERIFY(std::is_sorted(all.begin(), all.end()));
    QVERIFY(workerCpus(static_cast<unsigned>(cpus.size() + 1)).empty());

    // Run a thread restricted to the last allowed CPU: it may have one worker there, not two.
    std::vector<int> one, two;
    std::thread restricted([&] {
        if (restrictThisThreadTo(*cpus.rbegin())) {
            one = workerCpus(1);
            two = workerCpus(2);
        }
    });
    restricted.join();
    QCOMPARE(one, std::vector<int>{*cpus.rbegin()});
    QVERIFY(two.empty());
    QVERIFY(!pinThisThread(-1));
    QVERIFY(!pinThisThread(CPU_SETSIZE));
}

// With no thread count given, the engine runs one thread per CPU it may use: started from a
// thread restricted to one CPU (as under `taskset -c 0` or a one-CPU cpuset), it runs one.
void tst_WorkerLoop::oneThreadPerUsableCpu()
{
    const std::set<int> cpus = allowedCpus();
    if (cpus.empty())
        QSKIP("cannot read this process's CPU affinity");
    {
        EchoGateway gw;
        Engine engine(options(0, std::chrono::microseconds(0), false));
        QVERIFY(gw.start(engine));
        QCOMPARE(engine.workerLoops().size(), cpus.size());
        QCOMPARE(usableCpuCount(), static_cast<unsigned>(cpus.size()));
    }
    std::size_t threads = 0;
    unsigned counted = 0;
    bool served = false;
    std::thread restricted([&] {
        if (!restrictThisThreadTo(*cpus.begin()))
            return;
        counted = usableCpuCount();
        EchoGateway gw;
        Engine engine(options(0, std::chrono::microseconds(0), true));
        served = gw.start(engine) && pingPong(gw.port, 5);
        threads = engine.workerLoops().size();
    });
    restricted.join();
    QCOMPARE(counted, 1u);
    QVERIFY(served);
    QCOMPARE(threads, std::size_t(1));
}

QTEST_GUILESS_MAIN(tst_WorkerLoop)
#include "tst_workerloop.moc"
