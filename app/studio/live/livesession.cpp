#include "live/livesession.h"

#include "graph/nodeid.h"

#include "analysis/analyzer.h"
#include "compile/compile.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace meshroute::studio {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

QString shortHost(const std::string &host)
{
    const auto dot = host.find('.');
    return q(dot == std::string::npos ? host : host.substr(0, dot));
}

QString subsetLabel(const std::string &subset, const std::string &host)
{
    return (subset.empty() ? LiveSession::tr("all") : q(subset)) + QStringLiteral(" · ") + shortHost(host);
}

double epochSeconds()
{
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

std::uint64_t delta(std::uint64_t now, std::uint64_t before)
{
    return now >= before ? now - before : now; // a new block after an apply starts at 0
}

QString errorLine(const Diagnostic &d)
{
    return q(d.format());
}

} // namespace

struct LiveSession::Compiled
{
    std::shared_ptr<const RouteTable> table;
    QStringList errors;
    QStringList warnings;
    Diagnostics diagnostics;
    std::map<std::pair<std::string, std::uint32_t>, int> serverIndex; // (gateway, port) -> server index
};

LiveSession::LiveSession(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    qRegisterMetaType<LiveOutcome>();
    qRegisterMetaType<std::vector<proxy::ConnectionRecord>>();
    qRegisterMetaType<std::vector<proxy::PodLogLine>>();
    m_timer->setTimerType(Qt::PreciseTimer);
    connect(m_timer, &QTimer::timeout, this, &LiveSession::sample);
}

LiveSession::~LiveSession()
{
    if (m_engine)
        m_engine->stop(std::chrono::milliseconds(0));
}

void LiveSession::setOptions(const Options &options)
{
    m_options = options;
    m_timer->setInterval(std::max(20, m_options.sampleIntervalMs));
}

LiveSession::Compiled LiveSession::compileFor(const ResourceSet &set, const Diagnostics &analysis,
                                              const std::optional<gatewayapi::Target> &target) const
{
    Compiled c;
    for (const Diagnostic &d : analysis) {
        if (d.severity == Severity::Error) {
            c.errors << errorLine(d);
            c.diagnostics.push_back(d);
        }
    }
    CompileOptions options;
    options.gatewayApiTarget = target;
    CompileResult result = compile(set, options);
    for (const Diagnostic &d : result.diagnostics) {
        // What analysis already said (the target's findings: the same finding at the same place) is
        // not repeated. Findings are data, so "the same" is the code, the message id and its arguments.
        const bool said = std::any_of(analysis.begin(), analysis.end(), [&](const Diagnostic &a) {
            return a.code == d.code && a.messageId == d.messageId && a.args == d.args && a.file == d.file &&
                   a.position == d.position;
        });
        if (said)
            continue;
        if (d.severity == Severity::Error)
            c.errors << errorLine(d);
        else if (d.severity == Severity::Warning)
            c.warnings << errorLine(d);
        if (d.severity != Severity::Info)
            c.diagnostics.push_back(d);
    }
    c.table = std::move(result.table);
    for (const Resource &resource : set.resources) {
        const auto *gateway = resource.as<GatewaySpec>();
        if (!gateway)
            continue;
        const std::string name = resource.effectiveNamespace(set.defaultNamespace) + "/" + resource.name;
        for (std::size_t i = 0; i < gateway->servers.size(); ++i)
            c.serverIndex.emplace(std::pair(name, gateway->servers[i].port.number), static_cast<int>(i));
    }
    return c;
}

LiveOutcome LiveSession::start(const ResourceSet &set, const Diagnostics &analysis,
                               const std::optional<gatewayapi::Target> &target)
{
    LiveOutcome outcome;
    if (m_engine) {
        outcome = apply(set, analysis, target);
        return outcome;
    }
    Compiled c = compileFor(set, analysis, target);
    outcome.warnings = c.warnings;
    outcome.diagnostics = c.diagnostics;
    if (!c.errors.isEmpty()) {
        outcome.errors = c.errors;
        emit applied(outcome);
        return outcome;
    }
    proxy::EngineOptions engineOptions;
    engineOptions.bindAddress = m_options.bindAddress;
    engineOptions.portOffset = m_options.portOffset;
    engineOptions.threads = m_options.threads;
    engineOptions.ephemeralPorts = m_options.ephemeralPorts;
    m_engine = std::make_unique<proxy::Engine>(engineOptions);
    adopt(c, m_engine->start(c.table), outcome);

    m_finished.clear();
    m_lastRecordIds.clear();
    m_podLogSeq = 0;
    m_lastSampleTime = 0;
    for (auto &[key, series] : m_series)
        series.current = false;
    m_timer->setInterval(std::max(20, m_options.sampleIntervalMs));
    m_timer->start();
    sample();
    emit runningChanged(true);
    emit applied(outcome);
    return outcome;
}

// The engine runs `c` now: keep what the samples need to name things, and report what it said.
void LiveSession::adopt(Compiled &c, const proxy::ApplyResult &result, LiveOutcome &outcome)
{
    m_serverIndex = std::move(c.serverIndex);
    m_table = c.table;
    m_listeners = result.listeners;
    for (const std::string &e : result.errors) {
        outcome.warnings << q(e);
        outcome.engineWarnings << q(e);
    }
    outcome.engineMessages = result.messages;
    outcome.applied = true;
    outcome.generation = result.generation;
}

LiveOutcome LiveSession::apply(const ResourceSet &set, const Diagnostics &analysis,
                               const std::optional<gatewayapi::Target> &target)
{
    LiveOutcome outcome;
    Compiled c = compileFor(set, analysis, target);
    outcome.warnings = c.warnings;
    outcome.diagnostics = c.diagnostics;
    if (!c.errors.isEmpty()) {
        outcome.errors = c.errors;
        outcome.keptPrevious = m_engine != nullptr;
        emit applied(outcome);
        return outcome;
    }
    if (!m_engine)
        return outcome; // valid, nothing running
    adopt(c, m_engine->apply(c.table), outcome);
    sample();
    emit applied(outcome);
    return outcome;
}

void LiveSession::stop()
{
    if (!m_engine)
        return;
    m_timer->stop();
    m_engine->stop(std::chrono::milliseconds(0));
    pollConnections();
    pollPodLogs();
    m_engine.reset();
    m_listeners.clear();
    if (m_trackOpen)
        emit connectionsOpen({});
    for (auto &[key, series] : m_series)
        series.current = false;
    emit runningChanged(false);
}

std::vector<proxy::PodStatus> LiveSession::pods() const
{
    return m_engine ? m_engine->pods() : std::vector<proxy::PodStatus>{};
}

std::int64_t LiveSession::activeConnections() const
{
    return m_engine ? m_engine->activeConnections() : 0;
}

const TrafficSeries *LiveSession::findSeries(const QString &key) const
{
    const auto it = m_series.find(key);
    return it == m_series.end() ? nullptr : &it->second;
}

std::vector<const TrafficSeries *> LiveSession::seriesOf(SeriesKind kind) const
{
    std::vector<const TrafficSeries *> out;
    for (const auto &[key, series] : m_series) {
        if (series.kind == kind && series.current)
            out.push_back(&series);
    }
    return out;
}

QString LiveSession::graphRouteId(const Route &route)
{
    return nodeid::route(route.virtualService, route.section, route.rule);
}

TrafficSeries &LiveSession::seriesFor(const QString &key, SeriesKind kind)
{
    TrafficSeries &s = m_series[key];
    if (s.key.isEmpty()) {
        s.key = key;
        s.kind = kind;
    }
    s.current = true;
    return s;
}

void LiveSession::addPoint(const QString &key, const proxy::CounterValues &values, double now, double seconds)
{
    TrafficSeries &s = m_series[key];
    using proxy::Counter;
    TrafficPoint p;
    p.time = now;
    p.active = static_cast<double>(values.active);
    if (seconds > 0 && !s.points.empty()) {
        const auto rate = [&](Counter c) {
            return static_cast<double>(delta(values[c], s.totals[c])) / seconds;
        };
        p.connectionsPerSecond = rate(Counter::ConnectionsOpened);
        p.clientToUpstreamPerSecond = rate(Counter::BytesFromClient);
        p.upstreamToClientPerSecond = rate(Counter::BytesToClient);
        p.connectFailuresPerSecond =
            static_cast<double>(delta(values[Counter::ConnectFailures], s.totals[Counter::ConnectFailures]) +
                                delta(values[Counter::ConnectTimeouts], s.totals[Counter::ConnectTimeouts])) /
            seconds;
        p.noRoutePerSecond = rate(Counter::NoRoute);
    }
    s.totals = values;
    s.points.push_back(p);
    const double oldest = now - m_options.historySeconds;
    while (!s.points.empty() && s.points.front().time < oldest)
        s.points.pop_front();
}

void LiveSession::sample()
{
    if (!m_engine)
        return;
    m_snapshot = m_engine->snapshot();
    const double now = epochSeconds();
    const double seconds = m_lastSampleTime > 0 ? now - m_lastSampleTime : 0;
    m_lastSampleTime = now;
    for (auto &[key, series] : m_series)
        series.current = false;

    std::map<std::string, const Route *> routes;
    std::map<std::string, const Cluster *> clusters;
    if (m_table) {
        for (const Route &r : m_table->routes)
            routes.emplace(r.name, &r);
        for (const Cluster &c : m_table->clusters)
            clusters.emplace(c.name, &c);
    }

    for (const proxy::ListenerStats &l : m_snapshot.listeners) {
        const QString key = QStringLiteral("listener:%1:%2").arg(q(l.gateway)).arg(l.port);
        TrafficSeries &s = seriesFor(key, SeriesKind::Listener);
        s.label = QStringLiteral("%1 · %2").arg(l.port).arg(q(l.gateway));
        s.graphNode = nodeid::gateway(l.gateway);
        const auto index = m_serverIndex.find({l.gateway, l.port});
        s.graphSocket = index == m_serverIndex.end() ? QString() : QString::number(index->second);
        addPoint(key, l.values, now, seconds);
    }
    for (const proxy::RouteStats &r : m_snapshot.routes) {
        const QString key = QStringLiteral("route:") + q(r.name);
        const auto route = routes.find(r.name);
        TrafficSeries &s = seriesFor(key, SeriesKind::Route);
        s.label = q(r.name);
        if (route != routes.end())
            s.graphNode = graphRouteId(*route->second);
        const QString routeNode = s.graphNode;
        addPoint(key, r.values, now, seconds);
        for (std::size_t d = 0; d < r.destinations.size(); ++d) {
            const proxy::RouteDestinationStats &rd = r.destinations[d];
            const QString edgeKey = QStringLiteral("edge:%1|%2").arg(q(r.name)).arg(d);
            TrafficSeries &e = seriesFor(edgeKey, SeriesKind::RouteDestination);
            const auto cluster = clusters.find(rd.cluster);
            const std::string host = cluster != clusters.end() ? cluster->second->host : std::string();
            e.label = QStringLiteral("%1 → %2").arg(q(r.name), subsetLabel(rd.subset, host));
            e.graphNode = routeNode;
            e.graphTarget = nodeid::destination(host);
            e.targetSocket = nodeid::subsetSocket(rd.subset);
            e.destination = static_cast<int>(d);
            e.weight = rd.weight;
            addPoint(edgeKey, rd.values, now, seconds);
        }
    }
    for (const proxy::ClusterStats &c : m_snapshot.clusters) {
        const QString key = QStringLiteral("subset:") + q(c.name);
        TrafficSeries &s = seriesFor(key, SeriesKind::Subset);
        s.label = subsetLabel(c.subset, c.host);
        s.graphNode = nodeid::destination(c.host);
        s.graphSocket = nodeid::subsetSocket(c.subset);
        addPoint(key, c.values, now, seconds);
    }
    for (const proxy::EndpointStats &e : m_snapshot.endpoints) {
        const QString key = QStringLiteral("endpoint:%1|%2").arg(q(e.cluster), q(e.name));
        TrafficSeries &s = seriesFor(key, SeriesKind::Endpoint);
        s.label = q(e.name);
        const auto cluster = clusters.find(e.cluster);
        if (cluster != clusters.end()) {
            s.graphNode = nodeid::destination(cluster->second->host);
            s.graphSocket = nodeid::subsetSocket(cluster->second->subset);
        }
        if (!e.workload.empty()) {
            s.graphTarget = e.pod ? nodeid::deployment(e.workloadNamespace, e.workload)
                                  : nodeid::workloadEntry(e.workloadNamespace, e.workload);
        }
        addPoint(key, e.values, now, seconds);
    }
    // Series of names no longer running keep their history but get no new points.
    pollConnections();
    if (m_trackOpen)
        emit connectionsOpen(m_engine->openConnections(std::chrono::milliseconds(50)));
    pollPodLogs();
    emit sampled();
}

void LiveSession::pollConnections()
{
    if (!m_engine)
        return;
    std::vector<proxy::ConnectionRecord> records = m_engine->recentConnections();
    std::vector<std::uint64_t> ids;
    ids.reserve(records.size());
    std::vector<proxy::ConnectionRecord> fresh;
    for (proxy::ConnectionRecord &r : records) {
        ids.push_back(r.id);
        if (!std::binary_search(m_lastRecordIds.begin(), m_lastRecordIds.end(), r.id))
            fresh.push_back(std::move(r));
    }
    std::sort(ids.begin(), ids.end());
    m_lastRecordIds = std::move(ids);
    if (fresh.empty())
        return;
    for (const proxy::ConnectionRecord &r : fresh)
        m_finished.push_back(r);
    while (m_finished.size() > m_options.finishedCapacity)
        m_finished.pop_front();
    emit connectionsFinished(fresh);
}

void LiveSession::pollPodLogs()
{
    if (!m_engine)
        return;
    std::vector<proxy::PodLogLine> lines = m_engine->podLog({}, m_podLogSeq);
    if (lines.empty())
        return;
    m_podLogSeq = lines.back().seq;
    emit podLogAppended(lines);
}

std::vector<RouteShare> LiveSession::routeShares() const
{
    std::vector<RouteShare> out;
    if (!m_table)
        return out;
    for (const Route &route : m_table->routes) {
        if (route.destinations.size() < 2)
            continue;
        RouteShare share;
        share.route = q(route.name);
        share.graphNode = graphRouteId(route);
        std::uint64_t totalWeight = 0;
        for (const WeightedCluster &wc : route.destinations)
            totalWeight += wc.weight;
        for (std::size_t d = 0; d < route.destinations.size(); ++d) {
            const WeightedCluster &wc = route.destinations[d];
            RouteShare::Destination dest;
            if (wc.cluster < m_table->clusters.size()) {
                const Cluster &cluster = m_table->clusters[wc.cluster];
                dest.label = subsetLabel(cluster.subset, cluster.host);
            }
            dest.configured = totalWeight ? 100.0 * wc.weight / static_cast<double>(totalWeight) : 0.0;
            const QString key = QStringLiteral("edge:%1|%2").arg(share.route).arg(d);
            if (const TrafficSeries *s = findSeries(key)) {
                const std::uint64_t opened = s->totals[proxy::Counter::ConnectionsOpened];
                const auto base = m_shareBaseline.find(key);
                dest.observed = delta(opened, base == m_shareBaseline.end() ? 0 : base->second);
            }
            share.total += dest.observed;
            share.destinations.push_back(dest);
        }
        for (auto &dest : share.destinations)
            dest.observedPercent =
                share.total ? 100.0 * dest.observed / static_cast<double>(share.total) : 0.0;
        out.push_back(std::move(share));
    }
    return out;
}

void LiveSession::resetShares()
{
    sample(); // count from now, not from the last timer tick
    m_shareBaseline.clear();
    for (const auto &[key, series] : m_series) {
        if (series.kind == SeriesKind::RouteDestination)
            m_shareBaseline[key] = series.totals[proxy::Counter::ConnectionsOpened];
    }
}

QString LiveSession::subsetOfPod(const QString &pod) const
{
    if (!m_table)
        return {};
    const std::string name = pod.toStdString();
    for (std::size_t p = 0; p < m_table->pods.size(); ++p) {
        if (m_table->pods[p].name != name)
            continue;
        for (const Cluster &cluster : m_table->clusters) {
            if (cluster.subset.empty())
                continue;
            for (const Endpoint &e : cluster.endpoints) {
                if (e.pod == static_cast<int>(p))
                    return q(cluster.subset);
            }
        }
    }
    return {};
}

std::uint16_t LiveSession::boundPort(std::uint32_t gatewayPort) const
{
    for (const proxy::ListenerStatus &l : m_listeners) {
        if (l.port == gatewayPort && l.listening)
            return l.boundPort;
    }
    return 0;
}

} // namespace meshroute::studio
