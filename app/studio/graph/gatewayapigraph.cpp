#include "graph/gatewayapigraph.h"

#include "compile/compile.h"
#include "graph/nodeid.h"
#include "model/names.h"
#include "views/diagnostictext.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace meshroute::studio {

namespace gwapiid {
QString gateway(std::string_view ns, std::string_view name)
{
    return QStringLiteral("kgateway:%1/%2").arg(nodeid::text(ns), nodeid::text(name));
}
QString route(std::string_view kind, std::string_view ns, std::string_view name)
{
    return QStringLiteral("kroute:%1/%2/%3").arg(nodeid::text(kind), nodeid::text(ns), nodeid::text(name));
}
QString missingGateway(std::string_view ns, std::string_view name)
{
    return QStringLiteral("ghost:") + gateway(ns, name);
}
QString unknownBackend(std::string_view group, std::string_view kind, std::string_view ns,
                       std::string_view name)
{
    return QStringLiteral("ghost:backend:%1/%2/%3/%4")
        .arg(nodeid::text(group), nodeid::text(kind), nodeid::text(ns), nodeid::text(name));
}
} // namespace gwapiid

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::GraphModel)
};

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

std::string annotation(const YAML::Node &node, const char *key)
{
    const YAML::Node value = node["metadata"]["annotations"][key];
    return value && value.IsScalar() ? value.Scalar() : std::string();
}

std::string metadata(const YAML::Node &node, const char *key)
{
    const YAML::Node value = node["metadata"][key];
    return value && value.IsScalar() ? value.Scalar() : std::string();
}

} // namespace

bool hasGatewayApi(const ResourceSet &set)
{
    return std::any_of(set.resources.begin(), set.resources.end(), [](const Resource &r) {
        return r.kind == Kind::KubeGateway || r.kind == Kind::TCPRoute || r.kind == Kind::TLSRoute;
    });
}

GatewayApiRun gatewayApiRun(const ResourceSet &set, const std::optional<gatewayapi::Target> &target,
                            std::shared_ptr<const RouteTable> table)
{
    // compile() reads the routing view (gatewayapi/routingview.h): the local gateway plays the
    // Gateway API Gateways of Istio's class, and its table names their generated resources.
    GatewayApiRun run;
    gatewayapi::Options translation;
    translation.target = target;
    run.translation = gatewayapi::translate(set, translation);
    if (!table) {
        CompileOptions options;
        options.gatewayApiTarget = target;
        table = compile(set, options).table;
    }
    run.tables.emplace_back(std::size_t(0), std::move(table));
    return run;
}

// Adds the Gateway API part of the graph in named steps, as GraphBuilder does the classic one.
class GatewayApiGraph
{
public:
    GatewayApiGraph(const ResourceSet &set, GraphModel &graph,
                    const std::optional<gatewayapi::Target> &target, std::shared_ptr<const RouteTable> table)
        : m_set(set)
        , m_graph(graph)
        , m_target(target)
        , m_table(std::move(table))
    {}

    void run()
    {
        m_run = gatewayApiRun(m_set, m_target, std::move(m_table));
        indexGenerated();
        indexRunning();
        addGateways();
        addRoutes();
        addAttachments();
        addBackends();
        markWorkloadsRun();
        markRoutesNotRun();
    }

private:
    struct Attachment
    {
        std::size_t gateway = 0;
        std::string listener;
    };

    const std::string &ns(const Resource &r) const { return r.effectiveNamespace(m_set.defaultNamespace); }

    QString routeId(const Resource &r) const { return gwapiid::route(r.kindName, ns(r), r.name); }

    GraphNode *node(const QString &id)
    {
        const int index = m_graph.nodeIndex(id);
        return index < 0 ? nullptr : &m_graph.m_nodes[index];
    }

    GraphNode &ghost(const QString &id, Column column, const QString &title, const QString &subtitle)
    {
        GraphNode ghostNode;
        ghostNode.id = id;
        ghostNode.kind = NodeKind::Ghost;
        ghostNode.column = column;
        ghostNode.title = title;
        ghostNode.subtitle = subtitle;
        ghostNode.tooltip = Tr::tr("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), subtitle.toHtmlEscaped());
        return m_graph.addNode(std::move(ghostNode));
    }

    void addEdge(GraphEdge edge) { m_graph.addEdge(std::move(edge)); }

    // ------------------------------------------------------------ core's answers, indexed

    // The generated classic resources say where they come from: a Gateway per listener
    // ("Gateway/<gateway>/<listener>.<ns>"), a VirtualService per route and attached listener
    // ("<Kind>/<route>.<ns>", bound to the listener's generated Gateway).
    void indexGenerated()
    {
        for (const YAML::Node &node : m_run.translation.classic) {
            const std::string kind = node["kind"] ? node["kind"].Scalar() : std::string();
            const std::string nodeNs = metadata(node, "namespace");
            const std::string qualified = nodeNs + "/" + metadata(node, "name");
            const std::string parents = annotation(node, "internal.istio.io/parents");
            if (kind == "Gateway") {
                // "Gateway/<name>/<listener>.<ns>"
                const auto first = parents.find('/');
                const auto second = parents.find('/', first + 1);
                if (first == std::string::npos || second == std::string::npos)
                    continue;
                const std::string name = parents.substr(first + 1, second - first - 1);
                const std::string rest = parents.substr(second + 1);
                const std::string listener = rest.substr(0, rest.find('.'));
                if (const Resource *gateway = m_set.find(Kind::KubeGateway, nodeNs, name))
                    m_generatedGateways[qualified] = {
                        static_cast<std::size_t>(gateway - m_set.resources.data()), listener};
            } else if (kind == "VirtualService") {
                // "<Kind>/<name>.<ns>"
                const auto slash = parents.find('/');
                const std::string suffix = "." + nodeNs;
                if (slash == std::string::npos || parents.size() < suffix.size() ||
                    parents.compare(parents.size() - suffix.size(), suffix.size(), suffix) != 0)
                    continue;
                const std::string kindName = parents.substr(0, slash);
                const std::string name =
                    parents.substr(slash + 1, parents.size() - suffix.size() - slash - 1);
                const Resource *route = m_set.find(kindFromApi(kindName), nodeNs, name);
                if (!route)
                    continue;
                const auto index = static_cast<std::size_t>(route - m_set.resources.data());
                m_generatedRoutes[qualified] = index;
                for (const auto &gateway : node["spec"]["gateways"]) {
                    const std::string ref = gateway.IsScalar() ? gateway.Scalar() : std::string();
                    const std::string full = ref.find('/') == std::string::npos ? nodeNs + "/" + ref : ref;
                    m_vsGateways[qualified].push_back(full);
                }
            }
        }
    }

    static Kind kindFromApi(const std::string &kind)
    {
        return kind == "TLSRoute" ? Kind::TLSRoute : Kind::TCPRoute;
    }

    // What the local gateway runs: per (route, generated Gateway) the compiled route.
    void indexRunning()
    {
        for (const auto &entry : m_run.tables) {
            const std::shared_ptr<const RouteTable> &table = entry.second;
            for (const Listener &listener : table->listeners) {
                // (route, the generated Gateway it runs for): a plain port runs its owner's route;
                // a TLS port shared by SNI runs each route for the Gateways that bound it.
                std::vector<std::pair<std::size_t, std::string>> routes;
                if (listener.route)
                    routes.emplace_back(*listener.route, listener.gateway);
                for (const SniRoute &sni : listener.sniRoutes)
                    for (const std::string &gateway : sni.gateways)
                        routes.emplace_back(sni.route, gateway);
                for (const auto &[routeIndex, gateway] : routes) {
                    if (!m_generatedGateways.count(gateway))
                        continue;
                    const Route &route = table->routes[routeIndex];
                    auto source = m_generatedRoutes.find(route.virtualService);
                    if (source == m_generatedRoutes.end())
                        continue;
                    m_running[{source->second, gateway}].push_back({&route, table.get()});
                }
            }
        }
    }

    // ------------------------------------------------------------ nodes

    static QString conditionText(const gatewayapi::Condition &condition)
    {
        return QStringLiteral("%1=%2 (%3): %4")
            .arg(q(condition.type), q(condition.status), q(condition.reason), messageText(condition.message));
    }

    static bool isProblem(const gatewayapi::Condition &condition)
    {
        return condition.type == "Conflicted" ? condition.status == "True" : condition.status != "True";
    }

    void addGateways()
    {
        for (const Resource *r : m_set.ofKind(Kind::KubeGateway)) {
            const auto *spec = r->as<KubeGatewaySpec>();
            if (!spec)
                continue;
            const auto index = static_cast<int>(r - m_set.resources.data());
            const gatewayapi::GatewayStatus *status = nullptr;
            for (const gatewayapi::GatewayStatus &s : m_run.translation.gateways)
                if (static_cast<int>(s.resource) == index)
                    status = &s;
            GraphNode gateway;
            gateway.id = gwapiid::gateway(ns(*r), r->name);
            gateway.kind = NodeKind::Gateway;
            gateway.column = Column::Gateways;
            gateway.title = q(r->name);
            gateway.subtitle = Tr::tr("Gateway API · %1").arg(q(ns(*r)));
            gateway.resource = index;
            gateway.resources = {index};
            QStringList tip{
                QStringLiteral("<b>%1</b>").arg(q(r->displayName(m_set.defaultNamespace)).toHtmlEscaped()),
                Tr::tr("class %1").arg(q(spec->gatewayClassName)).toHtmlEscaped()};
            if (!status)
                tip << Tr::tr("not handled by Istio's controller: no GatewayClass %1 of "
                              "istio.io/gateway-controller")
                           .arg(q(spec->gatewayClassName))
                           .toHtmlEscaped();
            else
                for (const gatewayapi::Condition &condition : status->conditions)
                    if (isProblem(condition))
                        tip << conditionText(condition).toHtmlEscaped();
            for (std::size_t l = 0; l < spec->listeners.size(); ++l) {
                const GatewayListener &listener = spec->listeners[l];
                GraphSocket socket;
                socket.key = q(listener.name);
                socket.index = static_cast<int>(l);
                socket.label = QStringLiteral("%1 %2").arg(listener.port).arg(q(listener.protocol));
                QStringList detail{q(listener.name)};
                if (!listener.hostname.empty())
                    detail << q(listener.hostname);
                if (listener.hasTls)
                    detail << q(listener.tlsMode.empty() ? std::string("Terminate") : listener.tlsMode);
                socket.detail = detail.join(QStringLiteral(" · "));
                gateway.sockets.push_back(socket);
                const gatewayapi::ListenerStatus *ls = nullptr;
                if (status)
                    for (const gatewayapi::ListenerStatus &s : status->listeners)
                        if (s.name == listener.name)
                            ls = &s;
                tip << Tr::tr("listener %1: port %2 %3, hostname %4, %n attached route(s)", nullptr,
                              ls ? ls->attachedRoutes : 0)
                           .arg(q(listener.name))
                           .arg(listener.port)
                           .arg(q(listener.protocol),
                                listener.hostname.empty() ? Tr::tr("any") : q(listener.hostname))
                           .toHtmlEscaped();
                if (ls)
                    for (const gatewayapi::Condition &condition : ls->conditions)
                        if (isProblem(condition))
                            tip << QStringLiteral("&nbsp;&nbsp;") + conditionText(condition).toHtmlEscaped();
            }
            gateway.tooltip = tip.join(QStringLiteral("<br>"));
            m_graph.addNode(std::move(gateway));
        }
    }

    void addRoutes()
    {
        for (const gatewayapi::RouteStatus &status : m_run.translation.routes) {
            const Resource &r = m_set.resources[status.resource];
            const auto *spec = r.as<L4RouteSpec>();
            GraphNode route;
            route.id = routeId(r);
            route.kind = NodeKind::Route;
            route.column = Column::Routes;
            route.title = q(r.name);
            QStringList hostnames;
            for (const std::string &h : spec->hostnames)
                hostnames << q(h);
            route.subtitle =
                hostnames.isEmpty()
                    ? q(r.kindName)
                    : QStringLiteral("%1 · %2").arg(q(r.kindName), hostnames.join(QStringLiteral(", ")));
            route.resource = static_cast<int>(status.resource);
            route.resources = {route.resource};
            QStringList tip{
                QStringLiteral("<b>%1 %2</b>")
                    .arg(q(r.kindName), q(r.displayName(m_set.defaultNamespace)).toHtmlEscaped())};
            for (const gatewayapi::RouteParentStatus &parent : status.parents) {
                const RouteParentRef &ref = spec->parentRefs[parent.parentRef];
                tip << Tr::tr("parent %1").arg(parentText(r, ref)).toHtmlEscaped();
                for (const gatewayapi::Condition &condition : parent.conditions)
                    tip << QStringLiteral("&nbsp;&nbsp;") + conditionText(condition).toHtmlEscaped();
            }
            if (spec->rules.size() > 1)
                tip << Tr::tr("%n rule(s); only the first takes effect in Istio", nullptr,
                              static_cast<int>(spec->rules.size()))
                           .toHtmlEscaped();
            route.tooltip = tip.join(QStringLiteral("<br>"));
            m_graph.addNode(std::move(route));
        }
    }

    QString parentText(const Resource &route, const RouteParentRef &ref) const
    {
        QString text = q((ref.ns.empty() ? ns(route) : ref.ns) + "/" + ref.name);
        if (!ref.sectionName.empty())
            text += QLatin1Char('#') + q(ref.sectionName);
        if (ref.port)
            text += QLatin1Char(':') + QString::number(*ref.port);
        return text;
    }

    // ------------------------------------------------------------ parentRef -> listener

    // The parentRef through which core attached route `route` to the listener of `at` (its
    // Origin), -1 when core's translation names none.
    int parentRefOf(std::size_t route, const Attachment &at) const
    {
        const auto *gateway = m_set.resources[at.gateway].as<KubeGatewaySpec>();
        for (const gatewayapi::Origin &origin : m_run.translation.origins)
            if (origin.what == gatewayapi::Origin::What::Route && origin.resource == route &&
                origin.gateway == at.gateway && gateway && origin.listener < gateway->listeners.size() &&
                gateway->listeners[origin.listener].name == at.listener)
                return static_cast<int>(origin.parentRef);
        return -1;
    }

    void addAttachments()
    {
        // Attached: the listeners core generated a VirtualService for, per route.
        std::map<std::size_t, std::set<std::string>> attached;             // route -> generated Gateway
        std::set<std::tuple<std::size_t, std::size_t, std::string>> drawn; // route, Gateway, listener
        for (const auto &[vs, route] : m_generatedRoutes)
            for (const std::string &gateway : m_vsGateways[vs])
                if (m_generatedGateways.count(gateway))
                    attached[route].insert(gateway);
        for (const auto &[routeIndex, gateways] : attached) {
            const Resource &r = m_set.resources[routeIndex];
            for (const std::string &generated : gateways) {
                const Attachment &at = m_generatedGateways.at(generated);
                const Resource &gateway = m_set.resources[at.gateway];
                GraphEdge edge;
                edge.kind = EdgeKind::PortToRoute;
                edge.from = gwapiid::gateway(ns(gateway), gateway.name);
                edge.fromSocket = q(at.listener);
                edge.to = routeId(r);
                edge.destination = parentRefOf(routeIndex, at);
                if (m_running.count({routeIndex, generated})) {
                    m_routesRun.insert(routeIndex);
                } else {
                    edge.inactive = true;
                    edge.reason =
                        Tr::tr("attached to listener %1, but the local gateway does not run it there "
                               "(another route on the listener comes first)")
                            .arg(q(at.listener));
                    m_notRunReasons[routeIndex] << edge.reason;
                }
                drawn.insert({routeIndex, at.gateway, at.listener});
                addEdge(std::move(edge));
            }
        }
        addAttachedToUnprogrammed(drawn);
        // Not accepted: each such parentRef, broken, with the reason of its Accepted condition.
        for (const gatewayapi::RouteStatus &status : m_run.translation.routes) {
            const Resource &r = m_set.resources[status.resource];
            const auto *spec = r.as<L4RouteSpec>();
            for (const gatewayapi::RouteParentStatus &parent : status.parents) {
                const gatewayapi::Condition *accepted =
                    m_run.translation.condition(status, parent.parentRef, "Accepted");
                if (!accepted || accepted->status == "True")
                    continue;
                const RouteParentRef &ref = spec->parentRefs[parent.parentRef];
                const std::string parentNs = ref.ns.empty() ? ns(r) : ref.ns;
                GraphEdge edge;
                edge.kind = EdgeKind::PortToRoute;
                edge.to = routeId(r);
                edge.destination = static_cast<int>(parent.parentRef);
                edge.broken = true;
                edge.reason =
                    QStringLiteral("%1: %2").arg(q(accepted->reason), messageText(accepted->message));
                const Resource *gateway = ref.kind == "Gateway" && ref.group == kGatewayApiGroup
                                              ? m_set.find(Kind::KubeGateway, parentNs, ref.name)
                                              : nullptr;
                if (gateway) {
                    edge.from = gwapiid::gateway(parentNs, ref.name);
                    const GraphNode *gatewayNode = node(edge.from);
                    if (gatewayNode && !ref.sectionName.empty() &&
                        gatewayNode->socketIndex(q(ref.sectionName)) >= 0)
                        edge.fromSocket = q(ref.sectionName);
                } else {
                    edge.from = gwapiid::missingGateway(parentNs, ref.name);
                    ghost(edge.from, Column::Gateways, q(ref.name),
                          Tr::tr("missing %1 %2").arg(q(ref.kind), q(parentNs)));
                }
                m_notRunReasons[status.resource] << edge.reason;
                addEdge(std::move(edge));
            }
            addParentsWithoutStatus(status, r, *spec);
        }
    }

    // Accepted on a listener Istio does not program (a certificate it cannot use, say): the route
    // attaches and counts in attachedRoutes, but no Gateway is generated for the listener, so
    // nothing serves it. Drawn attached, not run, with the listener's Programmed reason.
    void addAttachedToUnprogrammed(const std::set<std::tuple<std::size_t, std::size_t, std::string>> &drawn)
    {
        for (const gatewayapi::Origin &origin : m_run.translation.origins) {
            if (origin.what != gatewayapi::Origin::What::Route || !origin.gateway)
                continue;
            const Resource &gateway = m_set.resources[*origin.gateway];
            const auto *spec = gateway.as<KubeGatewaySpec>();
            if (!spec || origin.listener >= spec->listeners.size())
                continue;
            const std::string &listener = spec->listeners[origin.listener].name;
            if (drawn.count({origin.resource, *origin.gateway, listener}))
                continue;
            const gatewayapi::Condition *programmed = nullptr;
            for (const gatewayapi::GatewayStatus &status : m_run.translation.gateways)
                if (status.resource == *origin.gateway)
                    for (const gatewayapi::ListenerStatus &ls : status.listeners)
                        if (ls.name == listener)
                            for (const gatewayapi::Condition &c : ls.conditions)
                                if (c.type == "Programmed" && c.status != "True")
                                    programmed = &c;
            if (!programmed)
                continue;
            const Resource &route = m_set.resources[origin.resource];
            GraphEdge edge;
            edge.kind = EdgeKind::PortToRoute;
            edge.from = gwapiid::gateway(ns(gateway), gateway.name);
            edge.fromSocket = q(listener);
            edge.to = routeId(route);
            edge.destination = static_cast<int>(origin.parentRef);
            edge.inactive = true;
            edge.reason = Tr::tr("attached to listener %1, which Istio does not program (%2: %3): "
                                 "nothing serves it")
                              .arg(q(listener), q(programmed->reason), messageText(programmed->message));
            m_notRunReasons[origin.resource] << edge.reason;
            addEdge(std::move(edge));
        }
    }

    // Istio writes no status for a parentRef to a Gateway that is not its own or that does not
    // exist: drawn all the same (a ghost for a missing one), not run, saying so.
    void addParentsWithoutStatus(const gatewayapi::RouteStatus &status, const Resource &r,
                                 const L4RouteSpec &spec)
    {
        for (std::size_t p = 0; p < spec.parentRefs.size(); ++p) {
            const bool listed =
                std::any_of(status.parents.begin(), status.parents.end(),
                            [&](const gatewayapi::RouteParentStatus &s) { return s.parentRef == p; });
            const RouteParentRef &ref = spec.parentRefs[p];
            if (listed || ref.kind != "Gateway" || ref.group != kGatewayApiGroup)
                continue;
            const std::string parentNs = ref.ns.empty() ? ns(r) : ref.ns;
            GraphEdge edge;
            edge.kind = EdgeKind::PortToRoute;
            edge.to = routeId(r);
            edge.destination = static_cast<int>(p);
            if (const Resource *gateway = m_set.find(Kind::KubeGateway, parentNs, ref.name)) {
                edge.from = gwapiid::gateway(parentNs, ref.name);
                edge.inactive = true;
                edge.reason =
                    Tr::tr("Gateway %1 is not handled by Istio's controller (class %2): Istio ignores "
                           "this parent")
                        .arg(q(parentNs + "/" + ref.name),
                             q(gateway->as<KubeGatewaySpec>()->gatewayClassName));
            } else {
                edge.from = gwapiid::missingGateway(parentNs, ref.name);
                ghost(edge.from, Column::Gateways, q(ref.name), Tr::tr("missing Gateway"));
                edge.broken = true;
                edge.reason = Tr::tr("no Gateway %1 in the input: Istio writes no status for this parent")
                                  .arg(q(parentNs + "/" + ref.name));
            }
            m_notRunReasons[status.resource] << edge.reason;
            addEdge(std::move(edge));
        }
    }

    // ------------------------------------------------------------ backendRef -> Service

    // Core's verdict on one backendRef: the diagnostic it wrote at the reference.
    const Diagnostic *unresolved(const Resource &route, const RouteBackendRef &ref) const
    {
        const std::string display = route.displayName(m_set.defaultNamespace);
        for (const Diagnostic &d : m_run.translation.diagnostics)
            if (d.code == codes::GatewayApiUnresolvedRef && d.position == ref.position &&
                d.resource.display() == display)
                return &d;
        return nullptr;
    }

    void addBackends()
    {
        for (const gatewayapi::RouteStatus &status : m_run.translation.routes) {
            const Resource &r = m_set.resources[status.resource];
            const auto *spec = r.as<L4RouteSpec>();
            if (spec->rules.empty())
                continue;
            const std::vector<RouteBackendRef> &refs = spec->rules.front().backendRefs;
            std::int64_t sum = 0;
            for (const RouteBackendRef &b : refs)
                sum += std::max<std::int64_t>(0, b.weight.value_or(1));
            // The compiled routes of this route, on every listener it runs on.
            std::vector<std::pair<const Route *, const RouteTable *>> compiled;
            for (const auto &[key, routes] : m_running)
                if (key.first == status.resource)
                    compiled.insert(compiled.end(), routes.begin(), routes.end());
            for (std::size_t b = 0; b < refs.size(); ++b)
                addBackend(r, refs[b], static_cast<int>(b), refs.size() > 1 ? sum : 0, compiled);
        }
    }

    void addBackend(const Resource &r, const RouteBackendRef &ref, int index, std::int64_t sum,
                    const std::vector<std::pair<const Route *, const RouteTable *>> &compiled)
    {
        const std::string backendNs = ref.ns.empty() ? ns(r) : ref.ns;
        const bool service = ref.group.empty() && ref.kind == "Service";
        const std::string host = service ? ref.name + "." + backendNs + ".svc.cluster.local" : ref.name;
        const std::int64_t weight = std::max<std::int64_t>(0, ref.weight.value_or(1));
        GraphEdge edge;
        edge.kind = EdgeKind::RouteToSubset;
        edge.from = routeId(r);
        edge.destination = index;
        if (sum > 0)
            edge.label = QStringLiteral("%1%").arg(
                static_cast<double>(weight) * 100.0 / static_cast<double>(sum), 0, 'g', 3);
        else if (sum == 0 && ref.weight && *ref.weight == 0)
            edge.label = QStringLiteral("0%");
        if (const Diagnostic *d = unresolved(r, ref)) {
            edge.broken = true;
            const std::string reason =
                d->args.size() > 2 ? std::string(d->args[2].text) : std::string("ResolvedRefs");
            edge.reason = QStringLiteral("%1: %2").arg(q(reason), diagnosticMessage(*d));
            const QString target = nodeid::destination(host);
            if (service && reason != "BackendNotFound" && node(target)) {
                edge.to = target;
                edge.toSocket = wholeServiceSocket(target);
            } else if (reason == "BackendNotFound" || service) {
                edge.to = nodeid::missingHost(host);
                ghost(edge.to, Column::Destinations, q(ref.name), Tr::tr("%1 not found").arg(q(ref.kind)));
            } else {
                edge.to = gwapiid::unknownBackend(ref.group, ref.kind, backendNs, ref.name);
                ghost(edge.to, Column::Destinations, q(ref.name),
                      Tr::tr("%1 of group %2").arg(q(ref.kind), q(ref.group.empty() ? "core" : ref.group)));
            }
            addEdge(std::move(edge));
            return;
        }
        const QString target = nodeid::destination(host);
        if (!node(target)) {
            // Core has no verdict on it (a weight-0 backend, a route attached nowhere): not run,
            // and not called broken.
            edge.to = nodeid::missingHost(host);
            ghost(edge.to, Column::Destinations, q(ref.name), Tr::tr("unknown host"));
            edge.inactive = true;
            edge.reason = weight == 0 ? Tr::tr("weight 0: this backend gets no connections")
                                      : Tr::tr("the local gateway does not run this route");
            addEdge(std::move(edge));
            return;
        }
        edge.to = target;
        edge.toSocket = wholeServiceSocket(target);
        // Runs where a compiled route of this route has a servable destination on this backend.
        const Cluster *running = nullptr;
        const Cluster *unservable = nullptr;
        for (const auto &[route, table] : compiled)
            for (const WeightedCluster &wc : route->destinations) {
                const Cluster &cluster = table->clusters[wc.cluster];
                if (cluster.host != host || (ref.port && cluster.port != *ref.port))
                    continue;
                if (cluster.noRouteReason == NoRouteReason::None) {
                    running = &cluster;
                    m_liveClusters.push_back({target, &cluster});
                } else {
                    unservable = &cluster;
                }
            }
        if (!running) {
            edge.inactive = true;
            if (weight == 0)
                edge.reason = Tr::tr("weight 0: this backend gets no connections");
            else if (unservable)
                edge.reason = q(unservable->noRoute);
            else
                edge.reason = Tr::tr("the local gateway does not run this route");
        }
        addEdge(std::move(edge));
    }

    QString wholeServiceSocket(const QString &destination)
    {
        GraphNode *target = node(destination);
        if (target && target->socketIndex(QStringLiteral("*")) < 0) {
            GraphSocket all;
            all.key = QStringLiteral("*");
            all.label = Tr::tr("all endpoints");
            target->sockets.push_front(all);
        }
        return QStringLiteral("*");
    }

    // ------------------------------------------------------------ workloads, routes not run

    void markWorkloadsRun()
    {
        for (const auto &[destination, cluster] : m_liveClusters)
            for (const Endpoint &endpoint : cluster->endpoints) {
                if (endpoint.pod < 0)
                    continue;
                const QString workload = nodeid::deployment(endpoint.workloadNamespace, endpoint.workload);
                if (m_graph.nodeIndex(workload) < 0)
                    continue;
                bool found = false;
                for (GraphEdge &edge : m_graph.m_edges)
                    if (edge.kind == EdgeKind::SubsetToWorkload && edge.from == destination &&
                        edge.fromSocket == QLatin1String("*") && edge.to == workload) {
                        edge.inactive = false;
                        edge.reason.clear();
                        found = true;
                    }
                if (!found) {
                    GraphEdge edge;
                    edge.kind = EdgeKind::SubsetToWorkload;
                    edge.from = destination;
                    edge.fromSocket = QStringLiteral("*");
                    edge.to = workload;
                    addEdge(std::move(edge));
                }
            }
    }

    void markRoutesNotRun()
    {
        for (const gatewayapi::RouteStatus &status : m_run.translation.routes) {
            if (m_routesRun.count(status.resource))
                continue;
            GraphNode *route = node(routeId(m_set.resources[status.resource]));
            if (!route)
                continue;
            route->inactive = true;
            QStringList reasons = m_notRunReasons[status.resource];
            reasons.removeDuplicates();
            if (reasons.isEmpty())
                reasons << Tr::tr("attached to no listener");
            route->tooltip +=
                QStringLiteral("<hr>") + Tr::tr("Not run by the local gateway:").toHtmlEscaped();
            for (const QString &reason : reasons.mid(0, 5))
                route->tooltip += QStringLiteral("<br>• ") + reason.toHtmlEscaped();
            for (GraphEdge &edge : m_graph.m_edges)
                if (edge.kind == EdgeKind::RouteToSubset && edge.from == route->id && !edge.broken &&
                    !edge.inactive) {
                    edge.inactive = true;
                    edge.reason = Tr::tr("the local gateway does not run this route");
                }
        }
    }

    const ResourceSet &m_set;
    GraphModel &m_graph;
    const std::optional<gatewayapi::Target> &m_target;
    std::shared_ptr<const RouteTable> m_table; // the graph builder's compile of the set, for the target
    GatewayApiRun m_run;
    std::map<std::string, Attachment> m_generatedGateways;        // "ns/name" -> listener
    std::map<std::string, std::size_t> m_generatedRoutes;         // "ns/name" -> route
    std::map<std::string, std::vector<std::string>> m_vsGateways; // generated VS -> its gateways
    std::map<std::pair<std::size_t, std::string>,                 // (route, generated Gateway)
             std::vector<std::pair<const Route *, const RouteTable *>>>
        m_running;
    std::set<std::size_t> m_routesRun;
    std::map<std::size_t, QStringList> m_notRunReasons;
    std::vector<std::pair<QString, const Cluster *>> m_liveClusters;
};

void addGatewayApi(const ResourceSet &set, GraphModel &graph, const std::optional<gatewayapi::Target> &target,
                   std::shared_ptr<const RouteTable> table)
{
    if (!hasGatewayApi(set))
        return;
    GatewayApiGraph(set, graph, target, std::move(table)).run();
}

} // namespace meshroute::studio
