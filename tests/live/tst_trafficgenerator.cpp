// The studio's traffic generator (app/studio/live/trafficgenerator), against the
// bundled demo on a LiveSession and against small backends, with real sockets on
// 127.0.0.1. Runs in the TSan build too: the generator's thread connects, the
// engine's threads serve, and this (GUI) thread reads progress() and samples.

#include "live/trafficgenerator.h"
#include "livetest.h"

#include <QTest>

#include <map>

using namespace meshroute;
using namespace meshroute::studio;
using namespace testnet;

namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// Starts `live` on the demo (with the 80/20 split when `split`), on ephemeral ports.
bool startDemo(LiveSession &live, bool split)
{
    return livetest::start(live, split ? livetest::splitText() : livetest::demoText(), 100);
}

TrafficPlan countPlan(std::uint16_t port, std::uint64_t count)
{
    TrafficPlan plan;
    plan.port = port;
    plan.mode = TrafficPlan::Mode::Count;
    plan.count = count;
    plan.concurrency = 20;
    return plan;
}

TrafficPlan ratePlan(std::uint16_t port, double rate, double seconds)
{
    TrafficPlan plan;
    plan.port = port;
    plan.mode = TrafficPlan::Mode::Rate;
    plan.rate = rate;
    plan.durationSeconds = seconds;
    plan.concurrency = 200;
    return plan;
}

// Waits for the run while the event loop turns (the session samples meanwhile).
bool finish(TrafficGenerator &gen, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!gen.finished()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return gen.wait(std::chrono::milliseconds(1000));
}

std::uint64_t opened(const proxy::CounterValues &values)
{
    return values[proxy::Counter::ConnectionsOpened];
}

} // namespace

class tst_TrafficGenerator : public QObject
{
    Q_OBJECT

private slots:
    void observedSplitFollowsTheWeightsAndMatchesTheEngine();
    void rateRunOpensRateTimesDuration();
    void sustainsAThousandConnectionsPerSecond();
    void cancelStopsEarly();
    void failuresCarryTheirReason_data();
    void failuresCarryTheirReason();
    void backendsWithoutTheDemoGreetingAreAccepted_data();
    void backendsWithoutTheDemoGreetingAreAccepted();
    void aRunEndsAtItsTimeLimit();
    void invalidPlansAreRefused_data();
    void invalidPlansAreRefused();
    void concurrencyBeyondTheDescriptorLimitIsRefused();
};

void tst_TrafficGenerator::observedSplitFollowsTheWeightsAndMatchesTheEngine()
{
    LiveSession live;
    QVERIFY(startDemo(live, true));
    const std::uint16_t port = live.boundPort(31400);
    QVERIFY(port != 0);

    TrafficGenerator gen;
    const int n = 400;
    QCOMPARE(gen.start(countPlan(port, n)), std::string());
    QVERIFY(gen.running());
    QVERIFY(finish(gen, 60000));
    const TrafficProgress p = gen.progress();
    QVERIFY(p.finished);
    QVERIFY(!p.running);
    QVERIFY(!p.wasCancelled);
    QCOMPARE(p.planned, std::uint64_t(n));
    QCOMPARE(p.started, std::uint64_t(n));
    QCOMPARE(p.failed, std::uint64_t(0));
    QCOMPARE(p.succeeded, std::uint64_t(n));
    QCOMPARE(p.open, std::uint64_t(0));

    std::map<QString, std::uint64_t> bySubset;
    for (const auto &[pod, count] : p.byPod) {
        QVERIFY2(pod.rfind("tcp-echo-v", 0) == 0, pod.c_str());
        bySubset[live.subsetOfPod(QString::fromStdString(pod))] += count;
    }
    QCOMPARE(bySubset[QStringLiteral("v1")] + bySubset[QStringLiteral("v2")], std::uint64_t(n));
    // Binomial(400, 0.8): sd 8; 5 sd either side.
    QVERIFY2(bySubset[QStringLiteral("v1")] > 280 && bySubset[QStringLiteral("v1")] < 360,
             qPrintable(QString::number(bySubset[QStringLiteral("v1")])));
    QVERIFY(p.p50Ms > 0);
    QVERIFY(p.p99Ms >= p.p50Ms);
    QVERIFY(p.maxMs >= p.p99Ms);

    // What the generator saw is what the engine counted, pod by pod.
    QTRY_VERIFY_WITH_TIMEOUT(live.activeConnections() == 0, 5000);
    live.sample();
    const TrafficSeries *listener =
        live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400"));
    QVERIFY(listener);
    QCOMPARE(opened(listener->totals), std::uint64_t(n));
    std::uint64_t endpoints = 0;
    for (const TrafficSeries *s : live.seriesOf(SeriesKind::Endpoint)) {
        const auto seen = p.byPod.find(s->label.toStdString());
        const std::uint64_t expected = seen == p.byPod.end() ? 0 : seen->second;
        QCOMPARE(opened(s->totals), expected);
        endpoints += opened(s->totals);
    }
    QCOMPARE(endpoints, std::uint64_t(n));
}

void tst_TrafficGenerator::rateRunOpensRateTimesDuration()
{
    LiveSession live;
    QVERIFY(startDemo(live, false));
    TrafficGenerator gen;
    QCOMPARE(gen.start(ratePlan(live.boundPort(31401), 200, 2.0)), std::string());

    // Progress is readable while it runs, and only grows.
    std::uint64_t lastStarted = 0;
    bool seenMidway = false;
    QElapsedTimer clock;
    clock.start();
    while (!gen.finished() && clock.elapsed() < 30000) {
        const TrafficProgress p = gen.progress();
        QVERIFY(p.started >= lastStarted);
        QVERIFY(p.done() <= p.planned);
        lastStarted = p.started;
        if (p.running && p.started > 50 && p.started < 350)
            seenMidway = true;
        QTest::qWait(50);
    }
    QVERIFY(gen.wait(std::chrono::milliseconds(1000)));
    QVERIFY(seenMidway);
    const TrafficProgress p = gen.progress();
    QCOMPARE(p.planned, std::uint64_t(400));
    QCOMPARE(p.started, std::uint64_t(400));
    QCOMPARE(p.succeeded, std::uint64_t(400));
    QCOMPARE(p.skipped, std::uint64_t(0));
    // Paced over the duration, not in one burst.
    QVERIFY2(p.elapsedSeconds >= 1.9 && p.elapsedSeconds < 6.0,
             qPrintable(QString::number(p.elapsedSeconds)));
    QCOMPARE(p.byPod.size(), std::size_t(1));
    QCOMPARE(live.subsetOfPod(QString::fromStdString(p.byPod.begin()->first)), QStringLiteral("v2"));
}

void tst_TrafficGenerator::sustainsAThousandConnectionsPerSecond()
{
    if (kSanitized)
        QSKIP("a throughput figure means nothing under a sanitizer");
    LiveSession live;
    QVERIFY(startDemo(live, true));
    TrafficGenerator gen;
    TrafficPlan plan = ratePlan(live.boundPort(31400), 1000, 3.0);
    plan.concurrency = 1000; // room for a second's stall of a busy machine without skipping launches
    QCOMPARE(gen.start(plan), std::string());
    QVERIFY(finish(gen, 30000));
    const TrafficProgress p = gen.progress();
    qInfo("1000/s for 3 s: %llu started, %llu succeeded, %llu failed, %llu skipped in %.2f s; p50 %.2f ms, "
          "p99 %.2f ms",
          static_cast<unsigned long long>(p.started), static_cast<unsigned long long>(p.succeeded),
          static_cast<unsigned long long>(p.failed), static_cast<unsigned long long>(p.skipped),
          p.elapsedSeconds, p.p50Ms, p.p99Ms);
    QCOMPARE(p.planned, std::uint64_t(3000));
    QCOMPARE(p.started, std::uint64_t(3000));
    QVERIFY2(p.succeeded >= 2970, qPrintable(QString::number(p.succeeded)));
    QVERIFY2(p.elapsedSeconds < 6, qPrintable(QString::number(p.elapsedSeconds)));
}

void tst_TrafficGenerator::cancelStopsEarly()
{
    LiveSession live;
    QVERIFY(startDemo(live, false));
    TrafficGenerator gen;
    QCOMPARE(gen.start(ratePlan(live.boundPort(31400), 300, 30.0)), std::string());
    QVERIFY(!gen.start(ratePlan(live.boundPort(31400), 300, 30.0)).empty()); // one run at a time
    QTRY_VERIFY_WITH_TIMEOUT(gen.progress().succeeded >= 20, 10000);
    gen.cancel();
    QVERIFY(finish(gen, 5000));
    const TrafficProgress p = gen.progress();
    QVERIFY(p.wasCancelled);
    QVERIFY(p.finished);
    QCOMPARE(p.planned, std::uint64_t(9000));
    QVERIFY(p.started < p.planned);
    QCOMPARE(p.skipped, p.planned - p.started);
    QCOMPARE(p.succeeded + p.failed + p.cancelled, p.started);
    QCOMPARE(p.failed, std::uint64_t(0));
    QVERIFY(p.elapsedSeconds < 10);
    QCOMPARE(p.done(), p.planned);
}

// Backends that fail in one way each.
enum class Peer { Nothing, ClosesAtOnce, GreetingNeverEnds, WrongEcho };

void tst_TrafficGenerator::failuresCarryTheirReason_data()
{
    QTest::addColumn<Peer>("peer");
    QTest::addColumn<TrafficFailure>("failure");
    QTest::newRow("a closed port is refused") << Peer::Nothing << TrafficFailure::Refused;
    QTest::newRow("a peer that closes at once is closed") << Peer::ClosesAtOnce << TrafficFailure::Closed;
    QTest::newRow("a greeting that never ends times out")
        << Peer::GreetingNeverEnds << TrafficFailure::Timeout;
    QTest::newRow("another answer is a mismatch") << Peer::WrongEcho << TrafficFailure::Mismatch;
}

void tst_TrafficGenerator::failuresCarryTheirReason()
{
    QFETCH(Peer, peer);
    QFETCH(TrafficFailure, failure);
    std::unique_ptr<Backend> backend;
    switch (peer) {
    case Peer::Nothing:
        break;
    case Peer::ClosesAtOnce:
        backend = std::make_unique<Backend>(Backend::say(""));
        break;
    case Peer::GreetingNeverEnds:
        backend = std::make_unique<Backend>(Backend::sayAndHold("Welcome, you are connected to node x.\n"));
        break;
    case Peer::WrongEcho:
        backend = std::make_unique<Backend>([](int fd, Backend &self) {
            if (self.waitReadable(fd)) {
                char buffer[256];
                if (::recv(fd, buffer, sizeof buffer, 0) > 0)
                    Backend::sendAll(fd, "nope\n");
            }
        });
        break;
    }
    TrafficPlan plan = countPlan(backend ? backend->port() : closedPort(), 5);
    // A long silence before sending: a peer that closes is seen closing, not reset by our line.
    plan.greetingWait = std::chrono::milliseconds(1000);
    plan.timeout = std::chrono::milliseconds(1500);
    TrafficGenerator gen;
    QCOMPARE(gen.start(plan), std::string());
    QVERIFY(gen.wait(std::chrono::milliseconds(10000)));
    const TrafficProgress p = gen.progress();
    QCOMPARE(p.succeeded, std::uint64_t(0));
    QCOMPARE(p.failed, std::uint64_t(5));
    QCOMPARE(p.failuresOf(failure), std::uint64_t(5));
    QVERIFY(!p.failureDetail[static_cast<std::size_t>(failure)].empty());
    QVERIFY(p.byPod.empty());
    QCOMPARE(p.p50Ms, 0.0);
}

void tst_TrafficGenerator::backendsWithoutTheDemoGreetingAreAccepted_data()
{
    QTest::addColumn<QString>("greeting");
    QTest::newRow("a silent echo server") << QString();
    QTest::newRow("an echo server that says hello first") << QStringLiteral("hello from a laptop\n");
}

void tst_TrafficGenerator::backendsWithoutTheDemoGreetingAreAccepted()
{
    QFETCH(QString, greeting);
    const std::string hello = greeting.toStdString();
    Backend backend([hello](int fd, Backend &self) {
        if (!hello.empty() && !Backend::sendAll(fd, hello))
            return;
        Backend::echo()(fd, self);
    });
    TrafficPlan plan = countPlan(backend.port(), 6);
    plan.greetingWait = std::chrono::milliseconds(100);
    plan.message = "ping";
    TrafficGenerator gen;
    QCOMPARE(gen.start(plan), std::string());
    QVERIFY(gen.wait(std::chrono::milliseconds(10000)));
    const TrafficProgress p = gen.progress();
    QCOMPARE(p.succeeded, std::uint64_t(6));
    QCOMPARE(p.byPod.size(), std::size_t(1));
    QCOMPARE(p.byPod.begin()->first, std::string());
    QVERIFY(p.p50Ms >= 90); // each waited for the silence before sending
}

void tst_TrafficGenerator::aRunEndsAtItsTimeLimit()
{
    // Peers that start a greeting and never finish it hold every connection open.
    Backend backend(Backend::sayAndHold("Welcome, you are connected to node x.\n"));
    TrafficPlan plan = countPlan(backend.port(), 1000);
    plan.concurrency = 5;
    plan.timeout = std::chrono::milliseconds(20000);
    plan.runLimit = std::chrono::milliseconds(300);
    TrafficGenerator gen;
    QCOMPARE(gen.start(plan), std::string());
    QVERIFY(gen.wait(std::chrono::milliseconds(5000)));
    const TrafficProgress p = gen.progress();
    QVERIFY(p.hitTimeLimit);
    QVERIFY(!p.wasCancelled);
    QCOMPARE(p.started, std::uint64_t(5));
    QCOMPARE(p.cancelled, std::uint64_t(5));
    QCOMPARE(p.skipped, std::uint64_t(995));
    QVERIFY2(p.elapsedSeconds < 3, qPrintable(QString::number(p.elapsedSeconds)));
}

void tst_TrafficGenerator::invalidPlansAreRefused_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<QString>("says");
    QTest::newRow("no port") << 0 << "port";
    QTest::newRow("no connections") << 1 << "connections";
    QTest::newRow("a rate of zero") << 2 << "rate";
    QTest::newRow("a run longer than an hour") << 3 << "duration";
    QTest::newRow("too many connections") << 4 << "connections";
    QTest::newRow("two lines as the message") << 5 << "one line";
    QTest::newRow("no concurrency") << 6 << "concurrency";
    QTest::newRow("not an address") << 7 << "address";
}

void tst_TrafficGenerator::invalidPlansAreRefused()
{
    QFETCH(int, which);
    QFETCH(QString, says);
    TrafficPlan plan = countPlan(4242, 10);
    switch (which) {
    case 0:
        plan.port = 0;
        break;
    case 1:
        plan.count = 0;
        break;
    case 2:
        plan = ratePlan(4242, 0, 1);
        break;
    case 3:
        plan = ratePlan(4242, 1, 3601);
        break;
    case 4:
        plan.count = TrafficPlan::kMaxConnections + 1;
        break;
    case 5:
        plan.message = "a\nb";
        break;
    case 6:
        plan.concurrency = 0;
        break;
    case 7:
        plan.address = "localhost:1";
        break;
    }
    TrafficGenerator gen;
    const std::string error = gen.start(plan);
    QVERIFY2(QString::fromStdString(error).contains(says), error.c_str());
    QVERIFY(!gen.running());
    QVERIFY(!gen.finished());
    QVERIFY(countPlan(4242, 10).validate().empty());
}

void tst_TrafficGenerator::concurrencyBeyondTheDescriptorLimitIsRefused()
{
    const std::uint64_t limit = descriptorLimit();
    QVERIFY(limit > 0);
    QVERIFY(descriptorsFor(100) <= limit); // the panel's default always fits
    unsigned tooMany = TrafficPlan::kMaxConcurrency;
    if (descriptorsFor(tooMany) <= limit)
        QSKIP("this process may open more descriptors than the largest concurrency needs");
    TrafficPlan plan = countPlan(4242, 10);
    plan.concurrency = tooMany;
    TrafficGenerator gen;
    const std::string error = gen.start(plan);
    QVERIFY2(error.find("file descriptors") != std::string::npos &&
                 error.find("ulimit -n") != std::string::npos,
             error.c_str());
    QVERIFY(!gen.running());
}

QTEST_GUILESS_MAIN(tst_TrafficGenerator)
#include "tst_trafficgenerator.moc"
