// MR0008: two resources of one kind with one namespace/name. kubectl keeps only
// the last one applied, and every name lookup here would see only the first.

#include "analysis/checks.h"

#include <string_view>
#include <unordered_map>

namespace meshroute::analysis {

void checkDuplicateNames(Context &context)
{
    // Group (without version), kind, namespace, name; views into the resources.
    std::unordered_map<ViewKey<4>, const Resource *, ViewKeyHash> first;
    first.reserve(context.set.resources.size());
    for (const Resource &r : context.set.resources) {
        if (r.name.empty() || r.kindName.empty())
            continue;
        const std::string_view api = r.apiVersion;
        const std::string_view group =
            api.substr(0, api.find('/') == std::string_view::npos ? 0 : api.find('/'));
        const std::string_view ns = r.kind == Kind::Namespace ? std::string_view() : context.ns(r);
        const auto [it, inserted] = first.emplace(ViewKey<4>{{group, r.kindName, ns, r.name}, 0}, &r);
        if (inserted)
            continue;
        const Resource &earlier = *it->second;
        const std::string file = context.set.fileOf(earlier);
        MessageArg where = file;
        if (earlier.position.known())
            where = file.empty()
                        ? MessageArg::fragmentOf("fragment-line", {std::to_string(earlier.position.line)})
                        : MessageArg(file + ":" + std::to_string(earlier.position.line));
        context.report(r, Severity::Error, codes::DuplicateName,
                       context.at(r, {"metadata", "name"}, r.position),
                       Message{"duplicate-resource", {context.display(r), where}});
    }
}

} // namespace meshroute::analysis
