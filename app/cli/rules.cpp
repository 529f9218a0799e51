#include "rules.h"

#include "model/diagnostic.h"

#include <algorithm>
#include <cctype>

namespace meshroute::cli {
namespace {

struct KnownRule
{
    const char *code;
    const char *name;
    const char *description;
};

// The codes of core/model/diagnostic.h. IST names are istioctl analyze's (messages-1.30.3.yaml).
const KnownRule kRules[] = {
    {codes::ReferencedResourceNotFound, "ReferencedResourceNotFound",
     "A referenced resource does not exist."},
    {codes::DestinationPortRequired, "VirtualServiceDestinationPortSelectorRequired",
     "A route goes to a service with several ports without saying which one."},
    {codes::PortNameNotFollowConvention, "PortNameIsNotUnderNamingConvention",
     "A port name does not follow Istio's protocol naming convention."},
    {codes::VirtualServiceUnreachableRule, "VirtualServiceUnreachableRule",
     "A route rule is never used: an earlier rule takes the same traffic."},
    {codes::VirtualServiceIneffectiveMatch, "VirtualServiceIneffectiveMatch",
     "A match repeats a match of an earlier rule."},
    {codes::VirtualServiceHostNotFoundInGateway, "VirtualServiceHostNotFoundInGateway",
     "A VirtualService host is served by none of its Gateways."},
    {codes::ConflictingGateways, "ConflictingGateways",
     "Two Gateways select the same workload with the same port and hosts."},
    {codes::GatewayPortNotDefinedOnService, "GatewayPortNotDefinedOnService",
     "A Gateway port is not exposed by the ingress gateway's Service."},
    {codes::DestinationRuleSubsetNotSelectPods, "DestinationRuleSubsetNotSelectPods",
     "A DestinationRule subset selects no pod."},
    {codes::UnknownDestinationRuleHost, "UnknownDestinationRuleHost",
     "A DestinationRule host matches no service."},
    {codes::SyntaxError, "SyntaxError", "The YAML cannot be parsed."},
    {codes::UnreadableInput, "UnreadableInput",
     "An input cannot be read (missing, binary, too large, not UTF-8)."},
    {codes::WrongType, "WrongType", "A field has the wrong type."},
    {codes::OutOfRange, "OutOfRange", "A value is out of its range."},
    {codes::UnknownEnumValue, "UnknownEnumValue", "A field has a value it does not allow."},
    {codes::MissingField, "MissingField", "A required field is missing."},
    {codes::RemovedApiVersion, "RemovedApiVersion", "An apiVersion that Kubernetes has removed."},
    {codes::DuplicateName, "DuplicateName", "Two resources of one kind have the same namespace and name."},
    {codes::WeightsNotHundred, "WeightsNotHundred", "Route weights do not add up to 100."},
    {codes::NoEffectAtGateway, "NoEffectAtGateway", "A field has no effect at a gateway."},
    {codes::PortWithoutRoute, "PortWithoutRoute", "A gateway port that no route serves."},
    {codes::EmptyInput, "EmptyInput", "A file or stream holds no resource."},
    {codes::ResourceLimit, "ResourceLimit", "The input exceeds a safety limit (aliases, depth, size)."},
    {codes::UnknownApiVersion, "UnknownApiVersion", "A known kind with an unknown apiVersion."},
    {codes::NotAResource, "NotAResource", "A document without apiVersion, kind or metadata.name."},
    {codes::InvalidName, "InvalidName", "A metadata.name that is not a DNS-1123 name."},
    {codes::HttpPortNotServed, "HttpPortNotServed", "An HTTP-family port the local gateway does not serve."},
    {codes::SkippedServer, "SkippedServer", "A second plain-TCP server on a port already taken is skipped."},
    {codes::SniHostOutsideHosts, "SniHostOutsideHosts",
     "A TLS match's sniHost is outside the VirtualService's hosts."},
    {codes::NoLocalAddress, "NoLocalAddress", "A destination the local gateway has no address for."},
    {codes::GatewayAPICRDVersionBelowMinimum, "GatewayAPICRDVersionBelowMinimum",
     "A Gateway API CRD is installed at a version below the minimum required by this Istio version."},
    {codes::GatewayApiNotServed, "GatewayApiNotServed",
     "The target's Gateway API CRDs do not serve this kind or version: the API server rejects it."},
    {codes::GatewayApiNeedsAlpha, "GatewayApiNeedsAlpha",
     "The target's Istio reads this kind only with PILOT_ENABLE_ALPHA_GATEWAY_API=true."},
    {codes::GatewayApiIgnoredKind, "GatewayApiIgnoredKind",
     "The target's Istio watches a version of this kind that its CRDs do not serve: ignored silently."},
};

bool isIstioCode(std::string_view code)
{
    return code.size() > 3 && code.substr(0, 3) == "IST";
}

} // namespace

RuleInfo ruleInfo(std::string_view code)
{
    RuleInfo info;
    const auto known = std::find_if(std::begin(kRules), std::end(kRules),
                                    [code](const KnownRule &rule) { return code == rule.code; });
    if (known != std::end(kRules)) {
        info.name = known->name;
        info.description = known->description;
    } else if (isIstioCode(code)) {
        info.description = "istioctl analyze's " + std::string(code) + ".";
    } else {
        info.description = "Meshroute's " + std::string(code.empty() ? "diagnostic" : code) + ".";
    }
    if (isIstioCode(code)) {
        std::string lower(code);
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        info.helpUri = "https://istio.io/latest/docs/reference/config/analysis/" + lower + "/";
    }
    return info;
}

} // namespace meshroute::cli
