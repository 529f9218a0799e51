#include "model/model.h"

#include <array>
#include <utility>

namespace meshroute {
namespace {

constexpr std::array<std::pair<Kind, const char *>, 13> kKinds{{
    {Kind::Gateway, "Gateway"},
    {Kind::VirtualService, "VirtualService"},
    {Kind::DestinationRule, "DestinationRule"},
    {Kind::ServiceEntry, "ServiceEntry"},
    {Kind::WorkloadEntry, "WorkloadEntry"},
    {Kind::Service, "Service"},
    {Kind::Deployment, "Deployment"},
    {Kind::Namespace, "Namespace"},
    {Kind::KubeGateway, "Gateway"}, // after the classic Gateway: kindFromName keeps meaning that one
    {Kind::GatewayClass, "GatewayClass"},
    {Kind::TCPRoute, "TCPRoute"},
    {Kind::TLSRoute, "TLSRoute"},
    {Kind::ReferenceGrant, "ReferenceGrant"},
}};

} // namespace

const char *kindName(Kind kind)
{
    for (const auto &[k, name] : kKinds) {
        if (k == kind)
            return name;
    }
    return "Other";
}

Kind kindFromName(const std::string &kind)
{
    for (const auto &[k, name] : kKinds) {
        if (kind == name)
            return k;
    }
    return Kind::Other;
}

Kind kindOf(const std::string &apiVersion, const std::string &kind)
{
    if (apiVersion.rfind(std::string(kGatewayApiGroup) + "/", 0) == 0) {
        if (kind == "Gateway")
            return Kind::KubeGateway;
        const Kind k = kindFromName(kind);
        return isGatewayApiKind(k) ? k : Kind::Other;
    }
    const Kind k = kindFromName(kind);
    return isGatewayApiKind(k) ? Kind::Other : k;
}

bool isGatewayApiKind(Kind kind)
{
    return kind == Kind::KubeGateway || kind == Kind::GatewayClass || kind == Kind::TCPRoute ||
           kind == Kind::TLSRoute || kind == Kind::ReferenceGrant;
}

bool isIstioKind(Kind kind)
{
    return kind == Kind::Gateway || kind == Kind::VirtualService || kind == Kind::DestinationRule ||
           kind == Kind::ServiceEntry || kind == Kind::WorkloadEntry;
}

std::vector<std::string> VirtualServiceSpec::effectiveGateways() const
{
    if (!gatewaysSet || gateways.empty())
        return {"mesh"};
    return gateways;
}

const std::string &Resource::effectiveNamespace(const std::string &defaultNamespace) const
{
    return namespace_.empty() ? defaultNamespace : namespace_;
}

ResourceRef Resource::ref(const std::string &defaultNamespace) const
{
    ResourceRef out;
    out.kind = kindName.empty() ? std::string(meshroute::kindName(kind)) : kindName;
    if (kind != Kind::Namespace && kind != Kind::GatewayClass)
        out.ns = effectiveNamespace(defaultNamespace);
    out.name = name;
    return out;
}

std::string Resource::displayName(const std::string &defaultNamespace) const
{
    const std::string &k = kindName.empty() ? std::string(meshroute::kindName(kind)) : kindName;
    if (kind == Kind::Namespace || kind == Kind::GatewayClass)
        return k + " " + name;
    return k + " " + effectiveNamespace(defaultNamespace) + "/" + name;
}

} // namespace meshroute
