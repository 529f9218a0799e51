#pragma once

// The Kubernetes Gateway API kinds that carry TCP and TLS traffic (gateway.networking.k8s.io):
// Gateway and GatewayClass (v1, v1beta1), TCPRoute (v1alpha2, v1), TLSRoute (v1alpha2, v1alpha3,
// v1), ReferenceGrant (v1beta1, v1). What Istio reads for TCP/TLS is typed here; every other field
// stays in the resource's node and is written back as read. What these resources mean is worked out
// in core/gatewayapi (translated into the classic model, as Istio does), not here.

#include "model/diagnostic.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshroute {

inline constexpr const char *kGatewayApiGroup = "gateway.networking.k8s.io";

struct GroupKind
{
    std::string group; // "" is the core group (Service); as written, defaulted by the reader
    std::string kind;
    friend bool operator==(const GroupKind &, const GroupKind &) = default;
};

struct LabelSelectorRequirement
{
    std::string key;
    std::string op; // In|NotIn|Exists|DoesNotExist
    std::vector<std::string> values;
};

struct LabelSelector
{
    std::map<std::string, std::string> matchLabels;
    std::vector<LabelSelectorRequirement> matchExpressions;
};

struct AllowedRoutes
{
    std::string from = "Same"; // Same|All|Selector
    std::optional<LabelSelector> selector;
    std::vector<GroupKind> kinds; // empty: the listener's protocol decides
    bool kindsSet = false;
    Position position;
    Position kindsPosition;
};

struct SecretRef
{
    std::string group;
    std::string kind = "Secret";
    std::string name;
    std::string ns;                         // empty: the Gateway's
    bool groupSet = false, kindSet = false; // written (Istio's reference string shows only what is)
    Position position;
};

// A CA certificate reference of frontend validation (an ObjectReference: group and kind are required,
// "" the core group). Istio reads a ConfigMap or a Secret; its key "cacert" or "ca.crt".
struct CaCertificateRef
{
    std::string group;
    std::string kind;
    std::string name;
    std::string ns; // empty: the Gateway's
    Position position;
};

// A Gateway's client-certificate validation for TLS-terminating listeners (spec.tls.frontend.default,
// or one of its perPort entries' tls).
struct FrontendValidation
{
    std::vector<CaCertificateRef> caCertificateRefs;
    std::string mode = "AllowValidOnly"; // AllowValidOnly|AllowInsecureFallback
    bool modeSet = false;
    Position position;
};

struct FrontendTls // a TLSConfig
{
    std::optional<FrontendValidation> validation;
    Position position;
};

struct FrontendTlsPerPort
{
    std::uint32_t port = 0;
    FrontendTls tls;
    Position position;
};

struct GatewayFrontendTls // spec.tls.frontend
{
    FrontendTls defaults; // spec.tls.frontend.default
    std::vector<FrontendTlsPerPort> perPort;
    Position position;
};

struct GatewayListener
{
    std::string name;
    std::string hostname; // empty: any
    std::uint32_t port = 0;
    std::string protocol; // as written: HTTP|HTTPS|TLS|TCP|UDP|<domain>/<name>
    bool hasTls = false;
    std::string tlsMode; // Terminate (the default when tls is set)|Passthrough
    std::vector<SecretRef> certificateRefs;
    std::map<std::string, std::string> tlsOptions;
    AllowedRoutes allowedRoutes;
    Position position;
    Position protocolPosition;
};

struct GatewayAddress
{
    std::string type = "IPAddress";
    std::string value;
};

struct KubeGatewaySpec // Gateway of gateway.networking.k8s.io
{
    std::string gatewayClassName;
    std::vector<GatewayListener> listeners;
    std::vector<GatewayAddress> addresses;
    std::optional<GatewayFrontendTls> frontendTls; // spec.tls.frontend
};

struct GatewayClassSpec
{
    std::string controllerName;
    std::string description;
};

struct RouteParentRef
{
    std::string group = kGatewayApiGroup;
    std::string kind = "Gateway";
    std::string ns; // empty: the route's namespace
    std::string name;
    std::string sectionName;
    std::optional<std::uint32_t> port;
    Position position;
};

struct RouteBackendRef
{
    std::string group; // "" core
    std::string kind = "Service";
    std::string name;
    std::string ns; // empty: the route's namespace
    std::optional<std::uint32_t> port;
    std::optional<std::int64_t> weight; // absent: 1
    Position position;
};

struct L4RouteRule
{
    std::string name;
    std::vector<RouteBackendRef> backendRefs;
    Position position;
};

// TCPRoute and TLSRoute: the Resource's kind says which; TCPRoute has no hostnames.
struct L4RouteSpec
{
    std::vector<RouteParentRef> parentRefs;
    std::vector<std::string> hostnames;
    std::vector<L4RouteRule> rules;
    std::string creationTimestamp; // metadata.creationTimestamp as written (RFC 3339), for "oldest wins"
    Position hostnamesPosition;
};

struct ReferenceGrantFrom
{
    std::string group;
    std::string kind;
    std::string ns;
};

struct ReferenceGrantTo
{
    std::string group;
    std::string kind;
    std::string name; // empty: every resource of the kind
};

struct ReferenceGrantSpec
{
    std::vector<ReferenceGrantFrom> from;
    std::vector<ReferenceGrantTo> to;
};

} // namespace meshroute
