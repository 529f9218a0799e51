#include "install/installconfig.h"

#include "yaml/writer.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace meshroute::install {
namespace {

constexpr const char *kProvider = "zipkin"; // the extension provider's name, selected by the Telemetry
constexpr const char *kGatewayName = "istio-ingressgateway";

std::string_view trim(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::vector<std::string_view> splitCommas(std::string_view list)
{
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = list.find(',', start);
        out.push_back(trim(list.substr(start, comma == std::string_view::npos ? list.npos : comma - start)));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return out;
}

bool isLowerAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit.
bool isDnsLabel(std::string_view name, std::size_t longest)
{
    if (name.empty() || name.size() > longest || !isLowerAlnum(name.front()) || !isLowerAlnum(name.back()))
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) { return isLowerAlnum(c) || c == '-'; });
}

bool parseNumber(std::string_view text, unsigned long &value)
{
    if (text.empty() || text.size() > 9)
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

bool parseIpv4(std::string_view text, unsigned char *out)
{
    int part = 0;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = text.find('.', start);
        const std::string_view digits = text.substr(start, dot == text.npos ? text.npos : dot - start);
        unsigned long value = 0;
        // A leading zero reads as octal to some parsers: refused, as Go's netip refuses it.
        if (part == 4 || digits.empty() || digits.size() > 3 || !parseNumber(digits, value) || value > 255 ||
            (digits.size() > 1 && digits.front() == '0'))
            return false;
        out[part++] = static_cast<unsigned char>(value);
        if (dot == text.npos)
            return part == 4;
        start = dot + 1;
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Groups of up to four hex digits separated by ':', one "::" at most, an IPv4 address as the last 32 bits.
bool parseIpv6(std::string_view text, unsigned char *out)
{
    std::vector<unsigned> head;
    std::vector<unsigned> tail;
    bool compressed = false;
    const std::size_t gap = text.find("::");
    if (gap != text.npos) {
        if (text.find("::", gap + 1) != text.npos)
            return false;
        compressed = true;
    }
    // Groups of one side; an embedded IPv4 address at the very end counts as two.
    const auto groups = [](std::string_view side, std::vector<unsigned> &into, bool last) {
        if (side.empty())
            return true;
        std::size_t start = 0;
        while (true) {
            const std::size_t colon = side.find(':', start);
            const std::string_view group = side.substr(start, colon == side.npos ? side.npos : colon - start);
            if (colon == side.npos && last && group.find('.') != group.npos) {
                unsigned char v4[4];
                if (!parseIpv4(group, v4))
                    return false;
                into.push_back(static_cast<unsigned>(v4[0] << 8 | v4[1]));
                into.push_back(static_cast<unsigned>(v4[2] << 8 | v4[3]));
                return true;
            }
            if (group.empty() || group.size() > 4)
                return false;
            unsigned value = 0;
            for (char c : group) {
                const int h = hexValue(c);
                if (h < 0)
                    return false;
                value = value << 4 | static_cast<unsigned>(h);
            }
            into.push_back(value);
            if (colon == side.npos)
                return true;
            start = colon + 1;
        }
    };
    if (compressed) {
        if (!groups(text.substr(0, gap), head, false) || !groups(text.substr(gap + 2), tail, true))
            return false;
        if (head.size() + tail.size() > 7)
            return false;
    } else {
        if (!groups(text, head, true) || head.size() != 8)
            return false;
    }
    std::vector<unsigned> all = head;
    all.resize(8 - tail.size(), 0);
    all.insert(all.end(), tail.begin(), tail.end());
    for (std::size_t i = 0; i < 8; ++i) {
        out[2 * i] = static_cast<unsigned char>(all[i] >> 8);
        out[2 * i + 1] = static_cast<unsigned char>(all[i] & 0xFF);
    }
    return true;
}

MessageArg rangesFragment(Field field)
{
    return MessageArg::fragmentOf(field == Field::IncludeRanges ? "fragment-include-ranges"
                                                                : "fragment-exclude-ranges");
}

OptionProblem error(Field field, Message message)
{
    return {Severity::Error, field, std::move(message)};
}

// The endpoint split into host and port; false when it is not HOST:PORT (the port is checked apart).
bool splitEndpoint(std::string_view endpoint, std::string_view &host, std::string_view &port)
{
    if (!endpoint.empty() && endpoint.front() == '[') {
        const std::size_t close = endpoint.find(']');
        if (close == endpoint.npos || close + 1 >= endpoint.size() || endpoint[close + 1] != ':')
            return false;
        host = endpoint.substr(1, close - 1);
        port = endpoint.substr(close + 2);
        unsigned char v6[16];
        return parseIpv6(host, v6);
    }
    const std::size_t colon = endpoint.rfind(':');
    if (colon == endpoint.npos || colon == 0)
        return false;
    host = endpoint.substr(0, colon);
    port = endpoint.substr(colon + 1);
    // A DNS name (labels of letters, digits and '-') or an IPv4 address.
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = host.find('.', start);
        const std::string_view label = host.substr(start, dot == host.npos ? host.npos : dot - start);
        const bool ok = !label.empty() && label.size() <= 63 && label.front() != '-' && label.back() != '-' &&
                        std::all_of(label.begin(), label.end(), [](char c) {
                            return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
                        });
        if (!ok)
            return false;
        if (dot == host.npos)
            return true;
        start = dot + 1;
    }
}

std::string numberText(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

// A range list as Istio's sidecar init reads it: entries joined by bare commas.
std::string normalizedRanges(std::string_view list)
{
    std::string out;
    for (const std::string_view entry : splitCommas(list)) {
        if (!out.empty())
            out += ',';
        out += entry;
    }
    return out;
}

YAML::Node proxyRanges(const InstallOptions &options)
{
    YAML::Node proxy(YAML::NodeType::Map);
    if (!trim(options.includeIPRanges).empty())
        proxy["includeIPRanges"] = normalizedRanges(options.includeIPRanges);
    if (!trim(options.excludeIPRanges).empty())
        proxy["excludeIPRanges"] = normalizedRanges(options.excludeIPRanges);
    return proxy;
}

// meshConfig for tracing: enableTracing and the provider the Telemetry selects.
YAML::Node meshConfig(const InstallOptions &options)
{
    YAML::Node mesh(YAML::NodeType::Map);
    if (options.tracingEndpoint.empty())
        return mesh;
    std::string_view host;
    std::string_view port;
    splitEndpoint(options.tracingEndpoint, host, port);
    mesh["enableTracing"] = true;
    YAML::Node provider;
    provider["name"] = kProvider;
    provider["zipkin"]["service"] = std::string(host);
    provider["zipkin"]["port"] = std::string(port);
    mesh["extensionProviders"].push_back(provider);
    return mesh;
}

// The `values` both forms share (istiod's chart values; IstioOperator spec.values).
YAML::Node controlPlaneValues(const InstallOptions &options)
{
    YAML::Node values(YAML::NodeType::Map);
    YAML::Node global(YAML::NodeType::Map);
    global["istioNamespace"] = options.istioNamespace;
    const YAML::Node proxy = proxyRanges(options);
    if (proxy.size() > 0)
        global["proxy"] = proxy;
    values["global"] = global;
    if (options.injection == Injection::Default)
        values["sidecarInjectorWebhook"]["enableNamespacesByDefault"] = true;
    return values;
}

InstallSection operatorSection(const InstallOptions &options)
{
    YAML::Node root;
    root["apiVersion"] = "install.istio.io/v1alpha1";
    root["kind"] = "IstioOperator";
    root["metadata"]["name"] = options.release;
    root["metadata"]["namespace"] = options.istioNamespace;
    YAML::Node spec;
    spec["profile"] = "default";
    spec["namespace"] = options.istioNamespace;
    const YAML::Node mesh = meshConfig(options);
    if (mesh.size() > 0)
        spec["meshConfig"] = mesh;
    if (!options.ingressPorts.empty()) {
        YAML::Node gateway;
        gateway["name"] = kGatewayName;
        gateway["enabled"] = true;
        gateway["k8s"]["service"]["ports"] = servicePortsNode(options.ingressPorts, false);
        spec["components"]["ingressGateways"].push_back(gateway);
    }
    spec["values"] = controlPlaneValues(options);
    root["spec"] = spec;
    return {"istio-operator.yaml", "istioctl install -f istio-operator.yaml", emitNode(root)};
}

std::vector<InstallSection> helmSections(const InstallOptions &options)
{
    YAML::Node istiod = controlPlaneValues(options);
    const YAML::Node mesh = meshConfig(options);
    if (mesh.size() > 0)
        istiod["meshConfig"] = mesh;
    YAML::Node gateway(YAML::NodeType::Map);
    if (!options.ingressPorts.empty())
        gateway["service"]["ports"] = servicePortsNode(options.ingressPorts, false);
    const std::string ns = " -n " + options.istioNamespace;
    return {
        {"istiod-values.yaml",
         "helm install " + options.release + " istio/istiod" + ns + " -f istiod-values.yaml --wait",
         emitNode(istiod)},
        {"gateway-values.yaml",
         std::string("helm install ") + kGatewayName + " istio/gateway" + ns + " -f gateway-values.yaml",
         emitNode(gateway)},
    };
}

InstallSection namespaceSection(const std::vector<std::string> &namespaces)
{
    std::string yaml;
    for (const std::string &name : namespaces) {
        YAML::Node ns;
        ns["apiVersion"] = "v1";
        ns["kind"] = "Namespace";
        ns["metadata"]["name"] = name;
        ns["metadata"]["labels"]["istio-injection"] = "enabled";
        if (!yaml.empty())
            yaml += "---\n";
        yaml += emitNode(ns);
    }
    return {"namespaces.yaml", "kubectl apply -f namespaces.yaml", yaml};
}

InstallSection telemetrySection(const InstallOptions &options)
{
    YAML::Node root;
    root["apiVersion"] = "telemetry.istio.io/v1";
    root["kind"] = "Telemetry";
    root["metadata"]["name"] = "mesh-default";
    root["metadata"]["namespace"] = options.istioNamespace; // the root namespace: mesh-wide
    YAML::Node tracing;
    YAML::Node provider;
    provider["name"] = kProvider;
    tracing["providers"].push_back(provider);
    tracing["randomSamplingPercentage"] = numberText(options.samplingPercent);
    root["spec"]["tracing"].push_back(tracing);
    return {"telemetry.yaml", "kubectl apply -f telemetry.yaml (once Istio is installed: it brings the CRD)",
            emitNode(root)};
}

std::string portList(const std::vector<ServicePortSpec> &ports)
{
    std::string out;
    for (const ServicePortSpec &p : ports) {
        if (!out.empty())
            out += ", ";
        out += std::to_string(p.port);
        if (!p.targetPortName.empty())
            out += " → " + p.targetPortName;
        else if (p.targetPort != 0 && p.targetPort != p.port)
            out += " → " + std::to_string(p.targetPort);
    }
    return out;
}

} // namespace

bool hasErrors(const std::vector<OptionProblem> &problems)
{
    return std::any_of(problems.begin(), problems.end(),
                       [](const OptionProblem &p) { return p.severity == Severity::Error; });
}

bool parseCidr(std::string_view text, Cidr &out)
{
    text = trim(text);
    out = Cidr{};
    out.text = std::string(text);
    const std::size_t slash = text.find('/');
    if (slash == text.npos)
        return false;
    const std::string_view address = text.substr(0, slash);
    const std::string_view prefix = text.substr(slash + 1);
    unsigned long length = 0;
    if (prefix.empty() || prefix.size() > 3 || !parseNumber(prefix, length) ||
        (prefix.size() > 1 && prefix.front() == '0'))
        return false;
    out.v6 = address.find(':') != address.npos;
    if (out.v6 ? !parseIpv6(address, out.address) : !parseIpv4(address, out.address))
        return false;
    if (length > (out.v6 ? 128u : 32u))
        return false;
    out.prefix = static_cast<int>(length);
    return true;
}

bool overlaps(const Cidr &a, const Cidr &b)
{
    if (a.v6 != b.v6)
        return false;
    const int bits = std::min(a.prefix, b.prefix);
    for (int i = 0; i < bits; ++i) {
        const int byte = i / 8;
        const int mask = 0x80 >> (i % 8);
        if ((a.address[byte] & mask) != (b.address[byte] & mask))
            return false;
    }
    return true;
}

std::vector<OptionProblem> checkRanges(std::string_view list, Field field, std::vector<Cidr> &ranges)
{
    std::vector<OptionProblem> problems;
    ranges.clear();
    if (trim(list).empty())
        return problems;
    const std::vector<std::string_view> entries = splitCommas(list);
    for (const std::string_view entry : entries) {
        if (entry.empty()) {
            problems.push_back(error(field, {"install-range-empty-entry", {rangesFragment(field)}}));
            continue;
        }
        if (entry == "*" && field == Field::IncludeRanges) {
            if (entries.size() > 1)
                problems.push_back(error(field, {"install-range-star-not-alone", {rangesFragment(field)}}));
            continue;
        }
        Cidr cidr;
        if (parseCidr(entry, cidr)) {
            ranges.push_back(cidr);
            continue;
        }
        // Say why when the address is fine and only the prefix length is too long.
        const std::size_t slash = entry.find('/');
        Cidr wide;
        unsigned long length = 0;
        if (slash != entry.npos && parseNumber(entry.substr(slash + 1), length) &&
            parseCidr(std::string(entry.substr(0, slash)) + "/0", wide)) {
            problems.push_back(
                error(field, {"install-range-prefix-too-long",
                              {rangesFragment(field), std::string(entry), std::to_string(length),
                               wide.v6 ? "128" : "32", wide.v6 ? "IPv6" : "IPv4"}}));
            continue;
        }
        problems.push_back(
            error(field, {"install-range-invalid", {rangesFragment(field), std::string(entry)}}));
    }
    return problems;
}

std::vector<OptionProblem> validate(const InstallOptions &options)
{
    std::vector<OptionProblem> problems;
    if (!isDnsLabel(options.istioNamespace, 63))
        problems.push_back(error(Field::Namespace, {"install-namespace-invalid", {options.istioNamespace}}));
    // Helm's limit for release names (53) is the stricter one; IstioOperator names are DNS names.
    if (!isDnsLabel(options.release, 53) ||
        !(options.release.front() >= 'a' && options.release.front() <= 'z'))
        problems.push_back(error(Field::Release, {"install-release-invalid", {options.release}}));
    for (const std::string &addon : options.addons)
        if (std::find(std::begin(kAddons), std::end(kAddons), addon) == std::end(kAddons))
            problems.push_back(error(Field::Addons, {"install-addon-unknown", {addon}}));

    if (!options.tracingEndpoint.empty()) {
        std::string_view host;
        std::string_view port;
        unsigned long number = 0;
        if (!splitEndpoint(options.tracingEndpoint, host, port))
            problems.push_back(error(Field::TracingEndpoint,
                                     {"install-tracing-endpoint-invalid", {options.tracingEndpoint}}));
        else if (!parseNumber(port, number) || number < 1 || number > 65535)
            problems.push_back(error(Field::TracingEndpoint, {"install-tracing-port-invalid",
                                                              {options.tracingEndpoint, std::string(port)}}));
    }
    if (!(options.samplingPercent >= 0.0 && options.samplingPercent <= 100.0)) // NaN too
        problems.push_back(
            error(Field::Sampling, {"install-sampling-out-of-range", {numberText(options.samplingPercent)}}));

    std::vector<Cidr> include;
    std::vector<Cidr> exclude;
    for (OptionProblem &p : checkRanges(options.includeIPRanges, Field::IncludeRanges, include))
        problems.push_back(std::move(p));
    for (OptionProblem &p : checkRanges(options.excludeIPRanges, Field::ExcludeRanges, exclude))
        problems.push_back(std::move(p));
    for (const Cidr &in : include)
        for (const Cidr &out : exclude)
            if (overlaps(in, out))
                problems.push_back({Severity::Warning,
                                    Field::ExcludeRanges,
                                    {"install-ranges-overlap", {in.text, out.text}}});

    std::map<std::uint32_t, int> seenPorts;
    std::map<std::string, std::uint32_t> seenNames;
    for (const ServicePortSpec &p : options.ingressPorts) {
        const std::string number = std::to_string(p.port);
        if (p.port < 1 || p.port > 65535)
            problems.push_back(
                error(Field::IngressPorts, {"install-port-number-invalid", {p.name, "port", number}}));
        if (p.targetPortName.empty() && p.targetPort > 65535) // 0: the same as the port
            problems.push_back(
                error(Field::IngressPorts,
                      {"install-port-number-invalid", {p.name, "targetPort", std::to_string(p.targetPort)}}));
        if (!isDnsLabel(p.name, 63))
            problems.push_back(error(Field::IngressPorts, {"install-port-name-invalid", {number, p.name}}));
        if (p.protocol != "TCP" && p.protocol != "UDP" && p.protocol != "SCTP")
            problems.push_back(
                error(Field::IngressPorts, {"install-port-protocol-invalid", {number, p.protocol}}));
        if (++seenPorts[p.port] == 2)
            problems.push_back(error(Field::IngressPorts, {"install-port-duplicate", {number}}));
        const auto [named, fresh] = seenNames.emplace(p.name, p.port);
        if (!fresh && !p.name.empty())
            problems.push_back(error(Field::IngressPorts, {"install-port-name-duplicate",
                                                           {p.name, std::to_string(named->second), number}}));
    }
    return problems;
}

std::vector<std::string> documentNamespaces(const ResourceSet &set, const std::string &istioNamespace)
{
    std::set<std::string> found;
    for (const Resource &r : set.resources) {
        if (r.kind == Kind::Namespace)
            continue;
        if (r.kind == Kind::Other && r.namespace_.empty())
            continue; // may be cluster-scoped: only a namespace written counts
        const std::string &ns = r.effectiveNamespace(set.defaultNamespace);
        if (!ns.empty() && ns != istioNamespace)
            found.insert(ns);
    }
    return {found.begin(), found.end()};
}

InstallConfig buildInstallConfig(const InstallOptions &options, const std::vector<std::string> &namespaces)
{
    InstallConfig config;
    std::vector<std::string> &notes = config.notes;
    notes.push_back("Istio install configuration from meshroute install-config (Istio 1.30).");
    notes.push_back(
        "Each section below is one file: save it under its name, apply it with its command, in order.");
    if (options.format == Format::Helm) {
        notes.push_back(
            "Helm: first the CRDs and cluster roles, from the base chart (it needs no values here):");
        notes.push_back("  helm repo add istio https://istio-release.storage.googleapis.com/charts");
        notes.push_back("  helm install " + options.release + "-base istio/base -n " +
                        options.istioNamespace + " --create-namespace");
        config.sections = helmSections(options);
        notes.push_back("The gateway release is named " + std::string(kGatewayName) +
                        ", so its pods carry istio=ingressgateway, the label the Gateways select.");
    } else {
        config.sections.push_back(operatorSection(options));
    }
    if (options.ingressPorts.empty())
        notes.push_back("Ingress gateway Service ports: the defaults are kept.");
    else
        notes.push_back("Ingress gateway Service ports (the list replaces the defaults): " +
                        portList(options.ingressPorts) + ".");

    switch (options.injection) {
    case Injection::Labels:
        if (namespaces.empty())
            notes.push_back("Sidecar injection by namespace label: the routing uses no namespace besides " +
                            options.istioNamespace +
                            ", so none is labelled; label yours with istio-injection=enabled.");
        else
            config.sections.push_back(namespaceSection(namespaces));
        break;
    case Injection::Default:
        notes.push_back("Sidecar injection in every namespace not labelled istio-injection=disabled "
                        "(sidecarInjectorWebhook.enableNamespacesByDefault).");
        break;
    case Injection::Off:
        notes.push_back(
            "Sidecar injection: not configured; pods get a sidecar only where their namespace or they ask.");
        break;
    }
    if (!options.tracingEndpoint.empty())
        config.sections.push_back(telemetrySection(options));
    if (!trim(options.excludeIPRanges).empty())
        notes.push_back(
            "Outbound traffic to the ranges bypassed (excludeIPRanges) is not intercepted, even where it is "
            "also in the ranges to intercept: bypass wins.");

    if (!options.addons.empty()) {
        notes.push_back(
            "Addons: Istio no longer installs Prometheus, Grafana or Kiali (not since 1.7); apply "
            "the manifests in samples/addons/ of the Istio release:");
        for (const std::string_view addon : kAddons)
            if (std::find(options.addons.begin(), options.addons.end(), addon) != options.addons.end())
                notes.push_back("  kubectl apply -f samples/addons/" + std::string(addon) + ".yaml");
        if (std::find(options.addons.begin(), options.addons.end(), "kiali") != options.addons.end())
            notes.push_back("Kiali logs in with a token or anonymously, not with a user name and password.");
    }
    return config;
}

std::string render(const InstallConfig &config)
{
    std::string out;
    for (const std::string &note : config.notes)
        out += "# " + note + "\n";
    for (const InstallSection &section : config.sections) {
        out += "\n# ---- " + section.file + ": " + section.command + "\n---\n";
        out += section.yaml;
    }
    return out;
}

std::vector<ServicePortSpec> ingressPortsToInstall(const ResourceSet &set, Format format)
{
    const IngressGateway ingress =
        resolveIngress(set, format == Format::Helm ? IngressChoice::Helm : IngressChoice::Default);
    if (missingIngressPorts(set, ingress).empty())
        return {};
    return ingressServicePorts(set, ingress);
}

} // namespace meshroute::install
