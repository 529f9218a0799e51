#include "graph/graphmodel.h"

#include "compile/compilesession.h"
#include "graph/gatewayapigraph.h"
#include "graph/graphtexts.h"
#include "graph/nodeid.h"
#include "model/names.h"
#include "routing/binding.h"
#include "views/diagnostictext.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>

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

EdgeIdentity identityOf(const GraphEdge &edge)
{
    return {edge.kind, edge.from, edge.fromSocket, edge.to, edge.toSocket, edge.destination};
}

size_t qHash(const EdgeIdentity &identity, size_t seed) noexcept
{
    return qHashMulti(seed, static_cast<int>(identity.kind), identity.from, identity.fromSocket, identity.to,
                      identity.toSocket, identity.destination);
}

void GraphModel::addEdge(GraphEdge edge)
{
    EdgeIdentity identity = identityOf(edge);
    if (m_edgeIdentities.contains(identity))
        return;
    m_edgeIdentities.insert(std::move(identity));
    m_edges.push_back(std::move(edge));
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

// Builds a GraphModel in named steps: the nodes (views of the resources), then the edges as
// core answers them (bindGateways for ports, the compiled route table for what runs,
// resolveDestinations for what is drawn but not run), then the badges.
class GraphBuilder
{
public:
    GraphBuilder(const ResourceSet &set, const Diagnostics &diagnostics,
                 const std::optional<gatewayapi::Target> &target, GraphModel &graph, GraphTexts &texts)
        : m_set(set)
        , m_diagnostics(diagnostics)
        , m_target(target)
        , m_graph(graph)
        , m_texts(texts)
    {}

    void run()
    {
        m_binding = routing::bindGateways(m_set);
        CompileOptions options;
        options.gatewayApiTarget = m_target;
        m_compiled.emplace(m_set, options);
        m_table = m_compiled->result().table;
        indexCompiledRoutes();
        addGateways();
        addDestinations();
        addRules();
        addPortEdges();
        addMissingGatewaysAndPorts();
        addDestinationEdges();
        addWorkloads();
        addWorkloadEdges();
        markRulesNotRun();
        addGatewayApi(m_set, m_graph, m_target, m_table); // gatewayapigraph.h: the Gateway API resources
        addBadges();
        m_texts.endBuild();
    }

private:
    struct RuleInfo
    {
        QString id;
        routing::RuleRef ref;
        const std::vector<RouteDestination> *route = nullptr;
        std::vector<const L4MatchAttributes *> matches;
        bool runs = false;   // a live port edge: the local gateway runs it
        QStringList reasons; // why it does not run where it is aimed
    };

    const std::string &ns(const Resource &r) const { return r.effectiveNamespace(m_set.defaultNamespace); }
    std::string ref(const Resource &r) const { return ns(r) + "/" + r.name; }
    const Resource &resource(std::size_t index) const { return m_set.resources[index]; }

    void addEdge(GraphEdge edge) { m_graph.addEdge(std::move(edge)); }

    GraphNode &ghost(const QString &id, Column column, const QString &title, const QString &subtitle)
    {
        GraphNode node;
        node.id = id;
        node.kind = NodeKind::Ghost;
        node.column = column;
        node.title = title;
        node.subtitle = subtitle;
        node.tooltip = Tr::tr("<b>%1</b><br>%2").arg(title.toHtmlEscaped(), subtitle.toHtmlEscaped());
        return m_graph.addNode(std::move(node));
    }

    // ------------------------------------------------------------ what runs

    void indexCompiledRoutes()
    {
        for (std::size_t i = 0; i < m_table->routes.size(); ++i) {
            const Route &r = m_table->routes[i];
            m_compiledRoutes[nodeid::route(r.virtualService, r.section, r.rule)].push_back(&r);
        }
    }

    // ------------------------------------------------------------ nodes

    void addGateways()
    {
        for (std::size_t i = 0; i < m_set.resources.size(); ++i) {
            const Resource &r = m_set.resources[i];
            const auto *spec = r.as<GatewaySpec>();
            if (!spec)
                continue;
            GraphNode node;
            node.id = nodeid::gateway(ns(r), r.name);
            node.kind = NodeKind::Gateway;
            node.column = Column::Gateways;
            node.resource = static_cast<int>(i);
            node.resources = {node.resource};
            const GraphText &text = gatewayText(r, *spec);
            node.title = text.title;
            node.subtitle = text.subtitle;
            node.sockets = text.sockets;
            // The gateway's own words, with what binding says of each server that is not served.
            QStringList tip{text.tooltip};
            for (std::size_t s = 0; s < spec->servers.size(); ++s) {
                tip << text.lines[static_cast<qsizetype>(s)];
                if (const routing::ServerBinding *b = m_binding.find(i, s);
                    b && b->state != routing::ServerState::Served)
                    tip << QStringLiteral("&nbsp;&nbsp;") + serverStateText(*b).toHtmlEscaped();
            }
            node.tooltip = tip.join(QStringLiteral("<br>"));
            m_graph.addNode(std::move(node));
        }
    }

    // The words of a gateway node, from the Gateway alone: its title, subtitle and sockets, the
    // head of its tooltip, and one tooltip line per server (`lines`).
    const GraphText &gatewayText(const Resource &r, const GatewaySpec &spec)
    {
        TextKey key('g');
        key << ns(r) << r.name << r.displayName(m_set.defaultNamespace) << spec.selector;
        key.number(spec.servers.size());
        for (const Server &server : spec.servers) {
            key.number(server.port.number) << server.port.protocol << server.port.name;
            key << (server.tls ? server.tls->mode : std::string()) << server.hosts;
        }
        if (const GraphText *kept = m_texts.find(key.text()))
            return *kept;
        GraphText text;
        text.title = q(r.name);
        text.subtitle = Tr::tr("Gateway · %1").arg(q(ns(r)));
        QStringList head{
            QStringLiteral("<b>%1</b>").arg(q(r.displayName(m_set.defaultNamespace)).toHtmlEscaped())};
        if (!spec.selector.empty())
            head << Tr::tr("selector: %1").arg(labelsText(spec.selector).toHtmlEscaped());
        text.tooltip = head.join(QStringLiteral("<br>"));
        for (std::size_t s = 0; s < spec.servers.size(); ++s) {
            const Server &server = spec.servers[s];
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
            text.lines << Tr::tr("port %1 %2 (%3), hosts %4")
                              .arg(server.port.number)
                              .arg(q(server.port.protocol), q(server.port.name),
                                   hosts.join(QStringLiteral(", ")))
                              .toHtmlEscaped();
            text.sockets.push_back(socket);
        }
        return m_texts.insert(key.take(), std::move(text));
    }

    void addDestinations()
    {
        const auto &resources = m_set.resources;
        std::map<std::string, DestinationInfo> hosts;
        for (std::size_t i = 0; i < resources.size(); ++i) {
            const Resource &r = resources[i];
            const int index = static_cast<int>(i);
            if (r.kind == Kind::Service)
                hosts[qualifyHost(r.name, ns(r))].service = index;
            else if (const auto *rule = r.as<DestinationRuleSpec>())
                hosts[qualifyHost(rule->host, ns(r))].rules.push_back(index);
            else if (const auto *entry = r.as<ServiceEntrySpec>())
                for (const std::string &host : entry->hosts)
                    hosts[qualifyHost(host, ns(r))].entries.push_back(index);
        }
        for (const auto &[host, info] : hosts) {
            GraphNode node;
            node.id = nodeid::destination(host);
            node.kind = NodeKind::Destination;
            node.column = Column::Destinations;
            node.host = q(host);
            if (info.service >= 0) {
                node.resource = info.service;
                node.resources.push_back(info.service);
            } else if (!info.entries.empty()) {
                node.resource = info.entries.front();
            }
            for (int entry : info.entries)
                if (!node.resources.contains(entry))
                    node.resources.push_back(entry);
            for (int ruleIndex : info.rules) {
                node.resources.push_back(ruleIndex);
                if (node.resource < 0)
                    node.resource = ruleIndex;
            }
            const GraphText &text = destinationText(host, info);
            node.title = text.title;
            node.subtitle = text.subtitle;
            node.tooltip = text.tooltip;
            node.sockets = text.sockets;
            m_graph.addNode(std::move(node));
        }
    }

    // The words of a destination node, from what names its host: the Service (or the first
    // ServiceEntry) and the DestinationRules, in the order of the set.
    const GraphText &destinationText(const std::string &host, const DestinationInfo &info)
    {
        const auto &resources = m_set.resources;
        TextKey key('d');
        key << host;
        if (info.service >= 0) {
            const Resource &service = resources[static_cast<std::size_t>(info.service)];
            key << "s" << service.name << service.displayName(m_set.defaultNamespace);
            const auto *spec = service.as<ServiceSpec>();
            key.number(spec->ports.size());
            for (const ServicePort &port : spec->ports)
                key.number(port.port);
            key << spec->selector;
        } else if (!info.entries.empty()) {
            key << "e" << resources[static_cast<std::size_t>(info.entries.front())].name;
        } else {
            key << "-";
        }
        key.number(info.rules.size());
        for (int ruleIndex : info.rules) {
            const Resource &ruleResource = resources[static_cast<std::size_t>(ruleIndex)];
            key << ruleResource.displayName(m_set.defaultNamespace);
            const auto *rule = ruleResource.as<DestinationRuleSpec>();
            key.number(rule->subsets.size());
            for (const Subset &subset : rule->subsets)
                key << subset.name << subset.labels;
        }
        if (const GraphText *kept = m_texts.find(key.text()))
            return *kept;

        GraphText text;
        QStringList tip{QStringLiteral("<b>%1</b>").arg(q(host).toHtmlEscaped())};
        if (info.service >= 0) {
            const Resource &service = resources[static_cast<std::size_t>(info.service)];
            const auto *spec = service.as<ServiceSpec>();
            text.title = q(service.name);
            QStringList ports;
            for (const ServicePort &port : spec->ports)
                ports << QString::number(port.port);
            text.subtitle = Tr::tr("Service · %1").arg(ports.join(QStringLiteral(", ")));
            tip << QStringLiteral("<b>%1</b>")
                       .arg(q(service.displayName(m_set.defaultNamespace)).toHtmlEscaped());
            tip << Tr::tr("selector: %1").arg(labelsText(spec->selector)).toHtmlEscaped();
        } else if (!info.entries.empty()) {
            const Resource &entry = resources[static_cast<std::size_t>(info.entries.front())];
            text.title = q(host);
            text.subtitle = Tr::tr("ServiceEntry %1").arg(q(entry.name));
        } else {
            text.title = q(host);
            text.subtitle = Tr::tr("no Service or ServiceEntry");
        }
        QSet<QString> subsets;
        for (int ruleIndex : info.rules) {
            const Resource &ruleResource = resources[static_cast<std::size_t>(ruleIndex)];
            const auto *rule = ruleResource.as<DestinationRuleSpec>();
            tip << Tr::tr("DestinationRule %1")
                       .arg(q(ruleResource.displayName(m_set.defaultNamespace)))
                       .toHtmlEscaped();
            for (std::size_t s = 0; s < rule->subsets.size(); ++s) {
                const Subset &subset = rule->subsets[s];
                const QString name = q(subset.name);
                if (subsets.contains(name))
                    continue; // the first DestinationRule to define a subset name draws it
                subsets.insert(name);
                GraphSocket socket;
                socket.key = name;
                socket.label = name;
                socket.detail = labelsText(subset.labels);
                socket.index = static_cast<int>(s);
                text.sockets.push_back(socket);
                tip << Tr::tr("subset %1: %2").arg(name, socket.detail).toHtmlEscaped();
            }
        }
        if (text.sockets.isEmpty())
            text.sockets.push_back(wholeService());
        text.tooltip = tip.join(QStringLiteral("<br>"));
        return m_texts.insert(key.take(), std::move(text));
    }

    static GraphSocket wholeService()
    {
        GraphSocket all;
        all.key = QStringLiteral("*");
        all.label = Tr::tr("all endpoints");
        return all;
    }

    void addRules()
    {
        for (std::size_t i = 0; i < m_set.resources.size(); ++i) {
            const auto *vs = m_set.resources[i].as<VirtualServiceSpec>();
            if (!vs)
                continue;
            for (std::size_t r = 0; r < vs->tcp.size(); ++r) {
                std::vector<const L4MatchAttributes *> matches;
                for (const TcpMatch &match : vs->tcp[r].match)
                    matches.push_back(&match);
                addRule(i, {i, routing::Section::Tcp, r}, matches, {}, vs->tcp[r].route);
            }
            for (std::size_t r = 0; r < vs->tls.size(); ++r) {
                std::vector<const L4MatchAttributes *> matches;
                std::vector<std::vector<std::string>> sni;
                for (const TlsMatch &match : vs->tls[r].match) {
                    matches.push_back(&match);
                    sni.push_back(match.sniHosts);
                }
                addRule(i, {i, routing::Section::Tls, r}, matches, sni, vs->tls[r].route);
            }
        }
    }

    void addRule(std::size_t index, const routing::RuleRef &ruleRef,
                 const std::vector<const L4MatchAttributes *> &matches,
                 const std::vector<std::vector<std::string>> &sni, const std::vector<RouteDestination> &route)
    {
        const Resource &r = m_set.resources[index];
        const int rule = static_cast<int>(ruleRef.rule);
        const char *section = routing::sectionKey(ruleRef.section);
        GraphNode node;
        node.id = nodeid::route(ref(r), section, rule);
        node.kind = NodeKind::Route;
        node.column = Column::Routes;
        node.resource = static_cast<int>(index);
        node.resources = {node.resource};
        node.route = {static_cast<int>(index), ruleRef.section, rule};
        const GraphText &text = ruleText(r, section, rule, matches, sni, route);
        node.title = text.title;
        node.subtitle = text.subtitle;
        node.tooltip = text.tooltip;
        RuleInfo info;
        info.id = m_graph.addNode(std::move(node)).id;
        info.ref = ruleRef;
        info.route = &route;
        info.matches = matches;
        m_ruleIndex[ruleRef] = m_rules.size();
        m_rules.push_back(std::move(info));
    }

    // The words of a rule node, from the rule alone: its matches and destinations.
    const GraphText &ruleText(const Resource &r, const char *section, int rule,
                              const std::vector<const L4MatchAttributes *> &matches,
                              const std::vector<std::vector<std::string>> &sni,
                              const std::vector<RouteDestination> &route)
    {
        TextKey key('r');
        key << r.name << r.displayName(m_set.defaultNamespace) << section;
        key.number(static_cast<std::uint64_t>(rule)).number(matches.size());
        for (std::size_t m = 0; m < matches.size(); ++m) {
            key.number(matches[m]->port.has_value()).number(matches[m]->port.value_or(0));
            key << matches[m]->gateways << (m < sni.size() ? sni[m] : std::vector<std::string>());
        }
        key.number(route.size());
        for (const RouteDestination &destination : route) {
            key << destination.destination.host << destination.destination.subset;
            key.number(destination.weight.has_value())
                .number(static_cast<std::uint64_t>(destination.weight.value_or(0)));
        }
        if (const GraphText *kept = m_texts.find(key.text()))
            return *kept;

        GraphText text;
        text.title = QStringLiteral("%1 · %2 %3").arg(q(r.name), QLatin1String(section)).arg(rule + 1);
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
        text.subtitle = matches.empty() ? Tr::tr("any port") : parts.join(QStringLiteral(" | "));
        QStringList tip{
            QStringLiteral("<b>%1</b>").arg(q(r.displayName(m_set.defaultNamespace)).toHtmlEscaped()),
            Tr::tr("%1 rule %2: %3")
                .arg(QLatin1String(section))
                .arg(rule + 1)
                .arg(text.subtitle)
                .toHtmlEscaped()};
        for (const RouteDestination &destination : route)
            tip << Tr::tr("→ %1 %2 %3")
                       .arg(q(destination.destination.host), q(destination.destination.subset),
                            destination.weight ? Tr::tr("weight %1").arg(*destination.weight) : QString())
                       .toHtmlEscaped();
        text.tooltip = tip.join(QStringLiteral("<br>"));
        return m_texts.insert(key.take(), std::move(text));
    }

    // ------------------------------------------------------------ gateway ports -> rules

    QString ruleTitle(const routing::RuleRef &ref) const
    {
        return QStringLiteral("%1 · %2 %3")
            .arg(q(resource(ref.virtualService).name), QLatin1String(routing::sectionKey(ref.section)))
            .arg(ref.rule + 1);
    }

    QString serverStateText(const routing::ServerBinding &b) const
    {
        const Server &server = resource(b.gateway).as<GatewaySpec>()->servers[b.server];
        switch (b.state) {
        case routing::ServerState::Served:
            return {};
        case routing::ServerState::NotSelected:
            return Tr::tr(
                       "port %1 is not served here: the Gateway's selector does not select the local gateway "
                       "(%2)")
                .arg(b.port)
                .arg(labelsText(routing::GatewayWorkload{}.labels));
        case routing::ServerState::InvalidPort:
            return Tr::tr("port %1 is not a valid port number").arg(b.port);
        case routing::ServerState::PortTaken: {
            const QualifiedName &owner = m_binding.servers[*b.owner].gatewayName;
            return Tr::tr("port %1 is not served here: Gateway %2, which came first, has it")
                .arg(b.port)
                .arg(q(owner.ns + "/" + owner.name));
        }
        case routing::ServerState::HttpFamily:
            return Tr::tr("port %1 (%2) is served by http rules, which the local gateway does not run")
                .arg(b.port)
                .arg(q(server.port.protocol));
        case routing::ServerState::AutoPassthrough:
            return Tr::tr("port %1 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a "
                          "VirtualService; the local gateway does not serve it")
                .arg(b.port);
        }
        return {};
    }

    QString ruleUseText(const routing::RuleAtServer &at, const routing::ServerBinding &b) const
    {
        const QString gateway = q(b.gatewayName.ns + "/" + b.gatewayName.name);
        const Resource &vs = resource(at.rule.virtualService);
        switch (at.use) {
        case routing::RuleUse::Serves:
            return {};
        case routing::RuleUse::Shadowed:
            return Tr::tr("not used on port %1: %2 comes first and takes the whole port")
                .arg(b.port)
                .arg(ruleTitle(*at.shadowedBy));
        case routing::RuleUse::NoSniHosts:
            return Tr::tr("not used on port %1: its matches there name no SNI host").arg(b.port);
        case routing::RuleUse::PortNotServed:
            return serverStateText(b);
        case routing::RuleUse::WrongFamily:
            return at.rule.section == routing::Section::Tcp
                       ? Tr::tr("not used on port %1: the port is routed by SNI, through tls rules")
                             .arg(b.port)
                       : Tr::tr("not used on port %1: the port is not routed by SNI; tcp rules serve it")
                             .arg(b.port);
        case routing::RuleUse::NotBound:
            return Tr::tr("not used on port %1: VirtualService %2 is not bound to Gateway %3 (match-level "
                          "gateways only narrow a rule; the top-level gateways bind)")
                .arg(b.port)
                .arg(q(ref(vs)), gateway);
        case routing::RuleUse::NotExported:
            return Tr::tr(
                       "not used on port %1: the exportTo of VirtualService %2 hides it from the gateway's "
                       "namespace %3")
                .arg(b.port)
                .arg(q(ref(vs)), q(routing::GatewayWorkload{}.ns));
        case routing::RuleUse::HostNotAccepted:
            return Tr::tr("not used on port %1: the server's hosts accept no host of VirtualService %2")
                .arg(b.port)
                .arg(q(ref(vs)));
        }
        return {};
    }

    void addPortEdges()
    {
        for (const routing::ServerBinding &b : m_binding.servers) {
            const QString gatewayId = nodeid::gateway(b.gatewayName.ns, b.gatewayName.name);
            for (const routing::RuleAtServer &at : b.rules) {
                RuleInfo &rule = m_rules[m_ruleIndex.at(at.rule)];
                GraphEdge edge;
                edge.kind = EdgeKind::PortToRoute;
                edge.from = gatewayId;
                edge.fromSocket = QString::number(b.server);
                edge.to = rule.id;
                if (at.use == routing::RuleUse::Serves) {
                    rule.runs = true;
                } else {
                    edge.inactive = true;
                    edge.reason = ruleUseText(at, b);
                    rule.reasons << edge.reason;
                }
                addEdge(std::move(edge));
            }
        }
    }

    // A rule bound to a Gateway the input lacks, or naming a port its Gateway does not have.
    void addMissingGatewaysAndPorts()
    {
        for (RuleInfo &rule : m_rules) {
            const Resource &r = resource(rule.ref.virtualService);
            const auto &vs = *r.as<VirtualServiceSpec>();
            const std::vector<QualifiedName> bound = routing::boundGateways(vs, ns(r));
            if (bound.empty())
                rule.reasons << Tr::tr("binds no Gateway: its gateways are only mesh (the sidecars)");
            for (const QualifiedName &name : bound) {
                const Resource *gateway = m_set.find(Kind::Gateway, name.ns, name.name);
                if (!gateway) {
                    const QString id = nodeid::missingGateway(name.ns, name.name);
                    ghost(id, Column::Gateways, q(name.name), Tr::tr("missing Gateway"));
                    addBroken(EdgeKind::PortToRoute, id, rule.id,
                              Tr::tr("no Gateway %1").arg(q(name.ns + "/" + name.name)));
                    continue;
                }
                const auto &servers = gateway->as<GatewaySpec>()->servers;
                for (const L4MatchAttributes *match : rule.matches) {
                    if (!match->port || !routing::matchFits(*match, *match->port, ns(r), name))
                        continue;
                    const bool found = std::any_of(servers.begin(), servers.end(), [&](const Server &server) {
                        return server.port.number == *match->port;
                    });
                    if (found)
                        continue;
                    const QString id = nodeid::missingPort(name.ns, name.name, *match->port);
                    ghost(id, Column::Gateways, Tr::tr("port %1").arg(*match->port),
                          Tr::tr("not a port of Gateway %1").arg(q(name.name)));
                    addBroken(EdgeKind::PortToRoute, id, rule.id,
                              Tr::tr("not a port of Gateway %1").arg(q(name.name)));
                }
            }
        }
    }

    void addBroken(EdgeKind kind, const QString &from, const QString &to, const QString &reason,
                   const QString &label = {}, int destination = -1)
    {
        GraphEdge edge;
        edge.kind = kind;
        edge.from = from;
        edge.to = to;
        edge.label = label;
        edge.broken = true;
        edge.destination = destination;
        edge.reason = reason;
        addEdge(std::move(edge));
    }

    // ------------------------------------------------------------ rules -> destinations

    void addDestinationEdges()
    {
        // A rule the gateway runs: its compiled destinations. Any other: resolved the same way.
        std::vector<DestinationRef> unrun;
        for (const RuleInfo &rule : m_rules) {
            if (m_compiledRoutes.count(rule.id))
                continue;
            const std::string &vsNs = ns(resource(rule.ref.virtualService));
            for (const RouteDestination &d : *rule.route)
                unrun.push_back({d.destination.host, d.destination.subset, d.destination.port, vsNs});
        }
        const std::vector<Cluster> resolved = m_compiled->resolveDestinations(unrun);
        std::size_t next = 0;
        for (const RuleInfo &rule : m_rules) {
            const auto compiled = m_compiledRoutes.find(rule.id);
            for (std::size_t d = 0; d < rule.route->size(); ++d) {
                const RouteDestination &destination = (*rule.route)[d];
                if (compiled == m_compiledRoutes.end()) {
                    addDestinationEdge(rule, static_cast<int>(d), destination, resolved[next++], false);
                    continue;
                }
                // A rule serving several ports has a route per port; a destination without a port
                // may resolve on one of them only. The edge runs where any of them does.
                std::vector<const Cluster *> clusters;
                for (const Route *route : compiled->second)
                    clusters.push_back(&m_table->clusters[route->destinations[d].cluster]);
                const auto servable = std::find_if(clusters.begin(), clusters.end(), [](const Cluster *c) {
                    return c->noRouteReason == NoRouteReason::None;
                });
                const Cluster *primary = servable != clusters.end() ? *servable : clusters.front();
                addDestinationEdge(rule, static_cast<int>(d), destination, *primary, true);
                for (const Cluster *other : clusters)
                    if (other != primary && other->noRouteReason == NoRouteReason::None &&
                        m_graph.nodeIndex(nodeid::destination(other->host)) >= 0)
                        m_liveClusters[{nodeid::destination(other->host),
                                        nodeid::subsetSocket(other->subset)}]
                            .push_back(other);
            }
        }
    }

    QString noRouteText(const Cluster &cluster) const
    {
        switch (cluster.noRouteReason) {
        case NoRouteReason::None:
            return {};
        case NoRouteReason::UndefinedSubset:
            return Tr::tr("subset %1 is not defined for %2").arg(q(cluster.subset), q(cluster.host));
        case NoRouteReason::UnknownHost:
            return Tr::tr("unknown host %1: no Service or ServiceEntry defines it").arg(q(cluster.host));
        case NoRouteReason::NoServicePort:
            return Tr::tr("%1 has no port %2: its connections are closed at once")
                .arg(q(cluster.serviceNamespace + "/" + cluster.serviceName))
                .arg(cluster.port);
        case NoRouteReason::ResolutionNone:
            return Tr::tr("%1 has resolution NONE: the local gateway has no address to connect to")
                .arg(q(cluster.host));
        }
        return {};
    }

    void addDestinationEdge(const RuleInfo &rule, int d, const RouteDestination &destination,
                            const Cluster &cluster, bool runs)
    {
        const QString label = destination.weight ? QStringLiteral("%1%").arg(*destination.weight) : QString();
        if (cluster.noRouteReason == NoRouteReason::UnknownHost) {
            const QString id = nodeid::missingHost(cluster.host);
            ghost(id, Column::Destinations, q(destination.destination.host), Tr::tr("unknown host"));
            addBroken(EdgeKind::RouteToSubset, rule.id, id, noRouteText(cluster), label, d);
            return;
        }
        if (cluster.noRouteReason == NoRouteReason::UndefinedSubset) {
            const QString id = nodeid::missingSubset(cluster.host, cluster.subset);
            ghost(id, Column::Destinations, Tr::tr("subset %1").arg(q(cluster.subset)),
                  Tr::tr("not defined for %1").arg(q(destination.destination.host)));
            addBroken(EdgeKind::RouteToSubset, rule.id, id, noRouteText(cluster), label, d);
            return;
        }
        GraphNode &target = destinationNode(cluster);
        const QString socket = nodeid::subsetSocket(cluster.subset);
        if (target.socketIndex(socket) < 0) {
            if (cluster.subset.empty()) {
                target.sockets.push_front(wholeService());
            } else {
                GraphSocket added;
                added.key = added.label = socket;
                target.sockets.push_back(added);
            }
        }
        GraphEdge edge;
        edge.kind = EdgeKind::RouteToSubset;
        edge.from = rule.id;
        edge.to = target.id;
        edge.toSocket = socket;
        edge.label = label;
        edge.destination = d;
        if (!runs) {
            edge.inactive = true;
            edge.reason = Tr::tr("the local gateway does not run this rule");
        } else if (cluster.noRouteReason != NoRouteReason::None) {
            edge.inactive = true;
            edge.reason = noRouteText(cluster);
        } else {
            m_liveClusters[{target.id, socket}].push_back(&cluster);
        }
        addEdge(std::move(edge));
    }

    // The node of a destination core resolved; a host served through a wildcard ServiceEntry
    // (no node of its own yet) gets one.
    GraphNode &destinationNode(const Cluster &cluster)
    {
        const QString id = nodeid::destination(cluster.host);
        if (const int index = m_graph.nodeIndex(id); index >= 0)
            return m_graph.m_nodes[index];
        GraphNode node;
        node.id = id;
        node.kind = NodeKind::Destination;
        node.column = Column::Destinations;
        node.host = q(cluster.host);
        node.title = q(cluster.host);
        node.subtitle = Tr::tr("ServiceEntry %1").arg(q(cluster.serviceName));
        if (const Resource *entry = findServiceEntry(cluster.host)) {
            node.resource = static_cast<int>(entry - m_set.resources.data());
            node.resources = {node.resource};
        }
        node.tooltip = QStringLiteral("<b>%1</b>").arg(q(cluster.host).toHtmlEscaped());
        return m_graph.addNode(std::move(node));
    }

    const Resource *findServiceEntry(const std::string &host) const
    {
        for (const Resource &r : m_set.resources)
            if (const auto *se = r.as<ServiceEntrySpec>())
                for (const std::string &h : se->hosts)
                    if (hostMatches(qualifyHost(h, ns(r)), host))
                        return &r;
        return nullptr;
    }

    // ------------------------------------------------------------ workloads

    void addWorkloads()
    {
        for (std::size_t i = 0; i < m_set.resources.size(); ++i) {
            const Resource &r = m_set.resources[i];
            GraphNode node;
            node.kind = NodeKind::Workload;
            node.column = Column::Workloads;
            node.resource = static_cast<int>(i);
            node.resources = {node.resource};
            node.title = q(r.name);
            if (const auto *deployment = r.as<DeploymentSpec>()) {
                node.id = nodeid::deployment(ns(r), r.name);
                node.subtitle = Tr::tr("Deployment · %n replica(s)", nullptr, deployment->replicas);
                node.tooltip =
                    QStringLiteral("<b>%1</b><br>%2")
                        .arg(q(r.displayName(m_set.defaultNamespace)).toHtmlEscaped(),
                             Tr::tr("pod labels: %1").arg(labelsText(deployment->podLabels)).toHtmlEscaped());
                m_graph.addNode(std::move(node));
            } else if (const auto *entry = r.as<WorkloadEntrySpec>()) {
                node.id = nodeid::workloadEntry(ns(r), r.name);
                node.subtitle = Tr::tr("WorkloadEntry · %1").arg(q(entry->address));
                node.tooltip = QStringLiteral("<b>%1</b><br>%2")
                                   .arg(q(r.displayName(m_set.defaultNamespace)).toHtmlEscaped(),
                                        Tr::tr("labels: %1").arg(labelsText(entry->labels)).toHtmlEscaped());
                m_graph.addNode(std::move(node));
            }
        }
    }

    // The workload node of an endpoint (a ServiceEntry's own endpoints get theirs here), or empty
    // for a host resolved by DNS, which has no node.
    QString workloadOf(const Endpoint &endpoint)
    {
        if (endpoint.pod >= 0)
            return nodeid::deployment(endpoint.workloadNamespace, endpoint.workload);
        if (!endpoint.workload.empty())
            return nodeid::workloadEntry(endpoint.workloadNamespace, endpoint.workload);
        if (endpoint.serviceEntryEndpoint < 0)
            return {};
        const QString id = nodeid::serviceEntryEndpoint(endpoint.workloadNamespace, endpoint.serviceEntry,
                                                        endpoint.serviceEntryEndpoint);
        if (m_graph.nodeIndex(id) >= 0)
            return id;
        const Resource *entry =
            m_set.find(Kind::ServiceEntry, endpoint.workloadNamespace, endpoint.serviceEntry);
        GraphNode node;
        node.id = id;
        node.kind = NodeKind::Workload;
        node.column = Column::Workloads;
        node.resource = entry ? static_cast<int>(entry - m_set.resources.data()) : -1;
        node.resources = {node.resource};
        node.title = q(endpoint.address);
        node.subtitle = Tr::tr("ServiceEntry endpoint");
        node.tooltip = QStringLiteral("<b>%1</b><br>%2")
                           .arg(q(endpoint.address).toHtmlEscaped(),
                                Tr::tr("labels: %1").arg(labelsText(endpoint.labels)).toHtmlEscaped());
        return m_graph.addNode(std::move(node)).id;
    }

    void addWorkloadEdges()
    {
        // Sockets no running rule routes to: resolved all the same, drawn inactive.
        std::vector<std::pair<QString, QString>> idle;
        std::vector<DestinationRef> refs;
        for (const GraphNode &node : m_graph.m_nodes) {
            if (node.kind != NodeKind::Destination)
                continue;
            for (const GraphSocket &socket : node.sockets) {
                if (m_liveClusters.count({node.id, socket.key}))
                    continue;
                idle.emplace_back(node.id, socket.key);
                refs.push_back({node.host.toStdString(),
                                socket.key == QLatin1String("*") ? std::string() : socket.key.toStdString(),
                                std::nullopt,
                                {}});
            }
        }
        const std::vector<Cluster> resolved = m_compiled->resolveDestinations(refs);
        for (const auto &[key, clusters] : m_liveClusters)
            for (const Cluster *cluster : clusters)
                for (const Endpoint &endpoint : cluster->endpoints)
                    addWorkloadEdge(key.first, key.second, endpoint, {});
        for (std::size_t i = 0; i < idle.size(); ++i) {
            const QString reason =
                idle[i].second == QLatin1String("*")
                    ? Tr::tr("no rule the local gateway runs routes to this service")
                    : Tr::tr("no rule the local gateway runs routes to subset %1").arg(idle[i].second);
            for (const Endpoint &endpoint : resolved[i].endpoints)
                addWorkloadEdge(idle[i].first, idle[i].second, endpoint, reason);
        }
    }

    void addWorkloadEdge(const QString &destination, const QString &socket, const Endpoint &endpoint,
                         const QString &inactiveReason)
    {
        const QString workload = workloadOf(endpoint);
        if (workload.isEmpty() || m_graph.nodeIndex(workload) < 0)
            return;
        GraphEdge edge;
        edge.kind = EdgeKind::SubsetToWorkload;
        edge.from = destination;
        edge.fromSocket = socket;
        edge.to = workload;
        edge.inactive = !inactiveReason.isEmpty();
        edge.reason = inactiveReason;
        addEdge(std::move(edge));
    }

    // ------------------------------------------------------------ rules not run, badges

    void markRulesNotRun()
    {
        for (const RuleInfo &rule : m_rules) {
            if (rule.runs)
                continue;
            GraphNode &node = m_graph.m_nodes[m_graph.nodeIndex(rule.id)];
            node.inactive = true;
            QStringList reasons = rule.reasons;
            reasons.removeDuplicates();
            if (reasons.isEmpty())
                reasons << Tr::tr("no match names a port of a Gateway it is bound to");
            node.tooltip += QStringLiteral("<hr>") + Tr::tr("Not run by the local gateway:").toHtmlEscaped();
            for (const QString &reason : reasons.mid(0, 5))
                node.tooltip += QStringLiteral("<br>• ") + reason.toHtmlEscaped();
        }
    }

    // "error: subset “v3” is not defined ...", in the UI language, as a tooltip line: from the
    // diagnostic's severity, message id and arguments (the same finding, the same words).
    const QString &problemLine(const Diagnostic &diagnostic)
    {
        TextKey key('p');
        // The English text too: an id the catalogue lacks is shown as its English (diagnostictext.h).
        key.number(static_cast<std::uint64_t>(diagnostic.severity))
            << diagnostic.messageId << diagnostic.message;
        key.number(diagnostic.args.size());
        for (const MessageArg &arg : diagnostic.args)
            key.number(arg.fragment) << arg.text << arg.params;
        if (const GraphText *kept = m_texts.find(key.text()))
            return kept->lines.front();
        GraphText text;
        text.lines << severityText(diagnostic.severity) + QStringLiteral(": ") +
                          diagnosticMessage(diagnostic).toHtmlEscaped();
        return m_texts.insert(key.take(), std::move(text)).lines.front();
    }

    void addBadges()
    {
        const auto &resources = m_set.resources;
        std::map<std::string, int> byName;
        for (std::size_t i = 0; i < resources.size(); ++i)
            byName.emplace(resources[i].displayName(m_set.defaultNamespace), static_cast<int>(i));
        std::map<int, Severity> worst;
        std::map<int, std::vector<std::size_t>> problems; // per resource: its diagnostics
        for (std::size_t i = 0; i < m_diagnostics.size(); ++i) {
            const Diagnostic &diagnostic = m_diagnostics[i];
            auto found = byName.find(diagnostic.resource.display());
            if (found == byName.end())
                continue;
            auto [it, inserted] = worst.emplace(found->second, diagnostic.severity);
            if (!inserted && diagnostic.severity > it->second)
                it->second = diagnostic.severity;
            problems[found->second].push_back(i);
        }
        // A resource's first few distinct problems in the UI language, written when a tooltip first
        // shows them: a resource with hundreds of problems (and nodes sharing it) shows only a few.
        constexpr qsizetype shown = 5; // the diagnostics list has them all
        struct Shown
        {
            QStringList lines;
            bool more = false;
        };
        const auto add = [&](Shown &to, const QString &text) { // a distinct line, while there is room
            if (to.lines.contains(text))
                return;
            if (to.lines.size() == shown)
                to.more = true;
            else
                to.lines << text;
        };
        std::map<int, Shown> shownOf;
        const auto problemsOf = [&](int index) -> const Shown & {
            auto [it, added] = shownOf.try_emplace(index);
            if (!added)
                return it->second;
            auto listed = problems.find(index);
            if (listed == problems.end())
                return it->second;
            // The same English message is the same message id and arguments: formatted once.
            std::set<std::tuple<Severity, std::string_view, std::string_view>> seen;
            for (std::size_t i = 0; i < listed->second.size() && !it->second.more; ++i) {
                const Diagnostic &diagnostic = m_diagnostics[listed->second[i]];
                if (seen.emplace(diagnostic.severity, diagnostic.messageId, diagnostic.message).second)
                    add(it->second, problemLine(diagnostic));
            }
            return it->second;
        };
        for (GraphNode &node : m_graph.m_nodes) {
            Shown onNode;
            for (int index : node.resources) {
                auto found = worst.find(index);
                if (found != worst.end() && badgeOf(found->second) > node.badge)
                    node.badge = badgeOf(found->second);
                const Shown &problem = problemsOf(index);
                onNode.more = onNode.more || problem.more;
                for (const QString &text : problem.lines)
                    add(onNode, text);
            }
            // The badge's problems, below the summary.
            if (!onNode.lines.isEmpty()) {
                node.tooltip += QStringLiteral("<hr>") + onNode.lines.join(QStringLiteral("<br>"));
                if (onNode.more)
                    node.tooltip += QStringLiteral("<br>…");
            }
            if (node.kind == NodeKind::Ghost)
                node.badge = Badge::Error;
        }
    }

    const ResourceSet &m_set;
    const Diagnostics &m_diagnostics;
    const std::optional<gatewayapi::Target> &m_target;
    GraphModel &m_graph;
    GraphTexts &m_texts;
    routing::GatewayBinding m_binding;
    std::optional<CompileSession> m_compiled; // compile() and resolveDestinations() sharing their work
    std::shared_ptr<const RouteTable> m_table;
    std::map<QString, std::vector<const Route *>> m_compiledRoutes; // by rule node id: one per port it serves
    std::vector<RuleInfo> m_rules;
    std::map<routing::RuleRef, std::size_t> m_ruleIndex;
    std::map<std::pair<QString, QString>, std::vector<const Cluster *>>
        m_liveClusters; // (destination, socket)
};

GraphModel GraphModel::build(const ResourceSet &set, const Diagnostics &diagnostics,
                             const std::optional<gatewayapi::Target> &target, GraphTexts *texts)
{
    GraphModel graph;
    GraphTexts own;
    GraphBuilder(set, diagnostics, target, graph, texts ? *texts : own).run();
    return graph;
}

} // namespace meshroute::studio
