// Not a test: how the studio's event loop copes while the local gateway carries
// 1,000 new connections per second. The main window runs the tutorial demo with
// the gateway started; a 16 ms QTimer measures how late the event loop serves it,
// first with the gateway idle (the reference), then under the generator's load,
// side by side in one run. It also reports whether the charts and the graph kept
// up: samples taken, the newest chart point's age, and the connections counted.
//
//   bench_live [--rate 1000] [--seconds 10]

#include "studiotest.h"

#include "document/document.h"
#include "graph/graphscene.h"
#include "live/livesession.h"
#include "live/trafficgenerator.h"
#include "traffic/trafficcharts.h"
#include "traffic/trafficcontroller.h"
#include "window/mainwindow.h"

#include <QDateTime>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

struct Phase
{
    const char *name;
    std::vector<double> lateMs; // how late each 16 ms tick came
    int samples = 0;            // LiveSession samples during the phase
    double chartLagMs = 0;      // age of the newest chart point at the end
    TrafficProgress load;
    std::uint64_t countedByGateway = 0;

    double percentile(double p) const
    {
        if (lateMs.empty())
            return 0;
        std::vector<double> v = lateMs;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    }
};

std::uint64_t openedOn(const LiveSession &live, std::uint32_t port)
{
    for (const proxy::ListenerStats &l : live.snapshot().listeners)
        if (l.port == port)
            return l.values[proxy::Counter::ConnectionsOpened];
    return 0;
}

// Runs the event loop for `seconds`, measuring the 16 ms timer's lateness.
void measure(Phase &phase, MainWindow &window, double seconds, TrafficGenerator *generator)
{
    LiveSession &live = *window.traffic()->session();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(16);
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0)
            phase.lateMs.push_back(std::max(0.0, static_cast<double>(now - last) / 1e6 - 16.0));
        last = now;
    });
    const auto sampled = QObject::connect(&live, &LiveSession::sampled, [&] { ++phase.samples; });
    const std::uint64_t before = openedOn(live, 31400);
    tick.start();
    QElapsedTimer run;
    run.start();
    // The application's own event loop, as in the studio, until the phase is over.
    QEventLoop loop;
    QTimer check;
    QObject::connect(&check, &QTimer::timeout, [&] {
        const bool loadGoing = generator && generator->running() && run.elapsed() < seconds * 3000;
        if (run.elapsed() >= seconds * 1000 && !loadGoing)
            loop.quit();
    });
    check.start(50);
    loop.exec();
    tick.stop();
    QObject::disconnect(sampled);
    live.sample();
    window.traffic()->charts()->refresh();
    phase.chartLagMs = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) -
                       window.traffic()->charts()->latestTime() * 1000.0;
    phase.countedByGateway = openedOn(live, 31400) - before;
    if (generator)
        phase.load = generator->progress();
}

} // namespace

int main(int argc, char *argv[])
{
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("data")).toUtf8());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("MeshrouteBench"));
    double rate = 1000, seconds = 10;
    for (int i = 1; i + 1 < argc; ++i) {
        if (qstrcmp(argv[i], "--rate") == 0)
            rate = QByteArray(argv[i + 1]).toDouble();
        if (qstrcmp(argv[i], "--seconds") == 0)
            seconds = QByteArray(argv[i + 1]).toDouble();
    }

    const QString demo = studiotest::copyDemo(QDir(home.path()).absoluteFilePath(QStringLiteral("demo")));
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!window.openPaths({demo})) {
        std::fprintf(stderr, "cannot open the demo\n");
        return 2;
    }
    LiveSession &live = *window.traffic()->session();
    LiveSession::Options options = live.options();
    options.ephemeralPorts = true;
    live.setOptions(options);
    if (!window.traffic()->start()) {
        std::fprintf(stderr, "the gateway did not start\n");
        return 2;
    }
    // The charts in view, as a person watching the load would have them.
    if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("trafficDock")))
        dock->raise();

    Phase idle{"gateway idle (reference)", {}, 0, 0, {}, 0};
    measure(idle, window, seconds, nullptr);

    TrafficGenerator generator;
    TrafficPlan plan;
    plan.port = live.boundPort(31400);
    plan.mode = TrafficPlan::Mode::Rate;
    plan.rate = rate;
    plan.durationSeconds = seconds;
    plan.concurrency = 2000;
    if (const std::string error = generator.start(plan); !error.empty()) {
        std::fprintf(stderr, "generator: %s\n", error.c_str());
        return 2;
    }
    Phase loaded{"1,000 connections/s", {}, 0, 0, {}, 0};
    loaded.name = rate == 1000 ? "1,000 new connections/s" : "generator load";
    measure(loaded, window, seconds, &generator);
    generator.wait(std::chrono::seconds(10));
    loaded.load = generator.progress();

    const double expectedSamples = seconds * 1000.0 / live.options().sampleIntervalMs;
    std::printf("Studio event loop with the local gateway running (%.0f s per phase, 16 ms timer, "
                "sampling every %d ms)\n\n",
                seconds, live.options().sampleIntervalMs);
    std::printf("%-26s %10s %10s %10s %10s %9s %14s %14s\n", "phase", "late p50", "late p99", "late max",
                "samples", "chart lag", "conn achieved", "counted");
    for (const Phase *p : {&idle, &loaded}) {
        const double achieved =
            p->load.elapsedSeconds > 0 ? static_cast<double>(p->load.succeeded) / p->load.elapsedSeconds : 0;
        std::printf("%-26s %8.2f ms %8.2f ms %8.2f ms %5d/%-4.0f %6.0f ms %10.0f/s %14llu\n", p->name,
                    p->percentile(0.5), p->percentile(0.99),
                    p->lateMs.empty() ? 0.0 : *std::max_element(p->lateMs.begin(), p->lateMs.end()),
                    p->samples, expectedSamples, p->chartLagMs, achieved,
                    static_cast<unsigned long long>(p->countedByGateway));
    }
    std::printf("\nload: %llu planned, %llu echoed, %llu failed, %llu skipped; p50 %.2f ms, p99 %.2f ms per "
                "connection\n",
                static_cast<unsigned long long>(loaded.load.planned),
                static_cast<unsigned long long>(loaded.load.succeeded),
                static_cast<unsigned long long>(loaded.load.failed),
                static_cast<unsigned long long>(loaded.load.skipped), loaded.load.p50Ms, loaded.load.p99Ms);
    window.traffic()->stop();
    return 0;
}
