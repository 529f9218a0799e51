#include "graph/graphmodel.h"

#include "model/names.h"
#include "views/diagnostictext.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace meshroute::studio {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::GraphModel)
};

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const auto &[key, value] : labels)
        parts << q(key) + QLatin1Char('=') + q(value);
    return parts.join(QStringLiteral(", "));
}

bool contains(const Labels &labels, const Labels &selector)
{
    return std::all_of(selector.begin(), selector.end(), [&](const auto &entry) {
        auto found = labels.find(entry.first);
        return found != labels.end() && found->second == entry.second;
    });
}

Labels merged(Labels a, const Labels &b)
{
    for (const auto &[key, value] : b)
        a[key] = value;
    return a;
}

Badge badgeOf(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return Badge::Error;
    case Severity::Warning:
        return Badge::Warning;
    case Severity::Info:
        return Badge::Info;
    }
    return Badge::None;
}

struct DestinationInfo
{
    int service = -1;
    std::vector<int> rules;   // DestinationRules
    std::vector<int> entries; // ServiceEntries
};

} // namespace

int GraphNode::socketIndex(const QString &key) const
{
    for (int i = 0; i < sockets.size(); ++i)
        if (sockets[i].key == key)
            return i;
    return -1;
}

const GraphNode *GraphModel::node(const QString &id) const
{
    const int index = m_index.value(id, -1);
    return index < 0 ? nullptr : &m_nodes[index];
}

QString GraphModel::nodeOfResource(int index) const
{
    for (const GraphNode &node : m_nodes)
        if (node.resource == index || node.resources.contains(index))
            return node.id;
    return {};
}

QString GraphModel::nodeOfRoute(const edits::RouteRef &route) const
{
    for (const GraphNode &node : m_nodes)
        if (node.kind == NodeKind::Route && node.route == route)
            return node.id;
    return {};
}

GraphNode &GraphModel::addNode(GraphNode node)
{
    const auto found = m_index.constFind(node.id);
    if (found != m_index.constEnd())
        return m_nodes[*found];
    m_index.insert(node.id, static_cast<int>(m_nodes.size()));
    m_nodes.push_back(std::move(node));
    return m_nodes.back();
}

GraphModel GraphModel::build(const ResourceSet &set, const Diagnostics &diagnostics)
{
    GraphModel graph;
    const std::string &defaultNs = set.defaultNamespace;
    const auto &resources = set.resources;
    auto nsOf = [&](const Resource &resource) { return resource.effectiveNamespace(defaultNs); };
    auto qualified = [&](const Resource &resource) {
        return q(nsOf(resource)) + QLatin1Char('/') + q(resource.name);
    };

    // ------------------------------------------------------------ gateways
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Resource &resource = resources[i];
        const auto *spec = resource.as<GatewaySpec>();
        if (!spec)
            continue;
        GraphNode node;
        node.id = QStringLiteral("gateway:") + qualified(resource);
        node.kind = NodeKind::Gateway;
        node.column = Column::Gateways;
        node.title = q(resource.name);
        node.subtitle = Tr::tr("Gateway · %1").arg(q(nsOf(resource)));
        node.resource = static_cast<int>(i);
        node.resources = {node.resource};
        QStringList tip{QStringLiteral("<b>%1</b>").arg(q(resource.displayName(defaultNs)).toHtmlEscaped())};
        if (!spec->selector.empty())
            tip << Tr::tr("selector: %1").arg(labelsText(spec->selector).toHtmlEscaped());
        for (std::size_t s = 0; s < spec->servers.size(); ++s) {
            const Server &server = spec->servers[s];
            GraphSocket socket;
            socket.key = QString::number(s);
            socket.index = static_cast<int>(s);
            socket.label = QStringLiteral("%1 %2").arg(server.port.number).arg(q(server.port.protocol));
            QStringList hosts;
            for (const std::string &host : server.hosts)
                hosts << q(host);
            socket.detail = q(server.port.name);
            if (server.tls && !server.tls->mode.empty())
                socket.detail += QStringLiteral(" · ") + q(server.tls->mode);
            tip << Tr::tr("port %1 %2 (%3), hosts %4")
                       .arg(server.port.number)
                       .arg(q(server.port.protocol), q(server.port.name), hosts.join(QStringLiteral(", ")))
                       .toHtmlEscaped();
            node.sockets.push_back(socket);
        }
        node.tooltip = tip.join(QStringLiteral("<br>"));
        graph.addNode(std::move(node));
    }

    // ------------------------------------------------------------ destinations
    std::map<std::string, DestinationInfo> hosts;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Resource &resource = resources[i];
        const int index = static_cast<int>(i);
        if (resource.kind == Kind::Service)
            hosts[qualifyHost(resource.name, nsOf(resource))].service = index;
        else if (const auto *rule = resource.as<DestinationRuleSpec>())
            hosts[qualifyHost(rule->host, nsOf(resource))].rules.push_back(index);
        else if (const auto *entry = resource.as<ServiceEntrySpec>())
            for (const std::string &host : entry->hosts)
                hosts[qualifyHost(host, nsOf(resource))].entries.push_back(index);
    }
    for (const auto &[host, info] : hosts) {
        GraphNode node;
        node.id = QStringLiteral("destination:") + q(host);
        node.kind = NodeKind::Destination;
        node.column = Column::Destinations;
        node.host = q(host);
        std::string serviceName, serviceNs;
        QStringList tip;
        if (info.service >= 0) {
            const Resource &service = resources[static_cast<std::size_t>(info.service)];
            const auto *spec = service.as<ServiceSpec>();
            node.title = q(service.name);
            QStringList ports;
            for (const ServicePort &port : spec->ports)
                ports << QString::number(port.port);
            node.subtitle = Tr::tr("Service · %1").arg(ports.join(QStringLiteral(", ")));
            node.resource = info.service;
            node.resources.push_back(info.service);
            tip << QStringLiteral("<b>%1</b>").arg(q(service.displayName(defaultNs)).toHtmlEscaped());
            tip << Tr::tr("selector: %1").arg(labelsText(spec->selector)).toHtmlEscaped();
        } else if (!info.entries.empty()) {
            const Resource &entry = resources[static_cast<std::size_t>(info.entries.front())];
            node.title = q(host);
            node.subtitle = Tr::tr("ServiceEntry %1").arg(q(entry.name));
            node.resource = info.entries.front();
        } else {
            node.title = q(host);
            node.subtitle = Tr::tr("no Service or ServiceEntry");
        }
        for (int entry : info.entries)
            if (!node.resources.contains(entry))
                node.resources.push_back(entry);
        for (int ruleIndex : info.rules) {
            const Resource &ruleResource = resources[static_cast<std::size_t>(ruleIndex)];
            const auto *rule = ruleResource.as<DestinationRuleSpec>();
            node.resources.push_back(ruleIndex);
            if (node.resource < 0)
                node.resource = ruleIndex;
            tip << Tr::tr("DestinationRule %1").arg(q(ruleResource.displayName(defaultNs))).toHtmlEscaped();
            for (std::size_t s = 0; s < rule->subsets.size(); ++s) {
                const Subset &subset = rule->subsets[s];
                if (node.socketIndex(q(subset.name)) >= 0)
                    continue;
                GraphSocket socket;
                socket.key = q(subset.name);
                socket.label = q(subset.name);
                socket.detail = labelsText(subset.labels);
                socket.index = static_cast<int>(s);
                node.sockets.push_back(socket);
                tip << Tr::tr("subset %1: %2").arg(q(subset.name), labelsText(subset.labels)).toHtmlEscaped();
            }
        }
        if (node.sockets.isEmpty()) {
            GraphSocket all;
            all.key = QStringLiteral("*");
            all.label = Tr::tr("all endpoints");
            node.sockets.push_back(all);
        }
        tip.prepend(QStringLiteral("<b>%1</b>").arg(q(host).toHtmlEscaped()));
        node.tooltip = tip.join(QStringLiteral("<br>"));
        graph.addNode(std::move(node));
    }

    // ------------------------------------------------------------ routes
    auto ghost = [&](const QString &id, Column column, const QString &title,
                     const QString &subtitle) -> GraphNode & {
        GraphNode node;
        node.id = id;
        node.kind = NodeKind::Ghost;
        node.column = column;
        node.title = title;
        node.subtitle = subtitle;
        node.tooltip = Tr::tr("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), subtitle.toHtmlEscaped());
        return graph.addNode(std::move(node));
    };

    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Resource &resource = resources[i];
        const auto *vs = resource.as<VirtualServiceSpec>();
        if (!vs)
            continue;
        const std::string vsNs = nsOf(resource);
        const std::vector<std::string> bound = vs->effectiveGateways();

        auto addRule = [&](edits::Section section, int r,
                           const std::vector<const L4MatchAttributes *> &matches,
                           const std::vector<std::vector<std::string>> &sni,
                           const std::vector<RouteDestination> &route) {
            GraphNode node;
            node.id = QStringLiteral("route:%1/%2/%3")
                          .arg(qualified(resource), QLatin1String(edits::sectionKey(section)))
                          .arg(r);
            node.kind = NodeKind::Route;
            node.column = Column::Routes;
            node.resource = static_cast<int>(i);
            node.resources = {node.resource};
            node.route = {static_cast<int>(i), section, r};
            node.title = QStringLiteral("%1 · %2 %3")
                             .arg(q(resource.name), section == edits::Section::Tcp ? QStringLiteral("tcp")
                                                                                   : QStringLiteral("tls"))
                             .arg(r + 1);
            QStringList parts;
            for (std::size_t m = 0; m < matches.size(); ++m) {
                QStringList part;
                if (matches[m]->port)
                    part << Tr::tr("port %1").arg(*matches[m]->port);
                if (!matches[m]->gateways.empty()) {
                    QStringList gateways;
                    for (const std::string &gateway : matches[m]->gateways)
                        gateways << q(gateway);
                    part << gateways.join(QStringLiteral(", "));
                }
                if (m < sni.size() && !sni[m].empty()) {
                    QStringList names;
                    for (const std::string &name : sni[m])
                        names << q(name);
                    part << Tr::tr("SNI %1").arg(names.join(QStringLiteral(", ")));
                }
                parts << part.join(QStringLiteral(" · "));
            }
            node.subtitle = matches.empty() ? Tr::tr("any port") : parts.join(QStringLiteral(" | "));
            QStringList tip{
                QStringLiteral("<b>%1</b>").arg(q(resource.displayName(defaultNs)).toHtmlEscaped()),
                Tr::tr("%1 rule %2: %3")
                    .arg(QLatin1String(edits::sectionKey(section)))
                    .arg(r + 1)
                    .arg(node.subtitle)
                    .toHtmlEscaped()};
            for (const RouteDestination &destination : route)
                tip << Tr::tr("→ %1 %2 %3")
                           .arg(q(destination.destination.host), q(destination.destination.subset),
                                destination.weight ? Tr::tr("weight %1").arg(*destination.weight) : QString())
                           .toHtmlEscaped();
            node.tooltip = tip.join(QStringLiteral("<br>"));
            const QString routeId = graph.addNode(std::move(node)).id;

            // gateway ports -> route
            std::vector<const L4MatchAttributes *> effective = matches;
            const L4MatchAttributes any;
            if (effective.empty())
                effective.push_back(&any);
            for (const L4MatchAttributes *match : effective) {
                const std::vector<std::string> &refs = match->gateways.empty() ? bound : match->gateways;
                for (const std::string &ref : refs) {
                    if (isMeshGateway(ref))
                        continue;
                    const QualifiedName name = resolveGatewayRef(ref, vsNs);
                    const QString gatewayId = QStringLiteral("gateway:%1/%2").arg(q(name.ns), q(name.name));
                    const GraphNode *gateway = graph.node(gatewayId);
                    if (!gateway) {
                        const QString id = QStringLiteral("ghost:") + gatewayId;
                        ghost(id, Column::Gateways, q(name.name), Tr::tr("missing Gateway"));
                        graph.m_edges.push_back({EdgeKind::PortToRoute, id, {}, routeId, {}, {}, true, -1});
                        continue;
                    }
                    bool found = false;
                    const Resource &gatewayResource = resources[static_cast<std::size_t>(gateway->resource)];
                    const auto *gatewaySpec = gatewayResource.as<GatewaySpec>();
                    for (std::size_t s = 0; s < gatewaySpec->servers.size(); ++s) {
                        if (match->port && gatewaySpec->servers[s].port.number != *match->port)
                            continue;
                        found = true;
                        graph.m_edges.push_back({EdgeKind::PortToRoute,
                                                 gatewayId,
                                                 QString::number(s),
                                                 routeId,
                                                 {},
                                                 {},
                                                 false,
                                                 -1});
                    }
                    if (!found && match->port) {
                        const QString id = QStringLiteral("ghost:port:%1/%2:%3")
                                               .arg(q(name.ns), q(name.name))
                                               .arg(*match->port);
                        ghost(id, Column::Gateways, Tr::tr("port %1").arg(*match->port),
                              Tr::tr("not a port of Gateway %1").arg(q(name.name)));
                        graph.m_edges.push_back({EdgeKind::PortToRoute, id, {}, routeId, {}, {}, true, -1});
                    }
                }
            }

            // route -> subsets
            for (std::size_t d = 0; d < route.size(); ++d) {
                const Destination &destination = route[d].destination;
                const std::string host = qualifyHost(destination.host, vsNs);
                const QString destinationId = QStringLiteral("destination:") + q(host);
                QString label;
                if (route[d].weight)
                    label = QStringLiteral("%1%").arg(*route[d].weight);
                GraphNode *target = nullptr;
                if (const int index = graph.nodeIndex(destinationId); index >= 0)
                    target = &graph.m_nodes[index];
                if (!target || (target->resource < 0)) {
                    const QString id = QStringLiteral("ghost:host:") + q(host);
                    ghost(id, Column::Destinations, q(destination.host), Tr::tr("unknown host"));
                    graph.m_edges.push_back(
                        {EdgeKind::RouteToSubset, routeId, {}, id, {}, label, true, static_cast<int>(d)});
                    continue;
                }
                QString socket = destination.subset.empty() ? QStringLiteral("*") : q(destination.subset);
                if (target->socketIndex(socket) < 0) {
                    if (destination.subset.empty()) {
                        GraphSocket all;
                        all.key = socket;
                        all.label = Tr::tr("all endpoints");
                        target->sockets.push_front(all);
                    } else {
                        const QString id = QStringLiteral("ghost:subset:%1/%2").arg(q(host), socket);
                        ghost(id, Column::Destinations, Tr::tr("subset %1").arg(socket),
                              Tr::tr("not defined for %1").arg(q(destination.host)));
                        graph.m_edges.push_back(
                            {EdgeKind::RouteToSubset, routeId, {}, id, {}, label, true, static_cast<int>(d)});
                        continue;
                    }
                }
                graph.m_edges.push_back({EdgeKind::RouteToSubset,
                                         routeId,
                                         {},
                                         destinationId,
                                         socket,
                                         label,
                                         false,
                                         static_cast<int>(d)});
            }
        };

        for (std::size_t r = 0; r < vs->tcp.size(); ++r) {
            std::vector<const L4MatchAttributes *> matches;
            for (const TcpMatch &match : vs->tcp[r].match)
                matches.push_back(&match);
            addRule(edits::Section::Tcp, static_cast<int>(r), matches, {}, vs->tcp[r].route);
        }
        for (std::size_t r = 0; r < vs->tls.size(); ++r) {
            std::vector<const L4MatchAttributes *> matches;
            std::vector<std::vector<std::string>> sni;
            for (const TlsMatch &match : vs->tls[r].match) {
                matches.push_back(&match);
                sni.push_back(match.sniHosts);
            }
            addRule(edits::Section::Tls, static_cast<int>(r), matches, sni, vs->tls[r].route);
        }
    }

    // ------------------------------------------------------------ workloads
    struct Workload
    {
        QString id;
        std::string ns;
        Labels labels;
    };
    std::vector<Workload> workloads;
    for (std::size_t i = 0; i < resources.size(); ++i) {
        const Resource &resource = resources[i];
        GraphNode node;
        node.kind = NodeKind::Workload;
        node.column = Column::Workloads;
        node.resource = static_cast<int>(i);
        node.resources = {node.resource};
        node.title = q(resource.name);
        if (const auto *deployment = resource.as<DeploymentSpec>()) {
            node.id = QStringLiteral("workload:Deployment/") + qualified(resource);
            node.subtitle = Tr::tr("Deployment · %n replica(s)", nullptr, deployment->replicas);
            node.tooltip =
                QStringLiteral("<b>%1</b><br>%2")
                    .arg(q(resource.displayName(defaultNs)).toHtmlEscaped(),
                         Tr::tr("pod labels: %1").arg(labelsText(deployment->podLabels)).toHtmlEscaped());
            workloads.push_back({node.id, nsOf(resource), deployment->podLabels});
            graph.addNode(std::move(node));
        } else if (const auto *entry = resource.as<WorkloadEntrySpec>()) {
            node.id = QStringLiteral("workload:WorkloadEntry/") + qualified(resource);
            node.subtitle = Tr::tr("WorkloadEntry · %1").arg(q(entry->address));
            node.tooltip = QStringLiteral("<b>%1</b><br>%2")
                               .arg(q(resource.displayName(defaultNs)).toHtmlEscaped(),
                                    Tr::tr("labels: %1").arg(labelsText(entry->labels)).toHtmlEscaped());
            workloads.push_back({node.id, nsOf(resource), entry->labels});
            graph.addNode(std::move(node));
        }
    }

    // subsets -> workloads
    const QVector<GraphNode> destinations = graph.m_nodes;
    for (const GraphNode &destination : destinations) {
        if (destination.kind != NodeKind::Destination)
            continue;
        const auto &info = hosts[destination.host.toStdString()];
        Labels selector;
        std::string serviceNs;
        if (info.service >= 0) {
            const Resource &service = resources[static_cast<std::size_t>(info.service)];
            selector = service.as<ServiceSpec>()->selector;
            serviceNs = nsOf(service);
        }
        for (const GraphSocket &socket : destination.sockets) {
            Labels subsetLabels;
            if (socket.key != QLatin1String("*"))
                for (int ruleIndex : info.rules) {
                    const auto *rule =
                        resources[static_cast<std::size_t>(ruleIndex)].as<DestinationRuleSpec>();
                    for (const Subset &subset : rule->subsets)
                        if (q(subset.name) == socket.key)
                            subsetLabels = subset.labels;
                }
            if (info.service >= 0 && !selector.empty()) {
                const Labels wanted = merged(selector, subsetLabels);
                for (const Workload &workload : workloads)
                    if (workload.ns == serviceNs && contains(workload.labels, wanted))
                        graph.m_edges.push_back({EdgeKind::SubsetToWorkload,
                                                 destination.id,
                                                 socket.key,
                                                 workload.id,
                                                 {},
                                                 {},
                                                 false,
                                                 -1});
            }
            for (int entryIndex : info.entries) {
                const Resource &entryResource = resources[static_cast<std::size_t>(entryIndex)];
                const auto *entry = entryResource.as<ServiceEntrySpec>();
                for (std::size_t e = 0; e < entry->endpoints.size(); ++e) {
                    const WorkloadEntrySpec &endpoint = entry->endpoints[e];
                    if (!contains(endpoint.labels, subsetLabels))
                        continue;
                    GraphNode node;
                    node.id = QStringLiteral("workload:endpoint/%1/%2").arg(qualified(entryResource)).arg(e);
                    node.kind = NodeKind::Workload;
                    node.column = Column::Workloads;
                    node.resource = entryIndex;
                    node.resources = {entryIndex};
                    node.title = q(endpoint.address);
                    node.subtitle = Tr::tr("ServiceEntry endpoint");
                    node.tooltip =
                        QStringLiteral("<b>%1</b><br>%2")
                            .arg(q(endpoint.address).toHtmlEscaped(),
                                 Tr::tr("labels: %1").arg(labelsText(endpoint.labels)).toHtmlEscaped());
                    const QString id = graph.addNode(std::move(node)).id;
                    graph.m_edges.push_back(
                        {EdgeKind::SubsetToWorkload, destination.id, socket.key, id, {}, {}, false, -1});
                }
                if (entry->workloadSelector) {
                    const Labels wanted = merged(*entry->workloadSelector, subsetLabels);
                    for (const Workload &workload : workloads)
                        if (workload.id.startsWith(QLatin1String("workload:WorkloadEntry/")) &&
                            workload.ns == nsOf(entryResource) && contains(workload.labels, wanted))
                            graph.m_edges.push_back({EdgeKind::SubsetToWorkload,
                                                     destination.id,
                                                     socket.key,
                                                     workload.id,
                                                     {},
                                                     {},
                                                     false,
                                                     -1});
                }
            }
        }
    }

    // ------------------------------------------------------------ badges
    std::map<std::string, int> byName;
    for (std::size_t i = 0; i < resources.size(); ++i)
        byName.emplace(resources[i].displayName(defaultNs), static_cast<int>(i));
    std::map<int, Severity> worst;
    std::map<int, QStringList> problems; // per resource: its diagnostics, in the UI language
    for (const Diagnostic &diagnostic : diagnostics) {
        auto found = byName.find(diagnostic.resource.display());
        if (found == byName.end())
            continue;
        auto [it, inserted] = worst.emplace(found->second, diagnostic.severity);
        if (!inserted && diagnostic.severity > it->second)
            it->second = diagnostic.severity;
        problems[found->second] << QStringLiteral("%1: %2").arg(
            severityText(diagnostic.severity), diagnosticMessage(diagnostic).toHtmlEscaped());
    }
    for (GraphNode &node : graph.m_nodes) {
        QStringList lines;
        for (int index : node.resources) {
            auto found = worst.find(index);
            if (found != worst.end() && badgeOf(found->second) > node.badge)
                node.badge = badgeOf(found->second);
            if (auto listed = problems.find(index); listed != problems.end())
                lines << listed->second;
        }
        // The badge's problems, below the summary (at most a few: the diagnostics list has them all).
        if (!lines.isEmpty()) {
            lines.removeDuplicates();
            const qsizetype shown = std::min<qsizetype>(lines.size(), 5);
            node.tooltip += QStringLiteral("<hr>") + lines.mid(0, shown).join(QStringLiteral("<br>"));
            if (lines.size() > shown)
                node.tooltip += QStringLiteral("<br>…");
        }
        if (node.kind == NodeKind::Ghost)
            node.badge = Badge::Error;
    }
    return graph;
}

} // namespace meshroute::studio
