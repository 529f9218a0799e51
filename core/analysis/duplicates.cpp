// MR0008: two resources of one kind with one namespace/name. kubectl keeps only
// the last one applied, and every name lookup here would see only the first.

#include "analysis/checks.h"

#include <map>
#include <tuple>

namespace meshroute::analysis {

void checkDuplicateNames(Context &context)
{
    using Key = std::tuple<std::string, std::string, std::string, std::string>; // group, kind, ns, name
    std::map<Key, const Resource *> first;
    for (const Resource &r : context.set.resources) {
        if (r.name.empty() || r.kindName.empty())
            continue;
        const std::string group =
            r.apiVersion.substr(0, r.apiVersion.find('/') == std::string::npos ? 0 : r.apiVersion.find('/'));
        const std::string ns = r.kind == Kind::Namespace ? std::string() : context.ns(r);
        const auto [it, inserted] = first.emplace(Key{group, r.kindName, ns, r.name}, &r);
        if (inserted)
            continue;
        const Resource &earlier = *it->second;
        std::string where = context.set.fileOf(earlier);
        if (earlier.position.known())
            where += (where.empty() ? "line " : ":") + std::to_string(earlier.position.line);
        context.report(r, Severity::Error, codes::DuplicateName,
                       context.at(r, {"metadata", "name"}, r.position),
                       context.display(r) + " is defined twice (first at " + where +
                           "); kubectl would keep only the last one");
    }
}

} // namespace meshroute::analysis
