#include "routing/selectors.h"

#include <algorithm>

namespace meshroute::routing {

bool selects(const Labels &selector, const Labels &labels)
{
    return std::all_of(selector.begin(), selector.end(), [&](const auto &pair) {
        const auto it = labels.find(pair.first);
        return it != labels.end() && it->second == pair.second;
    });
}

bool serviceSelects(const ServiceSpec &service, const Labels &podLabels)
{
    return !service.selector.empty() && selects(service.selector, podLabels);
}

bool gatewaySelects(const GatewaySpec &gateway, const Labels &workloadLabels)
{
    return selects(gateway.selector, workloadLabels);
}

} // namespace meshroute::routing
