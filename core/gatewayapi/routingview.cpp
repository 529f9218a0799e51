#include "gatewayapi/routingview.h"

namespace meshroute::gatewayapi {

RoutingView::RoutingView(const ResourceSet &set, const Options &options)
    : m_user(&set)
    , m_translation(translate(set, options))
{
    if (!m_translation.classic.empty())
        m_view = classicView(set, m_translation);
}

const Origin *RoutingView::origin(std::size_t resource) const
{
    if (!generated(resource))
        return nullptr;
    const std::size_t i = resource - userResources();
    return i < m_translation.origins.size() ? &m_translation.origins[i] : nullptr;
}

} // namespace meshroute::gatewayapi
