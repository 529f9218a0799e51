#pragma once

// The Istio/Kubernetes routing model. Every resource keeps its YAML document
// (Resource::node, built on demand from its bytes) as the truth; the typed specs below are parsed from it and
// are what analysis, compilation and the studio read. Edits replace or patch the node and re-parse (see
// ResourceSet::replaceNode), so fields the model does not know survive, in their original order.

#include "model/diagnostic.h"
#include "model/gatewayapi.h"
#include "model/resourcenode.h"
#include "model/tree.h"

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace meshroute {

using Labels = std::map<std::string, std::string>;
using Duration = std::chrono::milliseconds;

enum class Kind {
    Gateway,
    VirtualService,
    DestinationRule,
    ServiceEntry,
    WorkloadEntry,
    Service,
    Deployment,
    Namespace,
    // gateway.networking.k8s.io (model/gatewayapi.h)
    KubeGateway, // kind: Gateway
    GatewayClass,
    TCPRoute,
    TLSRoute,
    ReferenceGrant,
    Other // kept as an opaque document and written back as read
};

const char *kindName(Kind kind);            // "Gateway", ... "Other"
Kind kindFromName(const std::string &kind); // the classic kind for "Gateway"
// The kind of a document: as kindFromName, except that the Gateway API group picks its own kinds.
Kind kindOf(const std::string &apiVersion, const std::string &kind);
bool isIstioKind(Kind kind);
bool isGatewayApiKind(Kind kind);

// ---------------------------------------------------------------- Gateway

struct GatewayPort
{
    std::uint32_t number = 0;
    std::string protocol; // HTTP|HTTPS|GRPC|GRPC-WEB|HTTP2|MONGO|TCP|TLS (upper case as written)
    std::string name;
    std::optional<std::uint32_t> targetPort;
    Position position;
};

struct ServerTlsSettings
{
    std::string mode; // PASSTHROUGH|SIMPLE|MUTUAL|AUTO_PASSTHROUGH|ISTIO_MUTUAL|OPTIONAL_MUTUAL
    bool httpsRedirect = false;
    std::string credentialName;
    std::vector<std::string> credentialNames; // two certificates (an RSA and an ECDSA one)
    std::string caCertCredentialName;         // MUTUAL/OPTIONAL_MUTUAL: where the client CA is
    std::string minProtocolVersion;
    std::string maxProtocolVersion;
    std::vector<std::string> subjectAltNames;
    Position position;
};

struct Server
{
    GatewayPort port;
    std::string bind;
    std::vector<std::string> hosts; // "host", "ns/host", "*/host", "./host"
    std::optional<ServerTlsSettings> tls;
    std::string name;
    std::string defaultEndpoint;
    Position position;
};

struct GatewaySpec
{
    Labels selector;
    std::vector<Server> servers;
};

// ---------------------------------------------------------------- VirtualService

struct Destination
{
    std::string host;
    std::string subset;
    std::optional<std::uint32_t> port;
    Position position;       // the `destination` mapping
    Position hostPosition;   // the host value
    Position subsetPosition; // the subset value (unknown when absent)
};

struct RouteDestination
{
    Destination destination;
    std::optional<std::int64_t> weight; // absent: Istio's implied weight (single destination = all)
    Position position;
    Position weightPosition;
};

// The L4 attributes shared by tcp and tls matches.
struct L4MatchAttributes
{
    std::vector<std::string> destinationSubnets;
    std::optional<std::uint32_t> port;
    std::string sourceSubnet;
    Labels sourceLabels;
    std::vector<std::string> gateways; // narrows a rule; never binds
    std::string sourceNamespace;
    Position position;
};

struct TcpMatch : L4MatchAttributes
{};

struct TlsMatch : L4MatchAttributes
{
    std::vector<std::string> sniHosts;
};

struct TcpRoute
{
    std::vector<TcpMatch> match;
    std::vector<RouteDestination> route;
    Position position;
};

struct TlsRoute
{
    std::vector<TlsMatch> match;
    std::vector<RouteDestination> route;
    Position position;
};

// HTTP routes are kept intact in the node; this is what analysis needs of them.
struct HttpMatch
{
    std::string name;
    std::string key; // canonical text of the match without `name`, for duplicate detection
    std::optional<std::uint32_t> port;
    std::vector<std::string> gateways;
    Position position;
};

struct HttpRoute
{
    std::string name;
    std::vector<HttpMatch> match;
    std::vector<RouteDestination> route;
    std::vector<Destination> mirrors; // `mirror` and every `mirrors[].destination`
    Position position;
};

struct VirtualServiceSpec
{
    std::vector<std::string> hosts;
    std::vector<std::string> gateways; // top-level: the binding
    bool gatewaysSet = false;          // false: Istio's default, {"mesh"}
    std::vector<std::string> exportTo;
    std::vector<HttpRoute> http;
    std::vector<TlsRoute> tls;
    std::vector<TcpRoute> tcp;
    Position hostsPosition;
    Position gatewaysPosition;

    // The gateways this VirtualService is bound to, Istio's default applied.
    std::vector<std::string> effectiveGateways() const;
};

// ---------------------------------------------------------------- DestinationRule

struct ConsistentHash
{
    bool useSourceIp = false;
    std::string other; // the hash key kind when it is one TCP cannot use (httpHeaderName, ...)
};

struct LoadBalancerSettings
{
    std::string simple; // UNSPECIFIED|LEAST_CONN|RANDOM|PASSTHROUGH|ROUND_ROBIN|LEAST_REQUEST
    std::optional<ConsistentHash> consistentHash;
    Position position;
};

struct TcpKeepalive
{
    std::optional<std::uint32_t> probes;
    std::optional<Duration> time;
    std::optional<Duration> interval;
};

struct TcpConnectionPool
{
    std::optional<std::int32_t> maxConnections;
    std::optional<Duration> connectTimeout;
    std::optional<TcpKeepalive> tcpKeepalive;
    std::optional<Duration> maxConnectionDuration;
    std::optional<Duration> idleTimeout; // 0 disables
    Position position;
};

struct OutlierDetection
{
    std::optional<bool> splitExternalLocalOriginErrors;
    std::optional<std::uint32_t> consecutiveLocalOriginFailures;
    std::optional<std::uint32_t> consecutiveGatewayErrors;
    std::optional<std::uint32_t> consecutive5xxErrors;
    std::optional<Duration> interval;
    std::optional<Duration> baseEjectionTime;
    std::optional<std::int32_t> maxEjectionPercent;
    std::optional<std::int32_t> minHealthPercent;
    Position position;
};

struct PortTrafficPolicy
{
    std::optional<std::uint32_t> port;
    std::optional<LoadBalancerSettings> loadBalancer;
    std::optional<TcpConnectionPool> tcp;
    std::optional<OutlierDetection> outlierDetection;
    Position position;
};

struct TrafficPolicy
{
    std::optional<LoadBalancerSettings> loadBalancer;
    std::optional<TcpConnectionPool> tcp; // connectionPool.tcp
    std::optional<OutlierDetection> outlierDetection;
    std::vector<PortTrafficPolicy> portLevelSettings;
    Position position;
};

struct Subset
{
    std::string name;
    Labels labels;
    std::optional<TrafficPolicy> trafficPolicy;
    Position position;
};

struct DestinationRuleSpec
{
    std::string host;
    std::optional<TrafficPolicy> trafficPolicy;
    std::vector<Subset> subsets;
    std::vector<std::string> exportTo;
    Labels workloadSelector;
    Position hostPosition;
};

// ---------------------------------------------------------------- ServiceEntry / WorkloadEntry

struct IstioPort // ServiceEntry.ports[]
{
    std::uint32_t number = 0;
    std::string protocol;
    std::string name;
    std::optional<std::uint32_t> targetPort;
    Position position;
};

struct WorkloadEntrySpec // also ServiceEntry.endpoints[]
{
    std::string address;
    std::map<std::string, std::uint32_t> ports; // port name -> port
    Labels labels;
    std::string network;
    std::string locality;
    std::optional<std::uint32_t> weight;
    std::string serviceAccount;
    Position position;
};

struct ServiceEntrySpec
{
    std::vector<std::string> hosts;
    std::vector<std::string> addresses;
    std::vector<IstioPort> ports;
    std::string location;   // MESH_EXTERNAL|MESH_INTERNAL
    std::string resolution; // NONE|STATIC|DNS|DNS_ROUND_ROBIN
    std::vector<WorkloadEntrySpec> endpoints;
    std::optional<Labels> workloadSelector;
    std::vector<std::string> exportTo;
    std::vector<std::string> subjectAltNames;
};

// ---------------------------------------------------------------- Kubernetes

struct ServicePort
{
    std::string name;
    std::string protocol = "TCP";
    std::uint32_t port = 0;
    std::optional<std::uint32_t> targetPort; // numeric targetPort
    std::string targetPortName;              // named targetPort (a container port name)
    std::string appProtocol;
    std::optional<std::uint32_t> nodePort;
    Position position;
};

struct ServiceSpec
{
    Labels selector;
    std::vector<ServicePort> ports;
    std::string type = "ClusterIP";
    std::string clusterIP;
};

struct ContainerPort
{
    std::string name;
    std::uint32_t containerPort = 0;
    std::string protocol = "TCP";
};

// What compile derives from a Deployment's pod template (podTemplateHash: a YAML dump of
// spec.template, the costliest step of compiling a large set), worked out once. It lives with the
// spec parsed from the same node, so an edit, which re-parses, starts a new one; copies of the
// resource share it, as they share the node. Thread-safe.
struct PodTemplateMemo
{
    std::once_flag once;
    bool hasTemplate = false; // spec.template dumps to text: `hash` is its FNV-32a
    std::uint32_t hash = 0;
};

struct DeploymentSpec
{
    std::int32_t replicas = 1;
    Labels matchLabels;
    Labels podLabels; // spec.template.metadata.labels: what subsets select
    std::string serviceAccountName;
    std::vector<ContainerPort> containerPorts; // of every container, in order
    std::vector<std::string> containerNames;
    bool removedApiVersion = false; // extensions/v1beta1, apps/v1beta1, apps/v1beta2
    std::shared_ptr<PodTemplateMemo> podTemplate = std::make_shared<PodTemplateMemo>();
};

struct NamespaceSpec
{};

struct OpaqueSpec
{};

using Spec = std::variant<OpaqueSpec, GatewaySpec, VirtualServiceSpec, DestinationRuleSpec, ServiceEntrySpec,
                          WorkloadEntrySpec, ServiceSpec, DeploymentSpec, NamespaceSpec, KubeGatewaySpec,
                          GatewayClassSpec, L4RouteSpec, ReferenceGrantSpec>;

// ---------------------------------------------------------------- Resource

struct Resource
{
    Kind kind = Kind::Other;
    std::string apiVersion;
    std::string kindName;   // as written, also for Kind::Other
    std::string name;       // metadata.name
    std::string namespace_; // metadata.namespace as written; empty when absent
    Labels labels;
    Labels annotations;
    Spec spec;

    ResourceNode node; // the whole document (or List item): the truth, built on demand
    Position position; // where the resource starts in its file
    int file = -1;     // index into ResourceSet::files, -1 when not from a file
    int document = -1; // index into SourceFile::documents
    int item = -1;     // index in `items` when the document is a kind: List, else -1
    bool modified = false;

    // metadata.namespace, or the set's default namespace when absent.
    const std::string &effectiveNamespace(const std::string &defaultNamespace) const;
    // "Gateway default/tcp-echo-gateway"
    std::string displayName(const std::string &defaultNamespace) const;
    ResourceRef ref(const std::string &defaultNamespace) const; // for diagnostics

    template <typename T> const T *as() const { return std::get_if<T>(&spec); }
    template <typename T> T *as() { return std::get_if<T>(&spec); }
};

// Parse node into a resource: header fields and the typed spec. Problems in the
// spec (wrong types, out-of-range values, unknown enums, missing fields) are added
// to diagnostics, with positions offset by `lineOffset` (the 0-based line in the
// file where the document's text starts) and attributed to `file`.
Resource parseResource(const YAML::Node &node, int lineOffset, const std::string &file,
                       Diagnostics &diagnostics);
// The same from the loader's light tree; the resource's node is left empty for the caller to set.
Resource parseResource(const tree::Node &node, int lineOffset, const std::string &file,
                       Diagnostics &diagnostics);

} // namespace meshroute
