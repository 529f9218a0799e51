#include "analysis/context.h"

#include <algorithm>
#include <cctype>

namespace meshroute::analysis {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

const std::vector<const Resource *> kNone;

} // namespace

Context::Context(const ResourceSet &set_, const AnalysisOptions &options_, Diagnostics &out)
    : set(set_)
    , options(options_)
    , m_out(out)
    , m_byKind(static_cast<std::size_t>(Kind::Other) + 1)
{
    m_byName.reserve(set.resources.size());
    for (const Resource &r : set.resources) {
        m_byKind[static_cast<std::size_t>(r.kind)].push_back(&r);
        m_byName.emplace(ViewKey<2>{{ns(r), r.name}, static_cast<std::size_t>(r.kind)}, &r);

        if (const auto *deployment = r.as<DeploymentSpec>())
            m_workloads.push_back({&r, ns(r), &deployment->podLabels});
        else if (const auto *entry = r.as<WorkloadEntrySpec>(); entry && r.kind == Kind::WorkloadEntry)
            m_workloads.push_back({&r, ns(r), &entry->labels});
        else if (r.kind == Kind::Other && r.kindName == "Pod" && r.apiVersion == "v1")
            m_workloads.push_back({&r, ns(r), &r.labels});

        if (const auto *vs = r.as<VirtualServiceSpec>(); vs && vs->gatewaysSet) {
            for (const std::string &g : vs->gateways) {
                if (isMeshGateway(g))
                    continue;
                auto &bound = m_bound[resolveGatewayRef(g, ns(r))];
                if (bound.empty() || bound.back() != &r)
                    bound.push_back(&r);
            }
        }
        if (const auto *dr = r.as<DestinationRuleSpec>(); dr && !dr->host.empty()) {
            const std::string host = qualifyHost(dr->host, ns(r));
            if (host.front() == '*')
                m_wildcardRules.emplace_back(host, &r);
            else
                m_rulesByHost[host].push_back(&r);
        }
        if (const auto *se = r.as<ServiceEntrySpec>()) {
            for (const std::string &h : se->hosts) {
                const std::string host = lower(h);
                if (!host.empty() && host.front() == '*')
                    m_wildcardEntries.emplace_back(host, &r);
                else
                    m_entriesByHost[host].push_back(&r);
            }
        }
    }
    m_workloads.push_back({nullptr, "", &options.gatewayLabels});
    for (std::size_t i = 0; i < m_workloads.size(); ++i) {
        for (const auto &[key, value] : *m_workloads[i].labels)
            m_workloadsByLabel[ViewKey<2>{{key, value}, 0}].push_back(i);
    }
}

const Resource *Context::find(Kind kind, std::string_view ns_, std::string_view name) const
{
    const std::string_view wanted = ns_.empty() ? std::string_view(set.defaultNamespace) : ns_;
    const auto it = m_byName.find(ViewKey<2>{{wanted, name}, static_cast<std::size_t>(kind)});
    return it == m_byName.end() ? nullptr : it->second;
}

const std::vector<const Resource *> &Context::ofKind(Kind kind) const
{
    return m_byKind[static_cast<std::size_t>(kind)];
}

const std::vector<const Resource *> &Context::boundTo(const QualifiedName &gateway) const
{
    const auto it = m_bound.find(gateway);
    return it == m_bound.end() ? kNone : it->second;
}

std::vector<const Resource *> Context::destinationRulesFor(const std::string &fqdn) const
{
    if (const auto it = m_rulesByHost.find(fqdn); it != m_rulesByHost.end())
        return it->second;
    std::vector<const Resource *> out;
    std::size_t longest = 0;
    for (const auto &[pattern, dr] : m_wildcardRules) {
        if (!hostMatches(pattern, fqdn) || pattern.size() < longest)
            continue;
        if (pattern.size() > longest)
            out.clear();
        longest = pattern.size();
        out.push_back(dr);
    }
    return out;
}

std::vector<const Workload *> Context::workloads(const Labels &selector, const std::string &ns_,
                                                 bool withIngress) const
{
    const std::size_t count = withIngress ? m_workloads.size() : m_workloads.size() - 1;
    const auto admit = [&](const Workload &w) {
        return !w.resource ? withIngress : (ns_.empty() || w.ns == ns_);
    };
    std::vector<const Workload *> out;
    if (selector.empty()) {
        for (std::size_t i = 0; i < count; ++i) {
            if (admit(m_workloads[i]))
                out.push_back(&m_workloads[i]);
        }
        return out;
    }
    // Candidates: the workloads carrying the selector's rarest label.
    const std::vector<std::size_t> *candidates = nullptr;
    for (const auto &[key, value] : selector) {
        const auto it = m_workloadsByLabel.find(ViewKey<2>{{key, value}, 0});
        if (it == m_workloadsByLabel.end())
            return out;
        if (!candidates || it->second.size() < candidates->size())
            candidates = &it->second;
    }
    for (std::size_t i : *candidates) {
        const Workload &w = m_workloads[i];
        if (i < count && admit(w) && selects(selector, *w.labels))
            out.push_back(&w);
    }
    return out;
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
                     Message message)
{
    if (!position.known())
        position = resource.position;
    m_out.push_back(makeDiagnostic(severity, code, std::move(message), set.fileOf(resource), position,
                                   resource.ref(set.defaultNamespace)));
}

Position Context::at(const Resource &resource, const Path &path, Position fallback, bool key) const
{
    return positionAt(resource, path, fallback, key);
}

const Resource *Context::serviceForHost(const std::string &fqdn) const
{
    std::string name;
    std::string serviceNs;
    if (!splitServiceHost(fqdn, name, serviceNs))
        return nullptr;
    return find(Kind::Service, serviceNs, name);
}

MessageArg Context::expansionHint(const std::string &host) const
{
    const std::string h = lower(host);
    const auto dot = h.find('.');
    if (dot == std::string::npos || dot == 0 || h.find('.', dot + 1) != std::string::npos ||
        dot + 1 == h.size())
        return {};
    if (!find(Kind::Service, h.substr(dot + 1), h.substr(0, dot)))
        return {};
    return MessageArg::fragmentOf("fragment-expansion-hint", {h + "." + std::string(kClusterDomain), host});
}

std::vector<const Resource *> Context::serviceEntriesForHost(const std::string &host,
                                                             const std::string &fromNamespace) const
{
    std::vector<const Resource *> out;
    const auto visible = [&](const Resource *r) {
        return fromNamespace.empty() ||
               exportedTo(r->as<ServiceEntrySpec>()->exportTo, ns(*r), fromNamespace);
    };
    const auto add = [&](const Resource *r) {
        if (visible(r) && std::find(out.begin(), out.end(), r) == out.end())
            out.push_back(r);
    };
    std::vector<std::string> names{lower(host)};
    if (!fromNamespace.empty() && qualifyHost(host, fromNamespace) != names.front())
        names.push_back(qualifyHost(host, fromNamespace));
    for (const std::string &name : names) {
        if (const auto it = m_entriesByHost.find(name); it != m_entriesByHost.end()) {
            for (const Resource *r : it->second)
                add(r);
        }
        for (const auto &[pattern, r] : m_wildcardEntries) {
            if (hostMatches(pattern, name))
                add(r);
        }
    }
    return out;
}

YAML::Node child(const YAML::Node &node, const char *key)
{
    if (!node.IsDefined() || !node.IsMap())
        return YAML::Node();
    for (const auto &entry : node) {
        if (entry.first.IsScalar() && entry.first.Scalar() == key)
            return entry.second;
    }
    return YAML::Node();
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

} // namespace meshroute::analysis
