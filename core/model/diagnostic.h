#pragma once

#include "model/message.h"

#include <string>
#include <vector>

namespace meshroute {

// A position in a source file; both 1-based. line == 0 means "unknown".
struct Position
{
    int line = 0;
    int column = 0;

    bool known() const { return line > 0; }
    friend bool operator==(const Position &, const Position &) = default;
};

enum class Severity { Info, Warning, Error };

// The resource a diagnostic concerns, as istioctl analyze names it ("VirtualService default/reviews").
struct ResourceRef
{
    std::string kind; // "VirtualService"; empty: no resource (a whole file, the input)
    std::string ns;   // empty for cluster-scoped kinds (Namespace)
    std::string name;

    bool empty() const { return kind.empty(); }
    std::string display() const; // "Kind ns/name", "Namespace name", "" when empty
    friend bool operator==(const ResourceRef &, const ResourceRef &) = default;
};

const char *severityName(Severity severity); // "info", "warning", "error"

// One finding about the input, printed compiler-style:
//   demo.yaml:12:7: error: subset "v3" is not defined in DestinationRule default/tcp-echo [IST0101]
// It is data: `messageId` and `args` say what was found (message.h); `message` is their English
// rendering. Translations, fixes and machine-readable output read the id and the arguments.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;      // istioctl analyze code (IST0101...) or one of ours (MR....)
    std::string message;   // English: render({messageId, args}); one sentence, no trailing period
    std::string file;      // path as the user gave it; empty for standard input or unknown
    Position position;     // 1-based line and column in file
    ResourceRef resource;  // the resource concerned, empty if none
    std::string messageId; // a key of messageTemplates(); see message.h
    std::vector<MessageArg> args;

    Message asMessage() const { return {messageId, args}; }
    std::string format() const; // the compiler-style line above (no newline)
};

// A diagnostic whose message is `message`, rendered in English.
Diagnostic makeDiagnostic(Severity severity, const char *code, Message message, std::string file,
                          Position position, ResourceRef resource = {});

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);
int count(const Diagnostics &diagnostics, Severity severity);

} // namespace meshroute

// The codes stay aligned, one per line, as a table.
// clang-format off
namespace meshroute::codes {
// Istio's own (istioctl analyze, messages-1.30.3.yaml), used with Istio's levels.
inline constexpr const char *ReferencedResourceNotFound = "IST0101";          // error
inline constexpr const char *DestinationPortRequired = "IST0112";             // error: multi-port service, no port
inline constexpr const char *PortNameNotFollowConvention = "IST0118";         // info
inline constexpr const char *VirtualServiceUnreachableRule = "IST0130";       // warning
inline constexpr const char *VirtualServiceIneffectiveMatch = "IST0131";      // info
inline constexpr const char *VirtualServiceHostNotFoundInGateway = "IST0132"; // warning
inline constexpr const char *ConflictingGateways = "IST0145";                 // error
inline constexpr const char *GatewayPortNotDefinedOnService = "IST0162";      // warning
inline constexpr const char *DestinationRuleSubsetNotSelectPods = "IST0173";  // error
inline constexpr const char *UnknownDestinationRuleHost = "IST0174";          // warning
inline constexpr const char *GatewayAPICRDVersionBelowMinimum = "IST0176";    // warning: Gateway API CRD too old

// Meshroute's own, one prefix. Numbers are stable: never reuse one.
inline constexpr const char *SyntaxError = "MR0001";          // YAML cannot be parsed
inline constexpr const char *UnreadableInput = "MR0002";      // missing file, binary data, too large, not UTF-8
inline constexpr const char *WrongType = "MR0003";            // e.g. port is not a number
inline constexpr const char *OutOfRange = "MR0004";           // e.g. port outside 1-65535, negative weight
inline constexpr const char *UnknownEnumValue = "MR0005";     // e.g. protocol, load balancer, TLS mode
inline constexpr const char *MissingField = "MR0006";         // a required field is absent
inline constexpr const char *RemovedApiVersion = "MR0007";    // Deployment apiVersion removed in Kubernetes 1.16
inline constexpr const char *DuplicateName = "MR0008";        // two resources of one kind with one namespace/name
inline constexpr const char *WeightsNotHundred = "MR0009";    // Istio <= 1.14 rejects totals other than 100
inline constexpr const char *NoEffectAtGateway = "MR0010";    // sourceLabels etc. ignored at a gateway
inline constexpr const char *PortWithoutRoute = "MR0011";     // a gateway port no rule serves
inline constexpr const char *EmptyInput = "MR0012";           // a file or stream with no resource
inline constexpr const char *ResourceLimit = "MR0013";        // alias bomb, too deep, too many nodes
inline constexpr const char *UnknownApiVersion = "MR0014";    // known kind, unknown apiVersion
inline constexpr const char *NotAResource = "MR0015";         // document without apiVersion/kind/metadata.name
inline constexpr const char *InvalidName = "MR0016";          // metadata.name not a DNS-1123 name
inline constexpr const char *HttpPortNotServed = "MR0017";    // info: HTTP-family port not served locally
inline constexpr const char *SkippedServer = "MR0018";        // a second plain-TCP server on a taken port
inline constexpr const char *SniHostOutsideHosts = "MR0019";  // a tls match's sniHost no VirtualService host covers
inline constexpr const char *NoLocalAddress = "MR0020";       // a destination the local gateway has no address for
// Gateway API (core/gatewayapi): what Istio would write into status, at the field responsible.
inline constexpr const char *GatewayApiNotAccepted = "MR0021";   // a route parent Accepted=False
inline constexpr const char *GatewayApiUnresolvedRef = "MR0022"; // a route's ResolvedRefs=False
inline constexpr const char *GatewayApiListener = "MR0023";      // a listener not accepted, conflicted, bad kinds
inline constexpr const char *GatewayApiZeroWeight = "MR0024";    // every backendRef of a rule has weight 0
inline constexpr const char *GatewayApiNotProgrammed = "MR0028"; // a Gateway's Programmed, and what it assumes
inline constexpr const char *GatewayApiCertificate = "MR0029";   // a TLS Terminate listener's certificateRefs
// Gateway API version targets (core/gatewayapi/targets.h): what the chosen cluster does with a resource.
inline constexpr const char *GatewayApiNotServed = "MR0025";   // error: the CRDs do not serve the kind/version
inline constexpr const char *GatewayApiNeedsAlpha = "MR0026";  // Istio reads the kind only behind the alpha flag
inline constexpr const char *GatewayApiIgnoredKind = "MR0027"; // Istio watches a version the CRDs do not serve
// Conversion between the classic API and the Gateway API (core/gatewayapi/convert).
inline constexpr const char *ConvertNotCarried = "MR0040";         // a field the target API cannot say
inline constexpr const char *ConvertNotConverted = "MR0041";       // a resource, server or rule left out, and why
inline constexpr const char *ConvertCarriedDifferently = "MR0042"; // carried, but not word for word (info)
} // namespace meshroute::codes
// clang-format on
