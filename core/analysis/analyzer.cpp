#include "analysis/analyzer.h"

#include "analysis/checks.h"

#include <algorithm>
#include <map>

namespace meshroute {

Diagnostics analyze(const ResourceSet &set, const AnalysisOptions &options)
{
    Diagnostics out;
    analysis::Context context(set, options, out);

    analysis::checkDuplicateNames(context);
    analysis::checkGatewayBindings(context);
    analysis::checkDestinations(context);
    analysis::checkRules(context);
    analysis::checkConflictingGateways(context);
    analysis::checkIngressServicePorts(context);
    analysis::checkPortsWithoutRoute(context);
    analysis::checkDestinationRules(context);
    analysis::checkServicePortNames(context);

    // Reading order: files as loaded, then line and column; findings without a file last.
    std::map<std::string, std::size_t> fileOrder;
    for (std::size_t i = 0; i < set.files.size(); ++i)
        fileOrder.emplace(set.files[i].path, i);
    const auto rank = [&](const Diagnostic &d) {
        const auto it = fileOrder.find(d.file);
        return it == fileOrder.end() ? set.files.size() : it->second;
    };
    std::stable_sort(out.begin(), out.end(), [&](const Diagnostic &a, const Diagnostic &b) {
        const std::size_t ra = rank(a);
        const std::size_t rb = rank(b);
        if (ra != rb)
            return ra < rb;
        if (a.position.line != b.position.line)
            return a.position.line < b.position.line;
        return a.position.column < b.position.column;
    });
    return out;
}

} // namespace meshroute
