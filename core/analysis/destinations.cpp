// Where a VirtualService sends traffic: every route destination and HTTP mirror of
// its http, tcp and tls rules.
//  - IST0101: a subset no DestinationRule for the host defines (Istio's
//    DestinationRuleAnalyzer: "host+subset" / "mirror+subset"), and a port the
//    destination's Service or ServiceEntry does not have ("host:port").
//  - IST0112: no port, but the Service has several.
//  - MR0009: weights that do not total 100 (Istio <= 1.14 rejected them; a
//    total of 0 over several destinations every Istio rejects, so that is an error).
// A host that is neither a Service nor a ServiceEntry of the input is not reported:
// it may live in the cluster, outside the files analysed.

#include "analysis/checks.h"

#include <algorithm>
#include <numeric>

namespace meshroute::analysis {
namespace {

struct DestinationRef
{
    const Destination &destination;
    bool mirror = false;
    Path path; // to the destination mapping
};

struct RuleRef
{
    MessageArg name; // "tcp rule #0", "http rule \"reviews\"" (fragment-rule-index, fragment-rule-named)
    const std::vector<RouteDestination> &route;
    Path path; // to the rule
};

MessageArg ruleName(const char *family, std::size_t index, const std::string &name = {})
{
    return name.empty() ? MessageArg::fragmentOf("fragment-rule-index", {family, std::to_string(index)})
                        : MessageArg::fragmentOf("fragment-rule-named", {family, name});
}

std::vector<RuleRef> rulesOf(const VirtualServiceSpec &vs)
{
    std::vector<RuleRef> out;
    for (std::size_t i = 0; i < vs.http.size(); ++i)
        out.push_back({ruleName("http", i, vs.http[i].name), vs.http[i].route, {"spec", "http", i}});
    for (std::size_t i = 0; i < vs.tls.size(); ++i)
        out.push_back({ruleName("tls", i), vs.tls[i].route, {"spec", "tls", i}});
    for (std::size_t i = 0; i < vs.tcp.size(); ++i)
        out.push_back({ruleName("tcp", i), vs.tcp[i].route, {"spec", "tcp", i}});
    return out;
}

std::vector<DestinationRef> destinationsOf(const Resource &r, const VirtualServiceSpec &vs)
{
    std::vector<DestinationRef> out;
    for (const RuleRef &rule : rulesOf(vs)) {
        for (std::size_t j = 0; j < rule.route.size(); ++j) {
            Path path = rule.path;
            path.insert(path.end(), {"route", j, "destination"});
            out.push_back({rule.route[j].destination, false, std::move(path)});
        }
    }
    if (vs.http.empty())
        return out;
    const YAML::Node http = child(child(r.node, "spec"), "http");
    for (std::size_t i = 0; i < vs.http.size(); ++i) {
        // HttpRoute::mirrors holds `mirror` (when present) and then every `mirrors[].destination`.
        const bool single = http.IsSequence() && i < http.size() && child(http[i], "mirror").IsMap();
        for (std::size_t k = 0; k < vs.http[i].mirrors.size(); ++k) {
            Path path{"spec", "http", i};
            if (single && k == 0)
                path.push_back("mirror");
            else
                path.insert(path.end(), {"mirrors", single ? k - 1 : k, "destination"});
            out.push_back({vs.http[i].mirrors[k], true, std::move(path)});
        }
    }
    return out;
}

bool definesSubset(const Resource &dr, const std::string &subset)
{
    const auto &subsets = dr.as<DestinationRuleSpec>()->subsets;
    return std::any_of(subsets.begin(), subsets.end(), [&](const Subset &s) { return s.name == subset; });
}

void checkSubset(Context &context, const Resource &vs, const DestinationRef &ref)
{
    const Destination &d = ref.destination;
    if (d.subset.empty() || d.host.empty())
        return;
    const std::string &vsNs = context.ns(vs);
    const std::string fqdn = qualifyHost(d.host, vsNs);
    const std::vector<const Resource *> rules = context.destinationRulesFor(fqdn);
    const Resource *visibleRule = nullptr;
    const Resource *hiddenDefinition = nullptr;
    for (const Resource *dr : rules) {
        const bool visible = exportedTo(dr->as<DestinationRuleSpec>()->exportTo, context.ns(*dr), vsNs);
        if (visible && definesSubset(*dr, d.subset))
            return;
        if (visible && !visibleRule)
            visibleRule = dr;
        if (!visible && !hiddenDefinition && definesSubset(*dr, d.subset))
            hiddenDefinition = dr;
    }
    const MessageArg kind = MessageArg::fragmentOf(ref.mirror ? "fragment-mirror-subset" : "fragment-subset");
    const Position where = d.subsetPosition.known() ? d.subsetPosition : d.position;
    Message message;
    if (hiddenDefinition) {
        message = {"subset-not-exported", {kind, d.subset, context.ref(*hiddenDefinition), vsNs}};
    } else if (visibleRule) {
        std::vector<std::string> names;
        for (const Subset &s : visibleRule->as<DestinationRuleSpec>()->subsets)
            names.push_back(s.name);
        message =
            names.empty()
                ? Message{"subset-not-defined-none", {kind, d.subset, context.ref(*visibleRule)}}
                : Message{"subset-not-defined", {kind, d.subset, context.ref(*visibleRule), joined(names)}};
    } else {
        message = {"subset-host-without-rule", {kind, d.subset, d.host, fqdn, context.expansionHint(d.host)}};
    }
    context.report(vs, Severity::Error, codes::ReferencedResourceNotFound, where, std::move(message));
}

// The Service or ServiceEntry behind a destination host, if the input has one, and its ports.
const Resource *portsOfHost(const Context &context, const std::string &host, const std::string &fromNamespace,
                            std::vector<std::uint32_t> &ports)
{
    if (const Resource *service = context.serviceForHost(qualifyHost(host, fromNamespace))) {
        for (const ServicePort &p : service->as<ServiceSpec>()->ports)
            ports.push_back(p.port);
        return service;
    }
    const std::vector<const Resource *> entries = context.serviceEntriesForHost(host, fromNamespace);
    if (entries.empty())
        return nullptr;
    for (const IstioPort &p : entries.front()->as<ServiceEntrySpec>()->ports)
        ports.push_back(p.number);
    return entries.front();
}

std::string portsText(const std::vector<std::uint32_t> &ports)
{
    std::vector<std::string> items;
    for (std::uint32_t p : ports)
        items.push_back(std::to_string(p));
    return joined(items);
}

void checkPort(Context &context, const Resource &vs, const DestinationRef &ref)
{
    const Destination &d = ref.destination;
    std::vector<std::uint32_t> ports;
    const Resource *target = d.host.empty() ? nullptr : portsOfHost(context, d.host, context.ns(vs), ports);
    if (!target)
        return;
    const auto owner = [&] {
        return std::string(meshroute::kindName(target->kind)) + " " + context.ref(*target);
    };
    if (!d.port) {
        if (ports.size() > 1) {
            context.report(
                vs, Severity::Error, codes::DestinationPortRequired, d.position,
                Message{"destination-port-required",
                        {MessageArg::fragmentOf(ref.mirror ? "fragment-mirror" : "fragment-destination"),
                         d.host, owner(), portsText(ports)}});
        }
        return;
    }
    if (ports.empty() || std::find(ports.begin(), ports.end(), *d.port) != ports.end())
        return;
    Path path = ref.path;
    path.insert(path.end(), {"port", "number"});
    context.report(
        vs, Severity::Error, codes::ReferencedResourceNotFound, context.at(vs, path, d.position),
        Message{"destination-port-not-found", {std::to_string(*d.port), d.host, owner(), portsText(ports)}});
}

void checkWeights(Context &context, const Resource &vs, const RuleRef &rule)
{
    const auto &route = rule.route;
    if (route.size() == 1) {
        const RouteDestination &only = route.front();
        if (only.weight && *only.weight != 100) {
            context.report(vs, Severity::Warning, codes::WeightsNotHundred,
                           only.weightPosition.known() ? only.weightPosition : only.position,
                           Message{"weight-single-not-100", {rule.name, std::to_string(*only.weight)}});
        }
        return;
    }
    if (route.size() < 2)
        return;
    const std::int64_t total = std::accumulate(
        route.begin(), route.end(), std::int64_t{0},
        [](std::int64_t sum, const RouteDestination &rd) { return sum + rd.weight.value_or(0); });
    if (total == 100)
        return;
    Position where = route.front().position;
    for (const RouteDestination &rd : route) {
        if (rd.weightPosition.known()) {
            where = rd.weightPosition;
            break;
        }
    }
    if (total == 0) {
        // Every Istio version rejects this one: there is nowhere to send traffic.
        context.report(vs, Severity::Error, codes::WeightsNotHundred, where,
                       Message{"weights-all-zero", {std::to_string(route.size()), rule.name}});
        return;
    }
    context.report(
        vs, Severity::Warning, codes::WeightsNotHundred, where,
        Message{"weights-not-100", {std::to_string(route.size()), rule.name, std::to_string(total)}});
}

} // namespace

void checkDestinations(Context &context)
{
    for (const Resource &r : context.set.resources) {
        const auto *vs = r.as<VirtualServiceSpec>();
        if (!vs)
            continue;
        for (const DestinationRef &ref : destinationsOf(r, *vs)) {
            checkSubset(context, r, ref);
            checkPort(context, r, ref);
        }
        for (const RuleRef &rule : rulesOf(*vs))
            checkWeights(context, r, rule);
    }
}

} // namespace meshroute::analysis
