#include "analysis/context.h"

#include <algorithm>
#include <cctype>

namespace meshroute::analysis {

Context::Context(const ResourceSet &set_, const AnalysisOptions &options_, Diagnostics &out)
    : set(set_)
    , options(options_)
    , m_out(out)
{
    for (const Resource &r : set.resources) {
        if (const auto *deployment = r.as<DeploymentSpec>())
            m_workloads.push_back({&r, ns(r), &deployment->podLabels});
        else if (const auto *entry = r.as<WorkloadEntrySpec>(); entry && r.kind == Kind::WorkloadEntry)
            m_workloads.push_back({&r, ns(r), &entry->labels});
        else if (r.kind == Kind::Other && r.kindName == "Pod" && r.apiVersion == "v1")
            m_workloads.push_back({&r, ns(r), &r.labels});
    }
    m_withIngress = m_workloads;
    m_withIngress.push_back({nullptr, "", &options.gatewayLabels});
}

const std::string &Context::ns(const Resource &resource) const
{
    return resource.effectiveNamespace(set.defaultNamespace);
}

std::string Context::display(const Resource &resource) const
{
    return resource.displayName(set.defaultNamespace);
}

std::string Context::ref(const Resource &resource) const
{
    return ns(resource) + "/" + resource.name;
}

void Context::report(const Resource &resource, Severity severity, const char *code, Position position,
                     std::string message)
{
    if (!position.known())
        position = resource.position;
    m_out.push_back({severity, code, std::move(message), set.fileOf(resource), position, display(resource)});
}

Position Context::at(const Resource &resource, const Path &path, Position fallback, bool key) const
{
    // The parser placed the document's root at resource.position; yaml-cpp's marks
    // are relative to the text it was given, so the difference is the offset.
    const YAML::Node &root = resource.node;
    if (!root.IsDefined() || !resource.position.known() || root.Mark().line < 0)
        return fallback;
    const int offset = resource.position.line - 1 - root.Mark().line;

    // Walk with reset(), never operator=: assigning a yaml-cpp node rewrites the node it refers to.
    YAML::Node node;
    node.reset(root);
    YAML::Node keyNode;
    bool lastIsKey = false;
    for (const PathStep &step : path) {
        const YAML::Node current = node;
        if (step.key) {
            if (!current.IsMap())
                return fallback;
            bool found = false;
            for (const auto &entry : current) {
                if (entry.first.IsScalar() && entry.first.Scalar() == step.key) {
                    keyNode.reset(entry.first);
                    lastIsKey = true;
                    node.reset(entry.second);
                    found = true;
                    break;
                }
            }
            if (!found)
                return fallback;
        } else {
            if (!current.IsSequence() || step.index >= current.size())
                return fallback;
            lastIsKey = false;
            node.reset(current[step.index]);
        }
    }
    const YAML::Node &target = key && lastIsKey ? keyNode : node;
    const YAML::Mark mark = target.Mark();
    if (mark.line < 0)
        return fallback;
    return {mark.line + 1 + offset, mark.column + 1};
}

const Resource *Context::gateway(const QualifiedName &name) const
{
    return set.find(Kind::Gateway, name.ns, name.name);
}

const Resource *Context::serviceForHost(const std::string &fqdn) const
{
    std::string name;
    std::string serviceNs;
    if (!splitServiceHost(fqdn, name, serviceNs))
        return nullptr;
    return set.find(Kind::Service, serviceNs, name);
}

std::vector<const Resource *> Context::serviceEntriesForHost(const std::string &host,
                                                             const std::string &fromNamespace) const
{
    std::vector<const Resource *> out;
    for (const Resource &r : set.resources) {
        const auto *entry = r.as<ServiceEntrySpec>();
        if (!entry || !exportedTo(entry->exportTo, ns(r), fromNamespace))
            continue;
        for (const std::string &h : entry->hosts) {
            if (hostMatches(h, host) || hostMatches(h, qualifyHost(host, fromNamespace))) {
                out.push_back(&r);
                break;
            }
        }
    }
    return out;
}

bool selects(const Labels &selector, const Labels &labels)
{
    return std::all_of(selector.begin(), selector.end(), [&](const auto &pair) {
        const auto it = labels.find(pair.first);
        return it != labels.end() && it->second == pair.second;
    });
}

std::string labelsText(const Labels &labels)
{
    std::string out;
    for (const auto &[key, value] : labels) {
        if (!out.empty())
            out += ',';
        out += key + "=" + value;
    }
    return out;
}

std::string quoted(const std::string &text)
{
    return "\"" + text + "\"";
}

std::string joined(const std::vector<std::string> &items, const char *separator)
{
    std::string out;
    for (const std::string &item : items) {
        if (!out.empty())
            out += separator;
        out += item;
    }
    return out;
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

bool serverAccepts(const Server &server, const std::string &gatewayNamespace,
                   const std::vector<std::string> &hosts, const std::string &vsNamespace)
{
    for (const std::string &value : server.hosts) {
        const GatewayHost gh = parseGatewayHost(value, gatewayNamespace);
        if (gh.ns != "*" && gh.ns != vsNamespace)
            continue;
        for (const std::string &host : hosts) {
            // Istio compares the hosts as written; a short name also matches its FQDN.
            if (hostsOverlap(gh.host, host) || hostsOverlap(gh.host, qualifyHost(host, vsNamespace)))
                return true;
        }
    }
    return false;
}

bool isHttpProtocol(const std::string &protocol)
{
    const std::string p = upper(protocol);
    return p == "HTTP" || p == "HTTP2" || p == "GRPC" || p == "GRPC-WEB";
}

} // namespace meshroute::analysis
