#pragma once

// One home for the PromQL that reads the local gateway's metrics: the TCP queries of
// Istio's Grafana dashboards (istio-service-dashboard.json, istio-workload-dashboard.json,
// taken verbatim, template variables and all), plus the few queries the studio's charts
// need that no dashboard panel has (connections: the dashboards chart bytes only).
// tst_promql proves every dashboard entry is an expression of the panel it names; the
// Prometheus test runs them against a real Prometheus; the studio copies them.
//
//   const DashboardQuery *q = findQuery("workload.outbound-sent-bytes");
//   std::string promql = substitute(q->expr, {{"namespace", {"istio-system"}},
//                                             {"workload", {"istio-ingressgateway"}},
//                                             {"dstsvc", {"tcp-echo.default.svc.cluster.local"}}},
//                                   q->dashboard);

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::proxy {

inline constexpr std::string_view kServiceDashboard = "istio-service-dashboard.json";
inline constexpr std::string_view kWorkloadDashboard = "istio-workload-dashboard.json";

struct DashboardQuery
{
    std::string_view name;      // stable id: "service.tcp-received-bytes"
    std::string_view dashboard; // kServiceDashboard, kWorkloadDashboard, or empty: our own query
    std::string_view row;       // the dashboard row the panel is in ("General", "Outbound Services")
    std::string_view panel;     // the panel title ("TCP Received Bytes")
    std::string_view refId;     // the panel's target ("A", "B")
    std::string_view expr;      // PromQL with Grafana's variables ($service, $qrep, $__rate_interval)
};

// Every query, the dashboards' first (in their order), then our own.
std::span<const DashboardQuery> dashboardQueries();
// Null when there is no query of that name.
const DashboardQuery *findQuery(std::string_view name);

// Whether a dashboard's template variable takes several values (multi-select or "All"):
// Grafana then writes its values as one regular expression.
bool isMultiValue(std::string_view dashboard, std::string_view variable);

struct TemplateValue
{
    std::string name;                // without the '$': "service", "qrep"
    std::vector<std::string> values; // what is selected
};

// The query as Grafana's Prometheus data source sends it: `$name` replaced by the selected
// value; for a multi-value variable each value's regex metacharacters escaped and several
// values joined as "(a|b)". $__rate_interval becomes `rateInterval`. Our own queries (empty
// dashboard) treat every variable as multi-value. A variable not given stays as written.
std::string substitute(std::string_view expr, const std::vector<TemplateValue> &values,
                       std::string_view dashboard, std::string_view rateInterval = "1m");

// A ready prometheus.yml scrape job for `meshroute proxy --admin <adminAddress>`.
std::string scrapeConfig(std::string_view adminAddress);

} // namespace meshroute::proxy
