#include "install/ingressgateway.h"

#include "routing/selectors.h"
#include "yaml/writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace meshroute::install {
namespace {

constexpr std::array kChoices{IngressChoice::Analyze, IngressChoice::Default, IngressChoice::Demo,
                              IngressChoice::Helm, IngressChoice::Files};
constexpr std::array kForms{PatchForm::Operator, PatchForm::Helm, PatchForm::Service};

ServicePortSpec tcp(const char *name, std::uint32_t port, std::uint32_t targetPort)
{
    ServicePortSpec spec;
    spec.name = name;
    spec.port = port;
    spec.targetPort = targetPort;
    return spec;
}

std::string upperCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

ServicePortSpec servicePortSpec(const ServicePort &p)
{
    ServicePortSpec spec;
    spec.name = p.name;
    spec.port = p.port;
    spec.targetPort = p.targetPort.value_or(0);
    spec.targetPortName = p.targetPortName;
    spec.protocol = p.protocol.empty() ? "TCP" : p.protocol;
    spec.nodePort = p.nodePort;
    return spec;
}

namespace {

YAML::Node portNode(const ServicePortSpec &p, bool withNodePort)
{
    YAML::Node node(YAML::NodeType::Map);
    node["name"] = p.name;
    node["port"] = p.port;
    if (!p.targetPortName.empty())
        node["targetPort"] = p.targetPortName;
    else
        node["targetPort"] = p.targetPort != 0 ? p.targetPort : p.port;
    node["protocol"] = p.protocol;
    if (withNodePort && p.nodePort)
        node["nodePort"] = *p.nodePort;
    return node;
}

std::string addedPortsText(const std::vector<ServicePortSpec> &ports, const IngressGateway &ingress)
{
    const std::vector<ServicePortSpec> before = installedPorts(ingress);
    std::string text;
    for (const ServicePortSpec &p : ports) {
        const bool known = std::any_of(before.begin(), before.end(),
                                       [&](const ServicePortSpec &b) { return b.port == p.port; });
        if (known)
            continue;
        text += (text.empty() ? "" : ", ") + std::to_string(p.port);
    }
    return text;
}

} // namespace

YAML::Node servicePortsNode(const std::vector<ServicePortSpec> &ports, bool withNodePorts)
{
    YAML::Node list(YAML::NodeType::Sequence);
    for (const ServicePortSpec &p : ports)
        list.push_back(portNode(p, withNodePorts));
    return list;
}

std::span<const IngressChoice> ingressChoices()
{
    return kChoices;
}

std::string_view ingressChoiceName(IngressChoice choice)
{
    switch (choice) {
    case IngressChoice::Analyze:
        return "analyze";
    case IngressChoice::Default:
        return "default";
    case IngressChoice::Demo:
        return "demo";
    case IngressChoice::Helm:
        return "helm";
    case IngressChoice::Files:
        return "files";
    }
    return "analyze";
}

std::optional<IngressChoice> ingressChoiceNamed(std::string_view name)
{
    for (IngressChoice choice : kChoices)
        if (ingressChoiceName(choice) == name)
            return choice;
    return std::nullopt;
}

std::vector<ServicePortSpec> profilePorts(IngressChoice choice)
{
    switch (choice) {
    case IngressChoice::Analyze: // ../shared/istio/analyze/default-ingress-resources.yaml
        return {tcp("http2", 80, 80), tcp("https", 443, 443), tcp("tcp", 31400, 31400),
                tcp("tls", 15443, 15443)};
    case IngressChoice::Default: // istio-ingress-values.yaml
        return {tcp("status-port", 15021, 15021), tcp("http2", 80, 8080), tcp("https", 443, 8443)};
    case IngressChoice::Demo: // istio-ingress-profile-demo.yaml
        return {tcp("status-port", 15021, 15021), tcp("http2", 80, 8080), tcp("https", 443, 8443),
                tcp("tcp", 31400, 31400), tcp("tls", 15443, 15443)};
    case IngressChoice::Helm: // gateway-chart-values.yaml
        return {tcp("status-port", 15021, 15021), tcp("http2", 80, 80), tcp("https", 443, 443)};
    case IngressChoice::Files:
        break;
    }
    return {};
}

bool selectsIngressWorkload(const Labels &serviceSelector, const Labels &labels)
{
    return !serviceSelector.empty() &&
           (routing::selects(serviceSelector, labels) || routing::selects(labels, serviceSelector));
}

const Resource *findIngressService(const ResourceSet &set, const Labels &labels)
{
    const Resource *found = nullptr;
    for (const Resource &r : set.resources) {
        const auto *service = r.as<ServiceSpec>();
        if (!service || !selectsIngressWorkload(service->selector, labels))
            continue;
        if (r.name == "istio-ingressgateway")
            return &r;
        if (!found)
            found = &r;
    }
    return found;
}

IngressChoice assumedChoice(IngressChoice choice)
{
    return choice == IngressChoice::Files ? IngressChoice::Analyze : choice;
}

IngressGateway resolveIngress(const ResourceSet &set, IngressChoice choice, const Labels &labels)
{
    IngressGateway ingress;
    ingress.labels = labels;
    if (const Resource *service = findIngressService(set, labels)) {
        ingress.choice = IngressChoice::Files;
        ingress.service = service;
        ingress.ns = service->effectiveNamespace(set.defaultNamespace);
        ingress.name = service->name;
        for (const ServicePort &p : service->as<ServiceSpec>()->ports)
            ingress.ports.push_back(servicePortSpec(p));
        return ingress;
    }
    ingress.choice = assumedChoice(choice);
    ingress.ports = profilePorts(ingress.choice);
    return ingress;
}

bool exposes(const std::vector<ServicePortSpec> &ports, std::uint32_t serverPort)
{
    return std::any_of(ports.begin(), ports.end(), [&](const ServicePortSpec &p) {
        if (upperCase(p.protocol) != "TCP")
            return false;
        const std::uint32_t target = p.targetPort != 0 ? p.targetPort : p.port;
        return p.port == serverPort || target == serverPort;
    });
}

std::vector<NeededPort> neededIngressPorts(const ResourceSet &set, const IngressGateway &ingress)
{
    std::map<std::uint32_t, NeededPort> byNumber;
    for (const Resource &r : set.resources) {
        const auto *gateway = r.as<GatewaySpec>();
        if (!gateway || !routing::gatewaySelects(*gateway, ingress.labels))
            continue;
        const std::string ref = r.effectiveNamespace(set.defaultNamespace) + "/" + r.name;
        for (const Server &server : gateway->servers) {
            if (server.port.number == 0)
                continue;
            NeededPort &needed = byNumber[server.port.number];
            if (needed.number == 0) {
                needed.number = server.port.number;
                needed.protocol = upperCase(server.port.protocol);
            }
            if (std::find(needed.gateways.begin(), needed.gateways.end(), ref) == needed.gateways.end())
                needed.gateways.push_back(ref);
        }
    }
    std::vector<NeededPort> out;
    for (auto &[number, needed] : byNumber)
        out.push_back(std::move(needed));
    return out;
}

std::vector<NeededPort> missingIngressPorts(const ResourceSet &set, const IngressGateway &ingress)
{
    std::vector<NeededPort> missing;
    for (NeededPort &needed : neededIngressPorts(set, ingress))
        if (!exposes(ingress.ports, needed.number))
            missing.push_back(std::move(needed));
    return missing;
}

std::string portNameFor(const std::string &protocol, std::uint32_t number)
{
    static const char *const kKnown[] = {"HTTP", "HTTPS", "HTTP2", "GRPC", "GRPC-WEB", "MONGO", "TCP", "TLS"};
    const std::string upper = upperCase(protocol);
    const bool known = std::find(std::begin(kKnown), std::end(kKnown), upper) != std::end(kKnown);
    return (known ? lowerCase(upper) : std::string("tcp")) + "-" + std::to_string(number);
}

std::vector<ServicePortSpec> installedPorts(const IngressGateway &ingress)
{
    if (ingress.choice == IngressChoice::Analyze)
        return profilePorts(IngressChoice::Demo);
    return ingress.ports;
}

std::vector<ServicePortSpec> ingressServicePorts(const ResourceSet &set, const IngressGateway &ingress)
{
    std::vector<ServicePortSpec> ports = installedPorts(ingress);
    for (const NeededPort &needed : neededIngressPorts(set, ingress)) {
        if (exposes(ports, needed.number))
            continue;
        ServicePortSpec added;
        added.name = portNameFor(needed.protocol, needed.number);
        added.port = needed.number;
        added.targetPort = needed.number;
        ports.push_back(std::move(added));
    }
    return ports;
}

std::span<const PatchForm> patchForms()
{
    return kForms;
}

std::string_view patchFormName(PatchForm form)
{
    switch (form) {
    case PatchForm::Operator:
        return "operator";
    case PatchForm::Helm:
        return "helm";
    case PatchForm::Service:
        return "service";
    }
    return "operator";
}

std::optional<PatchForm> patchFormNamed(std::string_view name)
{
    for (PatchForm form : kForms)
        if (patchFormName(form) == name)
            return form;
    return std::nullopt;
}

std::string applyCommand(PatchForm form, const IngressGateway &ingress, const std::string &file)
{
    switch (form) {
    case PatchForm::Operator:
        return "istioctl install -f " + file + " (together with the -f files of your installation)";
    case PatchForm::Helm:
        return "helm upgrade --install " + ingress.name + " istio/gateway -n " + ingress.ns + " -f " + file;
    case PatchForm::Service:
        return "kubectl patch svc " + ingress.name + " -n " + ingress.ns + " --type merge --patch-file " +
               file;
    }
    return {};
}

std::string ingressPatch(PatchForm form, const IngressGateway &ingress,
                         const std::vector<ServicePortSpec> &ports)
{
    std::string text = "# Meshroute: the ingress gateway Service ports the routing needs (assumed today: " +
                       std::string(ingressChoiceName(ingress.choice)) + ").\n";
    const std::string added = addedPortsText(ports, ingress);
    text += added.empty() ? "# Every Gateway port is exposed already; this repeats the ports.\n"
                          : "# Adds port(s) " + added +
                                "; the ports before them are repeated, since a\n"
                                "# ports list replaces the whole default one.\n";
    text += "# Apply: " + applyCommand(form, ingress, "FILE") + "\n";
    YAML::Node root(YAML::NodeType::Map);
    switch (form) {
    case PatchForm::Operator: {
        text += "# Durable: the next istioctl install keeps these ports.\n";
        root["apiVersion"] = "install.istio.io/v1alpha1";
        root["kind"] = "IstioOperator";
        YAML::Node gateway(YAML::NodeType::Map);
        gateway["name"] = ingress.name;
        gateway["enabled"] = true;
        gateway["k8s"]["service"]["ports"] = servicePortsNode(ports, false);
        YAML::Node gateways(YAML::NodeType::Sequence);
        gateways.push_back(gateway);
        root["spec"]["components"]["ingressGateways"] = gateways;
        break;
    }
    case PatchForm::Helm:
        text += "# Durable: the next helm upgrade with these values keeps these ports.\n";
        root["service"]["ports"] = servicePortsNode(ports, false);
        break;
    case PatchForm::Service:
        text += "# Does not last: the next istioctl install or helm upgrade puts the old ports back.\n"
                "# A merge patch replaces the whole list: every port the Service keeps is listed.\n";
        root["spec"]["ports"] = servicePortsNode(ports, true);
        break;
    }
    return text + emitNode(root);
}

} // namespace meshroute::install
