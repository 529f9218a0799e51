#pragma once

// The routing view of a set: the one place that says what routing reads. A configuration written
// (partly) with the Gateway API routes as the classic resources Istio generates from it
// (translate.h), so routing::bindGateways, compile() and the views that draw their answers read
// this view, never the raw set, and never translate again on their own:
//
//     const gatewayapi::RoutingView view(set);
//     const routing::GatewayBinding b = routing::bindGateways(view.set(), workload);
//     if (const gatewayapi::Origin *o = view.origin(b.servers[0].gateway)) ... // a Gateway API listener
//
// Indices below userResources() are the user's resources (the same as in `set`); the rest are
// generated, each with its Origin. Without generated resources set() is `set` itself (no copy), so
// the view must not outlive `set`. Built once per call of compile() (or per edit, by a view).

#include "gatewayapi/translate.h"

#include <optional>

namespace meshroute::gatewayapi {

class RoutingView
{
public:
    explicit RoutingView(const ResourceSet &set, const Options &options = {});

    const ResourceSet &set() const { return m_view ? *m_view : *m_user; }
    const ResourceSet &userSet() const { return *m_user; }
    const Translation &translation() const { return m_translation; }
    std::size_t userResources() const { return m_user->resources.size(); }
    bool generated(std::size_t resource) const { return resource >= userResources(); }
    // The origin of a generated resource (an index into set().resources); null for the user's own.
    const Origin *origin(std::size_t resource) const;

private:
    const ResourceSet *m_user;
    Translation m_translation;
    std::optional<ResourceSet> m_view;
};

} // namespace meshroute::gatewayapi
