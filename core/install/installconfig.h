#pragma once

// The tutorial's Istio install form, in today's Istio: what the cluster needs besides the
// routing for it to work there (../shared/istio/install/README.md).
//
//   InstallOptions options;                       // istio-system, injection by namespace label, ...
//   options.tracingEndpoint = "zipkin.istio-system:9411";
//   options.includeIPRanges = "10.0.0.0/8";
//   const std::vector<OptionProblem> problems = validate(options);   // data: field, severity, message id
//   if (!hasErrors(problems)) {
//       const InstallConfig config = buildInstallConfig(options, documentNamespaces(set,
//       options.istioNamespace)); write(render(config));                                           // one
//       stream, one section per file
//   }
//
// The output is either an IstioOperator (install.istio.io/v1alpha1, for `istioctl install -f`) or Helm values
// for the istiod and gateway charts, plus the Namespace labels and the Telemetry resource, each a section of
// its own with the file name and the command that applies it.

#include "install/ingressgateway.h"
#include "model/diagnostic.h"
#include "model/message.h"
#include "model/resourceset.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::install {

enum class Injection {
    Labels,  // istio-injection=enabled on the namespaces the document uses
    Default, // values.sidecarInjectorWebhook.enableNamespacesByDefault: true
    Off      // nothing written: pods get no sidecar unless labelled otherwise
};
enum class Format { Operator, Helm };

struct InstallOptions
{
    std::string istioNamespace = "istio-system";
    std::string release = "istio";   // IstioOperator metadata.name; Helm: the releases' name prefix
    std::vector<std::string> addons; // "prometheus", "grafana", "kiali": samples/addons/<x>.yaml
    Injection injection = Injection::Labels;
    std::string tracingEndpoint;  // a Zipkin-compatible HOST:PORT ([v6]:PORT); empty: no tracing
    double samplingPercent = 1.0; // 0-100, Telemetry randomSamplingPercentage
    std::string includeIPRanges;  // comma-separated CIDRs, or "*"; empty: Istio's default ("*")
    std::string excludeIPRanges;  // comma-separated CIDRs; empty: none
    // The ingress gateway Service's ports (ingressServicePorts()); the list replaces the chart's or
    // profile's defaults, so it repeats the ones to keep (15021, 80, 443). Empty: the defaults stay.
    std::vector<ServicePortSpec> ingressPorts;
    Format format = Format::Operator;
};

inline constexpr std::string_view kAddons[] = {"prometheus", "grafana", "kiali"};

// Which option a problem is about, so that a form can mark the right field.
enum class Field {
    Namespace,
    Release,
    Addons,
    TracingEndpoint,
    Sampling,
    IncludeRanges,
    ExcludeRanges,
    IngressPorts
};

struct OptionProblem
{
    Severity severity = Severity::Error;
    Field field = Field::Namespace;
    Message message; // an id of core/model/message.cpp's catalogue, with its arguments
    friend bool operator==(const OptionProblem &, const OptionProblem &) = default;
};

bool hasErrors(const std::vector<OptionProblem> &problems);

// Every problem of the options: errors (the output would be refused or wrong) and warnings
// (ranges both intercepted and bypassed: the bypass wins).
std::vector<OptionProblem> validate(const InstallOptions &options);

// ---------------------------------------------------------------- CIDR ranges

struct Cidr
{
    bool v6 = false;
    unsigned char address[16] = {}; // IPv4 in the first 4 bytes
    int prefix = 0;
    std::string text; // as written (trimmed)
};

// An IPv4 or IPv6 CIDR ("10.0.0.0/8", "fd00::/8", "::ffff:10.0.0.0/104"). False when `text` is not one;
// an address without "/prefix" is not a range (Istio's validation requires the prefix).
bool parseCidr(std::string_view text, Cidr &out);
// Two ranges share an address (same family, one contains the other's network).
bool overlaps(const Cidr &a, const Cidr &b);
// The problems of one comma-separated list (`field` is IncludeRanges or ExcludeRanges); the valid entries
// go to `ranges`. "*" (every address) is allowed, alone, in the ranges to intercept.
std::vector<OptionProblem> checkRanges(std::string_view list, Field field, std::vector<Cidr> &ranges);

// ---------------------------------------------------------------- output

struct InstallSection
{
    std::string file;    // a suggested file name: "istio-operator.yaml"
    std::string command; // how it is applied: "istioctl install -f istio-operator.yaml"
    std::string yaml;    // one YAML document (or several, for the Namespaces), ending in a line break
};

struct InstallConfig
{
    std::vector<std::string> notes; // comment lines for the head of the output (no "# ")
    std::vector<InstallSection> sections;
};

// The namespaces the document's resources are in, sorted, without the Istio namespace: those that
// need the injection label for their workloads to get a sidecar.
std::vector<std::string> documentNamespaces(const ResourceSet &set, const std::string &istioNamespace);

// The install configuration for valid options. `namespaces`: where injection labels go (Injection::Labels).
InstallConfig buildInstallConfig(const InstallOptions &options, const std::vector<std::string> &namespaces);

// One stream: the notes as comments, then each section headed by a comment naming its file and command,
// its documents separated by "---".
std::string render(const InstallConfig &config);

// The ingress gateway Service ports to write for `set`: on top of what this install brings (the
// default profile's Service for an IstioOperator, the gateway chart's for Helm, or the Service the
// files hold when they have one), the Gateway ports it lacks (ingressServicePorts()). Empty when
// nothing is missing: the defaults stay, unwritten.
std::vector<ServicePortSpec> ingressPortsToInstall(const ResourceSet &set, Format format);

} // namespace meshroute::install
