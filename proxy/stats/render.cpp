#include "stats/render.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <utility>
#include <vector>

namespace meshroute::proxy {

namespace {

using LabelList = std::vector<std::pair<std::string, std::string>>;

// The length of the well-formed UTF-8 sequence at text[i], or 0 when it is not one
// (truncated, overlong, a surrogate, past U+10FFFF, a stray continuation byte).
std::size_t utf8Sequence(const std::string &text, std::size_t i)
{
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80)
        return 1;
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if ((c & 0xe0) == 0xc0) {
        n = 2;
        cp = c & 0x1fu;
    } else if ((c & 0xf0) == 0xe0) {
        n = 3;
        cp = c & 0x0fu;
    } else if ((c & 0xf8) == 0xf0) {
        n = 4;
        cp = c & 0x07u;
    } else {
        return 0;
    }
    if (text.size() - i < n)
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        const auto d = static_cast<unsigned char>(text[i + k]);
        if ((d & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (d & 0x3fu);
    }
    static constexpr std::uint32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

// Names come from user configuration: both formats must be UTF-8, so a byte that is not part
// of a well-formed sequence becomes U+FFFD (found by fuzzing the renderers).
std::string validUtf8(const std::string &text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8Sequence(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text, i, n);
            i += n;
        }
    }
    return out;
}

std::string jsonString(const std::string &raw)
{
    const std::string text = validUtf8(raw);
    std::string out = "\"";
    for (unsigned char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
            } else {
                out += static_cast<char>(c);
            }
        }
    }
    return out + "\"";
}

std::string labelValue(const std::string &raw)
{
    std::string out;
    for (char c : validUtf8(raw)) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

std::string labelText(const LabelList &labels)
{
    std::string out;
    for (const auto &[k, v] : labels) {
        out += out.empty() ? "{" : ",";
        out += k + "=\"" + labelValue(v) + "\"";
    }
    return out.empty() ? out : out + "}";
}

std::string valuesJson(const CounterValues &v)
{
    std::string out = "{";
    for (std::size_t i = 0; i < kCounterCount; ++i)
        out += jsonString(counterName(static_cast<Counter>(i))) + ":" + std::to_string(v.counters[i]) + ",";
    out += "\"connections_active\":" + std::to_string(v.active) + ",";
    out += "\"connect_latency\":{\"count\":" + std::to_string(v.latencyCount()) +
           ",\"sum_us\":" + std::to_string(v.latencySumUs) + ",\"buckets\":[";
    for (std::size_t i = 0; i < kLatencyBuckets; ++i) {
        if (i > 0)
            out += ",";
        const std::string le = i < kLatencyBoundsUs.size() ? std::to_string(kLatencyBoundsUs[i]) : "\"inf\"";
        out += "{\"le_us\":" + le + ",\"count\":" + std::to_string(v.latency[i]) + "}";
    }
    return out + "]}}";
}

std::string labelOr(const Labels &labels, std::initializer_list<const char *> keys,
                    const std::string &fallback)
{
    for (const char *key : keys) {
        const auto it = labels.find(key);
        if (it != labels.end() && !it->second.empty())
            return it->second;
    }
    return fallback;
}

std::string orUnknown(const std::string &text)
{
    return text.empty() ? "unknown" : text;
}

// Istio's standard labels for one endpoint of one cluster, as the ingress gateway reports them.
LabelList istioLabels(const StatsSnapshot &s, const ClusterStats &cluster, const EndpointStats &e)
{
    const std::string gatewayNs = orUnknown(s.gatewayNamespace);
    const std::string gatewayWorkload = orUnknown(s.gatewayWorkload);
    const std::string sourceApp = labelOr(s.gatewayLabels, {"app"}, gatewayWorkload);
    const std::string destinationWorkload = orUnknown(e.workload);
    return {
        {"reporter", "source"},
        {"source_workload", gatewayWorkload},
        {"source_canonical_service",
         labelOr(s.gatewayLabels, {"service.istio.io/canonical-name", "app.kubernetes.io/name", "app"},
                 gatewayWorkload)},
        {"source_canonical_revision",
         labelOr(s.gatewayLabels,
                 {"service.istio.io/canonical-revision", "app.kubernetes.io/version", "version"}, "latest")},
        {"source_workload_namespace", gatewayNs},
        {"source_principal",
         "spiffe://cluster.local/ns/" + gatewayNs + "/sa/" + gatewayWorkload + "-service-account"},
        {"source_app", sourceApp},
        {"source_version", labelOr(s.gatewayLabels, {"version"}, "unknown")},
        {"source_cluster", "Kubernetes"},
        {"destination_workload", destinationWorkload},
        {"destination_workload_namespace", orUnknown(e.workloadNamespace)},
        {"destination_principal",
         e.serviceAccount.empty() || e.workloadNamespace.empty()
             ? std::string("unknown")
             : "spiffe://cluster.local/ns/" + e.workloadNamespace + "/sa/" + e.serviceAccount},
        {"destination_app", labelOr(e.labels, {"app"}, "unknown")},
        {"destination_version", labelOr(e.labels, {"version"}, "unknown")},
        {"destination_service", orUnknown(cluster.host)},
        {"destination_canonical_service",
         labelOr(e.labels, {"service.istio.io/canonical-name", "app.kubernetes.io/name", "app"},
                 destinationWorkload)},
        {"destination_canonical_revision",
         labelOr(e.labels, {"service.istio.io/canonical-revision", "app.kubernetes.io/version", "version"},
                 "latest")},
        {"destination_service_name",
         cluster.serviceName.empty() ? orUnknown(cluster.host) : cluster.serviceName},
        {"destination_service_namespace", orUnknown(cluster.serviceNamespace)},
        {"destination_cluster", "Kubernetes"},
        {"request_protocol", "tcp"},
        {"response_flags", "-"},
        {"connection_security_policy", "unknown"},
    };
}

struct Family
{
    std::string name;
    std::string type; // counter | gauge | histogram
    std::string help;
    std::vector<std::pair<std::string, std::string>> samples; // suffixed name + labels text, value
};

void addSample(Family &family, const std::string &labels, std::uint64_t value, const std::string &suffix = {})
{
    family.samples.emplace_back(family.name + suffix + labels, std::to_string(value));
}

void writeFamily(std::string &out, const Family &family)
{
    out += "# HELP " + family.name + " " + family.help + "\n";
    out += "# TYPE " + family.name + " " + family.type + "\n";
    for (const auto &[series, value] : family.samples)
        out += series + " " + value + "\n";
}

const char *counterHelp(Counter c)
{
    switch (c) {
    case Counter::ConnectionsOpened:
        return "Connections opened.";
    case Counter::ConnectionsClosed:
        return "Connections closed.";
    case Counter::NoRoute:
        return "Connections closed at once: no route, undefined subset or unknown host.";
    case Counter::Overflow:
        return "Connections refused by maxConnections.";
    case Counter::NoHealthyUpstream:
        return "Connections closed with no endpoint to try.";
    case Counter::ConnectFailures:
        return "Upstream connect attempts that failed.";
    case Counter::ConnectTimeouts:
        return "Upstream connect attempts that timed out.";
    case Counter::Ejections:
        return "Endpoints ejected by outlier detection.";
    case Counter::IdleTimeouts:
        return "Connections closed by the idle timeout.";
    case Counter::BytesFromClient:
        return "Bytes read from downstream clients.";
    case Counter::BytesToUpstream:
        return "Bytes written to upstream endpoints.";
    case Counter::BytesFromUpstream:
        return "Bytes read from upstream endpoints.";
    case Counter::BytesToClient:
        return "Bytes written to downstream clients.";
    case Counter::Count:
        break;
    }
    return "";
}

} // namespace

const char *counterName(Counter counter)
{
    switch (counter) {
    case Counter::ConnectionsOpened:
        return "connections_opened";
    case Counter::ConnectionsClosed:
        return "connections_closed";
    case Counter::NoRoute:
        return "no_route";
    case Counter::Overflow:
        return "overflow";
    case Counter::NoHealthyUpstream:
        return "no_healthy_upstream";
    case Counter::ConnectFailures:
        return "connect_failures";
    case Counter::ConnectTimeouts:
        return "connect_timeouts";
    case Counter::Ejections:
        return "ejections";
    case Counter::IdleTimeouts:
        return "idle_timeouts";
    case Counter::BytesFromClient:
        return "bytes_from_client";
    case Counter::BytesToUpstream:
        return "bytes_to_upstream";
    case Counter::BytesFromUpstream:
        return "bytes_from_upstream";
    case Counter::BytesToClient:
        return "bytes_to_client";
    case Counter::Count:
        break;
    }
    return "unknown";
}

std::string renderJson(const StatsSnapshot &s)
{
    std::string out = "{\"generation\":" + std::to_string(s.generation) + ",\"listeners\":[";
    for (std::size_t i = 0; i < s.listeners.size(); ++i) {
        const auto &l = s.listeners[i];
        out += (i ? "," : "");
        out += "{\"gateway\":" + jsonString(l.gateway) + ",\"port\":" + std::to_string(l.port) +
               ",\"address\":" + jsonString(l.address) +
               ",\"listening\":" + (l.listening ? "true" : "false") + ",\"error\":" + jsonString(l.error) +
               ",\"stats\":" + valuesJson(l.values) + "}";
    }
    out += "],\"routes\":[";
    for (std::size_t i = 0; i < s.routes.size(); ++i) {
        const auto &r = s.routes[i];
        out += (i ? "," : "");
        out += "{\"name\":" + jsonString(r.name) + ",\"virtual_service\":" + jsonString(r.virtualService) +
               ",\"stats\":" + valuesJson(r.values) + "}";
    }
    out += "],\"clusters\":[";
    for (std::size_t i = 0; i < s.clusters.size(); ++i) {
        const auto &c = s.clusters[i];
        out += (i ? "," : "");
        out += "{\"name\":" + jsonString(c.name) + ",\"host\":" + jsonString(c.host) +
               ",\"subset\":" + jsonString(c.subset) + ",\"port\":" + std::to_string(c.port) +
               ",\"stats\":" + valuesJson(c.values) + "}";
    }
    out += "],\"endpoints\":[";
    for (std::size_t i = 0; i < s.endpoints.size(); ++i) {
        const auto &e = s.endpoints[i];
        out += (i ? "," : "");
        out += "{\"cluster\":" + jsonString(e.cluster) + ",\"name\":" + jsonString(e.name) +
               ",\"address\":" + jsonString(e.address) + ",\"pod\":" + (e.pod ? "true" : "false") +
               ",\"ejected\":" + (e.ejected ? "true" : "false") + ",\"workload\":" + jsonString(e.workload) +
               ",\"stats\":" + valuesJson(e.values) + "}";
    }
    out += "],\"errors\":{\"accept_failures\":" + std::to_string(s.errors.acceptFailures) +
           ",\"accept_pauses\":" + std::to_string(s.errors.acceptPauses) +
           ",\"handler_exceptions\":" + std::to_string(s.errors.handlerExceptions) + "}";
    return out + "}\n";
}

std::string renderPrometheus(const StatsSnapshot &s)
{
    std::string out;

    // Istio's standard TCP metrics, one series per destination workload (replicas summed).
    struct IstioSeries
    {
        std::uint64_t opened = 0, closed = 0, sent = 0, received = 0;
    };
    std::map<std::string, IstioSeries> series;
    std::map<std::string, const ClusterStats *> clusters;
    for (const auto &c : s.clusters)
        clusters[c.name] = &c;
    for (const auto &e : s.endpoints) {
        const auto it = clusters.find(e.cluster);
        if (it == clusters.end())
            continue;
        auto &v = series[labelText(istioLabels(s, *it->second, e))];
        v.opened += e.values[Counter::ConnectionsOpened];
        v.closed += e.values[Counter::ConnectionsClosed];
        v.sent += e.values[Counter::BytesToClient];       // sent in response, to the client
        v.received += e.values[Counter::BytesFromClient]; // received with the request, from the client
    }
    Family opened{"istio_tcp_connections_opened_total", "counter", "Total connections opened.", {}};
    Family closed{"istio_tcp_connections_closed_total", "counter", "Total connections closed.", {}};
    Family sent{
        "istio_tcp_sent_bytes_total", "counter", "Total bytes sent in response, for TCP connections.", {}};
    Family received{"istio_tcp_received_bytes_total",
                    "counter",
                    "Total bytes received in request, for TCP connections.",
                    {}};
    for (const auto &[labels, v] : series) {
        addSample(opened, labels, v.opened);
        addSample(closed, labels, v.closed);
        addSample(sent, labels, v.sent);
        addSample(received, labels, v.received);
    }
    for (const Family *f : {&opened, &closed, &sent, &received})
        writeFamily(out, *f);

    // Our own counters, per listener, route, cluster and endpoint.
    struct Level
    {
        const char *name;
        std::vector<std::pair<std::string, const CounterValues *>> rows;
    };
    std::vector<Level> levels{{"listener", {}}, {"route", {}}, {"cluster", {}}, {"endpoint", {}}};
    for (const auto &l : s.listeners)
        levels[0].rows.emplace_back(labelText({{"gateway", l.gateway}, {"port", std::to_string(l.port)}}),
                                    &l.values);
    for (const auto &r : s.routes)
        levels[1].rows.emplace_back(labelText({{"route", r.name}, {"virtual_service", r.virtualService}}),
                                    &r.values);
    for (const auto &c : s.clusters)
        levels[2].rows.emplace_back(labelText({{"cluster", c.name}, {"host", c.host}, {"subset", c.subset}}),
                                    &c.values);
    for (const auto &e : s.endpoints)
        levels[3].rows.emplace_back(labelText({{"cluster", e.cluster}, {"endpoint", e.name}}), &e.values);

    for (const auto &level : levels) {
        const std::string prefix = std::string("meshroute_") + level.name + "_";
        for (std::size_t i = 0; i < kCounterCount; ++i) {
            const auto counter = static_cast<Counter>(i);
            Family f{prefix + counterName(counter) + "_total", "counter", counterHelp(counter), {}};
            for (const auto &[labels, values] : level.rows)
                addSample(f, labels, values->counters[i]);
            writeFamily(out, f);
        }
        Family active{prefix + "connections_active", "gauge", "Connections open now.", {}};
        for (const auto &[labels, values] : level.rows)
            addSample(active, labels, static_cast<std::uint64_t>(values->active));
        writeFamily(out, active);
    }

    // Connect latency per cluster, as a Prometheus histogram in seconds.
    Family latency{"meshroute_cluster_connect_latency_seconds", "histogram", "Upstream connect latency.", {}};
    for (const auto &c : s.clusters) {
        const LabelList base{{"cluster", c.name}, {"host", c.host}, {"subset", c.subset}};
        std::uint64_t cumulative = 0;
        for (std::size_t i = 0; i < kLatencyBuckets; ++i) {
            cumulative += c.values.latency[i];
            LabelList labels = base;
            char le[32];
            if (i < kLatencyBoundsUs.size())
                std::snprintf(le, sizeof le, "%g", static_cast<double>(kLatencyBoundsUs[i]) / 1e6);
            else
                std::snprintf(le, sizeof le, "+Inf");
            labels.emplace_back("le", le);
            addSample(latency, labelText(labels), cumulative, "_bucket");
        }
        char sum[64];
        std::snprintf(sum, sizeof sum, "%.6f", static_cast<double>(c.values.latencySumUs) / 1e6);
        latency.samples.emplace_back(latency.name + "_sum" + labelText(base), sum);
        addSample(latency, labelText(base), c.values.latencyCount(), "_count");
    }
    writeFamily(out, latency);

    // What went wrong outside any connection.
    const std::pair<const char *, std::pair<const char *, std::uint64_t>> errors[] = {
        {"meshroute_accept_failures_total",
         {"accept(2) calls that failed (out of descriptors or memory).", s.errors.acceptFailures}},
        {"meshroute_accept_pauses_total",
         {"Times accepting paused after failures, then resumed.", s.errors.acceptPauses}},
        {"meshroute_handler_exceptions_total",
         {"Exceptions caught in engine handlers, never silent.", s.errors.handlerExceptions}},
    };
    for (const auto &[name, help] : errors) {
        Family f{name, "counter", help.first, {}};
        addSample(f, {}, help.second);
        writeFamily(out, f);
    }
    return out;
}

} // namespace meshroute::proxy
