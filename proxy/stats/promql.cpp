#include "stats/promql.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace meshroute::proxy {

namespace {

// The dashboards' expressions are copied verbatim (tst_promql compares them with the JSON);
// our own use the workload dashboard's variables ($namespace, $workload, $dstsvc).
constexpr DashboardQuery kQueries[] =
    {
        {"service.tcp-received-bytes", kServiceDashboard, "General", "TCP Received Bytes", "A",
         R"q(sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", destination_service="$service"}[$__rate_interval])))q"},
        {"service.tcp-sent-bytes", kServiceDashboard, "General", "TCP Sent Bytes", "A",
         R"q(sum(irate(istio_tcp_sent_bytes_total{reporter=~"$qrep", destination_service="$service"}[$__rate_interval])))q"},
        {"service.client-workloads.received-bytes.mtls", kServiceDashboard, "Client Workloads",
         "Bytes Received from Incoming TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", connection_security_policy="mutual_tls", destination_service="$service", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"service.client-workloads.received-bytes", kServiceDashboard, "Client Workloads",
         "Bytes Received from Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", connection_security_policy!="mutual_tls", destination_service="$service", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"service.client-workloads.sent-bytes.mtls", kServiceDashboard, "Client Workloads",
         "Bytes Sent to Incoming TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy="mutual_tls", reporter=~"$qrep", destination_service="$service", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"service.client-workloads.sent-bytes", kServiceDashboard, "Client Workloads",
         "Bytes Sent to Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy!="mutual_tls", reporter=~"$qrep", destination_service="$service", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"service.service-workloads.received-bytes.mtls", kServiceDashboard, "Service Workloads",
         "Bytes Received from Incoming TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter="destination", connection_security_policy="mutual_tls", destination_service="$service", destination_workload=~"$dstwl", destination_workload_namespace=~"$dstns"}[$__rate_interval])) by (destination_workload, destination_workload_namespace), 0.001))q"},
        {"service.service-workloads.received-bytes", kServiceDashboard, "Service Workloads",
         "Bytes Received from Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter="destination", connection_security_policy!="mutual_tls", destination_service="$service", destination_workload=~"$dstwl", destination_workload_namespace=~"$dstns"}[$__rate_interval])) by (destination_workload, destination_workload_namespace), 0.001))q"},
        {"service.service-workloads.sent-bytes.mtls", kServiceDashboard, "Service Workloads", "Bytes Sent to Incoming TCP Connection", "A", R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy="mutual_tls", reporter="destination", destination_service="$service", destination_workload=~"$dstwl", destination_workload_namespace=~"$dstns"}[$__rate_interval])) by (destination_workload, destination_workload_namespace), 0.001))q"},
        {"service.service-workloads.sent-bytes", kServiceDashboard, "Service Workloads",
         "Bytes Sent to Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy!="mutual_tls", reporter="destination", destination_service="$service", destination_workload=~"$dstwl", destination_workload_namespace=~"$dstns"}[$__rate_interval])) by (destination_workload, destination_workload_namespace), 0.001))q"},
        {"workload.tcp-server-traffic", kWorkloadDashboard, "General", "TCP Server Traffic", "A",
         R"q(sum(irate(istio_tcp_sent_bytes_total{reporter=~"$qrep", destination_workload_namespace=~"$namespace", destination_workload=~"$workload"}[$__rate_interval])) + sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", destination_workload_namespace=~"$namespace", destination_workload=~"$workload"}[$__rate_interval])))q"},
        {"workload.tcp-client-traffic", kWorkloadDashboard, "General", "TCP Client Traffic", "A",
         R"q(sum(irate(istio_tcp_sent_bytes_total{reporter=~"$qrep", source_workload_namespace=~"$namespace", source_workload=~"$workload"}[$__rate_interval])) + sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", source_workload_namespace=~"$namespace", source_workload=~"$workload"}[$__rate_interval])))q"},
        {"workload.inbound-workloads.received-bytes.mtls", kWorkloadDashboard, "Inbound Workloads",
         "Bytes Received from Incoming TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", connection_security_policy="mutual_tls", destination_workload_namespace=~"$namespace", destination_workload=~"$workload", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"workload.inbound-workloads.received-bytes", kWorkloadDashboard, "Inbound Workloads",
         "Bytes Received from Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{reporter=~"$qrep", connection_security_policy!="mutual_tls", destination_workload_namespace=~"$namespace", destination_workload=~"$workload", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"workload.inbound-workloads.sent-bytes.mtls", kWorkloadDashboard,
         "Inbound Workloads", "Bytes Sent to Incoming TCP Connection", "A", R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy="mutual_tls", reporter=~"$qrep", destination_workload_namespace=~"$namespace", destination_workload=~"$workload", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"workload.inbound-workloads.sent-bytes", kWorkloadDashboard, "Inbound Workloads",
         "Bytes Sent to Incoming TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{connection_security_policy!="mutual_tls", reporter=~"$qrep", destination_workload_namespace=~"$namespace", destination_workload=~"$workload", source_workload=~"$srcwl", source_workload_namespace=~"$srcns"}[$__rate_interval])) by (source_workload, source_workload_namespace), 0.001))q"},
        {"workload.outbound-services.sent-bytes.mtls", kWorkloadDashboard, "Outbound Services",
         "Bytes Sent on Outgoing TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{connection_security_policy="mutual_tls", reporter="source", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}[$__rate_interval])) by (destination_service), 0.001))q"},
        {"workload.outbound-services.sent-bytes", kWorkloadDashboard, "Outbound Services",
         "Bytes Sent on Outgoing TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_received_bytes_total{connection_security_policy!="mutual_tls", reporter="source", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}[$__rate_interval])) by (destination_service), 0.001))q"},
        {"workload.outbound-services.received-bytes.mtls", kWorkloadDashboard, "Outbound Services",
         "Bytes Received from Outgoing TCP Connection", "A",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{reporter="source", connection_security_policy="mutual_tls", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}[$__rate_interval])) by (destination_service), 0.001))q"},
        {"workload.outbound-services.received-bytes", kWorkloadDashboard, "Outbound Services",
         "Bytes Received from Outgoing TCP Connection", "B",
         R"q(round(sum(irate(istio_tcp_sent_bytes_total{reporter="source", connection_security_policy!="mutual_tls", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}[$__rate_interval])) by (destination_service), 0.001))q"},
        // No dashboard panel charts connections or failures; these read the same series.
        {"meshroute.connections-open",
         {},
         {},
         "Active connections",
         {},
         R"q(sum(istio_tcp_connections_opened_total{reporter="source", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}) - sum(istio_tcp_connections_closed_total{reporter="source", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}))q"},
        {"meshroute.connections-opened-rate",
         {},
         {},
         "Connections per second",
         {},
         R"q(sum(irate(istio_tcp_connections_opened_total{reporter="source", source_workload_namespace=~"$namespace", source_workload=~"$workload", destination_service=~"$dstsvc"}[$__rate_interval])))q"},
        {"meshroute.connect-failures-rate",
         {},
         {},
         "Connect failures per second",
         {},
         R"q(sum(irate(meshroute_cluster_connect_failures_total{host=~"$dstsvc"}[$__rate_interval])))q"},
        {"meshroute.no-route-rate",
         {},
         {},
         "No route per second",
         {},
         R"q(sum(irate(meshroute_listener_no_route_total[$__rate_interval])))q"},
};

// The template variables that are multi-select or offer "All", per dashboard (their
// `templating.list`; tst_promql checks this against the JSON).
constexpr std::array<std::string_view, 7> kServiceMulti{"qrep",       "srccluster", "srcns", "srcwl",
                                                        "dstcluster", "dstns",      "dstwl"};
constexpr std::array<std::string_view, 4> kWorkloadMulti{"qrep", "srcns", "srcwl", "dstsvc"};

// Grafana's escaping of one value of a multi-value variable: regex metacharacters get a
// backslash, written doubled inside the PromQL string.
std::string regexEscape(std::string_view value)
{
    static constexpr std::string_view special = "$^*{}[]'+?.()|";
    std::string out;
    for (char c : value) {
        if (c == '\\')
            out += "\\\\\\\\";
        else if (special.find(c) != std::string_view::npos)
            out += std::string("\\\\") + c;
        else
            out += c;
    }
    return out;
}

// A single-value variable: only backslashes and single quotes are escaped.
std::string plainEscape(std::string_view value)
{
    std::string out;
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\'')
            out += "\\\\'";
        else
            out += c;
    }
    return out;
}

bool isNameChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

} // namespace

std::span<const DashboardQuery> dashboardQueries()
{
    return kQueries;
}

const DashboardQuery *findQuery(std::string_view name)
{
    for (const DashboardQuery &q : kQueries) {
        if (q.name == name)
            return &q;
    }
    return nullptr;
}

bool isMultiValue(std::string_view dashboard, std::string_view variable)
{
    if (dashboard == kServiceDashboard)
        return std::find(kServiceMulti.begin(), kServiceMulti.end(), variable) != kServiceMulti.end();
    if (dashboard == kWorkloadDashboard)
        return std::find(kWorkloadMulti.begin(), kWorkloadMulti.end(), variable) != kWorkloadMulti.end();
    return true;
}

std::string substitute(std::string_view expr, const std::vector<TemplateValue> &values,
                       std::string_view dashboard, std::string_view rateInterval)
{
    std::string out;
    for (std::size_t i = 0; i < expr.size();) {
        if (expr[i] != '$') {
            out += expr[i++];
            continue;
        }
        std::size_t end = i + 1;
        while (end < expr.size() && isNameChar(expr[end]))
            ++end;
        const std::string_view name = expr.substr(i + 1, end - i - 1);
        const auto given = std::find_if(values.begin(), values.end(),
                                        [&](const TemplateValue &v) { return v.name == name; });
        if (name == "__rate_interval") {
            out += rateInterval;
        } else if (given == values.end()) {
            out += expr.substr(i, end - i);
        } else if (!isMultiValue(dashboard, name)) {
            out += plainEscape(given->values.empty() ? std::string() : given->values.front());
        } else if (given->values.size() == 1) {
            out += regexEscape(given->values.front());
        } else {
            out += "(";
            for (std::size_t k = 0; k < given->values.size(); ++k)
                out += (k ? "|" : "") + regexEscape(given->values[k]);
            out += ")";
        }
        i = end;
    }
    return out;
}

std::string scrapeConfig(std::string_view adminAddress)
{
    std::string out;
    out += "# Prometheus scrape job for `meshroute proxy --admin ";
    out += adminAddress;
    out += "`.\n"
           "# Use it as prometheus.yml, or add the job under scrape_configs: in yours.\n"
           "# Istio's dashboards read it with the reporter picker set to \"source\" (a gateway reports "
           "source).\n"
           "scrape_configs:\n"
           "  - job_name: meshroute-local-gateway\n"
           "    metrics_path: /stats/prometheus\n"
           "    static_configs:\n"
           "      - targets: [\"";
    out += adminAddress;
    out += "\"]\n";
    return out;
}

} // namespace meshroute::proxy
