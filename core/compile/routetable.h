#pragma once

// The compiled form of a configuration: what the local gateway runs. Built once by
// compile(), never changed afterwards, and shared by every connection started under
// it (std::shared_ptr<const RouteTable>), so a hot apply never disturbs a live
// connection. Indices refer into the table's own vectors.

#include "model/model.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute {

enum class LoadBalancerKind {
    LeastRequest, // Istio's default; LEAST_CONN is its old name
    RoundRobin,
    Random,
    SourceIpHash // consistentHash.useSourceIp: one client address, one endpoint
};

const char *
loadBalancerName(LoadBalancerKind kind); // "LEAST_REQUEST", "ROUND_ROBIN", "RANDOM", "SOURCE_IP_HASH"

// Ejection of an endpoint after consecutive connect failures (DestinationRule outlierDetection).
struct OutlierPolicy
{
    bool enabled = false;                  // only when the DestinationRule asks for it, as in Istio
    std::uint32_t consecutiveFailures = 5; // local-origin (connect) failures in a row that eject
    Duration baseEjectionTime{30000};      // ejected for base * number of ejections so far
    std::int32_t maxEjectionPercent = 10;  // at least one endpoint may always be ejected
};

// What the DestinationRule (subset over top level, port-level settings replacing) says for one destination.
struct ClusterPolicy
{
    LoadBalancerKind loadBalancer = LoadBalancerKind::LeastRequest;
    Duration connectTimeout{10000};              // Istio's default 10 s
    std::optional<std::uint32_t> maxConnections; // absent: unlimited
    Duration idleTimeout{3600000};               // Istio's TCP default 1 h; 0 disables
    OutlierPolicy outlier;
};

// A Deployment replica, run by the engine as an embedded tcp-echo server.
struct DemoPod
{
    std::string name;       // Kubernetes style: tcp-echo-v1-7c775f57c9-frprp
    std::string ns;         // namespace
    std::string deployment; // the Deployment's name
    int replica = 0;
    std::string node;           // the node it "runs" on
    std::string ip;             // its (pretend) pod IP
    std::string serviceAccount; // "default" unless the Deployment names one
    Labels labels;              // the pod template's labels
    std::vector<ContainerPort> ports;
};

// One upstream of a cluster: a demo pod, or a real address (WorkloadEntry/ServiceEntry endpoint).
struct Endpoint
{
    int pod = -1;             // index into RouteTable::pods, or -1 for a real address
    std::string address;      // the real address (IP or host name); empty for a demo pod
    std::uint32_t port = 0;   // the real port; for a demo pod the container port it stands for
    std::uint32_t weight = 1; // WorkloadEntry weight (1 when absent)
    std::string name;         // pod name, or "address:port"
    std::string workload;     // Deployment or WorkloadEntry name ("" for a ServiceEntry endpoint)
    std::string workloadNamespace;
    std::string serviceAccount; // for the destination principal
    Labels labels;
    std::string serviceEntry;      // an endpoint written in a ServiceEntry: its name (in workloadNamespace)
    int serviceEntryEndpoint = -1; // and its index in that ServiceEntry's endpoints
};

// Why a destination cannot be served (Cluster::noRoute says it in English): the first that
// applies, in this order.
enum class NoRouteReason {
    None,
    UnknownHost,     // no Service or ServiceEntry defines Cluster::host
    UndefinedSubset, // Cluster::subset is not defined for Cluster::host
    NoServicePort,   // the Service or ServiceEntry (serviceNamespace/serviceName) has no Cluster::port
    ResolutionNone,  // a ServiceEntry with resolution NONE: no address to connect to locally
};

// One destination as Envoy names it: host, subset and port. A destination that cannot
// be served (unknown host, undefined subset) stays in the table with `noRoute` set:
// its connections are accepted, closed at once and counted as no-route.
struct Cluster
{
    std::string name;   // outbound|3333|v1|tcp-echo.default.svc.cluster.local
    std::string host;   // fully qualified
    std::string subset; // empty: the whole service
    std::uint32_t port = 0;
    std::string serviceName;      // the Kubernetes Service or ServiceEntry that defines host
    std::string serviceNamespace; // its namespace
    std::string noRoute;          // why this destination cannot be served; empty when it can
    NoRouteReason noRouteReason = NoRouteReason::None;
    ClusterPolicy policy;
    std::vector<Endpoint> endpoints;
};

struct WeightedCluster
{
    std::size_t cluster = 0;  // index into RouteTable::clusters
    std::uint32_t weight = 0; // relative; 0 never chosen
};

// A VirtualService rule the local gateway runs: a tcp rule that serves a listener's whole
// port, or a tls rule chosen by SNI on a PASSTHROUGH port.
struct Route
{
    std::string name;            // "default/tcp-echo tcp[0]", "default/nginx tls[0]"
    std::string virtualService;  // "default/tcp-echo"
    std::string section = "tcp"; // the VirtualService list the rule is in: "tcp" or "tls"
    int rule = 0;                // index in that list
    std::vector<WeightedCluster> destinations;
};

// The SNI names a tls rule's matches list for one PASSTHROUGH port, and the rule.
struct SniRoute
{
    std::vector<std::string> sniHosts; // exact names, "*.suffix" wildcards, or "*" (any, also no SNI)
    std::size_t route = 0;             // index into RouteTable::routes
    std::vector<std::string> gateways; // "ns/name" of the Gateways whose servers on the port bring the rule
};

// One served Gateway server port.
struct Listener
{
    std::uint32_t port = 0;           // the Gateway server's port number (before any local port offset)
    std::string protocol;             // TCP, TLS, MONGO, ... (HTTP-family ports are not served locally)
    std::string gateway;              // "namespace/name" of the Gateway whose server owns the port
    std::string serverName;           // the server's name, if any
    std::string tlsMode;              // empty for plain servers, else the server's tls.mode
    std::optional<std::size_t> route; // index into RouteTable::routes: the rule that serves the port
    std::vector<SniRoute> sniRoutes;  // TLS PASSTHROUGH routes by SNI, in Istio's order
};

// The route a PASSTHROUGH listener gives a connection whose ClientHello named `serverName`
// (empty: no SNI, or not TLS). As Envoy chooses among the filter chains Istio builds: the most
// specific name wins (exact, then the longest "*." wildcard suffix, then "*"), and among equals
// the first rule that lists it. Names compare without regard to ASCII case; a wildcard matches
// one or more labels. Returns an index into RouteTable::routes, or nothing (the connection is
// closed).
std::optional<std::size_t> findSniRoute(const Listener &listener, std::string_view serverName);

struct RouteTable
{
    std::vector<Listener> listeners; // by port, ascending
    std::vector<Route> routes;
    std::vector<Cluster> clusters;
    std::vector<DemoPod> pods;
    Labels gatewayLabels;         // the local gateway workload's labels
    std::string gatewayNamespace; // where the gateway workload runs (istio-system)
    std::string gatewayWorkload;  // its name (istio-ingressgateway)
};

} // namespace meshroute
