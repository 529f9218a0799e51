// DestinationRules against what they configure.
//  - IST0174: the host matches no Service or ServiceEntry of the input.
//  - IST0173: a subset whose labels (together with the Service's selector) select
//    no workload: Deployments' pod templates, Pods, WorkloadEntries, or a
//    ServiceEntry's endpoints. Routing to it fails (503 UH in Istio, a refused
//    connection at the local gateway).
// Wildcard hosts are left alone: they may be meant for hosts outside the input.

#include "analysis/checks.h"

#include <algorithm>

namespace meshroute::analysis {
namespace {

struct Backends
{
    const Resource *owner = nullptr;       // the Service or ServiceEntry
    const Labels *selector = nullptr;      // its selector, if it has one
    std::vector<const Labels *> workloads; // the candidates a subset narrows
};

bool serviceBackends(const Context &context, const Resource &service, Backends &out)
{
    const auto *spec = service.as<ServiceSpec>();
    out.owner = &service;
    if (!spec || spec->selector.empty())
        return false; // endpoints managed by hand: nothing to compare with
    out.selector = &spec->selector;
    for (const Workload *w : context.workloads(spec->selector, context.ns(service), false))
        out.workloads.push_back(w->labels);
    return true;
}

bool entryBackends(const Context &context, const Resource &entry, Backends &out)
{
    const auto *spec = entry.as<ServiceEntrySpec>();
    out.owner = &entry;
    if (spec->workloadSelector) {
        out.selector = &*spec->workloadSelector;
        for (const Workload *w : context.workloads(*spec->workloadSelector, context.ns(entry), false))
            out.workloads.push_back(w->labels);
        return true;
    }
    if (spec->endpoints.empty())
        return false; // resolved by DNS or by address: no labels to select
    for (const WorkloadEntrySpec &e : spec->endpoints)
        out.workloads.push_back(&e.labels);
    return true;
}

} // namespace

void checkDestinationRules(Context &context)
{
    for (const Resource &r : context.set.resources) {
        const auto *dr = r.as<DestinationRuleSpec>();
        if (!dr || dr->host.empty())
            continue;
        const std::string &drNs = context.ns(r);
        const std::string fqdn = qualifyHost(dr->host, drNs);
        if (fqdn.front() == '*')
            continue;

        Backends backends;
        bool known = false;
        bool comparable = false;
        if (const Resource *service = context.serviceForHost(fqdn)) {
            known = true;
            comparable = serviceBackends(context, *service, backends);
        } else {
            // ServiceEntries anywhere: a DestinationRule configures the host for its own consumers.
            std::vector<const Resource *> entries = context.serviceEntriesForHost(fqdn, "");
            if (entries.empty())
                entries = context.serviceEntriesForHost(dr->host, "");
            if (!entries.empty()) {
                known = true;
                comparable = entryBackends(context, *entries.front(), backends);
            }
        }

        if (!known) {
            context.report(r, Severity::Warning, codes::UnknownDestinationRuleHost,
                           dr->hostPosition.known() ? dr->hostPosition : r.position,
                           fqdn != dr->host
                               ? Message{"dr-host-unknown-qualified",
                                         {dr->host, context.ref(r), fqdn, context.expansionHint(dr->host)}}
                               : Message{"dr-host-unknown",
                                         {dr->host, context.ref(r), context.expansionHint(dr->host)}});
            continue;
        }
        if (!comparable)
            continue;

        for (std::size_t i = 0; i < dr->subsets.size(); ++i) {
            const Subset &subset = dr->subsets[i];
            const bool selectsSome =
                std::any_of(backends.workloads.begin(), backends.workloads.end(),
                            [&](const Labels *labels) { return selects(subset.labels, *labels); });
            if (selectsSome)
                continue;
            const std::string owner =
                std::string(meshroute::kindName(backends.owner->kind)) + " " + context.ref(*backends.owner);
            MessageArg why;
            if (backends.workloads.empty() && backends.selector)
                why = MessageArg::fragmentOf("fragment-no-workload-selector",
                                             {owner, labelsText(*backends.selector)});
            else if (backends.workloads.empty())
                why = MessageArg::fragmentOf("fragment-no-workload", {owner});
            else
                why =
                    MessageArg::fragmentOf("fragment-no-workload-labels", {owner, labelsText(subset.labels)});
            context.report(r, Severity::Error, codes::DestinationRuleSubsetNotSelectPods,
                           context.at(r, {"spec", "subsets", i, "name"}, subset.position),
                           Message{"subset-selects-no-workload", {subset.name, context.ref(r), why}});
        }
    }
}

} // namespace meshroute::analysis
