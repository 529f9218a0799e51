#pragma once

// The target cluster's ingress gateway, as part of the model: which ports its Service
// exposes (../shared/istio/install/README.md), which of them the routing needs, and the
// configuration that exposes the missing ones (IstioOperator overlay, `gateway` Helm chart
// values, or a patch of the live Service).
//
//   const IngressGateway ingress = resolveIngress(set, IngressChoice::Default);
//   for (const NeededPort &p : missingIngressPorts(set, ingress)) ...        // what IST0162 says
//   const std::vector<ServicePortSpec> ports = ingressServicePorts(set, ingress); // after the fix
//   std::string yaml = ingressPatch(PatchForm::Operator, ingress, ports);
//
// A Gateway server port N is exposed when a Service port with protocol TCP has port N (Istio
// maps a server port that is a Service port to that port's targetPort) or targetPort N (what
// istioctl analyze compares: the port the gateway's Envoy listens on).

#include "model/resourceset.h"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::install {

// What the target cluster's ingress gateway Service is.
enum class IngressChoice {
    Analyze, // what `istioctl analyze --use-kube=false` assumes: 80, 443, 31400, 15443 (targetPort = port)
    Default, // Istio's default profile: 15021, 80 -> 8080, 443 -> 8443
    Demo,    // the demo profile: the default's, 31400 and 15443
    Helm,    // the `gateway` Helm chart's defaults: 15021, 80, 443 (targetPort = port)
    Files,   // the ingress gateway Service found in the loaded files (a `kubectl get svc -o yaml` dump)
};

std::span<const IngressChoice> ingressChoices();          // in the order above
std::string_view ingressChoiceName(IngressChoice choice); // "analyze", "default", "demo", "helm", "files"
std::optional<IngressChoice> ingressChoiceNamed(std::string_view name);

// One port of a Kubernetes Service, as an install writes it.
struct ServicePortSpec
{
    std::string name;
    std::uint32_t port = 0;
    std::uint32_t targetPort = 0; // 0: the same as `port`, or the name below
    std::string targetPortName;   // a named targetPort (a container port name), else empty
    std::string protocol = "TCP";
    std::optional<std::uint32_t> nodePort; // known for a Service read from the files
    friend bool operator==(const ServicePortSpec &, const ServicePortSpec &) = default;
};

// `ports` as a Service's `ports` list (the nodePorts only when asked: a fresh install lets
// Kubernetes choose them).
YAML::Node servicePortsNode(const std::vector<ServicePortSpec> &ports, bool withNodePorts);

// A Service port of the model as a spec (an unset protocol is Kubernetes' TCP).
ServicePortSpec servicePortSpec(const ServicePort &port);

// The ports a choice's Service exposes (Files: none; its ports come from the documents).
std::vector<ServicePortSpec> profilePorts(IngressChoice choice);

// The choice that stands when the files hold no ingress gateway Service: Files then falls back to
// Analyze (what istioctl analyze assumes offline); every other choice stands for itself.
IngressChoice assumedChoice(IngressChoice choice);

// The ingress gateway a document is checked against.
struct IngressGateway
{
    IngressChoice choice = IngressChoice::Analyze;
    std::string ns = "istio-system";
    std::string name = "istio-ingressgateway";  // the Service (and IstioOperator component) name
    Labels labels{{"istio", "ingressgateway"}}; // the gateway workload's labels
    std::vector<ServicePortSpec> ports;         // what the Service exposes
    const Resource *service = nullptr;          // Files: the Service of the set
};

// Whether a Service selector picks the gateway workload known by `labels` (at least those
// labels): it selects them, or it asks for them and more (a real istio-ingressgateway Service
// selects `app: istio-ingressgateway, istio: ingressgateway`). An empty selector picks nothing.
bool selectsIngressWorkload(const Labels &serviceSelector, const Labels &labels);

// The Service of `set` that selects the gateway workload `labels` (preferring one named
// istio-ingressgateway), or nullptr.
const Resource *findIngressService(const ResourceSet &set, const Labels &labels);

// The ingress gateway for `choice`. When `set` holds the ingress gateway Service, it is the
// truth about the cluster and Files is chosen whatever `choice` says; Files without such a
// Service falls back to Analyze.
IngressGateway resolveIngress(const ResourceSet &set, IngressChoice choice,
                              const Labels &labels = {{"istio", "ingressgateway"}});

// Whether `ports` expose Gateway server port `serverPort` (see the top of this file).
bool exposes(const std::vector<ServicePortSpec> &ports, std::uint32_t serverPort);

// A Gateway server port the routing needs on the ingress gateway.
struct NeededPort
{
    std::uint32_t number = 0;
    std::string protocol;              // the (first) server's protocol, upper case; empty when unset
    std::vector<std::string> gateways; // "ns/name" of the Gateways serving it, in reading order
};

// The server ports of the Gateways that apply to the ingress workload (an empty selector
// applies to every gateway), sorted by number.
std::vector<NeededPort> neededIngressPorts(const ResourceSet &set, const IngressGateway &ingress);
// Those the ingress gateway's Service does not expose.
std::vector<NeededPort> missingIngressPorts(const ResourceSet &set, const IngressGateway &ingress);

// Istio's protocol-selection name for a port a Gateway server of `protocol` needs:
// tcp-31401, tls-15443, http-8080, https-8443, http2-..., grpc-..., grpc-web-..., mongo-...
// (tcp- when the protocol is unset or unknown).
std::string portNameFor(const std::string &protocol, std::uint32_t number);

// The ports the ingress gateway Service installs today: its ports, except for Analyze, whose
// offline Service is not an install: the demo profile's ports (the same numbers, with 15021 and
// the targetPorts a real install has) stand for it.
std::vector<ServicePortSpec> installedPorts(const IngressGateway &ingress);

// Every port the ingress gateway Service must have so that every Gateway port of `set` is
// reachable: installedPorts(ingress) in their order (a `ports` list replaces the default one,
// so they are repeated), then each missing port in number order, named portNameFor(), with
// targetPort = port and protocol TCP. This is the input of every patch form and of a full
// install configuration.
std::vector<ServicePortSpec> ingressServicePorts(const ResourceSet &set, const IngressGateway &ingress);

// How the fix is delivered.
enum class PatchForm {
    Operator, // an IstioOperator overlay: istioctl install -f FILE (with your other -f files)
    Helm,     // values for the `gateway` Helm chart: helm upgrade ... -f FILE
    Service,  // a merge patch of the live Service: kubectl patch svc ... --type merge --patch-file FILE
};
std::span<const PatchForm> patchForms();
std::string_view patchFormName(PatchForm form); // "operator", "helm", "service"
std::optional<PatchForm> patchFormNamed(std::string_view name);

// The patch as YAML text, opening with comment lines that say how to apply it. `ports` is the
// full list (ingressServicePorts()). The Service patch is a JSON merge patch: it replaces the
// whole list, so it carries every port (with the nodePorts known from the files, so they stay).
std::string ingressPatch(PatchForm form, const IngressGateway &ingress,
                         const std::vector<ServicePortSpec> &ports);

// The command that applies a patch written to `file`.
std::string applyCommand(PatchForm form, const IngressGateway &ingress, const std::string &file);

} // namespace meshroute::install
