#include "editing/documentedits.h"

#include "editing/gatewayapiedits.h"

#include "model/names.h"
#include "routing/servers.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace meshroute::studio::edits {

namespace {

// The window's context: these texts were the window's, and its catalogue translates them.
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

Change replacing(int index, YAML::Node node, QString text)
{
    Change change;
    change.text = std::move(text);
    change.replaced.emplace(static_cast<std::size_t>(index), std::move(node));
    return change;
}

Change splitRoute(const ResourceSet &set, const GraphNode &route, const std::string &host,
                  const std::string &subset, std::optional<std::uint32_t> destinationPort)
{
    const Resource *vs = resourceAt(set, route.route.resource);
    if (!vs || !vs->as<VirtualServiceSpec>())
        return {};
    Change change =
        replacing(route.route.resource,
                  withSplit(vs->node, route.route.section, route.route.rule, host, subset, destinationPort),
                  Tr::tr("Split %1 to %2").arg(route.title, q(subset.empty() ? host : subset)));
    change.route = route.route;
    return change;
}

} // namespace

Change connectNodes(const ResourceSet &set, const GraphNode &from, int fromSocket, const GraphNode &to,
                    int toSocket)
{
    if (isGatewayApiNode(set, from)) // gatewayapiedits.h
        return connectGatewayApi(set, from, fromSocket, to, toSocket);
    if (to.kind != NodeKind::Destination || toSocket < 0 || toSocket >= to.sockets.size())
        return {};
    const QString key = to.sockets[toSocket].key;
    const std::string subset = key == QLatin1String("*") ? std::string() : key.toStdString();
    const std::string host = to.host.toStdString();
    std::optional<std::uint32_t> destinationPort;
    for (int index : to.resources)
        if (const Resource *resource = resourceAt(set, index))
            if (const auto *service = resource->as<ServiceSpec>(); service && !service->ports.empty())
                destinationPort = service->ports.front().port;

    if (from.kind == NodeKind::Route)
        return splitRoute(set, from, host, subset, destinationPort);
    if (from.kind != NodeKind::Gateway || fromSocket < 0)
        return {};
    const Resource *gateway = resourceAt(set, from.resource);
    const auto *gatewaySpec = gateway ? gateway->as<GatewaySpec>() : nullptr;
    if (!gatewaySpec || static_cast<std::size_t>(fromSocket) >= gatewaySpec->servers.size())
        return {};
    const Server &server = gatewaySpec->servers[static_cast<std::size_t>(fromSocket)];
    const std::uint32_t port = server.port.number;
    // A port routed by SNI gets a tls rule matching the server's hosts; every other port a tcp rule.
    const bool tls = routing::routeFamily(server) == routing::RouteFamily::TlsBySni;
    const std::string gatewayNs = gateway->effectiveNamespace(set.defaultNamespace);
    std::vector<std::string> serverHosts;
    for (const std::string &serverHost : server.hosts)
        serverHosts.push_back(parseGatewayHost(serverHost, gatewayNs).host);
    auto withRoute = [&](const YAML::Node &vsNode, const std::string &ref) {
        if (!tls)
            return withTcpRoute(vsNode, port, ref, host, subset, destinationPort);
        std::vector<std::string> vsHosts;
        if (const YAML::Node hosts = vsNode["spec"]["hosts"]; hosts && hosts.IsSequence())
            for (const auto &h : hosts)
                if (h.IsScalar())
                    vsHosts.push_back(h.Scalar());
        return withTlsRoute(vsNode, port, ref, sniHostsFor(serverHosts, vsHosts), host, subset,
                            destinationPort);
    };
    const Section section = tls ? Section::Tls : Section::Tcp;
    const QualifiedName gatewayName{gatewayNs, gateway->name};

    // The VirtualService bound to this gateway, else one in its namespace, else a new one.
    int target = -1;
    for (std::size_t i = 0; i < set.resources.size() && target < 0; ++i)
        if (const auto *vs = set.resources[i].as<VirtualServiceSpec>())
            for (const std::string &ref : vs->effectiveGateways())
                if (resolveGatewayRef(ref, set.resources[i].effectiveNamespace(set.defaultNamespace)) ==
                    gatewayName)
                    target = static_cast<int>(i);
    for (std::size_t i = 0; i < set.resources.size() && target < 0; ++i)
        if (set.resources[i].kind == Kind::VirtualService &&
            set.resources[i].effectiveNamespace(set.defaultNamespace) == gatewayNs)
            target = static_cast<int>(i);

    Change change;
    change.text = Tr::tr("Route %1 port %2 to %3")
                      .arg(q(gateway->name))
                      .arg(port)
                      .arg(q(subset.empty() ? host : subset));
    if (target >= 0) {
        const Resource &vs = set.resources[static_cast<std::size_t>(target)];
        const std::string vsNs = vs.effectiveNamespace(set.defaultNamespace);
        const std::string ref = vsNs == gatewayNs ? gateway->name : gatewayNs + "/" + gateway->name;
        const auto *spec = vs.as<VirtualServiceSpec>();
        change.route = {target, section, static_cast<int>(tls ? spec->tls.size() : spec->tcp.size())};
        change.replaced.emplace(static_cast<std::size_t>(target), withRoute(vs.node, ref));
        return change;
    }
    const std::string name = unusedName(set, Kind::VirtualService, gatewayNs, gateway->name + "-routes");
    YAML::Node node = newVirtualService(name, gateway->name);
    if (!gateway->namespace_.empty())
        node["metadata"]["namespace"] = gateway->namespace_;
    change.added.push_back(withRoute(node, gateway->name));
    change.route = {-1, section, 0};
    change.routeInAdded = true;
    return change;
}

Change addSubset(const ResourceSet &set, int destinationRule)
{
    const Resource *rule = resourceAt(set, destinationRule);
    const auto *spec = rule ? rule->as<DestinationRuleSpec>() : nullptr;
    if (!spec)
        return {};
    std::set<std::string> taken;
    for (const Subset &subset : spec->subsets)
        taken.insert(subset.name);
    int n = 1;
    while (taken.count("v" + std::to_string(n)))
        ++n;
    const std::string name = "v" + std::to_string(n);
    return replacing(destinationRule, withSubset(rule->node, name, {{"version", name}}),
                     Tr::tr("Add subset %1 to %2").arg(q(name), q(rule->name)));
}

Change addPort(const ResourceSet &set, int gateway)
{
    const Resource *resource = resourceAt(set, gateway);
    const auto *spec = resource ? resource->as<GatewaySpec>() : nullptr;
    if (!spec)
        return {};
    std::uint32_t next = 31400;
    for (const Server &server : spec->servers)
        next = std::max(next, server.port.number + 1);
    return replacing(gateway, withServer(resource->node, next, "TCP"),
                     Tr::tr("Add port %1 to %2").arg(next).arg(q(resource->name)));
}

Change createResource(const ResourceSet &set, Kind kind, const std::string &selectedHost)
{
    const std::string ns = set.defaultNamespace;
    auto fresh = [&](Kind k, const std::string &base) { return unusedName(set, k, ns, base); };
    YAML::Node node;
    switch (kind) {
    case Kind::Gateway: {
        std::uint32_t port = 31400;
        std::set<std::uint32_t> used;
        for (const Resource *gateway : set.ofKind(Kind::Gateway))
            for (const Server &server : gateway->as<GatewaySpec>()->servers)
                used.insert(server.port.number);
        while (used.count(port))
            ++port;
        node = newGateway(fresh(Kind::Gateway, "tcp-gateway"), port, "TCP");
        break;
    }
    case Kind::VirtualService: {
        std::string gateway;
        if (!set.ofKind(Kind::Gateway).empty())
            gateway = set.ofKind(Kind::Gateway).front()->name;
        node = newVirtualService(fresh(Kind::VirtualService, "tcp-routes"), gateway);
        break;
    }
    case Kind::DestinationRule: {
        std::string host = selectedHost;
        if (host.empty() && !set.ofKind(Kind::Service).empty())
            host = set.ofKind(Kind::Service).front()->name;
        if (host.empty())
            host = "tcp-echo";
        const std::string base = host.substr(0, host.find('.'));
        node = newDestinationRule(fresh(Kind::DestinationRule, base), host);
        node = withSubset(node, "v1", {{"version", "v1"}});
        break;
    }
    case Kind::Service:
        node = newService(fresh(Kind::Service, "tcp-service"), 3333);
        break;
    case Kind::Deployment:
        node = newDeployment(fresh(Kind::Deployment, "tcp-echo-v1"), {{"app", "tcp-echo"}, {"version", "v1"}},
                             3333);
        break;
    case Kind::WorkloadEntry:
        node = newWorkloadEntry(fresh(Kind::WorkloadEntry, "local-process"), "127.0.0.1",
                                {{"app", "tcp-echo"}, {"version", "local"}});
        break;
    default:
        return {};
    }
    Change change;
    change.text = Tr::tr("Create %1").arg(QLatin1String(kindName(kind)));
    change.added.push_back(node);
    change.selectAdded = true;
    return change;
}

Change rename(const ResourceSet &set, int index, const std::string &newName)
{
    const Resource *resource = resourceAt(set, index);
    if (!resource || newName.empty() || newName == resource->name)
        return {};
    if (resource->kind != Kind::Gateway)
        return replacing(index, withName(resource->node, newName),
                         Tr::tr("Rename %1 to %2").arg(q(resource->name), q(newName)));
    // Every VirtualService that names the gateway changes with it. The copy shares the trees:
    // renameGateway replaces the resources it changes with new ones.
    ResourceSet after = set;
    renameGateway(after, static_cast<std::size_t>(index), newName);
    Change change;
    change.text = Tr::tr("Rename gateway %1 to %2").arg(q(resource->name), q(newName));
    for (std::size_t i = 0; i < set.resources.size(); ++i)
        if (after.resources[i].modified != set.resources[i].modified ||
            (!after.resources[i].node.is(set.resources[i].node) &&
             YAML::Dump(after.resources[i].node) != YAML::Dump(set.resources[i].node)))
            change.replaced.emplace(i, after.resources[i].node);
    return change;
}

namespace {

// A route node of a TCPRoute/TLSRoute (the whole resource), not a rule of a VirtualService.
bool isGatewayApiRoute(const GraphNode *node)
{
    return node && node->kind == NodeKind::Route && node->route.resource < 0 && node->resource >= 0;
}

} // namespace

std::optional<WeightTarget> weightTargetOf(const GraphModel &graph, const GraphEdge &edge)
{
    if (edge.kind != EdgeKind::RouteToSubset || edge.destination < 0)
        return std::nullopt;
    const GraphNode *route = graph.node(edge.from);
    if (!route || route->kind != NodeKind::Route)
        return std::nullopt;
    if (isGatewayApiRoute(route)) // a TCPRoute/TLSRoute: its share, rounded
        return WeightTarget{route->route, edge.destination,
                            edge.label.isEmpty() ? 100 : qRound(edge.label.chopped(1).toDouble()),
                            route->resource};
    return WeightTarget{route->route, edge.destination,
                        edge.label.isEmpty() ? 100 : edge.label.chopped(1).toInt()};
}

Change setWeight(const ResourceSet &set, const WeightTarget &target, int weight)
{
    if (target.gatewayApiRoute >= 0) {
        const Resource *route = resourceAt(set, target.gatewayApiRoute);
        const auto *spec = route ? route->as<L4RouteSpec>() : nullptr;
        if (!spec || spec->rules.empty() || target.destination < 0 ||
            static_cast<std::size_t>(target.destination) >= spec->rules.front().backendRefs.size())
            return {};
        const std::optional<std::int64_t> written =
            spec->rules.front().backendRefs[static_cast<std::size_t>(target.destination)].weight;
        if (written && *written == weight)
            return {};
        return replacing(target.gatewayApiRoute, withBackendWeight(route->node, target.destination, weight),
                         Tr::tr("Set weight in %1").arg(q(route->name)));
    }
    const Resource *vs = resourceAt(set, target.route.resource);
    if (weight == target.current || !vs || !vs->as<VirtualServiceSpec>())
        return {};
    return replacing(
        target.route.resource,
        withWeight(vs->node, target.route.section, target.route.rule, target.destination, weight),
        Tr::tr("Set weight in %1").arg(q(vs->name)));
}

DeleteTarget deleteTargetOf(const GraphModel &graph, const QStringList &nodes,
                            const QVector<GraphEdge> &edges)
{
    DeleteTarget target;
    std::set<int> resources;
    for (const QString &id : nodes) {
        const GraphNode *node = graph.node(id);
        if (!node)
            continue;
        if (isGatewayApiRoute(node))
            resources.insert(node->resource); // a TCPRoute/TLSRoute
        else if (node->kind == NodeKind::Route)
            target.rules.push_back(node->route);
        else
            resources.insert(node->resources.begin(), node->resources.end());
    }
    for (const GraphEdge &edge : edges) {
        if (edge.kind == EdgeKind::RouteToSubset) {
            const GraphNode *route = graph.node(edge.from);
            if (isGatewayApiRoute(route))
                target.backendRefs.emplace_back(route->resource, edge.destination);
            else if (route && route->kind == NodeKind::Route)
                target.destinations.emplace_back(route->route, edge.destination);
        } else if (edge.kind == EdgeKind::PortToRoute && edge.destination >= 0) {
            if (const GraphNode *route = graph.node(edge.to); isGatewayApiRoute(route))
                target.parentRefs.emplace_back(route->resource, edge.destination);
        }
    }
    target.resources.assign(resources.begin(), resources.end());
    return target;
}

Deletion deleteItems(const ResourceSet &set, const DeleteTarget &target)
{
    Deletion deletion;
    std::set<int> resources;
    for (int index : target.resources)
        if (resourceAt(set, index))
            resources.insert(index);
    std::vector<RouteRef> rules;
    for (const RouteRef &rule : target.rules)
        if (resourceAt(set, rule.resource))
            rules.push_back(rule);
    std::vector<std::pair<RouteRef, int>> destinations;
    for (const auto &destination : target.destinations)
        if (resourceAt(set, destination.first.resource))
            destinations.push_back(destination);
    auto refsIn = [&](const std::vector<std::pair<int, int>> &refs) {
        std::vector<std::pair<int, int>> valid;
        for (const auto &ref : refs)
            if (const Resource *r = resourceAt(set, ref.first); r && r->as<L4RouteSpec>() && ref.second >= 0)
                valid.push_back(ref);
        // From the back of each list, so the indices before stay valid; each once.
        std::sort(valid.begin(), valid.end(), [](const auto &a, const auto &b) {
            return a.first != b.first ? a.first < b.first : a.second > b.second;
        });
        valid.erase(std::unique(valid.begin(), valid.end()), valid.end());
        return valid;
    };
    const std::vector<std::pair<int, int>> backendRefs = refsIn(target.backendRefs);
    const std::vector<std::pair<int, int>> parentRefs = refsIn(target.parentRefs);
    if (resources.empty() && rules.empty() && destinations.empty() && backendRefs.empty() &&
        parentRefs.empty())
        return deletion;

    std::set<std::string> deleted;
    for (int index : resources)
        deleted.insert(set.resources[static_cast<std::size_t>(index)].displayName(set.defaultNamespace));
    std::set<std::string> broken; // what refers to a deleted resource and stays
    for (int index : resources) {
        deletion.names << q(set.resources[static_cast<std::size_t>(index)].displayName(set.defaultNamespace));
        for (const std::string &dependent : dependentsOf(set, static_cast<std::size_t>(index)))
            if (!deleted.count(dependent))
                broken.insert(dependent);
    }
    for (const RouteRef &rule : rules)
        deletion.names << Tr::tr("%1 rule %2 of %3")
                              .arg(QLatin1String(sectionKey(rule.section)))
                              .arg(rule.rule + 1)
                              .arg(q(set.resources[static_cast<std::size_t>(rule.resource)].name));
    if (!destinations.empty())
        deletion.names << Tr::tr("%n route destination(s)", nullptr, static_cast<int>(destinations.size()));
    if (!backendRefs.empty())
        deletion.names << Tr::tr("%n backendRef(s)", nullptr, static_cast<int>(backendRefs.size()));
    if (!parentRefs.empty())
        deletion.names << Tr::tr("%n parentRef(s)", nullptr, static_cast<int>(parentRefs.size()));
    deletion.broken.assign(broken.begin(), broken.end());
    const QString names = deletion.names.join(QStringLiteral(", "));
    deletion.question = Tr::tr("Delete %1?").arg(names);
    if (!deletion.broken.empty()) {
        QStringList list;
        for (const std::string &dependent : deletion.broken)
            list << q(dependent);
        deletion.question +=
            QStringLiteral("\n\n") + Tr::tr("These refer to it and will have broken references:\n%1")
                                         .arg(list.join(QLatin1Char('\n')));
    }

    // Destinations first, then rules, each from the back so the indices before stay valid; then
    // whole resources.
    Change &change = deletion.change;
    change.text = Tr::tr("Delete %1").arg(names);
    auto nodeOf = [&](int index) -> YAML::Node & {
        const auto i = static_cast<std::size_t>(index);
        auto it = change.replaced.find(i);
        if (it == change.replaced.end())
            it = change.replaced.emplace(i, YAML::Clone(set.resources[i].node)).first;
        return it->second;
    };
    std::sort(destinations.begin(), destinations.end(),
              [](const auto &a, const auto &b) { return a.second > b.second; });
    for (const auto &[rule, destination] : destinations) {
        YAML::Node &node = nodeOf(rule.resource);
        node = withoutDestination(node, rule.section, rule.rule, destination);
    }
    std::sort(rules.begin(), rules.end(),
              [](const RouteRef &a, const RouteRef &b) { return a.rule > b.rule; });
    for (const RouteRef &rule : rules) {
        YAML::Node &node = nodeOf(rule.resource);
        node = withoutRule(node, rule.section, rule.rule);
    }
    for (const auto &[route, backendRef] : backendRefs) {
        YAML::Node &node = nodeOf(route);
        node = withoutBackendRef(node, backendRef);
    }
    for (const auto &[route, parentRef] : parentRefs) {
        YAML::Node &node = nodeOf(route);
        node = withoutParentRef(node, parentRef);
    }
    for (int index : resources)
        change.replaced.erase(static_cast<std::size_t>(index)); // it goes whole
    change.removed.assign(resources.begin(), resources.end());
    return deletion;
}

} // namespace meshroute::studio::edits
