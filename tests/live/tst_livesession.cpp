// The studio's bridge to the local gateway (app/studio/live), with real sockets on
// 127.0.0.1 and the bundled tutorial demo. Runs in the TSan build too: the GUI thread
// samples, the engine threads serve, and nothing is shared but the engine's own API.

#include "livetest.h"

#include <QSignalSpy>
#include <QTest>

#include <map>

using namespace meshroute;
using namespace meshroute::studio;
using namespace testnet;

using livetest::config;
using livetest::Config;
using livetest::demoText;
using livetest::greet;
using livetest::kSplitFrom;
using livetest::kSplitTo;
using livetest::testOptions;

class tst_LiveSession : public QObject
{
    Q_OBJECT

private slots:
    void tutorialThroughTheBridge();
    void invalidEditWhileRunningKeepsTheOldRules();
    void validEditMovesNewConnectionsOldOneKeepsEchoing();
    void weightedSplitIsObservedAndShownBesideTheWeights();
    void busyPortIsAWarningOthersStart();
    void stopClosesLiveConnectionsAndRecordsThem();
    void theTargetDecidesWhatRuns();
};

void tst_LiveSession::tutorialThroughTheBridge()
{
    const Config c = config(demoText());
    QVERIFY(!hasErrors(c.diagnostics));
    LiveSession live;
    live.setOptions(testOptions());
    QSignalSpy running(&live, &LiveSession::runningChanged);
    QSignalSpy finished(&live, &LiveSession::connectionsFinished);
    QSignalSpy logs(&live, &LiveSession::podLogAppended);
    const LiveOutcome outcome = live.start(c.set, c.diagnostics);
    QVERIFY2(outcome.applied, qPrintable(outcome.errors.join('\n')));
    QCOMPARE(running.count(), 1);
    QVERIFY(live.isRunning());
    const std::uint16_t v1Port = live.boundPort(31400);
    QVERIFY(v1Port != 0);
    QVERIFY(live.boundPort(31401) != 0);
    QCOMPARE(live.boundPort(31402), std::uint16_t(0));

    Client nc;
    const std::string pod = greet(nc, v1Port);
    QVERIFY2(pod.rfind("tcp-echo-v1-", 0) == 0, pod.c_str());
    QCOMPARE(live.subsetOfPod(QString::fromStdString(pod)), QStringLiteral("v1"));
    QVERIFY(nc.send("hello\n"));
    QCOMPARE(nc.read(6), std::string("hello\n"));

    // Live numbers while the connection is open.
    QTRY_VERIFY_WITH_TIMEOUT(live.activeConnections() == 1, 3000);
    live.sample();
    const TrafficSeries *listener =
        live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400"));
    QVERIFY(listener);
    QCOMPARE(listener->graphNode, QStringLiteral("gateway:default/tcp-echo-gateway"));
    QCOMPARE(listener->graphSocket, QStringLiteral("0"));
    QCOMPARE(listener->points.back().active, 1.0);
    QCOMPARE(listener->totals[proxy::Counter::BytesFromClient], std::uint64_t(6));

    nc.close();
    QTRY_VERIFY_WITH_TIMEOUT(!live.finished().empty(), 3000);
    const proxy::ConnectionRecord &record = live.finished().back();
    QCOMPARE(record.subset, std::string("v1"));
    QCOMPARE(record.endpoint, pod);
    QCOMPARE(record.bytesFromClient, std::uint64_t(6));
    QVERIFY(record.bytesToClient > 6); // greeting + echo
    QVERIFY(finished.count() >= 1);

    // The route and edge series name their graph items.
    const TrafficSeries *route = live.findSeries(QStringLiteral("route:default/tcp-echo tcp[0]"));
    QVERIFY(route);
    QCOMPARE(route->graphNode, QStringLiteral("route:default/tcp-echo/tcp/0"));
    const TrafficSeries *edge = live.findSeries(QStringLiteral("edge:default/tcp-echo tcp[0]|0"));
    QVERIFY(edge);
    QCOMPARE(edge->graphTarget, QStringLiteral("destination:tcp-echo.default.svc.cluster.local"));
    QCOMPARE(edge->targetSocket, QStringLiteral("v1"));
    QCOMPARE(edge->totals[proxy::Counter::ConnectionsOpened], std::uint64_t(1));
    bool endpointSeen = false;
    for (const TrafficSeries *s : live.seriesOf(SeriesKind::Endpoint)) {
        if (s->label == QString::fromStdString(pod)) {
            endpointSeen = true;
            QCOMPARE(s->graphTarget, QStringLiteral("workload:Deployment/default/tcp-echo-v1"));
            QCOMPARE(s->totals[proxy::Counter::ConnectionsOpened], std::uint64_t(1));
        }
    }
    QVERIFY(endpointSeen);

    // The pod's log line, as the tutorial's server writes it.
    QTRY_VERIFY_WITH_TIMEOUT(logs.count() >= 1, 3000);
    bool received = false;
    for (const auto &args : logs) {
        for (const proxy::PodLogLine &line : args.at(0).value<std::vector<proxy::PodLogLine>>()) {
            if (line.pod == pod &&
                line.text.find("Received Raw Data: [104 101 108 108 111 10]") != std::string::npos)
                received = true;
        }
    }
    QVERIFY(received);

    // The points keep coming on the timer.
    const auto before =
        live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400"))->points.size();
    QTRY_VERIFY_WITH_TIMEOUT(
        live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400"))->points.size() >=
            before + 3,
        3000);

    live.stop();
    QVERIFY(!live.isRunning());
    QCOMPARE(running.count(), 2);
}

void tst_LiveSession::invalidEditWhileRunningKeepsTheOldRules()
{
    const Config good = config(demoText());
    LiveSession live;
    live.setOptions(testOptions());
    QVERIFY(live.start(good.set, good.diagnostics).applied);
    const std::uint16_t port = live.boundPort(31400);

    // Subset v3 is defined nowhere: an analysis error.
    const Config bad = config(demoText({{"subset: v1", "subset: v3"}}));
    QVERIFY(hasErrors(bad.diagnostics));
    QSignalSpy applied(&live, &LiveSession::applied);
    const LiveOutcome outcome = live.apply(bad.set, bad.diagnostics);
    QVERIFY(!outcome.applied);
    QVERIFY(outcome.keptPrevious);
    QVERIFY2(outcome.errors.join('\n').contains(QLatin1String("IST0101")),
             qPrintable(outcome.errors.join('\n')));
    QCOMPARE(applied.count(), 1);

    Client nc;
    QVERIFY(greet(nc, port).rfind("tcp-echo-v1-", 0) == 0);
    QCOMPARE(live.boundPort(31400), port);
}

void tst_LiveSession::validEditMovesNewConnectionsOldOneKeepsEchoing()
{
    const Config good = config(demoText());
    LiveSession live;
    live.setOptions(testOptions());
    QVERIFY(live.start(good.set, good.diagnostics).applied);
    const std::uint16_t port = live.boundPort(31400);
    Client old;
    QVERIFY(greet(old, port).rfind("tcp-echo-v1-", 0) == 0);

    const Config moved = config(demoText({{"subset: v1", "subset: v2"}}));
    QVERIFY(!hasErrors(moved.diagnostics));
    const LiveOutcome outcome = live.apply(moved.set, moved.diagnostics);
    QVERIFY2(outcome.applied, qPrintable(outcome.errors.join('\n')));
    QCOMPARE(live.boundPort(31400), port); // kept listeners stay bound

    Client fresh;
    QVERIFY(greet(fresh, port).rfind("tcp-echo-v2-", 0) == 0);
    QVERIFY(old.send("still here\n"));
    QCOMPARE(old.read(11), std::string("still here\n"));
}

void tst_LiveSession::weightedSplitIsObservedAndShownBesideTheWeights()
{
    const Config split = config(demoText({{kSplitFrom, kSplitTo}}));
    QVERIFY2(!hasErrors(split.diagnostics),
             split.diagnostics.empty() ? "" : split.diagnostics[0].format().c_str());
    LiveSession live;
    live.setOptions(testOptions());
    QVERIFY(live.start(split.set, split.diagnostics).applied);
    const std::uint16_t port = live.boundPort(31400);

    std::map<QString, int> bySubset;
    const int n = 400;
    for (int i = 0; i < n; ++i) {
        Client nc;
        ++bySubset[live.subsetOfPod(QString::fromStdString(greet(nc, port)))];
    }
    QCOMPARE(bySubset[QStringLiteral("v1")] + bySubset[QStringLiteral("v2")], n);
    QTRY_VERIFY_WITH_TIMEOUT(live.activeConnections() == 0, 3000);
    live.sample();

    std::vector<RouteShare> shares = live.routeShares();
    QCOMPARE(shares.size(), std::size_t(1));
    const RouteShare &s = shares.front();
    QCOMPARE(s.graphNode, QStringLiteral("route:default/tcp-echo/tcp/0"));
    QCOMPARE(s.destinations.size(), std::size_t(2));
    QCOMPARE(s.destinations[0].configured, 80.0);
    QCOMPARE(s.destinations[1].configured, 20.0);
    QCOMPARE(s.total, std::uint64_t(n));
    // What the clients saw is what the console counts.
    QCOMPARE(s.destinations[0].observed, std::uint64_t(bySubset[QStringLiteral("v1")]));
    // Binomial(400, 0.8): sd 8; 5 sd either side.
    QVERIFY2(s.destinations[0].observed > 280 && s.destinations[0].observed < 360,
             qPrintable(QString::number(s.destinations[0].observed)));
    QCOMPARE(s.destinations[0].observedPercent + s.destinations[1].observedPercent, 100.0);

    // Rates: the listener series saw connections per second.
    double peak = 0;
    for (const TrafficPoint &p :
         live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400"))->points)
        peak = std::max(peak, p.connectionsPerSecond);
    QVERIFY(peak > 0);

    live.resetShares();
    shares = live.routeShares();
    QCOMPARE(shares.front().total, std::uint64_t(0));
    Client one;
    QVERIFY(!greet(one, port).empty());
    one.close();
    QTRY_VERIFY_WITH_TIMEOUT((live.sample(), live.routeShares().front().total == 1), 3000);
}

void tst_LiveSession::busyPortIsAWarningOthersStart()
{
    // Hold a port, then ask the gateway to listen there (port offset maps 31400 onto it).
    std::uint16_t held = 0;
    const int fd = listenOn(0, 1, held); // the kernel's ephemeral range lies above 31400
    QVERIFY(fd >= 0 && held > 31400);
    const Config c = config(demoText());
    LiveSession live;
    LiveSession::Options o = testOptions();
    o.ephemeralPorts = false;
    o.portOffset = held - 31400;
    live.setOptions(o);
    const LiveOutcome outcome = live.start(c.set, c.diagnostics);
    ::close(fd);
    QVERIFY(outcome.applied);
    QVERIFY2(outcome.warnings.join('\n').contains(QString::number(held)),
             qPrintable(outcome.warnings.join('\n')));
    QVERIFY2(outcome.engineWarnings.join('\n').contains(QString::number(held)),
             qPrintable(outcome.engineWarnings.join('\n')));
    QCOMPARE(live.boundPort(31400), std::uint16_t(0));
    bool busyShown = false;
    for (const proxy::ListenerStatus &l : live.listeners()) {
        if (l.port == 31400) {
            busyShown = !l.listening && !l.error.empty();
        }
    }
    QVERIFY(busyShown);
    if (live.boundPort(31401) != 0) { // 31401 + offset may itself be taken on a busy machine
        Client nc;
        QVERIFY(greet(nc, live.boundPort(31401)).rfind("tcp-echo-v2-", 0) == 0);
    }
}

void tst_LiveSession::stopClosesLiveConnectionsAndRecordsThem()
{
    const Config c = config(demoText());
    LiveSession live;
    live.setOptions(testOptions());
    QVERIFY(live.start(c.set, c.diagnostics).applied);
    Client nc;
    QVERIFY(!greet(nc, live.boundPort(31400)).empty());
    QTRY_VERIFY_WITH_TIMEOUT(live.activeConnections() == 1, 3000);
    live.stop();
    QVERIFY(!live.isRunning());
    QVERIFY(live.engine() == nullptr);
    QVERIFY(!live.finished().empty());
    QCOMPARE(live.finished().back().reason, proxy::CloseReason::Stopped);
    bool eof = false;
    nc.readToEof(2000, eof);
    QVERIFY(eof);
    // The history stays for a look after the stop; nothing is current any more.
    QVERIFY(live.findSeries(QStringLiteral("listener:default/tcp-echo-gateway:31400")));
    QVERIFY(live.seriesOf(SeriesKind::Listener).empty());
}

// The local gateway runs what the document's target cluster reads: TCPRoutes v1 run for Istio 1.31
// with the v1.6 CRDs, and nothing for Istio 1.30 there (it reads v1alpha2 only). Analysis's
// findings about it are not repeated among the warnings.
void tst_LiveSession::theTargetDecidesWhatRuns()
{
    QFile file(QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/gatewayapi/data/tutorial-gateway-api.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    Config c;
    meshroute::loadText(c.set, c.diagnostics,
                        file.readAll()
                            .replace("gateway.networking.k8s.io/v1alpha2", "gateway.networking.k8s.io/v1")
                            .toStdString(),
                        "tutorial-v1.yaml");
    const auto analysed = [&](const gatewayapi::Target &target) {
        AnalysisOptions options;
        options.gatewayApiTarget = target;
        Diagnostics d = c.diagnostics;
        const Diagnostics found = analyze(c.set, options);
        d.insert(d.end(), found.begin(), found.end());
        return d;
    };
    const gatewayapi::Target reads =
        *gatewayapi::parseTarget("istio=1.31,gateway-api=v1.6.0,channel=standard").target;
    const gatewayapi::Target ignores =
        *gatewayapi::parseTarget("istio=1.30,gateway-api=v1.6.0,channel=standard").target;

    LiveSession live;
    live.setOptions(testOptions());
    const LiveOutcome started = live.start(c.set, analysed(reads), reads);
    QVERIFY2(started.applied, qPrintable(started.errors.join('\n')));
    QVERIFY(live.boundPort(31400) != 0);
    QVERIFY(live.boundPort(31401) != 0);

    const Diagnostics analysis = analysed(ignores);
    QCOMPARE(std::count_if(analysis.begin(), analysis.end(),
                           [](const Diagnostic &d) { return d.code == "MR0027"; }),
             2);
    // Start while running applies, for the target it is given.
    const LiveOutcome restarted = live.start(c.set, analysis, ignores);
    QVERIFY2(restarted.applied, qPrintable(restarted.errors.join('\n')));
    QCOMPARE(live.boundPort(31400), std::uint16_t(0));
    QCOMPARE(live.boundPort(31401), std::uint16_t(0));
    QVERIFY(live.apply(c.set, analysed(reads), reads).applied);
    QVERIFY(live.boundPort(31400) != 0);

    const LiveOutcome applied = live.apply(c.set, analysis, ignores);
    QVERIFY2(applied.applied, qPrintable(applied.errors.join('\n')));
    QCOMPARE(live.boundPort(31400), std::uint16_t(0));
    QCOMPARE(live.boundPort(31401), std::uint16_t(0));
    QVERIFY2(!applied.warnings.join('\n').contains(QStringLiteral("[MR0027]")),
             qPrintable(applied.warnings.join('\n')));

    // Without the analysis beside it, compile's own word on the target is what says why.
    const LiveOutcome alone = live.apply(c.set, c.diagnostics, ignores);
    QCOMPARE(alone.warnings.filter(QStringLiteral("[MR0027]")).size(), 2);
    live.stop();
}

QTEST_GUILESS_MAIN(tst_LiveSession)
#include "tst_livesession.moc"
