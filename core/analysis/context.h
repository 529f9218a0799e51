#pragma once

// What every check needs: the input, the options, where to report, and the
// lookups Istio's name resolution implies (gateways, services, workloads).

#include "analysis/analyzer.h"
#include "model/names.h"
#include "model/positions.h"
#include "routing/selectors.h"
#include "routing/servers.h"

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace meshroute::analysis {

using meshroute::Path; // model/positions.h
using meshroute::PathStep;

// Something that runs pods: a Deployment's pod template, a Pod, a WorkloadEntry,
// or the ingress gateway Meshroute assumes (AnalysisOptions::gatewayLabels).
struct Workload
{
    const Resource *resource = nullptr; // null for the assumed ingress gateway
    std::string ns;                     // unused for the assumed ingress gateway: any namespace
    const Labels *labels = nullptr;
};

// A few string views hashed together: index keys that point into the resources
// (which analysis never changes) instead of copying their strings.
template <std::size_t N> struct ViewKey
{
    std::array<std::string_view, N> parts;
    std::size_t tag = 0;
    friend bool operator==(const ViewKey &, const ViewKey &) = default;
};
struct ViewKeyHash
{
    template <std::size_t N> std::size_t operator()(const ViewKey<N> &key) const
    {
        std::size_t h = key.tag;
        for (std::string_view part : key.parts)
            h = h * 1000003u ^ std::hash<std::string_view>{}(part);
        return h;
    }
};

// Lookups are indexed once per analysis, so that every check stays close to
// linear in the number of resources (20,000 must analyse in well under a second).
class Context
{
public:
    Context(const ResourceSet &set, const AnalysisOptions &options, Diagnostics &out);

    const ResourceSet &set;
    const AnalysisOptions &options;

    const std::string &ns(const Resource &resource) const;
    std::string display(const Resource &resource) const; // "Kind ns/name"
    std::string ref(const Resource &resource) const;     // "ns/name"

    void report(const Resource &resource, Severity severity, const char *code, Position position,
                Message message);

    // The position of the value at `path` in the resource's document (or of the key
    // itself when `key` is true); `fallback` when the path does not exist or the node
    // has no position (a resource built in memory).
    Position at(const Resource &resource, const Path &path, Position fallback = {}, bool key = false) const;

    // The first resource of `kind` named ns/name (ResourceSet::find, indexed).
    const Resource *find(Kind kind, std::string_view ns, std::string_view name) const;
    const std::vector<const Resource *> &ofKind(Kind kind) const;
    const Resource *gateway(const QualifiedName &name) const
    {
        return find(Kind::Gateway, name.ns, name.name);
    }
    // VirtualServices whose top-level `gateways` name this Gateway.
    const std::vector<const Resource *> &boundTo(const QualifiedName &gateway) const;

    // The Kubernetes Service a fully qualified host names ("name.ns.svc.cluster.local").
    const Resource *serviceForHost(const std::string &fqdn) const;
    // ServiceEntries with a host matching `host` (exactly or by wildcard), visible from `fromNamespace`
    // (empty: from everywhere).
    std::vector<const Resource *> serviceEntriesForHost(const std::string &host,
                                                        const std::string &fromNamespace) const;
    // The DestinationRules that apply to `fqdn`: those for exactly that host or, when
    // there is none, the most specific wildcard ones, as Istio picks them.
    std::vector<const Resource *> destinationRulesFor(const std::string &fqdn) const;

    // For a host written "name.namespace" that names a Service of the input: a hint
    // that Istio does not expand that form ("; write name.namespace.svc.cluster.local,
    // Istio does not expand \"name.namespace\"": fragment "fragment-expansion-hint"), else "".
    MessageArg expansionHint(const std::string &host) const;

    // Pods, Deployments' pod templates and WorkloadEntries of the input (and, with
    // `withIngress`, the ingress gateway assumed to run with options.gatewayLabels) in
    // namespace `ns` (empty: any) whose labels match `selector`.
    std::vector<const Workload *> workloads(const Labels &selector, const std::string &ns,
                                            bool withIngress) const;

private:
    Diagnostics &m_out;
    std::vector<Workload> m_workloads; // the input's, then the assumed ingress gateway
    std::unordered_map<ViewKey<2>, std::vector<std::size_t>, ViewKeyHash> m_workloadsByLabel; // key, value
    std::unordered_map<ViewKey<2>, const Resource *, ViewKeyHash> m_byName; // tag: kind; ns, name
    std::vector<std::vector<const Resource *>> m_byKind;
    std::map<QualifiedName, std::vector<const Resource *>> m_bound;
    std::unordered_map<std::string, std::vector<const Resource *>> m_rulesByHost; // qualified host
    std::vector<std::pair<std::string, const Resource *>> m_wildcardRules;
    std::unordered_map<std::string, std::vector<const Resource *>> m_entriesByHost; // lower-case host
    std::vector<std::pair<std::string, const Resource *>> m_wildcardEntries;
};

// Small helpers shared by the checks.
// The value of `key` in mapping `node`, or a null node; never throws (yaml-cpp's
// operator[] throws on a missing parent).
YAML::Node child(const YAML::Node &node, const char *key);
// Label selection and server/host acceptance are core's routing rules (routing/).
using routing::isHttpProtocol;
using routing::selects;
using routing::serverAccepts;
std::string labelsText(const Labels &labels); // "app=tcp-echo,version=v1"
std::string quoted(const std::string &text);  // "\"text\""
std::string joined(const std::vector<std::string> &items, const char *separator = ", ");
std::string upper(std::string text);

} // namespace meshroute::analysis
