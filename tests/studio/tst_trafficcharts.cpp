// The "Watching" charts and the configured-versus-observed view on a running local
// gateway: the bundled tutorial demo on free ports of 127.0.0.1, real clients.
//
// Set MESHROUTE_SCREENSHOT_DIR to keep the screenshots the last test takes. The load test
// runs 3 s at the studio's 250 ms sampling; CHARTS_LOAD_SECONDS and CHARTS_SAMPLE_MS
// (e.g. 25 and 20: a five-minute window's worth of points) make it a longer benchmark.

#include "studiotest.h"

#include "../live/livetest.h"
#include "live/trafficgenerator.h"
#include "traffic/sharesview.h"
#include "traffic/trafficcharts.h"
#include "window/settings.h"

#include <qcustomplot.h>

#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTreeWidget>

#include <memory>

using namespace meshroute;
using namespace meshroute::studio;
using namespace testnet;
using Metric = TrafficCharts::Metric;

namespace {

const QString kV1Listener = QStringLiteral("listener:default/tcp-echo-gateway:31400");
const QString kV2Listener = QStringLiteral("listener:default/tcp-echo-gateway-v2:31401");
const QString kRoute = QStringLiteral("route:default/tcp-echo tcp[0]");

using livetest::demoText;
using livetest::splitText;

// The demo plus `extra` gateways (ports 32000 + i), each with a route split 50/50 over v1 and v2.
std::string manySeriesText(int extra)
{
    std::string text = demoText();
    for (int i = 0; i < extra; ++i) {
        const std::string n = std::to_string(i);
        const std::string port = std::to_string(32000 + i);
        text += "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: load-gw-" + n +
                "\nspec:\n  selector:\n    istio: ingressgateway\n  servers:\n    - port:\n        number: " +
                port + "\n        name: tcp\n        protocol: TCP\n      hosts:\n        - \"*\"\n";
        text += "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: load-" +
                n + "\nspec:\n  hosts:\n    - \"*\"\n  gateways:\n    - load-gw-" + n +
                "\n  tcp:\n    - match:\n        - port: " + port + "\n      route:\n";
        for (const char *subset : {"v1", "v2"}) {
            text +=
                std::string("        - destination:\n            host: tcp-echo.default.svc.cluster.local\n"
                            "            subset: ") +
                subset + "\n            port:\n              number: 3333\n          weight: 50\n";
        }
    }
    return text;
}

struct Running
{
    ResourceSet set;
    Diagnostics diagnostics;
    LiveSession live;
};

// A session on `text`, every listener on a free port, sampled every 50 ms.
std::unique_ptr<Running> start(const std::string &text, int sampleIntervalMs = 50)
{
    auto r = std::make_unique<Running>();
    livetest::Config c = livetest::config(text);
    r->set = std::move(c.set);
    r->diagnostics = std::move(c.diagnostics);
    r->live.setOptions(livetest::testOptions(sampleIntervalMs));
    if (hasErrors(r->diagnostics) || !r->live.start(r->set, r->diagnostics).applied)
        return nullptr;
    return r;
}

using livetest::greet;

double lastValue(const QCPGraph *g)
{
    return g && !g->data()->isEmpty() ? (g->data()->constEnd() - 1)->value : -1;
}

double maxValue(const QCPGraph *g)
{
    double top = -1;
    if (g) {
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            top = std::max(top, it->value);
    }
    return top;
}

QCPRange timeRange(const TrafficCharts &charts)
{
    return charts.axisRect(TrafficCharts::ActiveChart)->axis(QCPAxis::atBottom)->range();
}

// Waits for `n` more samples of the session.
bool waitSamples(LiveSession &live, int n)
{
    QSignalSpy sampled(&live, &LiveSession::sampled);
    return QTest::qWaitFor([&] { return sampled.count() >= n; }, 5000);
}

QTreeWidgetItem *destinationItem(const SharesView &view, int destination)
{
    QTreeWidgetItem *route = view.tree()->topLevelItem(0);
    return route ? route->child(destination) : nullptr;
}

} // namespace

class tst_TrafficCharts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void humanUnits_data();
    void humanUnits();
    void chartsReceiveThePointsOfTheirSeries();
    void perSelectorChangesWhatLinesStandFor();
    void aStoppedGatewayBreaksTheLines();
    void pauseFreezesTheViewWhileSamplingGoesOn();
    void panningPausesFollowNowResets();
    void wideLowWidgetShowsTheChartsTwoByTwo();
    void legendClickTogglesItsLine();
    void csvExportHasOneHeaderAndCLocaleRows();
    void pngExportWritesThePlotSize();
    void copyPromQlCopiesTheDashboardQuery_data();
    void copyPromQlCopiesTheDashboardQuery();
    void verdict_data();
    void verdict();
    void sharesShowConfiguredBesideObservedAndReset();
    void keepsUpAtAThousandConnectionsPerSecondOnManySeries();
    void screenshotWithTraffic();
};

void tst_TrafficCharts::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void tst_TrafficCharts::humanUnits_data()
{
    QTest::addColumn<bool>("bytes");
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("text");
    QTest::newRow("nothing") << true << 0.0 << "0 B/s";
    QTest::newRow("bytes stay bytes below 1 KiB") << true << 512.0 << "512 B/s";
    QTest::newRow("1.5 KiB/s") << true << 1536.0 << "1.5 KiB/s";
    QTest::newRow("3.2 MiB/s") << true << 3.2 * 1024 * 1024 << "3.2 MiB/s";
    QTest::newRow("hundreds of KiB without decimals") << true << 300.0 * 1024 << "300 KiB/s";
    QTest::newRow("whole counts") << false << 12.0 << "12";
    QTest::newRow("fractions of a connection per second") << false << 0.25 << "0.25";
    QTest::newRow("1.2k conn/s") << false << 1234.0 << "1.2k";
    QTest::newRow("thousands exactly") << false << 1000.0 << "1k";
    QTest::newRow("millions") << false << 2.5e6 << "2.5M";
}

void tst_TrafficCharts::humanUnits()
{
    QFETCH(bool, bytes);
    QFETCH(double, value);
    QFETCH(QString, text);
    QCOMPARE(bytes ? TrafficCharts::formatBytesPerSecond(value) : TrafficCharts::formatCount(value), text);
}

void tst_TrafficCharts::chartsReceiveThePointsOfTheirSeries()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    QCOMPARE(charts.per(), SeriesKind::Listener);
    QCOMPARE(charts.rangeMinutes(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(charts.shownSeries().contains(kV1Listener), 3000);
    QVERIFY(charts.shownSeries().contains(kV2Listener));
    QCPGraph *active = charts.graph(kV1Listener, Metric::Active);
    QVERIFY(active);
    QCOMPARE(active->valueAxis(), charts.axisRect(TrafficCharts::ActiveChart)->axis(QCPAxis::atLeft));
    QCOMPARE(charts.graph(kV1Listener, Metric::ClientToUpstream)->valueAxis(),
             charts.axisRect(TrafficCharts::ThroughputChart)->axis(QCPAxis::atLeft));
    QCOMPARE(charts.graph(kV1Listener, Metric::ConnectionsPerSecond)->valueAxis(),
             charts.axisRect(TrafficCharts::RateChart)->axis(QCPAxis::atLeft));
    QCOMPARE(charts.graph(kV1Listener, Metric::NoRoute)->valueAxis(),
             charts.axisRect(TrafficCharts::FailureChart)->axis(QCPAxis::atLeft));
    QCOMPARE(lastValue(active), 0.0);

    // Both directions are named, so nobody has to guess which way "in" is.
    const QString c2u = charts.graph(kV1Listener, Metric::ClientToUpstream)->name();
    const QString u2c = charts.graph(kV1Listener, Metric::UpstreamToClient)->name();
    QVERIFY2(c2u.endsWith(QStringLiteral("client → upstream")), qPrintable(c2u));
    QVERIFY2(u2c.endsWith(QStringLiteral("upstream → client")), qPrintable(u2c));

    // One client connected: active is 1 on the v1 listener only.
    Client nc;
    QVERIFY(!greet(nc, run->live.boundPort(31400)).empty());
    QTRY_COMPARE_WITH_TIMEOUT(lastValue(active), 1.0, 3000);
    QCOMPARE(lastValue(charts.graph(kV2Listener, Metric::Active)), 0.0);
    QTRY_VERIFY_WITH_TIMEOUT(maxValue(charts.graph(kV1Listener, Metric::ConnectionsPerSecond)) > 0, 3000);
    QVERIFY(maxValue(charts.graph(kV1Listener, Metric::UpstreamToClient)) > 0); // the greeting

    // Bytes sent show up as client → upstream, the echo as upstream → client.
    QVERIFY(nc.send(std::string(4096, 'x') + "\n"));
    QCOMPARE(nc.read(4097).size(), std::size_t(4097));
    QTRY_VERIFY_WITH_TIMEOUT(maxValue(charts.graph(kV1Listener, Metric::ClientToUpstream)) > 0, 3000);
    QVERIFY(maxValue(charts.graph(kV1Listener, Metric::UpstreamToClient)) > 0);
    QCOMPARE(maxValue(charts.graph(kV2Listener, Metric::ClientToUpstream)), 0.0);
    QCOMPARE(maxValue(charts.graph(kV1Listener, Metric::ConnectFailures)), 0.0);

    // Every sample adds exactly the new points: as many as the session sampled.
    const TrafficSeries *series = run->live.findSeries(kV1Listener);
    QVERIFY(waitSamples(run->live, 3));
    QCOMPARE(active->dataCount(), static_cast<int>(series->points.size()));
    QCOMPARE((active->data()->constEnd() - 1)->key, series->points.back().time);
    QCOMPARE(charts.latestTime(), series->points.back().time);
    // Following now: the view ends at the newest sample and spans the 5 minutes.
    QCOMPARE(timeRange(charts).upper, charts.latestTime());
    QVERIFY(qFuzzyCompare(timeRange(charts).size(), 300.0));

    // The tooltip names both directions in human units, and the open connection.
    const QString throughput = charts.valuesAt(TrafficCharts::ThroughputChart, charts.latestTime());
    QVERIFY2(throughput.contains(QStringLiteral("client → upstream")) &&
                 throughput.contains(QStringLiteral("upstream → client")) &&
                 throughput.contains(QStringLiteral("B/s")),
             qPrintable(throughput));
    QVERIFY2(
        charts.valuesAt(TrafficCharts::ActiveChart, charts.latestTime()).contains(QStringLiteral(": 1 open")),
        qPrintable(charts.valuesAt(TrafficCharts::ActiveChart, charts.latestTime())));
    QVERIFY(
        charts.valuesAt(TrafficCharts::ActiveChart, charts.latestTime() - 3600).isEmpty()); // no data then

    nc.close();
    QTRY_COMPARE_WITH_TIMEOUT(lastValue(active), 0.0, 3000);
}

void tst_TrafficCharts::perSelectorChangesWhatLinesStandFor()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    Client nc;
    QVERIFY(!greet(nc, run->live.boundPort(31400)).empty());
    QTRY_VERIFY_WITH_TIMEOUT(run->live.activeConnections() == 1, 3000);
    QVERIFY(waitSamples(run->live, 2));

    charts.setPer(SeriesKind::Route);
    QVERIFY(charts.shownSeries().contains(kRoute));
    for (const QString &key : charts.shownSeries())
        QVERIFY2(key.startsWith(QLatin1String("route:")), qPrintable(key));
    QVERIFY(charts.graph(kV1Listener, Metric::Active) == nullptr);
    // Rebuilt from what the charts kept: the route's history is there at once.
    QCOMPARE(lastValue(charts.graph(kRoute, Metric::Active)), 1.0);
    QVERIFY(charts.graph(kRoute, Metric::Active)->dataCount() > 1);

    charts.setPer(SeriesKind::Subset);
    QVERIFY(!charts.shownSeries().isEmpty());
    double activeSubsets = 0;
    for (const QString &key : charts.shownSeries()) {
        QVERIFY2(key.startsWith(QLatin1String("subset:")), qPrintable(key));
        activeSubsets += lastValue(charts.graph(key, Metric::Active));
    }
    QCOMPARE(activeSubsets, 1.0);

    // Kinds without a selector entry are refused.
    charts.setPer(SeriesKind::Endpoint);
    QCOMPARE(charts.per(), SeriesKind::Subset);
}

void tst_TrafficCharts::aStoppedGatewayBreaksTheLines()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    QVERIFY(waitSamples(run->live, 2));
    QCPGraph *active = charts.graph(kV1Listener, Metric::Active);
    const int before = active->dataCount();
    for (auto it = active->data()->constBegin(); it != active->data()->constEnd(); ++it)
        QVERIFY(!qIsNaN(it->value));

    run->live.stop();
    QTest::qWait(1500); // longer than a gap (1 s, or four sample intervals)
    QVERIFY(run->live.start(run->set, run->diagnostics).applied);
    QVERIFY(waitSamples(run->live, 2));
    active = charts.graph(kV1Listener, Metric::Active);
    int gaps = 0;
    double last = 0;
    for (auto it = active->data()->constBegin(); it != active->data()->constEnd(); ++it) {
        if (qIsNaN(it->value))
            ++gaps;
        QVERIFY(it->key > last); // still in time order
        last = it->key;
    }
    QCOMPARE(gaps, 1);
    QVERIFY(active->dataCount() >= before + 3);
    // The gap is only drawn: the CSV holds the samples.
    QVERIFY(!charts.csv().contains(QLatin1String("nan"), Qt::CaseInsensitive));
}

void tst_TrafficCharts::pauseFreezesTheViewWhileSamplingGoesOn()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    QVERIFY(waitSamples(run->live, 2));
    QSignalSpy paused(&charts, &TrafficCharts::pausedChanged);
    charts.setPaused(true);
    QVERIFY(charts.isPaused());
    QCOMPARE(paused.count(), 1);
    const QCPRange frozen = timeRange(charts);
    const int points = charts.graph(kV1Listener, Metric::Active)->dataCount();

    QVERIFY(waitSamples(run->live, 4));
    QCOMPARE(timeRange(charts), frozen);                                           // the view stays
    QVERIFY(charts.graph(kV1Listener, Metric::Active)->dataCount() >= points + 4); // the data comes
    QVERIFY(charts.latestTime() > frozen.upper);

    charts.setPaused(false); // resume jumps to now
    QCOMPARE(paused.count(), 2);
    QCOMPARE(timeRange(charts).upper, charts.latestTime());
    QVERIFY(waitSamples(run->live, 2));
    QCOMPARE(timeRange(charts).upper, charts.latestTime());
}

void tst_TrafficCharts::panningPausesFollowNowResets()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    charts.resize(900, 700);
    charts.show();
    QVERIFY(waitSamples(run->live, 2));

    // A pan in one plot (as a drag does) moves all plots in time and stops following now.
    QCPAxis *rateTime = charts.axisRect(TrafficCharts::RateChart)->axis(QCPAxis::atBottom);
    const QCPRange panned(charts.latestTime() - 200, charts.latestTime() - 100);
    rateTime->setRange(panned);
    QVERIFY(charts.isPaused());
    QCOMPARE(timeRange(charts), panned);
    QVERIFY(waitSamples(run->live, 2));
    QCOMPARE(timeRange(charts), panned);

    // A value-axis zoom (Ctrl+wheel) keeps its range; follow now fits it again.
    QCPAxis *activeValue = charts.axisRect(TrafficCharts::ActiveChart)->axis(QCPAxis::atLeft);
    activeValue->setRange(0, 50);
    QVERIFY(waitSamples(run->live, 1));
    QCOMPARE(activeValue->range().upper, 50.0);

    charts.followNow();
    QVERIFY(!charts.isPaused());
    QCOMPARE(timeRange(charts).upper, charts.latestTime());
    QVERIFY(qFuzzyCompare(timeRange(charts).size(), 300.0));
    QVERIFY(activeValue->range().upper < 50);

    charts.setRangeMinutes(1);
    QCOMPARE(charts.rangeMinutes(), 1);
    QVERIFY(waitSamples(run->live, 1));
    QVERIFY(qFuzzyCompare(timeRange(charts).size(), 60.0));
    QCOMPARE(timeRange(charts).upper, charts.latestTime());
    // Nothing older than the range (and the one point left of its edge) stays in the graphs.
    const QCPGraph *g = charts.graph(kV1Listener, Metric::Active);
    QVERIFY(g->data()->constBegin()->key >= charts.latestTime() - 60 - 2.5);

    // Real wheel events zoom time; the plots stay aligned.
    charts.followNow();
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QPoint centre = charts.axisRect(TrafficCharts::ThroughputChart)->rect().center();
    QWheelEvent wheel(centre, charts.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(charts.plot(), &wheel);
    QVERIFY(charts.isPaused());
    QVERIFY(timeRange(charts).size() < 60);
    QCOMPARE(charts.axisRect(TrafficCharts::FailureChart)->axis(QCPAxis::atBottom)->range(),
             timeRange(charts));

    // With Ctrl the wheel zooms the value axis of that plot only, and time stays.
    const QCPRange time = timeRange(charts);
    QCPAxis *bytes = charts.axisRect(TrafficCharts::ThroughputChart)->axis(QCPAxis::atLeft);
    const QCPRange before = bytes->range();
    const QCPRange rateBefore = charts.axisRect(TrafficCharts::RateChart)->axis(QCPAxis::atLeft)->range();
    QWheelEvent ctrlWheel(centre, charts.plot()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(charts.plot(), &ctrlWheel);
    QVERIFY(bytes->range().size() < before.size());
    QVERIFY(bytes->range().lower >= 0); // nothing below zero
    QCOMPARE(timeRange(charts), time);
    QCOMPARE(charts.axisRect(TrafficCharts::RateChart)->axis(QCPAxis::atLeft)->range(), rateBefore);
    QVERIFY(waitSamples(run->live, 1));
    QVERIFY(bytes->range().size() < before.size()); // kept, not fitted again
}

void tst_TrafficCharts::wideLowWidgetShowsTheChartsTwoByTwo()
{
    TrafficCharts charts(nullptr);
    charts.resize(800, 900);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCOMPARE(charts.plotColumns(), 1);
    const auto rect = [&](TrafficCharts::Chart c) { return charts.axisRect(c)->outerRect(); };
    QVERIFY(rect(TrafficCharts::ThroughputChart).top() >= rect(TrafficCharts::ActiveChart).bottom());
    QVERIFY(rect(TrafficCharts::FailureChart).top() >= rect(TrafficCharts::RateChart).bottom());
    QVERIFY(!charts.axisRect(TrafficCharts::ActiveChart)->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(charts.axisRect(TrafficCharts::FailureChart)->axis(QCPAxis::atBottom)->tickLabels());

    // A bottom dock: wide and low.
    charts.resize(1400, 380);
    QTRY_COMPARE(charts.plotColumns(), 2);
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(rect(TrafficCharts::ThroughputChart).left() >= rect(TrafficCharts::ActiveChart).right());
    QCOMPARE(rect(TrafficCharts::ThroughputChart).top(), rect(TrafficCharts::ActiveChart).top());
    QVERIFY(rect(TrafficCharts::RateChart).top() >= rect(TrafficCharts::ActiveChart).bottom());
    QVERIFY(rect(TrafficCharts::ActiveChart).height() > 80);
    // Time labels under the bottom row only.
    QVERIFY(!charts.axisRect(TrafficCharts::ThroughputChart)->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(charts.axisRect(TrafficCharts::RateChart)->axis(QCPAxis::atBottom)->tickLabels());
    QVERIFY(charts.axisRect(TrafficCharts::FailureChart)->axis(QCPAxis::atBottom)->tickLabels());

    charts.resize(800, 900);
    QTRY_COMPARE(charts.plotColumns(), 1);
}

void tst_TrafficCharts::legendClickTogglesItsLine()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    charts.resize(1000, 800);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QTRY_VERIFY_WITH_TIMEOUT(charts.graph(kV2Listener, Metric::Active), 3000);
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh); // lays the legend out

    // One entry per series, named by the series.
    QCOMPARE(charts.legend()->itemCount(), int(charts.shownSeries().size()));
    QCPGraph *active = charts.graph(kV2Listener, Metric::Active);
    QCPAbstractLegendItem *item = charts.legend()->itemWithPlottable(active);
    QVERIFY(item);
    QCOMPARE(active->name(), run->live.findSeries(kV2Listener)->label);
    for (int m = 0; m < 6; ++m)
        QVERIFY(charts.graph(kV2Listener, Metric(m))->visible());

    // A click hides every line of that series, in all four plots, and greys the entry.
    QTest::mouseClick(charts.plot(), Qt::LeftButton, Qt::NoModifier, item->outerRect().center());
    QVERIFY(charts.isSeriesHidden(kV2Listener));
    for (int m = 0; m < 6; ++m)
        QVERIFY(!charts.graph(kV2Listener, Metric(m))->visible());
    QVERIFY(charts.graph(kV1Listener, Metric::Active)->visible()); // the others stay
    QVERIFY(item->textColor() != charts.palette().color(QPalette::Text));

    // Hidden stays hidden when the lines are rebuilt for another kind and back.
    charts.setPer(SeriesKind::Route);
    charts.setPer(SeriesKind::Listener);
    active = charts.graph(kV2Listener, Metric::Active);
    QVERIFY(!active->visible());
    QVERIFY(!charts.graph(kV2Listener, Metric::UpstreamToClient)->visible());
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
    item = charts.legend()->itemWithPlottable(active);
    QTest::mouseClick(charts.plot(), Qt::LeftButton, Qt::NoModifier, item->outerRect().center());
    QVERIFY(!charts.isSeriesHidden(kV2Listener));
    for (int m = 0; m < 6; ++m)
        QVERIFY(charts.graph(kV2Listener, Metric(m))->visible());
    QCOMPARE(item->textColor(), charts.palette().color(QPalette::Text));
}

void tst_TrafficCharts::csvExportHasOneHeaderAndCLocaleRows()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    Client nc;
    QVERIFY(!greet(nc, run->live.boundPort(31400)).empty());
    QVERIFY(nc.send("hello\n"));
    QCOMPARE(nc.read(6), std::string("hello\n"));
    QTRY_COMPARE_WITH_TIMEOUT(lastValue(charts.graph(kV1Listener, Metric::Active)), 1.0, 3000);
    QVERIFY(waitSamples(run->live, 2));

    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); // decimal comma: must not leak
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("traffic.csv"));
    const bool written = charts.exportCsv(path);
    QLocale::setDefault(QLocale::c());
    QVERIFY(written);
    const QStringList lines = studiotest::readAll(path).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(lines.size() > 2);
    QCOMPARE(lines.front(), QStringLiteral("time,unix_time,series,active,connections_per_second,"
                                           "client_to_upstream_bytes_per_second,"
                                           "upstream_to_client_bytes_per_second,connect_failures_per_second,"
                                           "no_route_per_second"));
    const QString v1Label = run->live.findSeries(kV1Listener)->label;
    int v1Rows = 0;
    bool sawActive = false;
    double bytesFromClient = 0;
    double previousTime = 0;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList f = lines[i].split(QLatin1Char(','));
        QCOMPARE(f.size(), 9);
        QVERIFY2(QDateTime::fromString(f[0], Qt::ISODateWithMs).isValid(), qPrintable(f[0]));
        bool ok = false;
        const double time = f[1].toDouble(&ok); // QString::toDouble reads the C locale
        QVERIFY2(ok && f[1].contains(QLatin1Char('.')), qPrintable(f[1]));
        QVERIFY(time >= previousTime); // oldest first
        previousTime = time;
        for (int c = 3; c < 9; ++c) {
            f[c].toDouble(&ok);
            QVERIFY2(ok, qPrintable(lines[i]));
        }
        if (f[2] == v1Label) {
            ++v1Rows;
            sawActive = sawActive || f[3] == QLatin1String("1");
            bytesFromClient = std::max(bytesFromClient, f[5].toDouble());
        }
    }
    // One row per sample of each shown series, inside the visible span.
    QCOMPARE(v1Rows, charts.graph(kV1Listener, Metric::Active)->dataCount());
    QCOMPARE(lines.size() - 1, v1Rows * static_cast<int>(charts.shownSeries().size()));
    QVERIFY(sawActive);
    QVERIFY(bytesFromClient > 0);
    QVERIFY(!charts.exportCsv(dir.filePath(QStringLiteral("no/such/folder/x.csv"))));
}

void tst_TrafficCharts::pngExportWritesThePlotSize()
{
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    charts.resize(800, 600);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    QVERIFY(waitSamples(run->live, 2));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("charts.png"));
    QVERIFY(charts.exportPng(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), charts.plot()->size());
    // Not a blank canvas: the background and the drawn axes and text differ.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    QVERIFY(colours.size() > 4);
    QVERIFY(!charts.exportPng(dir.filePath(QStringLiteral("no/such/folder/x.png"))));
}

void tst_TrafficCharts::copyPromQlCopiesTheDashboardQuery_data()
{
    QTest::addColumn<int>("chart");
    QTest::addColumn<int>("action");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    // The demo's one service, as Grafana writes a multi-value variable (regex-escaped).
    const QString selector =
        QStringLiteral(R"(reporter="source", source_workload_namespace=~"istio-system", )"
                       R"(source_workload=~"istio-ingressgateway", )"
                       R"(destination_service=~"tcp-echo\\.default\\.svc\\.cluster\\.local")");
    QTest::newRow("throughput, client → upstream: the workload dashboard's outbound bytes sent")
        << int(TrafficCharts::ThroughputChart) << 0 << QStringLiteral("Copy PromQL: client → upstream")
        << QStringLiteral(
               R"(round(sum(irate(istio_tcp_received_bytes_total{connection_security_policy!="mutual_tls", )"
               R"(reporter="source", source_workload_namespace=~"istio-system", )"
               R"(source_workload=~"istio-ingressgateway", )"
               R"(destination_service=~"tcp-echo\\.default\\.svc\\.cluster\\.local"}[1m])) )"
               R"(by (destination_service), 0.001))");
    QTest::newRow("throughput, upstream → client: the workload dashboard's outbound bytes received")
        << int(TrafficCharts::ThroughputChart) << 1 << QStringLiteral("Copy PromQL: upstream → client")
        << QStringLiteral(
               R"(round(sum(irate(istio_tcp_sent_bytes_total{reporter="source", )"
               R"(connection_security_policy!="mutual_tls", source_workload_namespace=~"istio-system", )"
               R"(source_workload=~"istio-ingressgateway", )"
               R"(destination_service=~"tcp-echo\\.default\\.svc\\.cluster\\.local"}[1m])) )"
               R"(by (destination_service), 0.001))");
    QTest::newRow("active connections: opened minus closed")
        << int(TrafficCharts::ActiveChart) << 0 << QStringLiteral("Copy PromQL")
        << QStringLiteral(
               "sum(istio_tcp_connections_opened_total{%1}) - sum(istio_tcp_connections_closed_total{%1})")
               .arg(selector);
    QTest::newRow("new connections per second")
        << int(TrafficCharts::RateChart) << 0 << QStringLiteral("Copy PromQL")
        << QStringLiteral("sum(irate(istio_tcp_connections_opened_total{%1}[1m]))").arg(selector);
}

void tst_TrafficCharts::copyPromQlCopiesTheDashboardQuery()
{
    QFETCH(int, chart);
    QFETCH(int, action);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    auto run = start(demoText());
    QVERIFY(run);
    TrafficCharts charts(&run->live);
    charts.setPer(SeriesKind::Subset);
    Client nc;
    QVERIFY(!greet(nc, run->live.boundPort(31400)).empty());
    QVERIFY(waitSamples(run->live, 2));
    QVERIFY(!charts.shownSeries().isEmpty());

    QGuiApplication::clipboard()->clear();
    std::unique_ptr<QMenu> menu(charts.contextMenu(static_cast<TrafficCharts::Chart>(chart), nullptr));
    const QList<QAction *> actions = menu->actions();
    QVERIFY(action < actions.size());
    QCOMPARE(actions.at(action)->text(), text);
    QVERIFY(actions.at(action)->isEnabled());
    QVERIFY(!actions.at(action)->toolTip().isEmpty());
    actions.at(action)->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), expected);

    // Per route, the route's destination is the same service: the same query.
    charts.setPer(SeriesKind::Route);
    QCOMPARE(charts.promQl(static_cast<TrafficCharts::Chart>(chart), action), expected);

    // In Chinese, the same actions (the query itself is not translated).
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QCOMPARE(installTranslation(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    std::unique_ptr<QMenu> chinese(charts.contextMenu(static_cast<TrafficCharts::Chart>(chart), nullptr));
    installTranslation(*app, QStringLiteral("en"));
    QVERIFY2(chinese->actions().at(action)->text().startsWith(QStringLiteral("复制 PromQL")),
             qPrintable(chinese->actions().at(action)->text()));
    QVERIFY(chinese->actions().at(action)->toolTip().contains(
        QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))));

    // MESHROUTE_SCREENSHOT_DIR: the menu as a right click opens it, over the charts.
    const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOT_DIR");
    if (folder.isEmpty() || chart != TrafficCharts::ThroughputChart || action != 0)
        return;
    charts.resize(900, 700);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QRect rect = charts.axisRect(TrafficCharts::ThroughputChart)->outerRect();
    const QPoint at = charts.plot()->mapTo(&charts, rect.center());
    menu->popup(charts.mapToGlobal(at));
    QVERIFY(QTest::qWaitForWindowExposed(menu.get()));
    QImage shot = charts.grab().toImage();
    QPainter painter(&shot);
    painter.drawImage(at, menu->grab().toImage());
    painter.end();
    QDir().mkpath(folder);
    QVERIFY(shot.save(QDir(folder).filePath(QStringLiteral("traffic-charts-copy-promql.png"))));
}

void tst_TrafficCharts::verdict_data()
{
    QTest::addColumn<quint64>("observed");
    QTest::addColumn<quint64>("total");
    QTest::addColumn<double>("configured");
    QTest::addColumn<int>("kind");
    QTest::newRow("no connections at all")
        << quint64(0) << quint64(0) << 50.0 << int(SharesView::Verdict::TooFew);
    QTest::newRow("10 connections cannot judge 20 % (2 expected)")
        << quint64(2) << quint64(10) << 20.0 << int(SharesView::Verdict::TooFew);
    QTest::newRow("25 connections can judge 20 % (5 expected)")
        << quint64(5) << quint64(25) << 20.0 << int(SharesView::Verdict::Within);
    QTest::newRow("80 of 100 at 80 % is what was asked")
        << quint64(80) << quint64(100) << 80.0 << int(SharesView::Verdict::Within);
    QTest::newRow("92 of 100 at 80 % is exactly 3 sigma")
        << quint64(92) << quint64(100) << 80.0 << int(SharesView::Verdict::Within);
    QTest::newRow("93 of 100 at 80 % is beyond 3 sigma")
        << quint64(93) << quint64(100) << 80.0 << int(SharesView::Verdict::Outside);
    QTest::newRow("50 of 100 at 80 % is far off")
        << quint64(50) << quint64(100) << 80.0 << int(SharesView::Verdict::Outside);
    QTest::newRow("weight 0 and nothing there")
        << quint64(0) << quint64(50) << 0.0 << int(SharesView::Verdict::Within);
    QTest::newRow("weight 0 but a connection there")
        << quint64(1) << quint64(50) << 0.0 << int(SharesView::Verdict::Outside);
}

void tst_TrafficCharts::verdict()
{
    QFETCH(quint64, observed);
    QFETCH(quint64, total);
    QFETCH(double, configured);
    QFETCH(int, kind);
    const SharesView::Verdict v = SharesView::judge(observed, total, configured);
    QCOMPARE(int(v.kind), kind);
    QVERIFY(!v.text.isEmpty());
    if (total == 100 && configured == 80.0) // sd = 4
        QCOMPARE(v.sigmas, (double(observed) - 80.0) / 4.0);
}

void tst_TrafficCharts::sharesShowConfiguredBesideObservedAndReset()
{
    auto run = start(splitText());
    QVERIFY(run);
    SharesView view(&run->live);
    QTRY_COMPARE_WITH_TIMEOUT(view.tree()->topLevelItemCount(), 1, 3000);
    QTreeWidgetItem *route = view.tree()->topLevelItem(0);
    QCOMPARE(route->text(SharesView::DestinationColumn), QStringLiteral("default/tcp-echo tcp[0]"));
    QCOMPARE(route->childCount(), 2);
    QCOMPARE(
        destinationItem(view, 0)->data(SharesView::ConfiguredColumn, SharesView::ConfiguredRole).toDouble(),
        80.0);
    QCOMPARE(
        destinationItem(view, 1)->data(SharesView::ConfiguredColumn, SharesView::ConfiguredRole).toDouble(),
        20.0);
    QCOMPARE(destinationItem(view, 0)->text(SharesView::ConfiguredColumn), QStringLiteral("80 %"));
    QCOMPARE(destinationItem(view, 1)->text(SharesView::ConfiguredColumn), QStringLiteral("20 %"));
    QVERIFY(destinationItem(view, 0)->text(SharesView::DestinationColumn).startsWith(QLatin1String("v1")));
    QVERIFY(destinationItem(view, 1)->text(SharesView::DestinationColumn).startsWith(QLatin1String("v2")));
    QCOMPARE(destinationItem(view, 0)->data(SharesView::VerdictColumn, SharesView::VerdictRole).toInt(),
             int(SharesView::Verdict::TooFew));

    // N connections: what the pods said is what the view counts.
    const int n = 60;
    int v1 = 0;
    for (int i = 0; i < n; ++i) {
        Client nc;
        const std::string pod = greet(nc, run->live.boundPort(31400));
        QVERIFY(!pod.empty());
        v1 += pod.rfind("tcp-echo-v1-", 0) == 0 ? 1 : 0;
    }
    QTRY_COMPARE_WITH_TIMEOUT(route->data(SharesView::ObservedColumn, SharesView::ObservedRole).toULongLong(),
                              quint64(n), 3000);
    QCOMPARE(
        destinationItem(view, 0)->data(SharesView::ObservedColumn, SharesView::ObservedRole).toULongLong(),
        quint64(v1));
    QCOMPARE(
        destinationItem(view, 1)->data(SharesView::ObservedColumn, SharesView::ObservedRole).toULongLong(),
        quint64(n - v1));
    QCOMPARE(destinationItem(view, 0)->text(SharesView::ObservedColumn), QString::number(v1));
    QCOMPARE(destinationItem(view, 0)
                 ->data(SharesView::ObservedPercentColumn, SharesView::ObservedPercentRole)
                 .toDouble(),
             100.0 * v1 / n);
    // 60 connections at 20 %: 12 expected, enough to judge; the verdict is the binomial's.
    const SharesView::Verdict expected = SharesView::judge(quint64(v1), quint64(n), 80.0);
    QVERIFY(expected.kind != SharesView::Verdict::TooFew);
    QCOMPARE(destinationItem(view, 0)->text(SharesView::VerdictColumn), expected.text);
    QVERIFY2(expected.kind == SharesView::Verdict::Within, qPrintable(expected.text)); // 3 sigma: 1 in 370

    // The bar: the observed share filled in the lower half, up to its percent of the track.
    view.resize(900, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage shown = view.tree()->viewport()->grab().toImage();
    const QRect cell = view.tree()->visualItemRect(destinationItem(view, 0));
    const int left = view.tree()->header()->sectionViewportPosition(SharesView::ShareColumn) + 4;
    const int width = view.tree()->header()->sectionSize(SharesView::ShareColumn) - 8;
    const int lowerHalf = cell.top() + cell.height() * 3 / 4;
    const double observedShare = v1 / double(n);
    const QColor accent = view.palette().color(QPalette::Highlight);
    const auto at = [&](double share) {
        const qreal ratio = shown.devicePixelRatio();
        return shown.pixelColor(int((left + width * share) * ratio), int(lowerHalf * ratio));
    };
    QCOMPARE(at(observedShare / 2), accent);
    QVERIFY(at(std::min(0.99, observedShare + 0.1)) != accent);

    // Reset zeroes the counts.
    QTest::mouseClick(view.resetButton(), Qt::LeftButton);
    QCOMPARE(route->data(SharesView::ObservedColumn, SharesView::ObservedRole).toULongLong(), quint64(0));
    for (int d = 0; d < 2; ++d) {
        QCOMPARE(destinationItem(view, d)
                     ->data(SharesView::ObservedColumn, SharesView::ObservedRole)
                     .toULongLong(),
                 quint64(0));
        QCOMPARE(destinationItem(view, d)->data(SharesView::VerdictColumn, SharesView::VerdictRole).toInt(),
                 int(SharesView::Verdict::TooFew));
    }
    QCOMPARE(
        destinationItem(view, 0)->data(SharesView::ConfiguredColumn, SharesView::ConfiguredRole).toDouble(),
        80.0);
    QVERIFY(waitSamples(run->live, 2));
    QCOMPARE(route->data(SharesView::ObservedColumn, SharesView::ObservedRole).toULongLong(), quint64(0));
}

void tst_TrafficCharts::keepsUpAtAThousandConnectionsPerSecondOnManySeries()
{
    // 32 listeners and routes, 62 route destinations; the studio's default 250 ms sampling.
    const int extra = 30;
    const int sampleMs = qEnvironmentVariableIsSet("CHARTS_SAMPLE_MS")
                             ? qEnvironmentVariableIntValue("CHARTS_SAMPLE_MS")
                             : 250;
    const int loadSeconds = qEnvironmentVariableIsSet("CHARTS_LOAD_SECONDS")
                                ? qEnvironmentVariableIntValue("CHARTS_LOAD_SECONDS")
                                : 3;
    auto run = start(manySeriesText(extra), sampleMs);
    QVERIFY(run);
    QElapsedTimer refreshClock;
    double refreshMax = 0;
    double refreshSum = 0;
    int refreshes = 0;
    connect(&run->live, &LiveSession::sampled, this, [&] { refreshClock.start(); });
    TrafficCharts charts(&run->live); // its refresh runs between the two
    connect(&run->live, &LiveSession::sampled, this, [&] {
        const double ms = refreshClock.nsecsElapsed() / 1e6;
        refreshMax = std::max(refreshMax, ms);
        refreshSum += ms;
        ++refreshes;
    });
    charts.setPer(SeriesKind::Route);
    charts.resize(1100, 900);
    charts.show();
    QVERIFY(QTest::qWaitForWindowExposed(&charts));
    double replotMax = 0;
    double replotSum = 0;
    int replots = 0;
    connect(charts.plot(), &QCustomPlot::afterReplot, this, [&] {
        replotMax = std::max(replotMax, charts.plot()->replotTime());
        replotSum += charts.plot()->replotTime();
        ++replots;
    });
    // A 16 ms timer: how late the event loop lets it fire.
    QElapsedTimer tick;
    double worstLate = 0;
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    connect(&frame, &QTimer::timeout, this, [&] {
        if (tick.isValid())
            worstLate = std::max(worstLate, tick.nsecsElapsed() / 1e6 - 16.0);
        tick.start();
    });

    // 1,000 new connections per second in all, over ten of the ports.
    std::vector<std::unique_ptr<TrafficGenerator>> generators;
    for (int i = 0; i < 10; ++i) {
        TrafficPlan plan;
        plan.port = run->live.boundPort(static_cast<std::uint32_t>(32000 + i));
        QVERIFY(plan.port != 0);
        plan.mode = TrafficPlan::Mode::Rate;
        plan.rate = 100;
        plan.durationSeconds = loadSeconds;
        generators.push_back(std::make_unique<TrafficGenerator>());
        const std::string error = generators.back()->start(plan);
        QVERIFY2(error.empty(), error.c_str());
    }
    frame.start(16);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return std::all_of(generators.begin(), generators.end(),
                               [](const auto &g) { return g->finished(); });
        },
        (loadSeconds + 20) * 1000));
    QVERIFY(waitSamples(run->live, 2));
    frame.stop();

    std::uint64_t succeeded = 0;
    for (const auto &g : generators)
        succeeded += g->progress().succeeded;
    QVERIFY2(succeeded >= 2700, qPrintable(QString::number(succeeded)));
    // The charts hold every sample of every route: nothing skipped, nothing rebuilt.
    QCOMPARE(charts.shownSeries().size(), qsizetype(extra + 2));
    // In the order people count, with the legend in the same order.
    QCOMPARE(run->live.findSeries(charts.shownSeries()[2])->label, QStringLiteral("default/load-2 tcp[0]"));
    QCOMPARE(qobject_cast<QCPPlottableLegendItem *>(charts.legend()->item(2))->plottable(),
             charts.graph(charts.shownSeries()[2], Metric::Active));
    double opened = 0;
    for (const QString &key : charts.shownSeries()) {
        const TrafficSeries *series = run->live.findSeries(key);
        QVERIFY(series);
        QCOMPARE(charts.graph(key, Metric::ConnectionsPerSecond)->dataCount(), int(series->points.size()));
        QCOMPARE((charts.graph(key, Metric::Active)->data()->constEnd() - 1)->key,
                 series->points.back().time);
        opened += maxValue(charts.graph(key, Metric::ConnectionsPerSecond));
    }
    QVERIFY(opened > 500); // the peaks of the ten loaded routes add up to about 1,000/s
    qInfo("1,000 conn/s over %d routes (%d graphs, %d points each): refresh mean %.2f ms, max %.2f ms; "
          "replot mean %.1f ms, max %.1f ms; 16 ms timer at worst %.1f ms late; %llu connections",
          int(charts.shownSeries().size()), charts.plot()->graphCount(),
          charts.graph(kRoute, Metric::Active)->dataCount(), refreshSum / std::max(1, refreshes), refreshMax,
          replotSum / std::max(1, replots), replotMax, worstLate, static_cast<unsigned long long>(succeeded));
    if (const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOT_DIR"); !folder.isEmpty()) {
        charts.plot()->replot(QCustomPlot::rpImmediateRefresh);
        QVERIFY(charts.grab().save(QDir(folder).filePath(QStringLiteral("traffic-charts-many-routes.png"))));
    }
    // Loose bounds (sanitizer builds, a busy machine): a sample costs far less than its interval.
    QVERIFY2(refreshMax < 200, qPrintable(QString::number(refreshMax)));
}

void tst_TrafficCharts::screenshotWithTraffic()
{
    auto run = start(splitText());
    QVERIFY(run);
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *charts = new TrafficCharts(&run->live);
    auto *shares = new SharesView(&run->live);
    layout->addWidget(charts, 3);
    layout->addWidget(shares, 1);
    charts->setRangeMinutes(1);
    window.resize(1100, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Traffic for a few seconds: short connections on both ports and two that stay open.
    std::vector<std::unique_ptr<Client>> open;
    QElapsedTimer clock;
    clock.start();
    int round = 0;
    while (clock.elapsed() < 8000) {
        for (int i = 0; i < 4; ++i) {
            Client nc;
            QVERIFY(!greet(nc, run->live.boundPort(i == 0 ? 31401 : 31400)).empty());
            const std::string line(200 * (1 + round % 7), 'a');
            QVERIFY(nc.send(line + "\n"));
            QCOMPARE(nc.read(line.size() + 1).size(), line.size() + 1);
        }
        if (round == 10 || round == 25) {
            open.push_back(std::make_unique<Client>());
            QVERIFY(!greet(*open.back(), run->live.boundPort(31400)).empty());
        }
        ++round;
        QTest::qWait(30);
    }
    QVERIFY(waitSamples(run->live, 2));
    charts->plot()->replot(QCustomPlot::rpImmediateRefresh);

    QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOT_DIR");
    QTemporaryDir temporary;
    if (folder.isEmpty())
        folder = temporary.path();
    QDir().mkpath(folder);
    const QImage light = window.grab().toImage();
    QVERIFY(light.save(QDir(folder).filePath(QStringLiteral("traffic-charts-light.png"))));

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 40));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(28, 28, 30));
    dark.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::Button, QColor(50, 50, 54));
    dark.setColor(QPalette::ButtonText, QColor(230, 230, 230));
    dark.setColor(QPalette::Highlight, QColor(64, 140, 230));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Disabled, QPalette::Text, QColor(120, 120, 120));
    // Lines get lighter on a dark background.
    const QString firstSeries = charts->shownSeries().front();
    const double lightLine = charts->graph(firstSeries, Metric::Active)->pen().color().lightnessF();
    window.setPalette(dark);
    QCOMPARE(charts->plot()->toPixmap().toImage().pixelColor(2, 2),
             QColor(28, 28, 30)); // follows the palette
    QVERIFY(charts->graph(firstSeries, Metric::Active)->pen().color().lightnessF() > lightLine + 0.15);
    charts->plot()->replot(QCustomPlot::rpImmediateRefresh);
    const QImage darkImage = window.grab().toImage();
    QVERIFY(darkImage.save(QDir(folder).filePath(QStringLiteral("traffic-charts-dark.png"))));
    QCOMPARE(darkImage.size(), light.size());

    // As a bottom dock: wide and low, the plots two by two.
    window.setPalette(QApplication::palette());
    window.resize(1600, 640);
    QTRY_COMPARE(charts->plotColumns(), 2);
    charts->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QVERIFY(window.grab().save(QDir(folder).filePath(QStringLiteral("traffic-charts-dock.png"))));
}

STUDIO_TEST_MAIN(tst_TrafficCharts)
#include "tst_trafficcharts.moc"
