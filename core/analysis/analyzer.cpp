#include "analysis/analyzer.h"

#include "analysis/checks.h"
#include "gatewayapi/translate.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

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
    // The Gateway API's verdicts: what Istio would write into the resources' status.
    gatewayapi::Options gatewayApi;
    gatewayApi.target = options.gatewayApiTarget;
    for (Diagnostic &d : gatewayapi::translate(set, gatewayApi).diagnostics)
        out.push_back(std::move(d));

    // Reading order: files as loaded, then line and column; findings without a file last.
    // Each finding's file rank is looked up once, not in every comparison.
    std::unordered_map<std::string_view, std::size_t> fileOrder;
    for (std::size_t i = 0; i < set.files.size(); ++i)
        fileOrder.emplace(set.files[i].path, i);
    struct Key
    {
        std::size_t file;
        int line;
        int column;
        std::size_t index;
    };
    std::vector<Key> keys;
    keys.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto it = fileOrder.find(out[i].file);
        keys.push_back({it == fileOrder.end() ? set.files.size() : it->second, out[i].position.line,
                        out[i].position.column, i});
    }
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return std::tie(a.file, a.line, a.column, a.index) < std::tie(b.file, b.line, b.column, b.index);
    });
    Diagnostics sorted;
    sorted.reserve(out.size());
    for (const Key &k : keys)
        sorted.push_back(std::move(out[k.index]));
    return sorted;
}

} // namespace meshroute
