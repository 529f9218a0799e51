#include "editing/gatewayapiedits.h"

#include "model/gatewayapi.h"

#include <QCoreApplication>

namespace meshroute::studio::edits {

namespace {

// The window's context, as documentedits: the undo texts are the window's.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::MainWindow)
};

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

const Resource *resourceAt(const ResourceSet &set, int index)
{
    return index >= 0 && index < static_cast<int>(set.resources.size())
               ? &set.resources[static_cast<std::size_t>(index)]
               : nullptr;
}

YAML::Node backendNode(const RouteBackendRef &backend)
{
    YAML::Node node;
    node["name"] = backend.name;
    if (!backend.ns.empty())
        node["namespace"] = backend.ns;
    if (backend.port)
        node["port"] = *backend.port;
    if (backend.weight)
        node["weight"] = *backend.weight;
    return node;
}

// The apiVersion a new route of `kind` takes: that of a route of the kind already in the set,
// else what Istio 1.30 reads with Gateway API v1.5.1 (TCPRoute v1alpha2, TLSRoute v1).
std::string apiVersionFor(const ResourceSet &set, Kind kind)
{
    for (const Resource *r : set.ofKind(kind))
        if (const YAML::Node v = r->node["apiVersion"]; v && v.IsScalar())
            return v.Scalar();
    return std::string(kGatewayApiGroup) + (kind == Kind::TCPRoute ? "/v1alpha2" : "/v1");
}

// The Service a destination node shows, with its namespace and first port.
const Resource *serviceOf(const ResourceSet &set, const GraphNode &to)
{
    for (int index : to.resources)
        if (const Resource *r = resourceAt(set, index); r && r->kind == Kind::Service)
            return r;
    return nullptr;
}

} // namespace

bool isGatewayApiNode(const ResourceSet &set, const GraphNode &node)
{
    const Resource *r = resourceAt(set, node.resource);
    return r && (r->kind == Kind::KubeGateway || r->kind == Kind::TCPRoute || r->kind == Kind::TLSRoute) &&
           (node.kind == NodeKind::Gateway || node.kind == NodeKind::Route);
}

YAML::Node newL4Route(Kind kind, const std::string &apiVersion, const std::string &name,
                      const std::string &ns, const RouteParentRef &parent,
                      const std::vector<std::string> &hostnames, const RouteBackendRef &backend)
{
    YAML::Node node;
    node["apiVersion"] = apiVersion;
    node["kind"] = kind == Kind::TLSRoute ? "TLSRoute" : "TCPRoute";
    node["metadata"]["name"] = name;
    if (!ns.empty())
        node["metadata"]["namespace"] = ns;
    YAML::Node ref;
    ref["group"] = parent.group;
    ref["kind"] = parent.kind;
    ref["name"] = parent.name;
    if (!parent.ns.empty())
        ref["namespace"] = parent.ns;
    if (!parent.sectionName.empty())
        ref["sectionName"] = parent.sectionName;
    node["spec"]["parentRefs"].push_back(ref);
    for (const std::string &h : hostnames)
        node["spec"]["hostnames"].push_back(h);
    YAML::Node rule;
    rule["backendRefs"].push_back(backendNode(backend));
    node["spec"]["rules"].push_back(rule);
    return node;
}

YAML::Node withBackendSplit(const YAML::Node &route, const RouteBackendRef &backend)
{
    YAML::Node node = YAML::Clone(route);
    YAML::Node spec = node["spec"];
    YAML::Node rules = spec["rules"];
    if (!rules || !rules.IsSequence() || rules.size() == 0) {
        YAML::Node rule;
        rule["backendRefs"] = YAML::Node(YAML::NodeType::Sequence);
        spec["rules"].push_back(rule);
        rules = spec["rules"];
    }
    YAML::Node refs = rules[0]["backendRefs"];
    if (!refs || !refs.IsSequence()) {
        rules[0]["backendRefs"] = YAML::Node(YAML::NodeType::Sequence);
        refs = rules[0]["backendRefs"];
    }
    refs.push_back(backendNode(backend));
    const std::vector<std::int64_t> weights = balancedWeights(refs.size());
    for (std::size_t i = 0; i < refs.size(); ++i)
        refs[i]["weight"] = weights[i];
    return node;
}

namespace {

YAML::Node withoutItem(const YAML::Node &sequence, std::size_t index)
{
    YAML::Node rest(YAML::NodeType::Sequence);
    for (std::size_t i = 0; i < sequence.size(); ++i)
        if (i != index)
            rest.push_back(sequence[i]);
    return rest;
}

} // namespace

YAML::Node withoutBackendRef(const YAML::Node &route, int backendRef)
{
    YAML::Node node = YAML::Clone(route);
    YAML::Node rules = node["spec"]["rules"];
    if (!rules || !rules.IsSequence() || rules.size() == 0)
        return node;
    YAML::Node rule = rules[0];
    YAML::Node refs = rule["backendRefs"];
    if (!refs || !refs.IsSequence() || backendRef < 0 || static_cast<std::size_t>(backendRef) >= refs.size())
        return node;
    YAML::Node rest = withoutItem(refs, static_cast<std::size_t>(backendRef));
    if (rest.size() == 1) {
        rest[0].remove("weight");
    } else if (rest.size() > 1) {
        std::vector<std::int64_t> weights;
        for (std::size_t i = 0; i < rest.size(); ++i) {
            const YAML::Node w = rest[i]["weight"];
            weights.push_back(w && w.IsScalar() ? w.as<std::int64_t>(1) : 1);
        }
        const std::vector<std::int64_t> normalised = normalisedWeights(weights);
        for (std::size_t i = 0; i < rest.size(); ++i)
            rest[i]["weight"] = normalised[i];
    }
    rule["backendRefs"] = rest;
    return node;
}

YAML::Node withoutParentRef(const YAML::Node &route, int parentRef)
{
    YAML::Node node = YAML::Clone(route);
    YAML::Node spec = node["spec"];
    YAML::Node refs = spec["parentRefs"];
    if (!refs || !refs.IsSequence() || parentRef < 0 || static_cast<std::size_t>(parentRef) >= refs.size())
        return node;
    spec["parentRefs"] = withoutItem(refs, static_cast<std::size_t>(parentRef));
    return node;
}

YAML::Node withBackendWeight(const YAML::Node &route, int backendRef, std::int64_t weight)
{
    YAML::Node node = YAML::Clone(route);
    YAML::Node rules = node["spec"]["rules"];
    if (!rules || !rules.IsSequence() || rules.size() == 0)
        return node;
    YAML::Node refs = rules[0]["backendRefs"];
    if (refs && refs.IsSequence() && backendRef >= 0 && static_cast<std::size_t>(backendRef) < refs.size())
        refs[static_cast<std::size_t>(backendRef)]["weight"] = weight;
    return node;
}

Change connectGatewayApi(const ResourceSet &set, const GraphNode &from, int fromSocket, const GraphNode &to,
                         int toSocket)
{
    if (to.kind != NodeKind::Destination || toSocket < 0 || toSocket >= to.sockets.size() ||
        to.sockets[toSocket].key != QLatin1String("*"))
        return {};
    const Resource *service = serviceOf(set, to);
    const auto *serviceSpec = service ? service->as<ServiceSpec>() : nullptr;
    if (!serviceSpec)
        return {};
    const std::string serviceNs = service->effectiveNamespace(set.defaultNamespace);
    RouteBackendRef backend;
    backend.name = service->name;
    if (!serviceSpec->ports.empty())
        backend.port = serviceSpec->ports.front().port;
    const Resource *source = resourceAt(set, from.resource);
    if (!source)
        return {};
    const std::string sourceNs = source->effectiveNamespace(set.defaultNamespace);

    if (source->kind == Kind::TCPRoute || source->kind == Kind::TLSRoute) {
        const auto *spec = source->as<L4RouteSpec>();
        if (!spec)
            return {};
        if (serviceNs != sourceNs)
            backend.ns = serviceNs;
        if (!spec->rules.empty())
            for (const RouteBackendRef &b : spec->rules.front().backendRefs)
                if (b.group.empty() && b.kind == "Service" && b.name == backend.name &&
                    (b.ns.empty() ? sourceNs : b.ns) == serviceNs)
                    return {}; // already a backend of the route
        Change change;
        change.text = Tr::tr("Split %1 to %2").arg(q(source->name), q(service->name));
        change.replaced.emplace(static_cast<std::size_t>(from.resource),
                                withBackendSplit(source->node, backend));
        change.selectAdded = false;
        return change;
    }

    const auto *gateway = source->as<KubeGatewaySpec>();
    if (!gateway || fromSocket < 0 || fromSocket >= from.sockets.size())
        return {};
    const int listenerIndex = from.sockets[fromSocket].index;
    if (listenerIndex < 0 || static_cast<std::size_t>(listenerIndex) >= gateway->listeners.size())
        return {};
    const GatewayListener &listener = gateway->listeners[static_cast<std::size_t>(listenerIndex)];
    Kind kind;
    if (listener.protocol == "TCP")
        kind = Kind::TCPRoute;
    else if (listener.protocol == "TLS")
        kind = Kind::TLSRoute;
    else
        return {};
    // A listener admitting routes of every namespace takes the route beside the Service (no
    // ReferenceGrant needed); else the route lives in the Gateway's namespace (allowedRoutes Same).
    const std::string routeNs = listener.allowedRoutes.from == "All" ? serviceNs : sourceNs;
    if (serviceNs != routeNs)
        backend.ns = serviceNs;
    RouteParentRef parent;
    parent.name = source->name;
    parent.ns = sourceNs;
    parent.sectionName = listener.name;
    std::vector<std::string> hostnames;
    if (kind == Kind::TLSRoute && !listener.hostname.empty())
        hostnames.push_back(listener.hostname);
    const std::string name = unusedName(set, kind, routeNs, service->name);
    Change change;
    change.text =
        Tr::tr("Route %1 listener %2 to %3").arg(q(source->name), q(listener.name), q(service->name));
    change.added.push_back(
        newL4Route(kind, apiVersionFor(set, kind), name, routeNs, parent, hostnames, backend));
    change.selectAdded = true;
    return change;
}

} // namespace meshroute::studio::edits
