// The local gateway engine with real sockets on 127.0.0.1: routing, load balancing,
// limits, failover, relay semantics, hot apply and counters. Tables are written by
// hand (tablebuilder.h); every wait has a deadline.

#include "engine/engine.h"
#include "relay/bufferpool.h"
#include "tablebuilder.h"
#include "testnet.h"
#include "tlshello.h"

#include <QRegularExpression>
#include <QTest>

#include <map>
#include <set>

using namespace meshroute;
using namespace meshroute::proxy;
using testnet::Backend;
using testnet::Client;
using testnet::TableBuilder;
using testnet::waitFor;

namespace {

EngineOptions testOptions(unsigned threads = 2)
{
    EngineOptions o;
    o.ephemeralPorts = true;
    o.threads = threads;
    return o;
}

std::uint16_t portOf(const ApplyResult &result, std::uint32_t gatewayPort)
{
    for (const auto &l : result.listeners) {
        if (l.port == gatewayPort && l.listening)
            return l.boundPort;
    }
    return 0;
}

const ClusterStats *clusterStats(const StatsSnapshot &s, const std::string &subset)
{
    for (const auto &c : s.clusters) {
        if (c.subset == subset)
            return &c;
    }
    return nullptr;
}

const EndpointStats *endpointStats(const StatsSnapshot &s, const std::string &name)
{
    for (const auto &e : s.endpoints) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

std::uint64_t clusterCounter(const Engine &engine, const std::string &subset, Counter counter)
{
    const StatsSnapshot s = engine.snapshot();
    const ClusterStats *c = clusterStats(s, subset);
    return c ? c->values[counter] : 0;
}

// The payload a backend that says one word and closes sends back through the proxy.
std::string fetch(std::uint16_t port)
{
    Client c;
    if (!c.connect(port))
        return "<connect failed>";
    bool eof = false;
    return c.readToEof(3000, eof);
}

// The finished connections' records, once every connection has finished.
std::vector<ConnectionRecord> settledRecords(const Engine &engine)
{
    waitFor([&] { return engine.activeConnections() == 0; });
    return engine.recentConnections();
}

// The last finished connection's record (waits for it).
ConnectionRecord lastRecord(const Engine &engine)
{
    const auto records = settledRecords(engine);
    return records.empty() ? ConnectionRecord{} : records.back();
}

ClusterPolicy roundRobin()
{
    ClusterPolicy p;
    p.loadBalancer = LoadBalancerKind::RoundRobin;
    return p;
}

const std::string kV1Greeting = "Welcome, you are connected to node meshroute-worker.\n"
                                "Running on Pod tcp-echo-v1-7c775f57c9-frprp.\n"
                                "In namespace default.\n"
                                "With IP address 10.244.1.2.\n"
                                "Service default.\n";

} // namespace

class tst_Engine : public QObject
{
    Q_OBJECT

private slots:
    void tutorialGreetingEchoAndPodLog();
    void weightedSplitEightyTwenty();
    void perRouteDestinationCountersWhenRoutesShareACluster();
    void roundRobinAcrossReplicas();
    void leastRequestAvoidsTheBusyEndpoint();
    void sourceIpHashSticks();
    void maxConnectionsOverflowIsRefusedAndCounted();
    void failoverWhenAnEndpointRefuses();
    void ejectionAfterConsecutiveFailures();
    void connectTimeout();
    void backendDiesMidStream();
    void halfCloseKeepsTheOtherDirection();
    void idleTimeoutClosesQuietConnections();
    void noRouteClosesAtOnce_data();
    void noRouteClosesAtOnce();
    void busyPortIsReportedOthersStart();
    void portSharedByReusePortElsewhereIsBusy();
    void everyWorkerAcceptsOnItsOwnSocket();
    void tlsTerminationIsNotServedLocally();
    void tlsPassthroughRoutesBySni();
    void tlsPassthroughWithoutMatchingNameCloses();
    void tlsPassthroughSlowOrSilentClients();
    void hotApplyKeepsLiveConnections();
    void manyAppliesUnderLoadDropNothing();
    void exactByteCountersWhileOpenAndAfter();
    void openConnectionsAreDescribedWithBytesSoFar();
    void slowReaderDoesNotGrowMemory_data();
    void slowReaderDoesNotGrowMemory();
    void stopDrainsThenCloses();
};

// Open connections, as their workers see them now: route, subset, pod and bytes so far;
// gone from the list once closed, then in the record of finished ones.
void tst_Engine::openConnectionsAreDescribedWithBytesSoFar()
{
    TableBuilder b;
    const auto v1 = b.pod("tcp-echo-v1-7c775f57c9-frprp", "tcp-echo-v1", "v1");
    const auto c1 = b.cluster("v1", {TableBuilder::podEndpoint(*b.table, v1)});
    b.listener(31400, "default/tcp-echo-gateway", b.route("default/tcp-echo tcp[0]", {{c1, 100}}));
    Engine engine(testOptions());
    const std::uint16_t port = portOf(engine.start(b.table), 31400);
    QVERIFY(engine.openConnections().empty());

    std::vector<Client> clients(3);
    for (Client &c : clients) {
        QVERIFY(c.connect(port));
        QCOMPARE(c.read(kV1Greeting.size()), kV1Greeting);
    }
    QVERIFY(clients[0].send("hello\n"));
    QCOMPARE(clients[0].read(6), std::string("hello\n"));

    std::vector<ConnectionRecord> open;
    QVERIFY(waitFor([&] { return (open = engine.openConnections()).size() == 3; }));
    std::uint64_t echoed = 0;
    for (const ConnectionRecord &r : open) {
        QVERIFY(r.open);
        QCOMPARE(r.listener, std::string("default/tcp-echo-gateway:31400"));
        QCOMPARE(r.route, std::string("default/tcp-echo tcp[0]"));
        QCOMPARE(r.subset, std::string("v1"));
        QCOMPARE(r.endpoint, std::string("tcp-echo-v1-7c775f57c9-frprp"));
        QVERIFY(r.client.starts_with("127.0.0.1:"));
        QVERIFY(r.duration.count() > 0);
        if (r.bytesFromClient == 6) {
            ++echoed;
            QCOMPARE(r.bytesToClient, std::uint64_t(kV1Greeting.size() + 6));
        } else {
            QCOMPARE(r.bytesFromClient, std::uint64_t(0));
            QCOMPARE(r.bytesToClient, std::uint64_t(kV1Greeting.size()));
        }
    }
    QCOMPARE(echoed, std::uint64_t(1));
    QVERIFY(open[0].start <= open[1].start && open[1].start <= open[2].start);

    clients[0].close();
    QVERIFY(waitFor([&] { return engine.openConnections().size() == 2; }));
    QVERIFY(waitFor([&] { return engine.recentConnections().size() == 1; }));
    QVERIFY(!engine.recentConnections().front().open);
    engine.stop(std::chrono::milliseconds(0));
    QVERIFY(engine.openConnections().empty());
}

void tst_Engine::tutorialGreetingEchoAndPodLog()
{
    TableBuilder b;
    const auto v1 = b.pod("tcp-echo-v1-7c775f57c9-frprp", "tcp-echo-v1", "v1");
    const auto v2 =
        b.pod("tcp-echo-v2-6bcfd7dcf4-2sqhf", "tcp-echo-v2", "v2", "meshroute-worker2", "10.244.2.2");
    const auto c1 = b.cluster("v1", {TableBuilder::podEndpoint(*b.table, v1)});
    const auto c2 = b.cluster("v2", {TableBuilder::podEndpoint(*b.table, v2)});
    b.listener(31400, "default/tcp-echo-gateway", b.route("default/tcp-echo tcp[0]", {{c1, 100}}));
    b.listener(31401, "default/tcp-echo-gateway-v2", b.route("default/tcp-echo tcp[1]", {{c2, 100}}));

    Engine engine(testOptions());
    const ApplyResult started = engine.start(b.table);
    QVERIFY2(started.ok(), started.errors.empty() ? "" : started.errors.front().c_str());

    Client client;
    QVERIFY(client.connect(portOf(started, 31400)));
    // The greeting arrives before the client sends anything.
    QCOMPARE(client.read(kV1Greeting.size()), kV1Greeting);
    QVERIFY(client.send("hello, app1\n"));
    QCOMPARE(client.read(12), std::string("hello, app1\n"));
    QVERIFY(client.send("continue..\n"));
    QCOMPARE(client.read(11), std::string("continue..\n"));

    Client other;
    QVERIFY(other.connect(portOf(started, 31401)));
    const std::string greeting2 = other.readUntil("Service default.\n");
    QVERIFY(greeting2.starts_with("Welcome, you are connected to node meshroute-worker2.\n"
                                  "Running on Pod tcp-echo-v2-6bcfd7dcf4-2sqhf.\n"));
    QVERIFY(greeting2.find("With IP address 10.244.2.2.\n") != std::string::npos);

    // The pod's log, in the tutorial's format, one uuid for the connection.
    std::vector<PodLogLine> log;
    QVERIFY(waitFor([&] { return (log = engine.podLog("tcp-echo-v1-7c775f57c9-frprp")).size() == 4; }));
    const QRegularExpression raw(
        R"(^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} ([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}) - Received Raw Data: \[104 101 108 108 111 44 32 97 112 112 49 10\]$)");
    const auto m = raw.match(QString::fromStdString(log[0].text));
    QVERIFY2(m.hasMatch(), log[0].text.c_str());
    const std::string uuid = m.captured(1).toStdString();
    QVERIFY(log[1].text.ends_with(uuid + " - Received Data (converted to string): hello, app1"));
    QVERIFY(log[2].text.ends_with(uuid + " - Received Raw Data: [99 111 110 116 105 110 117 101 46 46 10]"));
    QVERIFY(log[3].text.ends_with(uuid + " - Received Data (converted to string): continue.."));
    QCOMPARE(log[0].pod, std::string("tcp-echo-v1-7c775f57c9-frprp"));
    QVERIFY(engine.podLog("tcp-echo-v2-6bcfd7dcf4-2sqhf").empty());
    // Only new lines after a sequence number.
    QCOMPARE(engine.podLog({}, log[1].seq).size(), std::size_t(2));
}

void tst_Engine::weightedSplitEightyTwenty()
{
    Backend a(Backend::say("A"));
    Backend bb(Backend::say("B"));
    TableBuilder b;
    const auto ca = b.cluster("a", {TableBuilder::address(a.port())});
    const auto cb = b.cluster("b", {TableBuilder::address(bb.port())});
    b.listener(31400, "default/gw", b.route("split", {{ca, 80}, {cb, 20}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    std::map<std::string, int> seen;
    for (int i = 0; i < 1000; ++i)
        ++seen[fetch(port)];
    QCOMPARE(seen["A"] + seen["B"], 1000);
    // Binomial(1000, 0.8): sd 12.6; 5 sd either side.
    QVERIFY2(seen["A"] > 737 && seen["A"] < 863, std::to_string(seen["A"]).c_str());
    QVERIFY(waitFor([&] {
        return clusterCounter(engine, "a", Counter::ConnectionsOpened) +
                   clusterCounter(engine, "b", Counter::ConnectionsOpened) ==
               1000;
    }));
    QCOMPARE(clusterCounter(engine, "a", Counter::ConnectionsOpened), std::uint64_t(seen["A"]));
}

// Two routes send to cluster "a": the cluster's block sums both, each route's own
// per-destination block counts only what that route sent (the console's edge numbers
// and observed shares), and a hot apply of the same routes keeps those counts.
void tst_Engine::perRouteDestinationCountersWhenRoutesShareACluster()
{
    Backend a(Backend::say("A"));
    Backend bb(Backend::say("B"));
    TableBuilder b;
    const auto ca = b.cluster("a", {TableBuilder::address(a.port())});
    const auto cb = b.cluster("b", {TableBuilder::address(bb.port())});
    b.listener(31400, "default/gw", b.route("split", {{ca, 50}, {cb, 50}}));
    b.listener(31401, "default/gw", b.route("only-a", {{ca, 100}}));
    Engine engine(testOptions());
    const auto result = engine.start(b.table);
    const auto splitPort = portOf(result, 31400);
    const auto onlyPort = portOf(result, 31401);

    std::map<std::string, int> seen;
    for (int i = 0; i < 100; ++i)
        ++seen[fetch(splitPort)];
    for (int i = 0; i < 30; ++i)
        QCOMPARE(fetch(onlyPort), std::string("A"));

    const auto destinationOpened = [&](const std::string &route, std::size_t d) {
        for (const RouteStats &r : engine.snapshot().routes) {
            if (r.name.find(route) != std::string::npos && d < r.destinations.size())
                return r.destinations[d].values[Counter::ConnectionsOpened];
        }
        return std::uint64_t(~0ull);
    };
    QVERIFY(waitFor([&] {
        return clusterCounter(engine, "a", Counter::ConnectionsClosed) == std::uint64_t(seen["A"] + 30);
    }));
    QCOMPARE(destinationOpened("split", 0), std::uint64_t(seen["A"]));
    QCOMPARE(destinationOpened("split", 1), std::uint64_t(seen["B"]));
    QCOMPARE(destinationOpened("only-a", 0), std::uint64_t(30));
    QCOMPARE(clusterCounter(engine, "a", Counter::ConnectionsOpened), std::uint64_t(seen["A"] + 30));
    for (const RouteStats &r : engine.snapshot().routes) {
        if (r.name.find("split") != std::string::npos) {
            QCOMPARE(r.destinations.size(), std::size_t(2));
            QCOMPARE(r.destinations[0].weight, std::uint32_t(50));
            QCOMPARE(r.destinations[0].cluster,
                     std::string("outbound|3333|a|tcp-echo.default.svc.cluster.local"));
            QCOMPARE(r.destinations[1].subset, std::string("b"));
            // Every byte the backend said ("A" per connection) counted on this route's edge.
            QCOMPARE(r.destinations[0].values[Counter::BytesToClient], std::uint64_t(seen["A"]));
        }
    }

    QVERIFY(engine.apply(b.table).ok());
    QCOMPARE(destinationOpened("only-a", 0), std::uint64_t(30));
}

void tst_Engine::roundRobinAcrossReplicas()
{
    Backend r1(Backend::say("1")), r2(Backend::say("2")), r3(Backend::say("3"));
    TableBuilder b;
    const auto c = b.cluster("v1",
                             {TableBuilder::address(r1.port()), TableBuilder::address(r2.port()),
                              TableBuilder::address(r3.port())},
                             roundRobin());
    b.listener(31400, "default/gw", b.route("rr", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    std::string order;
    for (int i = 0; i < 9; ++i)
        order += fetch(port);
    QCOMPARE(order.size(), std::size_t(9));
    // In turn: every replica once per round, the same order every round.
    QCOMPARE(order.substr(0, 3), order.substr(3, 3));
    QCOMPARE(order.substr(0, 3), order.substr(6, 3));
    std::string round = order.substr(0, 3);
    std::sort(round.begin(), round.end());
    QCOMPARE(round, std::string("123"));
}

void tst_Engine::leastRequestAvoidsTheBusyEndpoint()
{
    Backend x(Backend::sayAndHold("X"));
    Backend y(Backend::sayAndHold("Y"));
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(x.port()), TableBuilder::address(y.port())});
    QCOMPARE(b.table->clusters[c].policy.loadBalancer, LoadBalancerKind::LeastRequest); // Istio's default
    b.listener(31400, "default/gw", b.route("lr", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    Client held;
    QVERIFY(held.connect(port));
    const std::string busy = held.read(1);
    QVERIFY(busy == "X" || busy == "Y");
    const std::string idle = busy == "X" ? "Y" : "X";
    for (int i = 0; i < 6; ++i) {
        Client c2;
        QVERIFY(c2.connect(port));
        QCOMPARE(c2.read(1), idle);
        c2.close();
        QVERIFY(waitFor([&] { return engine.activeConnections() == 1; }));
    }
}

void tst_Engine::sourceIpHashSticks()
{
    Backend r1(Backend::say("1")), r2(Backend::say("2")), r3(Backend::say("3"));
    TableBuilder b;
    ClusterPolicy policy;
    policy.loadBalancer = LoadBalancerKind::SourceIpHash;
    const auto c = b.cluster("v1",
                             {TableBuilder::address(r1.port()), TableBuilder::address(r2.port()),
                              TableBuilder::address(r3.port())},
                             policy);
    b.listener(31400, "default/gw", b.route("hash", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);
    const std::string first = fetch(port);
    QCOMPARE(first.size(), std::size_t(1));
    for (int i = 0; i < 10; ++i)
        QCOMPARE(fetch(port), first);
}

void tst_Engine::maxConnectionsOverflowIsRefusedAndCounted()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    ClusterPolicy policy;
    policy.maxConnections = 2;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())}, policy);
    b.listener(31400, "default/gw", b.route("limited", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    Client one, two, three;
    QVERIFY(one.connect(port) && one.send("1") && one.read(1) == "1");
    QVERIFY(two.connect(port) && two.send("2") && two.read(1) == "2");
    QVERIFY(three.connect(port));
    bool eof = false;
    QCOMPARE(three.readToEof(2000, eof), std::string());
    QVERIFY(eof);
    QCOMPARE(clusterCounter(engine, "v1", Counter::Overflow), std::uint64_t(1));
    QCOMPARE(echo.accepted(), 2);

    one.close();
    QVERIFY(waitFor([&] { return engine.activeConnections() == 1; }));
    Client four;
    QVERIFY(four.connect(port) && four.send("4") && four.read(1) == "4");
    QVERIFY(waitFor([&] {
        const auto records = engine.recentConnections();
        return std::count_if(records.begin(), records.end(), [](const ConnectionRecord &r) {
                   return r.reason == CloseReason::Overflow;
               }) == 1;
    }));
}

void tst_Engine::failoverWhenAnEndpointRefuses()
{
    Backend good(Backend::say("ok"));
    const auto refusing = testnet::closedPort();
    TableBuilder b;
    const auto c =
        b.cluster("v1", {TableBuilder::address(refusing), TableBuilder::address(good.port())}, roundRobin());
    b.listener(31400, "default/gw", b.route("failover", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(fetch(port), std::string("ok"));
    // Every connection reached the good endpoint; the refusing one's failures are counted.
    const StatsSnapshot s = engine.snapshot();
    const auto failures =
        endpointStats(s, "127.0.0.1:" + std::to_string(refusing))->values[Counter::ConnectFailures];
    QVERIFY(failures >= 1);
    QCOMPARE(clusterStats(s, "v1")->values[Counter::ConnectFailures], failures);
    QCOMPARE(endpointStats(s, "127.0.0.1:" + std::to_string(good.port()))->values[Counter::ConnectionsOpened],
             std::uint64_t(4));
    QCOMPARE(clusterStats(s, "v1")->values[Counter::NoHealthyUpstream], std::uint64_t(0));
}

void tst_Engine::ejectionAfterConsecutiveFailures()
{
    Backend good(Backend::say("ok"));
    const auto refusing = testnet::closedPort();
    TableBuilder b;
    ClusterPolicy policy = roundRobin();
    policy.outlier.enabled = true;
    policy.outlier.consecutiveFailures = 2;
    policy.outlier.maxEjectionPercent = 50;
    const auto c =
        b.cluster("v1", {TableBuilder::address(refusing), TableBuilder::address(good.port())}, policy);
    b.listener(31400, "default/gw", b.route("eject", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(fetch(port), std::string("ok"));
    // Two failures in a row eject it; afterwards it is not tried any more.
    const StatsSnapshot s = engine.snapshot();
    const EndpointStats *bad = endpointStats(s, "127.0.0.1:" + std::to_string(refusing));
    QCOMPARE(bad->values[Counter::ConnectFailures], std::uint64_t(2));
    QCOMPARE(bad->values[Counter::Ejections], std::uint64_t(1));
    QVERIFY(bad->ejected);
    QCOMPARE(clusterStats(s, "v1")->values[Counter::Ejections], std::uint64_t(1));
}

void tst_Engine::connectTimeout()
{
    // A listener whose accept queue is full drops new SYNs: connecting to it hangs.
    std::uint16_t port = 0;
    const int full = testnet::listenOn(0, 0, port);
    std::vector<Client> fillers;
    for (int i = 0; i < 8; ++i) {
        Client f;
        if (!f.connect(port, 200))
            break;
        fillers.push_back(std::move(f));
    }
    TableBuilder b;
    ClusterPolicy policy;
    policy.connectTimeout = std::chrono::milliseconds(300);
    const auto c = b.cluster("v1", {TableBuilder::address(port)}, policy);
    b.listener(31400, "default/gw", b.route("timeout", {{c, 100}}));
    Engine engine(testOptions());
    const auto proxyPort = portOf(engine.start(b.table), 31400);

    const auto t0 = testnet::Clock::now();
    Client client;
    QVERIFY(client.connect(proxyPort));
    bool eof = false;
    QCOMPARE(client.readToEof(3000, eof), std::string());
    QVERIFY(eof);
    const auto took = testnet::Clock::now() - t0;
    QVERIFY(took >= std::chrono::milliseconds(250));
    QVERIFY(took < std::chrono::milliseconds(2500));
    QCOMPARE(clusterCounter(engine, "v1", Counter::ConnectTimeouts), std::uint64_t(1));
    QCOMPARE(lastRecord(engine).reason, CloseReason::ConnectFailed);
    ::close(full);
}

void tst_Engine::backendDiesMidStream()
{
    const std::string part(1000, 'x');
    Backend dying([part](int fd, Backend &) {
        Backend::sendAll(fd, part);
        linger l{1, 0}; // then vanish with a reset, as a crashed process does
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    });
    Backend graceful(Backend::say(part));
    TableBuilder b;
    const auto cd = b.cluster("dying", {TableBuilder::address(dying.port())});
    const auto cg = b.cluster("graceful", {TableBuilder::address(graceful.port())});
    b.listener(31400, "default/gw", b.route("dying", {{cd, 100}}));
    b.listener(31401, "default/gw2", b.route("graceful", {{cg, 100}}));
    Engine engine(testOptions());
    const auto started = engine.start(b.table);

    {
        Client client;
        QVERIFY(client.connect(portOf(started, 31401)));
        bool eof = false;
        QCOMPARE(client.readToEof(3000, eof), part); // everything, then EOF
        QVERIFY(eof);
    }
    {
        Client client;
        QVERIFY(client.connect(portOf(started, 31400)));
        bool eof = false;
        const std::string got = client.readToEof(3000, eof);
        QVERIFY(eof); // closed (FIN or reset), never hanging
        QVERIFY(got.size() <= part.size());
    }
    QVERIFY(waitFor([&] { return engine.activeConnections() == 0; }));
    const auto records = engine.recentConnections();
    QCOMPARE(records.size(), std::size_t(2));
}

void tst_Engine::halfCloseKeepsTheOtherDirection()
{
    // Reads until the client's EOF, then answers and closes.
    Backend counter([](int fd, Backend &self) {
        std::size_t total = 0;
        char buffer[4096];
        while (self.waitReadable(fd)) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            total += static_cast<std::size_t>(n);
        }
        Backend::sendAll(fd, "got " + std::to_string(total) + " bytes\n");
    });
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(counter.port())});
    b.listener(31400, "default/gw", b.route("half", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    Client client;
    QVERIFY(client.connect(port));
    QVERIFY(client.send(std::string(5000, 'a')));
    client.shutdownWrite();
    bool eof = false;
    QCOMPARE(client.readToEof(3000, eof), std::string("got 5000 bytes\n"));
    QVERIFY(eof);
    QVERIFY(waitFor([&] { return engine.activeConnections() == 0; }));
    QCOMPARE(lastRecord(engine).reason, CloseReason::Finished);
}

void tst_Engine::idleTimeoutClosesQuietConnections()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    ClusterPolicy policy;
    policy.idleTimeout = std::chrono::milliseconds(400);
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())}, policy);
    b.listener(31400, "default/gw", b.route("idle", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    Client client;
    QVERIFY(client.connect(port));
    // Activity keeps it open past the timeout...
    for (int i = 0; i < 4; ++i) {
        QVERIFY(client.send("ping"));
        QCOMPARE(client.read(4), std::string("ping"));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    // ...silence closes it.
    const auto t0 = testnet::Clock::now();
    bool eof = false;
    QCOMPARE(client.readToEof(3000, eof), std::string());
    QVERIFY(eof);
    QVERIFY(testnet::Clock::now() - t0 >= std::chrono::milliseconds(150));
    QVERIFY(waitFor([&] { return clusterCounter(engine, "v1", Counter::IdleTimeouts) == 1; }));
    QCOMPARE(lastRecord(engine).reason, CloseReason::IdleTimeout);
}

void tst_Engine::noRouteClosesAtOnce_data()
{
    QTest::addColumn<QString>("why");
    QTest::newRow("undefined subset") << "subset \"v3\" is not defined in DestinationRule default/tcp-echo";
    QTest::newRow("unknown host") << "unknown host nowhere.default.svc.cluster.local";
    QTest::newRow("listener without route") << QString();
    QTest::newRow("every weight zero") << "weights";
}

void tst_Engine::noRouteClosesAtOnce()
{
    QFETCH(QString, why);
    Backend echo(Backend::echo());
    TableBuilder b;
    if (why.isEmpty()) {
        b.listener(31400, "default/gw", std::nullopt);
    } else if (why == "weights") {
        const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
        b.listener(31400, "default/gw", b.route("zero", {{c, 0}}));
    } else {
        const auto c = b.cluster("v3", {}, {}, why.toStdString());
        b.listener(31400, "default/gw", b.route("nowhere", {{c, 100}}));
    }
    // A listener without a route is not opened at all; the others accept and close.
    Engine engine(testOptions());
    const ApplyResult started = engine.start(b.table);
    if (why.isEmpty()) {
        QVERIFY(!started.listeners.front().listening);
        QCOMPARE(started.listeners.front().error, std::string("no tcp route serves this port"));
        return;
    }
    Client client;
    QVERIFY(client.connect(portOf(started, 31400)));
    bool eof = false;
    QCOMPARE(client.readToEof(2000, eof), std::string());
    QVERIFY(eof);
    QVERIFY(waitFor([&] { return engine.snapshot().listeners.front().values[Counter::NoRoute] == 1; }));
    QCOMPARE(lastRecord(engine).reason, CloseReason::NoRoute);
    QCOMPARE(echo.accepted(), 0);
}

void tst_Engine::busyPortIsReportedOthersStart()
{
    std::uint16_t busy = 0;
    const int blocker = testnet::listenOn(0, 4, busy);
    QVERIFY(blocker >= 0);
    const std::uint16_t free = testnet::freeListenPort();
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    const auto r = b.route("r", {{c, 100}});
    b.listener(busy, "default/busy-gateway", r);
    b.listener(free, "default/free-gateway", r);

    EngineOptions options = testOptions();
    options.ephemeralPorts = false;
    Engine engine(options);
    const ApplyResult started = engine.start(b.table);
    QCOMPARE(started.errors.size(), std::size_t(1));
    const std::string &error = started.errors.front();
    QVERIFY2(error.find("127.0.0.1:" + std::to_string(busy)) != std::string::npos, error.c_str());
    QVERIFY2(error.find("default/busy-gateway") != std::string::npos, error.c_str());
    QVERIFY(!started.listeners[0].listening);
    QVERIFY(started.listeners[1].listening);
    QCOMPARE(started.listeners[1].boundPort, free);
    Client client;
    QVERIFY(client.connect(free) && client.send("hi") && client.read(2) == "hi");
    ::close(blocker);
}

void tst_Engine::portSharedByReusePortElsewhereIsBusy()
{
    // Another program holding the port with SO_REUSEPORT (same user) would silently share the
    // connections if the engine just joined its group: the port must be reported busy.
    const int holder = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int on = 1;
    ::setsockopt(holder, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    ::setsockopt(holder, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    QVERIFY(::bind(holder, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 && ::listen(holder, 4) == 0);
    socklen_t len = sizeof a;
    ::getsockname(holder, reinterpret_cast<sockaddr *>(&a), &len);
    const std::uint16_t busy = ntohs(a.sin_port);

    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(busy, "default/shared-gateway", b.route("r", {{c, 100}}));
    EngineOptions options = testOptions();
    options.ephemeralPorts = false;
    Engine engine(options);
    const ApplyResult started = engine.start(b.table);
    QCOMPARE(started.errors.size(), std::size_t(1));
    const std::string &error = started.errors.front();
    QVERIFY2(error.find("127.0.0.1:" + std::to_string(busy)) != std::string::npos, error.c_str());
    QVERIFY2(error.find("default/shared-gateway") != std::string::npos, error.c_str());
    QVERIFY(!started.listeners[0].listening);
    ::close(holder);
    // Once the port is free, the next apply takes it.
    const ApplyResult again = engine.apply(b.table);
    QVERIFY2(again.ok(), again.errors.empty() ? "" : again.errors.front().c_str());
    QCOMPARE(again.listeners[0].boundPort, busy);
    Client client;
    QVERIFY(client.connect(busy) && client.send("hi") && client.read(2) == "hi");
}

void tst_Engine::everyWorkerAcceptsOnItsOwnSocket()
{
    // Two threads, each with its own SO_REUSEPORT socket on the (ephemeral) port: the kernel
    // spreads connections over both. A connection's id tells its thread (id % threads).
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(31400, "default/gw", b.route("spread", {{c, 100}}));
    Engine engine(testOptions(2));
    const auto port = portOf(engine.start(b.table), 31400);
    for (int i = 0; i < 200; ++i) {
        Client client;
        QVERIFY(client.connect(port) && client.send("x") && client.read(1) == "x");
    }
    const auto records = settledRecords(engine);
    QCOMPARE(records.size(), std::size_t(200));
    int perThread[2] = {0, 0};
    for (const auto &r : records)
        ++perThread[r.id % 2];
    // Hashing 200 client ports over two sockets: far from all on one side (p < 1e-15 below 40).
    QVERIFY2(perThread[0] >= 40 && perThread[1] >= 40,
             (std::to_string(perThread[0]) + " / " + std::to_string(perThread[1])).c_str());
}

void tst_Engine::tlsTerminationIsNotServedLocally()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(31400, "default/tls", b.route("r", {{c, 100}}));
    b.table->listeners[0].protocol = "TLS";
    b.table->listeners[0].tlsMode = "SIMPLE";
    Engine engine(testOptions());
    const ApplyResult started = engine.start(b.table);
    QVERIFY(started.ok()); // not an error of the machine: a limit of the local gateway
    QVERIFY(!started.listeners[0].listening);
    QCOMPARE(started.listeners[0].error,
             std::string("TLS termination (mode SIMPLE) is not done locally yet"));
}

namespace {

// A backend that says `tag` first, then echoes: which one answered, and what it was sent.
Backend::Handler tagThenEcho(std::string tag)
{
    return [tag](int fd, Backend &self) {
        Backend::sendAll(fd, tag);
        Backend::echo()(fd, self);
    };
}

} // namespace

// A PASSTHROUGH port chooses the route by the ClientHello's server name, and the hello itself
// reaches the backend unchanged (the TLS handshake is the backend's business).
void tst_Engine::tlsPassthroughRoutesBySni()
{
    Backend a(tagThenEcho("A\n"));
    Backend b(tagThenEcho("B\n"));
    TableBuilder t;
    const auto ca = t.cluster("a", {TableBuilder::address(a.port())});
    const auto cb = t.cluster("b", {TableBuilder::address(b.port())});
    t.sniListener(443, "default/tls",
                  {{{"a.example.com"}, t.route("default/v tls[0]", {{ca, 100}})},
                   {{"*.example.com"}, t.route("default/v tls[1]", {{cb, 100}})}});
    Engine engine(testOptions());
    const ApplyResult started = engine.start(t.table);
    QVERIFY(started.ok());
    QVERIFY(started.listeners[0].listening);
    QVERIFY(started.listeners[0].error.empty());
    const std::uint16_t port = portOf(started, 443);

    const auto exchange = [&](const std::string &hello) {
        Client c;
        if (!c.connect(port) || !c.send(hello))
            return std::string("<send failed>");
        return c.read(2 + hello.size());
    };
    const std::string helloA = testnet::clientHello("a.example.com");
    QCOMPARE(exchange(helloA), "A\n" + helloA);
    const std::string helloB = testnet::clientHello("Shop.Example.com");
    QCOMPARE(exchange(helloB), "B\n" + helloB);
    // A hello spread over many records, and a large one: whole, in order.
    testnet::HelloOptions split;
    split.serverName = "a.example.com";
    split.recordSize = 10;
    split.padding = 30000;
    const std::string big = testnet::clientHello(split);
    QCOMPARE(exchange(big), "A\n" + big);

    QVERIFY(waitFor([&] { return engine.activeConnections() == 0; }));
    const auto records = engine.recentConnections();
    QCOMPARE(records.size(), std::size_t(3));
    std::multiset<std::string> names, routes;
    for (const auto &r : records) {
        names.insert(r.serverName);
        routes.insert(r.route);
        QCOMPARE(r.reason, CloseReason::Finished);
    }
    QCOMPARE(names, (std::multiset<std::string>{"a.example.com", "a.example.com", "shop.example.com"}));
    QCOMPARE(routes,
             (std::multiset<std::string>{"default/v tls[0]", "default/v tls[0]", "default/v tls[1]"}));
    const StatsSnapshot s = engine.snapshot();
    QCOMPARE(clusterStats(s, "a")->values[Counter::BytesFromClient], helloA.size() + big.size());
    QCOMPARE(clusterStats(s, "b")->values[Counter::BytesToClient], 2 + helloB.size());
}

// No route for the name (and no "*"): closed at once, counted as no-route, nothing reached.
void tst_Engine::tlsPassthroughWithoutMatchingNameCloses()
{
    Backend a(tagThenEcho("A\n"));
    TableBuilder t;
    const auto ca = t.cluster("a", {TableBuilder::address(a.port())});
    t.sniListener(443, "default/tls", {{{"a.example.com"}, t.route("default/v tls[0]", {{ca, 100}})}});
    Engine engine(testOptions());
    const std::uint16_t port = portOf(engine.start(t.table), 443);
    for (const std::string &first :
         {testnet::clientHello("b.example.com"), testnet::clientHello(std::string()),
          std::string("GET / HTTP/1.1\r\n\r\n")}) {
        Client c;
        QVERIFY(c.connect(port));
        QVERIFY(c.send(first));
        bool eof = false;
        QCOMPARE(c.readToEof(2000, eof), std::string());
        QVERIFY(eof);
    }
    QVERIFY(waitFor([&] { return engine.snapshot().listeners.front().values[Counter::NoRoute] == 3; }));
    const auto records = settledRecords(engine);
    QCOMPARE(records.size(), std::size_t(3));
    for (const auto &r : records) {
        QCOMPARE(r.reason, CloseReason::NoRoute);
        QVERIFY(r.route.empty());
    }
    QCOMPARE(records.front().serverName + "|" + records.back().serverName, std::string("b.example.com|"));
    QCOMPARE(a.accepted(), 0);
}

// A hello a few bytes at a time is waited for; a client that says nothing (a server-first
// protocol) or something else is routed without a name when it is clear: "*" takes it.
void tst_Engine::tlsPassthroughSlowOrSilentClients()
{
    Backend a(tagThenEcho("A\n"));
    Backend any(tagThenEcho("ANY\n"));
    TableBuilder t;
    const auto ca = t.cluster("a", {TableBuilder::address(a.port())});
    const auto cany = t.cluster("any", {TableBuilder::address(any.port())});
    t.sniListener(443, "default/tls",
                  {{{"a.example.com"}, t.route("default/v tls[0]", {{ca, 100}})},
                   {{"*"}, t.route("default/v tls[1]", {{cany, 100}})}});
    EngineOptions options = testOptions();
    options.clientHelloTimeout = std::chrono::milliseconds(300);
    Engine engine(options);
    const std::uint16_t port = portOf(engine.start(t.table), 443);

    // Three pieces, 50 ms apart, then a half-close: routed by name; the EOF follows the bytes.
    const std::string hello = testnet::clientHello("a.example.com");
    {
        Client c;
        QVERIFY(c.connect(port));
        for (std::size_t at = 0; at < hello.size(); at += hello.size() / 3 + 1) {
            QVERIFY(c.send(std::string_view(hello).substr(at, hello.size() / 3 + 1)));
            QTest::qWait(50);
        }
        c.shutdownWrite();
        bool eof = false;
        QCOMPARE(c.readToEof(3000, eof), "A\n" + hello);
        QVERIFY(eof);
    }
    // Plain text on the port: no name, the catch-all at once (not after the timeout).
    {
        Client c;
        QVERIFY(c.connect(port));
        QVERIFY(c.send("hello\n"));
        QCOMPARE(c.read(10, 250), std::string("ANY\nhello\n"));
    }
    // Silent: routed when the hello timeout passes, so a server-first backend can greet.
    {
        Client c;
        QVERIFY(c.connect(port));
        QCOMPARE(c.read(4, 100), std::string()); // still waiting for a hello
        QCOMPARE(c.read(4, 3000), std::string("ANY\n"));
    }
    QCOMPARE(a.accepted(), 1);
    QCOMPARE(any.accepted(), 2);
}

void tst_Engine::hotApplyKeepsLiveConnections()
{
    TableBuilder b;
    const auto v1 = b.pod("tcp-echo-v1-7c775f57c9-frprp", "tcp-echo-v1", "v1");
    const auto v2 = b.pod("tcp-echo-v2-6bcfd7dcf4-2sqhf", "tcp-echo-v2", "v2");
    const auto c1 = b.cluster("v1", {TableBuilder::podEndpoint(*b.table, v1)});
    const auto c2 = b.cluster("v2", {TableBuilder::podEndpoint(*b.table, v2)});
    b.listener(31400, "default/gw", b.route("to-v1", {{c1, 100}}));
    auto first = b.table;

    Engine engine(testOptions());
    const ApplyResult started = engine.start(first);
    const auto port = portOf(started, 31400);
    Client live;
    QVERIFY(live.connect(port));
    QVERIFY(live.readUntil("Service default.\n").find("tcp-echo-v1") != std::string::npos);

    // Same port now goes to v2, and a second listener opens.
    TableBuilder b2;
    b2.table = std::make_shared<RouteTable>(*first);
    b2.table->routes[0].destinations = {{c2, 100}};
    b2.listener(31401, "default/gw2", b2.route("to-v1-again", {{c1, 100}}));
    const ApplyResult applied = engine.apply(b2.table);
    QVERIFY(applied.ok());
    QCOMPARE(portOf(applied, 31400), port); // kept bound
    QVERIFY(portOf(applied, 31401) != 0);
    QVERIFY(live.send("still there\n"));
    QCOMPARE(live.read(12), std::string("still there\n"));
    Client fresh;
    QVERIFY(fresh.connect(port));
    QVERIFY(fresh.readUntil("Service default.\n").find("tcp-echo-v2") != std::string::npos);

    // Removing the listener closes it for new connections only.
    auto third = std::make_shared<RouteTable>(*b2.table);
    third->listeners.erase(third->listeners.begin());
    QVERIFY(engine.apply(third).ok());
    QVERIFY(live.send("and now\n"));
    QCOMPARE(live.read(8), std::string("and now\n"));
    QVERIFY(fresh.send("v2 too\n"));
    QCOMPARE(fresh.read(7), std::string("v2 too\n"));
    Client refused;
    QVERIFY(!refused.connect(port, 500));
    QCOMPARE(engine.activeConnections(), std::int64_t(2));
}

void tst_Engine::manyAppliesUnderLoadDropNothing()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(31400, "default/gw", b.route("r", {{c, 100}}));
    auto second = std::make_shared<RouteTable>(*b.table);
    second->clusters[0].policy.loadBalancer = LoadBalancerKind::RoundRobin;
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    std::vector<Client> clients(16);
    for (auto &client : clients)
        QVERIFY(client.connect(port));
    for (int round = 0; round < 40; ++round) {
        QVERIFY(engine.apply(round % 2 ? b.table : second).ok());
        for (auto &client : clients) {
            const std::string word = "r" + std::to_string(round) + ";";
            QVERIFY(client.send(word));
            QCOMPARE(client.read(word.size()), word);
        }
        Client fresh; // and new connections are served throughout
        QVERIFY(fresh.connect(port) && fresh.send("x") && fresh.read(1) == "x");
    }
    QVERIFY(waitFor([&] { return engine.activeConnections() == std::int64_t(clients.size()); }));
    QCOMPARE(engine.snapshot().generation, std::uint64_t(41));
}

void tst_Engine::exactByteCountersWhileOpenAndAfter()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port(), "echo")});
    b.listener(31400, "default/gw", b.route("bytes", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);

    const std::string payload(100000, 'z');
    Client client;
    QVERIFY(client.connect(port));
    QVERIFY(client.send(payload));
    QCOMPARE(client.read(payload.size()).size(), payload.size());
    const auto expectAll = [&](std::uint64_t n) {
        const StatsSnapshot s = engine.snapshot();
        const std::vector<const CounterValues *> levels{&s.listeners[0].values, &s.routes[0].values,
                                                        &s.clusters[0].values, &s.endpoints[0].values};
        for (const CounterValues *v : levels) {
            if ((*v)[Counter::BytesFromClient] != n || (*v)[Counter::BytesToUpstream] != n ||
                (*v)[Counter::BytesFromUpstream] != n || (*v)[Counter::BytesToClient] != n)
                return false;
        }
        return true;
    };
    // Counted while the connection is still open...
    QVERIFY(waitFor([&] { return expectAll(payload.size()); }));
    QCOMPARE(engine.snapshot().clusters[0].values.active, std::int64_t(1));
    // ...and exactly the same once it has closed.
    client.close();
    QVERIFY(waitFor([&] { return engine.activeConnections() == 0; }));
    QVERIFY(expectAll(payload.size()));
    const StatsSnapshot s = engine.snapshot();
    QCOMPARE(s.clusters[0].values[Counter::ConnectionsOpened], std::uint64_t(1));
    QCOMPARE(s.clusters[0].values[Counter::ConnectionsClosed], std::uint64_t(1));
    QCOMPARE(s.clusters[0].values.latencyCount(), std::uint64_t(1));
    const auto records = engine.recentConnections();
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(records[0].bytesFromClient, std::uint64_t(payload.size()));
    QCOMPARE(records[0].bytesToClient, std::uint64_t(payload.size()));
    QCOMPARE(records[0].endpoint, "127.0.0.1:" + std::to_string(echo.port()));
    QCOMPARE(records[0].subset, std::string("v1"));
    QCOMPARE(records[0].route, std::string("bytes"));
    QCOMPARE(records[0].listener, std::string("default/gw:31400"));
    QVERIFY(records[0].client.starts_with("127.0.0.1:"));
}

void tst_Engine::slowReaderDoesNotGrowMemory_data()
{
    QTest::addColumn<bool>("splice");
    QTest::newRow("through 64 KiB buffers (default)") << false;
    QTest::newRow("through pipes (splice)") << true;
}

void tst_Engine::slowReaderDoesNotGrowMemory()
{
    QFETCH(bool, splice);
    // The backend pushes as fast as it can; the client does not read for a while.
    Backend firehose([](int fd, Backend &self) {
        const std::string chunk(65536, 'f');
        std::size_t budget = std::size_t(256) << 20; // at most 256 MiB
        while (budget > 0 && !self.stopping()) {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, 20) != 1)
                continue;
            const ssize_t n =
                ::send(fd, chunk.data(), std::min(chunk.size(), budget), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n < 0 && errno != EAGAIN)
                break;
            if (n > 0)
                budget -= static_cast<std::size_t>(n);
        }
    });
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(firehose.port())});
    b.listener(31400, "default/gw", b.route("slow", {{c, 100}}));
    EngineOptions options = testOptions();
    options.splice = splice;
    Engine engine(options);
    const auto port = portOf(engine.start(b.table), 31400);

    Client client;
    QVERIFY(client.connect(port));
    QCOMPARE(client.read(1000).size(), std::size_t(1000));
    const long before = testnet::rssKiB();
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    const StatsSnapshot s = engine.snapshot();
    const auto fromUpstream = s.clusters[0].values[Counter::BytesFromUpstream];
    const auto toClient = s.clusters[0].values[Counter::BytesToClient];
    // At most one buffer in flight inside the proxy; the rest waits in the kernels' socket buffers.
    static_assert(BufferPool::kBufferSize == 64 * 1024);
    QVERIFY2(fromUpstream - toClient <= BufferPool::kBufferSize,
             std::to_string(fromUpstream - toClient).c_str());
    QVERIFY2(fromUpstream < 32u * 1024 * 1024, std::to_string(fromUpstream).c_str());
    QVERIFY2(testnet::rssKiB() - before < 8 * 1024, std::to_string(testnet::rssKiB() - before).c_str());
    // Reading again lets it flow.
    QCOMPARE(client.read(64 * 1024 * 1024, 10000).size(), std::size_t(64 * 1024 * 1024));
    client.close();
    firehose.stop();
}

void tst_Engine::stopDrainsThenCloses()
{
    Backend echo(Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(31400, "default/gw", b.route("drain", {{c, 100}}));
    Engine engine(testOptions());
    const auto port = portOf(engine.start(b.table), 31400);
    Client finishing, lingering;
    QVERIFY(finishing.connect(port) && finishing.send("a") && finishing.read(1) == "a");
    QVERIFY(lingering.connect(port) && lingering.send("b") && lingering.read(1) == "b");

    std::thread closer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        finishing.close();
    });
    const auto t0 = testnet::Clock::now();
    engine.stop(std::chrono::milliseconds(600));
    const auto took = testnet::Clock::now() - t0;
    closer.join();
    // The drain waited for the deadline (one connection stayed), then closed it.
    QVERIFY(took >= std::chrono::milliseconds(550));
    QVERIFY(took < std::chrono::milliseconds(3000));
    bool eof = false;
    lingering.readToEof(1000, eof);
    QVERIFY(eof);
    QVERIFY(!engine.running());
    QCOMPARE(engine.activeConnections(), std::int64_t(0));
    Client after;
    QVERIFY(!after.connect(port, 300));
}

QTEST_GUILESS_MAIN(tst_Engine)
#include "tst_engine.moc"
