#pragma once

// The bridge between the studio and the embedded local gateway. It owns the
// Engine, compiles the document for it, and samples it on a QTimer in the GUI
// thread: snapshot() becomes time series (rates per second), the engine's
// connection record becomes "finished connections" signals and the demo pods'
// logs become "new lines" signals. Nothing here runs on an engine thread and the
// engine never calls back: every Qt object stays in the thread that made it.
//
//   LiveSession live;
//   live.setOptions({.bindAddress = "127.0.0.1", .portOffset = 1000});
//   auto outcome = live.start(document.set(), document.diagnostics());
//   connect(&live, &LiveSession::sampled, chart, &Chart::refresh);
//   live.apply(editedSet, editedDiagnostics);   // refused with errors: the old rules keep running
//   live.stop();
//
// Qt Core only (no widgets), so the bridge is tested under ThreadSanitizer.

#include "compile/routetable.h"
#include "engine/engine.h"
#include "gatewayapi/targets.h"
#include "model/resourceset.h"

#include <optional>

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace meshroute::studio {

// One sample of a traffic series. Rates are per second over the interval that ends at `time`.
struct TrafficPoint
{
    double time = 0;                      // seconds since the Unix epoch (chart keys, CSV)
    double active = 0;                    // connections open at `time`
    double connectionsPerSecond = 0;      // connections opened
    double clientToUpstreamPerSecond = 0; // bytes read from clients (towards the upstream)
    double upstreamToClientPerSecond = 0; // bytes written back to clients
    double connectFailuresPerSecond = 0;  // upstream connects refused, failed or timed out
    double noRoutePerSecond = 0;          // closed at once: no route, unknown subset or host
};

enum class SeriesKind { Listener, Route, RouteDestination, Subset, Endpoint };

// What a series is about, with names to show and ids to find it in the graph.
struct TrafficSeries
{
    QString
        key; // stable while the names stay: "listener:default/gw:31400", "route:default/tcp-echo tcp[0]", ...
    SeriesKind kind = SeriesKind::Listener;
    QString label;     // "31400 · default/tcp-echo-gateway", "tcp-echo tcp[0] → v1", "v1 · tcp-echo", ...
    QString graphNode; // the graph node it belongs to: "gateway:default/gw", "route:default/vs/tcp/0", ...
    QString graphSocket;      // the socket on that node ("0": server index, "v1": subset), empty for the node
    QString graphTarget;      // RouteDestination: the destination node ("destination:<host>")
    QString targetSocket;     // RouteDestination: the subset socket ("v1", "*")
    int destination = -1;     // RouteDestination: index in the route's destinations
    std::uint32_t weight = 0; // RouteDestination: the configured (relative) weight
    bool current = true;      // still in the running table (false: kept for its history)
    std::deque<TrafficPoint> points; // oldest first, at most historySeconds long
    proxy::CounterValues totals;     // the counters at the last sample
};

// The result of a start or an apply.
struct LiveOutcome
{
    bool applied = false;       // the engine runs the configuration now
    bool keptPrevious = false;  // refused while running: the previous configuration still runs
    QStringList errors;         // why not, one line each ("gateway.yaml:9:13: error: ... [MR0004]")
    QStringList warnings;       // what runs differently from a cluster (compile decisions, busy ports)
    Diagnostics diagnostics;    // the diagnostics behind `errors` and `warnings` (for translated display)
    QStringList engineWarnings; // of `warnings`, those from the engine itself (busy ports)
    std::vector<Message> engineMessages; // the same as data (ids engine-*), for translated display
    std::uint64_t generation = 0;
};

// A route with weighted destinations: configured weights beside the observed shares.
struct RouteShare
{
    QString route;     // "default/tcp-echo tcp[0]"
    QString graphNode; // "route:default/tcp-echo/tcp/0"
    struct Destination
    {
        QString label;              // "v1 · tcp-echo.default.svc.cluster.local"
        double configured = 0;      // percent of the route's total weight
        std::uint64_t observed = 0; // connections since the last reset
        double observedPercent = 0;
    };
    std::vector<Destination> destinations;
    std::uint64_t total = 0; // connections since the last reset
};

class LiveSession : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::string bindAddress = "127.0.0.1";
        int portOffset = 0;
        bool ephemeralPorts = false;          // tests: every listener on a free port
        unsigned threads = 0;                 // 0: one per core
        int sampleIntervalMs = 250;           // how often the GUI samples the engine
        int historySeconds = 300;             // how much of each series is kept
        std::size_t finishedCapacity = 20000; // finished connections kept for the table
    };

    explicit LiveSession(QObject *parent = nullptr);
    ~LiveSession() override; // stops the engine (drain 0)

    void setOptions(const Options &options); // used by the next start
    const Options &options() const { return m_options; }

    // Compiles `set` and starts the engine. Refused when `analysis` (the document's
    // diagnostics) or the compiler report errors. Busy ports are warnings: the
    // other listeners start. `target`: the document's cluster (Document::gatewayApiTarget(), the
    // one its analysis read): the engine runs only what that cluster's Istio reads.
    LiveOutcome start(const ResourceSet &set, const Diagnostics &analysis,
                      const std::optional<gatewayapi::Target> &target = std::nullopt);
    // While running: compile and hot-apply. Refused on errors; the previous
    // configuration keeps running and live connections survive either way.
    LiveOutcome apply(const ResourceSet &set, const Diagnostics &analysis,
                      const std::optional<gatewayapi::Target> &target = std::nullopt);
    void stop();
    bool isRunning() const { return m_engine != nullptr; }

    // Sample the engine now (the timer does it every sampleIntervalMs while running).
    void sample();

    std::shared_ptr<const RouteTable> table() const { return m_table; }
    const std::vector<proxy::ListenerStatus> &listeners() const { return m_listeners; }
    std::vector<proxy::PodStatus> pods() const;
    const proxy::StatsSnapshot &snapshot() const { return m_snapshot; }
    const std::map<QString, TrafficSeries> &series() const { return m_series; }
    const TrafficSeries *findSeries(const QString &key) const;
    // The series of one kind that belong to the running table, in table order.
    std::vector<const TrafficSeries *> seriesOf(SeriesKind kind) const;
    // Ask the engine for its open connections at every sample (it costs each engine thread a visit).
    void setTrackOpenConnections(bool track) { m_trackOpen = track; }
    // Finished connections, oldest first, at most finishedCapacity.
    const std::deque<proxy::ConnectionRecord> &finished() const { return m_finished; }
    // Gateway connections open now.
    std::int64_t activeConnections() const;
    // Weighted routes: configured beside observed, counted from the last resetShares().
    std::vector<RouteShare> routeShares() const;
    void resetShares();
    // The demo pod that served a greeting line ("Running on Pod <name>."), and its subset label value.
    QString subsetOfPod(const QString &pod) const;
    // The gateway port (with offset) a Gateway server port listens on, 0 when not listening.
    std::uint16_t boundPort(std::uint32_t gatewayPort) const;
    QString bindAddress() const { return QString::fromStdString(m_options.bindAddress); }

    // The engine itself, for the generator and the client (null when stopped).
    proxy::Engine *engine() const { return m_engine.get(); }

    static QString graphRouteId(const Route &route); // "route:default/tcp-echo/tcp/0", ".../tls/1"

signals:
    void runningChanged(bool running);
    void applied(const meshroute::studio::LiveOutcome &outcome);
    void sampled();
    void connectionsFinished(const std::vector<meshroute::proxy::ConnectionRecord> &records);
    void podLogAppended(const std::vector<meshroute::proxy::PodLogLine> &lines);
    // Every sample while tracked (setTrackOpenConnections), after connectionsFinished; empty at stop.
    void connectionsOpen(const std::vector<meshroute::proxy::ConnectionRecord> &records);

private:
    struct Compiled;
    Compiled compileFor(const ResourceSet &set, const Diagnostics &analysis,
                        const std::optional<gatewayapi::Target> &target) const;
    void adopt(Compiled &c, const proxy::ApplyResult &result, LiveOutcome &outcome);
    void addPoint(const QString &key, const proxy::CounterValues &values, double now, double seconds);
    TrafficSeries &seriesFor(const QString &key, SeriesKind kind);
    void pollConnections();
    void pollPodLogs();

    Options m_options;
    std::unique_ptr<proxy::Engine> m_engine;
    std::shared_ptr<const RouteTable> m_table;
    std::vector<proxy::ListenerStatus> m_listeners;
    std::map<std::pair<std::string, std::uint32_t>, int> m_serverIndex; // (gateway, port) -> server index
    proxy::StatsSnapshot m_snapshot;
    std::map<QString, TrafficSeries> m_series;
    std::map<QString, std::uint64_t> m_shareBaseline; // RouteDestination key -> opened at the reset
    std::deque<proxy::ConnectionRecord> m_finished;
    std::vector<std::uint64_t> m_lastRecordIds; // ids seen in the previous poll, sorted
    std::uint64_t m_podLogSeq = 0;
    bool m_trackOpen = false;
    QTimer *m_timer;
    QElapsedTimer m_clock;
    double m_lastSampleTime = 0;
};

} // namespace meshroute::studio

Q_DECLARE_METATYPE(meshroute::studio::LiveOutcome)
Q_DECLARE_METATYPE(std::vector<meshroute::proxy::ConnectionRecord>)
Q_DECLARE_METATYPE(std::vector<meshroute::proxy::PodLogLine>)
