// The routing graph built from the model, its layout, and the YAML edits behind
// the graph's gestures.

#include "analysis/analyzer.h"
#include "compile/compile.h"
#include "editing/routeedits.h"
#include "gatewayapi/routingview.h"
#include "graph/gatewayapigraph.h"
#include "graph/graphmodel.h"
#include "graph/graphtexts.h"
#include "graph/layeredlayout.h"
#include "graph/nodeid.h"
#ifdef MESHROUTE_HAVE_GRAPHVIZ
#include "graph/graphvizlayout.h"
#endif
#include "graph/layoutstore.h"
#include "studiotest.h"
#include "window/settings.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <QDirIterator>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

ResourceSet demo()
{
    LoadResult result = loadPaths({studiotest::demoSource().toStdString()});
    return std::move(result.set);
}

ResourceSet fromText(const QString &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text.toStdString(), "test.yaml");
    return set;
}

QString demoText()
{
    QString text;
    const QDir dir(studiotest::demoSource());
    for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        text += QStringLiteral("---\n") + studiotest::readAll(dir.absoluteFilePath(name));
    return text;
}

bool hasEdge(const GraphModel &graph, const QString &from, const QString &to, const QString &toSocket = {},
             bool broken = false)
{
    for (const GraphEdge &edge : graph.edges())
        if (edge.from == from && edge.to == to && (toSocket.isEmpty() || edge.toSocket == toSocket) &&
            edge.broken == broken)
            return true;
    return false;
}

// The graph's live edges, or what compile runs for the same input, as comparable keys:
// "gateway|port|route", "route|destination index|destination|socket", "destination|socket|workload".
struct EdgeSets
{
    QSet<QString> portToRule;
    QSet<QString> ruleToDestination;
    QSet<QString> destinationToWorkload;
};

bool isLive(const GraphEdge &edge)
{
    return !edge.broken && !edge.inactive;
}

EdgeSets drawn(const GraphModel &graph, const ResourceSet &set)
{
    EdgeSets out;
    for (const GraphEdge &edge : graph.edges()) {
        if (!isLive(edge))
            continue;
        const QString bar = QStringLiteral("|");
        switch (edge.kind) {
        case EdgeKind::PortToRoute: {
            const GraphNode *gateway = graph.node(edge.from);
            const auto *spec =
                gateway ? set.resources[static_cast<std::size_t>(gateway->resource)].as<GatewaySpec>()
                        : nullptr;
            const int server = gateway ? gateway->socketIndex(edge.fromSocket) : -1;
            std::uint32_t port =
                spec && server >= 0 ? spec->servers[static_cast<std::size_t>(server)].port.number : 0;
            // A Gateway API Gateway's sockets are its listeners.
            if (const auto *kube =
                    gateway ? set.resources[static_cast<std::size_t>(gateway->resource)].as<KubeGatewaySpec>()
                            : nullptr;
                kube && server >= 0)
                port = kube->listeners[static_cast<std::size_t>(gateway->sockets[server].index)].port;
            out.portToRule << edge.from + bar + QString::number(port) + bar + edge.to;
            break;
        }
        case EdgeKind::RouteToSubset:
            out.ruleToDestination << edge.from + bar + QString::number(edge.destination) + bar + edge.to +
                                         bar + edge.toSocket;
            break;
        case EdgeKind::SubsetToWorkload:
            out.destinationToWorkload << edge.from + bar + edge.fromSocket + bar + edge.to;
            break;
        }
    }
    return out;
}

EdgeSets compiled(const ResourceSet &set)
{
    const CompileResult result = compile(set);
    const RouteTable &table = *result.table;
    const QString bar = QStringLiteral("|");
    // The Gateway API's generated resources stand for the user's listeners and routes (their Origin).
    const gatewayapi::RoutingView view(set);
    const auto originOf = [&](Kind kind, const std::string &qualified) -> const gatewayapi::Origin * {
        const auto slash = qualified.find('/');
        const Resource *r = view.set().find(kind, qualified.substr(0, slash), qualified.substr(slash + 1));
        return r ? view.origin(static_cast<std::size_t>(r - view.set().resources.data())) : nullptr;
    };
    const auto userId = [&](const gatewayapi::Origin &origin) {
        const Resource &r = set.resources[origin.resource];
        const std::string &ns = r.effectiveNamespace(set.defaultNamespace);
        return origin.what == gatewayapi::Origin::What::Listener ? gwapiid::gateway(ns, r.name)
                                                                 : gwapiid::route(r.kindName, ns, r.name);
    };
    const auto routeId = [&](const meshroute::Route &r) {
        if (const gatewayapi::Origin *origin = originOf(Kind::VirtualService, r.virtualService))
            return userId(*origin);
        return nodeid::route(r.virtualService, r.section, r.rule);
    };
    const auto gatewayId = [&](const std::string &gateway) {
        if (const gatewayapi::Origin *origin = originOf(Kind::Gateway, gateway))
            return userId(*origin);
        return nodeid::gateway(gateway);
    };
    // A generated rule's d-th destination is the route's backendRef backendRefs[rule][d].
    const auto destinationIndex = [&](const meshroute::Route &r, std::size_t d) {
        if (const gatewayapi::Origin *origin = originOf(Kind::VirtualService, r.virtualService))
            if (static_cast<std::size_t>(r.rule) < origin->backendRefs.size() &&
                d < origin->backendRefs[static_cast<std::size_t>(r.rule)].size())
                return origin->backendRefs[static_cast<std::size_t>(r.rule)][d];
        return d;
    };
    EdgeSets out;
    for (const Listener &listener : table.listeners) {
        if (listener.route)
            out.portToRule << gatewayId(listener.gateway) + bar + QString::number(listener.port) + bar +
                                  routeId(table.routes[*listener.route]);
        for (const SniRoute &sni : listener.sniRoutes)
            for (const std::string &gateway : sni.gateways)
                out.portToRule << gatewayId(gateway) + bar + QString::number(listener.port) + bar +
                                      routeId(table.routes[sni.route]);
    }
    for (const meshroute::Route &route : table.routes) {
        for (std::size_t d = 0; d < route.destinations.size(); ++d) {
            const Cluster &cluster = table.clusters[route.destinations[d].cluster];
            if (!cluster.noRoute.empty())
                continue;
            const QString destination = nodeid::destination(cluster.host);
            const QString socket = nodeid::subsetSocket(cluster.subset);
            out.ruleToDestination << routeId(route) + bar + QString::number(destinationIndex(route, d)) +
                                         bar + destination + bar + socket;
            for (const Endpoint &endpoint : cluster.endpoints) {
                QString workload;
                if (endpoint.pod >= 0) {
                    const DemoPod &pod = table.pods[static_cast<std::size_t>(endpoint.pod)];
                    workload = nodeid::deployment(pod.ns, pod.deployment);
                } else if (!endpoint.workload.empty()) {
                    workload = nodeid::workloadEntry(endpoint.workloadNamespace, endpoint.workload);
                } else if (endpoint.serviceEntryEndpoint >= 0) {
                    workload = nodeid::serviceEntryEndpoint(endpoint.workloadNamespace, endpoint.serviceEntry,
                                                            endpoint.serviceEntryEndpoint);
                } else {
                    continue; // a ServiceEntry host resolved by DNS: no node of its own
                }
                out.destinationToWorkload << destination + bar + socket + bar + workload;
            }
        }
    }
    return out;
}

// Small inputs, each turning one of core's binding rules (routing/binding.h) on or off.
struct BindingCase
{
    const char *name;
    QString text;
    QString edgeFrom; // the gateway whose port aims at rule route:default/vs/tcp/0 (or tls/0)
    QString rule;
    bool live;      // whether the local gateway runs that rule there
    QString reason; // a word of the reason shown for an inactive edge
};

QString gatewayText(const QString &name, int port, const QString &protocol, const QString &extra = {},
                    const QString &hosts = QStringLiteral("'*'"),
                    const QString &selector = QStringLiteral("istio: ingressgateway"))
{
    return QStringLiteral(
               "---\napiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: %1, namespace: "
               "default}\n"
               "spec:\n  selector: {%5}\n  servers:\n  - port: {number: %2, name: p%2, protocol: %3}\n"
               "    hosts: [%4]\n%6")
        .arg(name)
        .arg(port)
        .arg(protocol, hosts, selector, extra);
}

QString vsText(const QString &spec)
{
    return QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: "
                          "vs, namespace: default}\n"
                          "spec:\n") +
           spec +
           QStringLiteral(
               "---\napiVersion: v1\nkind: Service\nmetadata: {name: echo, namespace: default}\n"
               "spec: {selector: {app: echo}, ports: [{port: 3333}]}\n"
               "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: echo, namespace: default}\n"
               "spec:\n  selector: {matchLabels: {app: echo}}\n  template:\n    metadata: {labels: {app: "
               "echo}}\n"
               "    spec: {containers: [{name: c, ports: [{containerPort: 3333}]}]}\n");
}

QList<BindingCase> bindingCases()
{
    const QString tcp0 = QStringLiteral("route:default/vs/tcp/0");
    const QString tcp1 = QStringLiteral("route:default/vs/tcp/1");
    const QString a = QStringLiteral("gateway:default/a");
    const QString b = QStringLiteral("gateway:default/b");
    const QString route = QStringLiteral("    route: [{destination: {host: echo}}]\n");
    return {
        {"a bound rule serves its port",
         gatewayText("a", 31400, "TCP") +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - match: [{port: 31400}]\n" + route),
         a,
         tcp0,
         true,
         {}},
        {"match-level gateways narrow, never bind",
         gatewayText("a", 31400, "TCP") + gatewayText("b", 31401, "TCP") +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - match: [{port: 31401, gateways: [b]}]\n" +
                    route),
         b, tcp0, false, QStringLiteral("not bound")},
        {"a later rule is shadowed",
         gatewayText("a", 31400, "TCP") + vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " +
                                                 route.trimmed() + "\n  - match: [{port: 31400}]\n" + route),
         a, tcp1, false, QStringLiteral("comes first")},
        {"an http port is not served",
         gatewayText("a", 80, "HTTP") +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a, tcp0, false, QStringLiteral("http rules")},
        {"a tcp rule at an SNI port",
         gatewayText("a", 443, "TLS", QStringLiteral("    tls: {mode: PASSTHROUGH}\n")) +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a, tcp0, false, QStringLiteral("SNI")},
        {"TLS terminated at the gateway (SIMPLE) is a tcp port",
         gatewayText("a", 443, "TLS", QStringLiteral("    tls: {mode: SIMPLE, credentialName: c}\n")) +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a,
         tcp0,
         true,
         {}},
        {"exportTo hides it from the gateway's namespace",
         gatewayText("a", 31400, "TCP") +
             vsText("  hosts: ['*']\n  gateways: [a]\n  exportTo: ['.']\n  tcp:\n  - " + route.trimmed() +
                    "\n"),
         a, tcp0, false, QStringLiteral("exportTo")},
        {"the server accepts none of its hosts",
         gatewayText("a", 31400, "TCP", {}, QStringLiteral("a.example.com")) +
             vsText("  hosts: [b.example.com]\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a, tcp0, false, QStringLiteral("hosts")},
        {"a Gateway for another workload",
         gatewayText("a", 31400, "TCP", {}, QStringLiteral("'*'"), QStringLiteral("app: other")) +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a, tcp0, false, QStringLiteral("select")},
        {"a port another Gateway took first",
         gatewayText("b", 31400, "TCP") + gatewayText("a", 31400, "TCP") +
             vsText("  hosts: ['*']\n  gateways: [a]\n  tcp:\n  - " + route.trimmed() + "\n"),
         a, tcp0, false, QStringLiteral("came first")},
    };
}

QString difference(const QSet<QString> &graph, const QSet<QString> &compiled)
{
    QStringList extra = (graph - compiled).values();
    QStringList missing = (compiled - graph).values();
    extra.sort();
    missing.sort();
    return QStringLiteral("drawn but not run: [%1]; run but not drawn: [%2]")
        .arg(extra.join(QStringLiteral(", ")), missing.join(QStringLiteral(", ")));
}

} // namespace

class TestGraphModel : public QObject
{
    Q_OBJECT

private slots:
    void demoGraph();
    void liveEdgesAreWhatCompileRuns_data();
    void liveEdgesAreWhatCompileRuns();
    void rulesNotRunAreDrawnInactive_data();
    void rulesNotRunAreDrawnInactive();
    void aRuleBoundToMeshOnlyBindsNothing();
    void reasonsAreInTheUserLanguage();
    void brokenReferencesGoToGhostNodes_data();
    void brokenReferencesGoToGhostNodes();
    void layoutRemovesCrossings_data();
    void layoutRemovesCrossings();
    void layoutEngineFollowsGraphSize();
    void everyTestInputIsLaidOut();
    void layoutIsReusedOnlyForTheSameShape();
    void layoutStoreRoundTrip();
    void balancedWeights_data();
    void balancedWeights();
    void sniHostsForANewTlsRule_data();
    void sniHostsForANewTlsRule();
    void normalisedWeights_data();
    void normalisedWeights();
    void tcpRouteIsAppendedAndBound();
    void splitRebalancesToHundred();
    void renameGatewayFixesReferences();
    void renameSubsetFixesReferences();
    void dependentsAreListed();
    void keptWordsAreWhatAFreshBuildWrites();
};

void TestGraphModel::demoGraph()
{
    const GraphModel graph = GraphModel::build(demo());
    QCOMPARE(graph.nodes().size(), 7);
    const GraphNode *gateway = graph.node(QStringLiteral("gateway:default/tcp-echo-gateway"));
    QVERIFY(gateway);
    QCOMPARE(gateway->sockets.size(), 1);
    QCOMPARE(gateway->sockets[0].label, QStringLiteral("31400 TCP"));
    const GraphNode *echo = graph.node(QStringLiteral("destination:tcp-echo.default.svc.cluster.local"));
    QVERIFY(echo);
    QCOMPARE(echo->sockets.size(), 2);
    QCOMPARE(echo->sockets[0].label, QStringLiteral("v1"));
    QCOMPARE(echo->sockets[0].detail, QStringLiteral("version=v1"));
    const GraphNode *route = graph.node(QStringLiteral("route:default/tcp-echo/tcp/1"));
    QVERIFY(route);
    QVERIFY(route->subtitle.contains(QStringLiteral("31401")));
    QVERIFY(graph.node(QStringLiteral("workload:Deployment/default/tcp-echo-v2"))
                ->subtitle.contains(QStringLiteral("1")));

    QCOMPARE(graph.edges().size(), 6);
    QVERIFY(hasEdge(graph, QStringLiteral("gateway:default/tcp-echo-gateway"),
                    QStringLiteral("route:default/tcp-echo/tcp/0")));
    QVERIFY(hasEdge(graph, QStringLiteral("gateway:default/tcp-echo-gateway-v2"),
                    QStringLiteral("route:default/tcp-echo/tcp/1")));
    QVERIFY(hasEdge(graph, QStringLiteral("route:default/tcp-echo/tcp/0"), echo->id, QStringLiteral("v1")));
    QVERIFY(hasEdge(graph, QStringLiteral("route:default/tcp-echo/tcp/1"), echo->id, QStringLiteral("v2")));
    for (const GraphEdge &edge : graph.edges())
        if (edge.kind == EdgeKind::SubsetToWorkload)
            QCOMPARE(edge.to.endsWith(QStringLiteral("tcp-echo-") + edge.fromSocket), true);
}

// The graph's promise: its live (unbroken, not greyed) edges are exactly what the local gateway
// runs for the document, port by port, rule by rule, destination by destination.
void TestGraphModel::liveEdgesAreWhatCompileRuns_data()
{
    QTest::addColumn<QString>("text");
    const QString shared = qEnvironmentVariableIsEmpty("MESHROUTE_SHARED_DIR")
                               ? QStringLiteral(MESHROUTE_SHARED_DIR)
                               : qEnvironmentVariable("MESHROUTE_SHARED_DIR");
    int inputs = 0;
    for (const QString &folder :
         {QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core"),
          QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/cli/data"),
          shared + QStringLiteral("/istio/analyze/testdata"), shared + QStringLiteral("/istio/samples")}) {
        QDirIterator it(folder, {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QTest::newRow(qPrintable(QDir(folder).relativeFilePath(path))) << studiotest::readAll(path);
            ++inputs;
        }
    }
    QVERIFY(inputs > 40);
    QTest::newRow("the tutorial demo") << demoText();
    QTest::newRow("TLS passthrough by SNI")
        << demoText() + QStringLiteral("---\n") + studiotest::kSniPassthrough;
    QTest::newRow("1,000 generated routes") << studiotest::generatedRoutes(1000, 100);
    for (const BindingCase &c : bindingCases())
        QTest::newRow(c.name) << c.text;
    // One rule on two ports; its destination has no port, so each port's route resolves it at
    // the listener's port, which the Service has for one of them only.
    QTest::newRow("a destination that resolves on one of two ports")
        << gatewayText("a", 31400, "TCP") + gatewayText("b", 31401, "TCP") +
               QStringLiteral(
                   "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: vs}\n"
                   "spec:\n  hosts: ['*']\n  gateways: [a, b]\n  tcp:\n  - route: [{destination: {host: "
                   "echo}}]\n---\napiVersion: v1\nkind: Service\nmetadata: {name: echo}\n"
                   "spec: {selector: {app: echo}, ports: [{port: 31400, name: a}, {port: 9000, name: b}]}\n"
                   "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: echo}\nspec:\n"
                   "  selector: {matchLabels: {app: echo}}\n  template:\n    metadata: {labels: {app: "
                   "echo}}\n"
                   "    spec: {containers: [{name: c}]}\n");
}

void TestGraphModel::liveEdgesAreWhatCompileRuns()
{
    QFETCH(QString, text);
    const ResourceSet set = fromText(text);
    const EdgeSets graph = drawn(GraphModel::build(set), set);
    const EdgeSets run = compiled(set);
    QVERIFY2(graph.portToRule == run.portToRule, qPrintable(difference(graph.portToRule, run.portToRule)));
    QVERIFY2(graph.ruleToDestination == run.ruleToDestination,
             qPrintable(difference(graph.ruleToDestination, run.ruleToDestination)));
    QVERIFY2(graph.destinationToWorkload == run.destinationToWorkload,
             qPrintable(difference(graph.destinationToWorkload, run.destinationToWorkload)));
}

// Where core says a rule does not run, the graph draws its edge inactive, with the reason;
// a rule that runs nowhere is greyed. Before core's binding, the graph drew a match-level
// gateway as a binding ("match-level gateways narrow, never bind" was a live edge then).
void TestGraphModel::rulesNotRunAreDrawnInactive_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("live");
    QTest::addColumn<QString>("reason");
    for (const BindingCase &c : bindingCases())
        QTest::newRow(c.name) << c.text << c.edgeFrom << c.rule << c.live << c.reason;
}

void TestGraphModel::rulesNotRunAreDrawnInactive()
{
    QFETCH(QString, text);
    QFETCH(QString, from);
    QFETCH(QString, rule);
    QFETCH(bool, live);
    QFETCH(QString, reason);
    const GraphModel graph = GraphModel::build(fromText(text));
    const GraphEdge *edge = nullptr;
    for (const GraphEdge &e : graph.edges())
        if (e.kind == EdgeKind::PortToRoute && e.from == from && e.to == rule)
            edge = &e;
    QVERIFY2(edge, qPrintable(from + QStringLiteral(" -> ") + rule));
    QVERIFY(!edge->broken);
    QCOMPARE(edge->inactive, !live);
    QVERIFY2(edge->reason.contains(reason), qPrintable(edge->reason));
    QCOMPARE(edge->reason.isEmpty(), live);
    const GraphNode *node = graph.node(rule);
    QVERIFY(node);
    QCOMPARE(node->inactive, !live);
    if (!live)
        QVERIFY2(node->tooltip.contains(edge->reason.toHtmlEscaped()), qPrintable(node->tooltip));
    // What the rule routes to is inactive too where the rule does not run.
    for (const GraphEdge &e : graph.edges())
        if (e.kind == EdgeKind::RouteToSubset && e.from == rule)
            QCOMPARE(e.inactive, !live);
}

void TestGraphModel::aRuleBoundToMeshOnlyBindsNothing()
{
    const GraphModel graph = GraphModel::build(
        fromText(gatewayText("a", 31400, "TCP") +
                 vsText("  hosts: ['*']\n  tcp:\n  - route: [{destination: {host: echo}}]\n")));
    const GraphNode *node = graph.node(QStringLiteral("route:default/vs/tcp/0"));
    QVERIFY(node);
    QVERIFY(node->inactive);
    QVERIFY2(node->tooltip.contains(QStringLiteral("binds no Gateway")), qPrintable(node->tooltip));
    for (const GraphEdge &e : graph.edges()) {
        QVERIFY(e.kind != EdgeKind::PortToRoute);
        QVERIFY(e.inactive); // the Service's pods are drawn, greyed: nothing the gateway runs reaches them
    }
}

// Core gives the reason as data; the graph says it in the user's language.
void TestGraphModel::reasonsAreInTheUserLanguage()
{
    auto &app = *static_cast<QApplication *>(QCoreApplication::instance());
    QCOMPARE(installTranslation(app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    const auto chinese = [](const QString &text) {
        return std::any_of(text.begin(), text.end(),
                           [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
    };
    QStringList english;
    for (const BindingCase &c : bindingCases()) {
        const GraphModel graph = GraphModel::build(fromText(c.text));
        for (const GraphEdge &edge : graph.edges())
            if ((edge.inactive || edge.broken) && !chinese(edge.reason))
                english << QString::fromLatin1(c.name) + QStringLiteral(": ") + edge.reason;
        const GraphNode *rule = graph.node(c.rule);
        if (rule && rule->inactive && !chinese(rule->tooltip))
            english << QString::fromLatin1(c.name) + QStringLiteral(": ") + rule->tooltip;
    }
    installTranslation(app, QStringLiteral("en"));
    QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
}

void TestGraphModel::brokenReferencesGoToGhostNodes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("ghost");
    QTest::addColumn<QString>("edgeFrom");
    QTest::newRow("undefined subset v3")
        << QStringLiteral("subset: v2") << QStringLiteral("subset: v3")
        << QStringLiteral("ghost:subset:tcp-echo.default.svc.cluster.local/v3")
        << QStringLiteral("route:default/tcp-echo/tcp/1");
    QTest::newRow("unknown host") << QStringLiteral(
                                         "host: tcp-echo.default.svc.cluster.local\n            subset: v2")
                                  << QStringLiteral("host: nowhere\n            subset: v2")
                                  << QStringLiteral("ghost:host:nowhere.default.svc.cluster.local")
                                  << QStringLiteral("route:default/tcp-echo/tcp/1");
    QTest::newRow("missing gateway") << QStringLiteral("name: tcp-echo-gateway-v2")
                                     << QStringLiteral("name: other-gateway")
                                     << QStringLiteral("ghost:gateway:default/tcp-echo-gateway-v2")
                                     << QStringLiteral("route:default/tcp-echo/tcp/1");
    QTest::newRow("port not on gateway") << QStringLiteral("- port: 31401") << QStringLiteral("- port: 31409")
                                         << QStringLiteral("ghost:port:default/tcp-echo-gateway-v2:31409")
                                         << QStringLiteral("route:default/tcp-echo/tcp/1");
}

void TestGraphModel::brokenReferencesGoToGhostNodes()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, ghost);
    QFETCH(QString, edgeFrom);
    QString text = demoText();
    QVERIFY2(text.contains(from), qPrintable(from));
    text.replace(from, to);
    const GraphModel graph = GraphModel::build(fromText(text));
    const GraphNode *node = graph.node(ghost);
    QVERIFY2(node, qPrintable(ghost));
    QCOMPARE(node->kind, NodeKind::Ghost);
    QCOMPARE(node->badge, Badge::Error);
    bool found = false;
    for (const GraphEdge &edge : graph.edges())
        if (edge.broken && (edge.to == ghost || edge.from == ghost))
            found = found || edge.from == edgeFrom || edge.to == edgeFrom;
    QVERIFY(found);
}

void TestGraphModel::layoutRemovesCrossings_data()
{
    QTest::addColumn<QString>("engine");
    QTest::newRow("automatic") << QString();
    QTest::newRow("sweeps") << QStringLiteral("sweeps");
#ifdef MESHROUTE_HAVE_GRAPHVIZ
    QTest::newRow("dot") << QStringLiteral("dot");
#endif
}

namespace {

LayoutResult layoutBy(const QString &engine, const GraphModel &graph)
{
    if (engine == QLatin1String("sweeps"))
        return sweepLayout(graph);
#ifdef MESHROUTE_HAVE_GRAPHVIZ
    if (engine == QLatin1String("dot")) {
        const std::optional<LayoutResult> dot = graphvizLayout(graph);
        return dot ? *dot : LayoutResult{};
    }
#endif
    return layeredLayout(graph);
}

void verifyNoOverlapAndColumns(const GraphModel &graph, const LayoutResult &layout)
{
    QCOMPARE(layout.positions.size(), graph.nodes().size());
    for (const GraphNode &a : graph.nodes()) {
        QCOMPARE(layout.positions[a.id].x(), geometry::columnX(a.column));
        for (const GraphNode &b : graph.nodes())
            if (a.id != b.id && a.column == b.column) {
                const QRectF ra(layout.positions[a.id], geometry::nodeSize(a));
                const QRectF rb(layout.positions[b.id], geometry::nodeSize(b));
                QVERIFY2(!ra.intersects(rb), qPrintable(a.id + QStringLiteral(" overlaps ") + b.id));
            }
    }
}

} // namespace

void TestGraphModel::layoutRemovesCrossings()
{
    QFETCH(QString, engine);
    {
        // The tutorial demo: no crossing with any engine.
        const GraphModel graph = GraphModel::build(demo());
        const LayoutResult layout = layoutBy(engine, graph);
        QCOMPARE(layout.crossings, 0);
        QCOMPARE(countCrossings(graph, layout.positions), 0);
        verifyNoOverlapAndColumns(graph, layout);
    }
    // Four gateway ports routed to four services in reverse order: the input order crosses every pair.
    QString text;
    text += QStringLiteral("apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: gw\nspec:\n"
                           "  selector:\n    istio: ingressgateway\n  servers:\n");
    for (int i = 0; i < 4; ++i)
        text += QStringLiteral("    - port: {number: %1, name: tcp-%1, protocol: TCP}\n      hosts: ['*']\n")
                    .arg(31400 + i);
    text += QStringLiteral(
        "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: vs\n"
        "spec:\n  hosts: ['*']\n  gateways: [gw]\n  tcp:\n");
    for (int i = 0; i < 4; ++i)
        text += QStringLiteral("    - match: [{port: %1}]\n      route: [{destination: {host: s%2}}]\n")
                    .arg(31400 + i)
                    .arg(3 - i);
    for (int i = 0; i < 4; ++i)
        text +=
            QStringLiteral(
                "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s%1\nspec:\n  selector: {app: s%1}\n"
                "  ports: [{port: 80}]\n")
                .arg(i);
    const GraphModel graph = GraphModel::build(fromText(text));
    QCOMPARE(graph.nodes().size(), 1 + 4 + 4);
    QHash<QString, QPointF> stacked;
    qreal y[4] = {0, 0, 0, 0};
    for (const GraphNode &node : graph.nodes()) {
        const int column = static_cast<int>(node.column);
        stacked.insert(node.id, QPointF(geometry::columnX(node.column), y[column]));
        y[column] += geometry::nodeSize(node).height() + geometry::rowGap;
    }
    QVERIFY(countCrossings(graph, stacked) > 0);
    // The gateway's ports are in one node: only an order that follows its sockets has no crossing.
    const LayoutResult layout = layoutBy(engine, graph);
    QCOMPARE(layout.crossings, 0);
    QCOMPARE(countCrossings(graph, layout.positions), 0);
    verifyNoOverlapAndColumns(graph, layout);
    if (!engine.isEmpty())
        QCOMPARE(layout.engine, engine);
}

void TestGraphModel::layoutEngineFollowsGraphSize()
{
    QCOMPARE(layeredLayout(GraphModel::build(demo())).engine,
             graphvizAvailable() ? QStringLiteral("dot") : QStringLiteral("sweeps"));
    // Above dot's limit the sweeps lay the graph out (dot would take too long for an edit).
    QString text;
    for (int i = 0; i <= dotNodeLimit(); ++i)
        text += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata: {name: s%1}\n"
                               "spec: {selector: {app: s%1}, ports: [{port: 80}]}\n")
                    .arg(i);
    const GraphModel big = GraphModel::build(fromText(text));
    QVERIFY(big.nodes().size() > dotNodeLimit());
    const LayoutResult layout = layeredLayout(big);
    QCOMPARE(layout.engine, QStringLiteral("sweeps"));
    QCOMPARE(layout.positions.size(), big.nodes().size());
}

void TestGraphModel::everyTestInputIsLaidOut()
{
    // Broken references (ghost nodes), empty columns, several gateways and namespaces: each engine
    // places every node of every input in its column without overlap.
    const QString shared = qEnvironmentVariableIsEmpty("MESHROUTE_SHARED_DIR")
                               ? QStringLiteral(MESHROUTE_SHARED_DIR)
                               : qEnvironmentVariable("MESHROUTE_SHARED_DIR");
    int inputs = 0;
    for (const QString &folder :
         {QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/core/analysis/data"),
          shared + QStringLiteral("/istio/analyze/testdata"), shared + QStringLiteral("/istio/samples")}) {
        const QDir dir(folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.yaml")}, QDir::Files)) {
            const GraphModel graph =
                GraphModel::build(fromText(studiotest::readAll(dir.absoluteFilePath(name))));
            for (const QString &engine : {QStringLiteral("sweeps"), QStringLiteral("dot")}) {
                if (engine == QLatin1String("dot") && !graphvizAvailable())
                    continue;
                const LayoutResult layout = layoutBy(engine, graph);
                QCOMPARE(layout.engine, engine);
                verifyNoOverlapAndColumns(graph, layout);
                if (QTest::currentTestFailed())
                    qWarning("in %s, laid out by %s", qPrintable(name), qPrintable(engine));
            }
            ++inputs;
        }
    }
    QVERIFY(inputs > 30);
}

void TestGraphModel::layoutIsReusedOnlyForTheSameShape()
{
    const QString text = demoText();
    const LayoutResult first = layeredLayout(GraphModel::build(fromText(text)));
    // A weight is no change of shape: the same layout.
    QString weighted = text;
    weighted.replace(QStringLiteral("              number: 3333\n"),
                     QStringLiteral("              number: 3333\n          weight: 100\n"));
    QVERIFY(weighted != text);
    QCOMPARE(layeredLayout(GraphModel::build(fromText(weighted))).positions, first.positions);
    // A new subset (a socket more) and a new Service (a node more) are laid out anew.
    QString more = text;
    more.replace(QStringLiteral("  subsets:\n"), QStringLiteral("  subsets:\n    - name: v3\n      labels:\n"
                                                                "        version: v3\n"));
    more += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata: {name: extra}\n"
                           "spec: {selector: {app: extra}, ports: [{port: 80}]}\n");
    const GraphModel graph = GraphModel::build(fromText(more));
    QCOMPARE(graph.nodes().size(), 8);
    const LayoutResult second = layeredLayout(graph);
    QCOMPARE(second.positions.size(), 8);
    QVERIFY(second.positions.contains(QStringLiteral("destination:extra.default.svc.cluster.local")));
    verifyNoOverlapAndColumns(graph, second);
    QCOMPARE(countCrossings(graph, second.positions), second.crossings);
    // And back: the first shape's layout again.
    QCOMPARE(layeredLayout(GraphModel::build(fromText(text))).positions, first.positions);
}

void TestGraphModel::layoutStoreRoundTrip()
{
    QTemporaryDir dir;
    const QHash<QString, QPointF> positions{{QStringLiteral("gateway:default/gw"), QPointF(10.5, -20)},
                                            {QStringLiteral("route:default/vs/tcp/0"), QPointF(300, 40)}};
    QVERIFY(LayoutStore::save(dir.path(), positions));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral(".meshroute-layout.json"))));
    QCOMPARE(LayoutStore::load(dir.path()), positions);
    QVERIFY(LayoutStore::save(dir.path(), {}));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".meshroute-layout.json"))));
    QVERIFY(LayoutStore::load(dir.path()).isEmpty());
}

void TestGraphModel::balancedWeights_data()
{
    QTest::addColumn<int>("n");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::newRow("one takes all") << 1 << QList<qint64>{100};
    QTest::newRow("two halves") << 2 << QList<qint64>{50, 50};
    QTest::newRow("three: the first gets the rest") << 3 << QList<qint64>{34, 33, 33};
    QTest::newRow("six") << 6 << QList<qint64>{17, 17, 17, 17, 16, 16};
}

void TestGraphModel::balancedWeights()
{
    QFETCH(int, n);
    QFETCH(QList<qint64>, weights);
    const auto result = edits::balancedWeights(static_cast<std::size_t>(n));
    QCOMPARE(QList<qint64>(result.begin(), result.end()), weights);
}

// A rule drawn from a TLS port into an existing VirtualService names what both cover.
void TestGraphModel::sniHostsForANewTlsRule_data()
{
    QTest::addColumn<QStringList>("server");
    QTest::addColumn<QStringList>("virtualService");
    QTest::addColumn<QStringList>("sniHosts");
    QTest::newRow("same") << QStringList{"a.example.com"} << QStringList{"a.example.com"}
                          << QStringList{"a.example.com"};
    QTest::newRow("server * takes the service's names")
        << QStringList{"*"} << QStringList{"a.example.com", "b.example.com"}
        << QStringList{"a.example.com", "b.example.com"};
    QTest::newRow("service * takes the server's")
        << QStringList{"*.example.com"} << QStringList{"*"} << QStringList{"*.example.com"};
    QTest::newRow("the narrower of each pair")
        << QStringList{"*.example.com", "x.org"} << QStringList{"a.example.com", "*"}
        << QStringList{"a.example.com", "*.example.com", "x.org"};
    QTest::newRow("no overlap keeps the server's")
        << QStringList{"a.example.com"} << QStringList{"b.org"} << QStringList{"a.example.com"};
}

void TestGraphModel::sniHostsForANewTlsRule()
{
    QFETCH(QStringList, server);
    QFETCH(QStringList, virtualService);
    QFETCH(QStringList, sniHosts);
    const auto strings = [](const QStringList &list) {
        std::vector<std::string> out;
        for (const QString &s : list)
            out.push_back(s.toStdString());
        return out;
    };
    QStringList got;
    for (const std::string &h : edits::sniHostsFor(strings(server), strings(virtualService)))
        got << QString::fromStdString(h);
    QCOMPARE(got, sniHosts);
}

void TestGraphModel::normalisedWeights_data()
{
    QTest::addColumn<QList<qint64>>("input");
    QTest::addColumn<QList<qint64>>("output");
    QTest::newRow("already 100") << QList<qint64>{80, 20} << QList<qint64>{80, 20};
    QTest::newRow("equal halves of 60") << QList<qint64>{30, 30} << QList<qint64>{50, 50};
    QTest::newRow("thirds, largest remainder rounds up") << QList<qint64>{1, 2} << QList<qint64>{33, 67};
    QTest::newRow("all zero becomes even") << QList<qint64>{0, 0} << QList<qint64>{50, 50};
    QTest::newRow("zero stays zero") << QList<qint64>{0, 3, 1} << QList<qint64>{0, 75, 25};
}

void TestGraphModel::normalisedWeights()
{
    QFETCH(QList<qint64>, input);
    QFETCH(QList<qint64>, output);
    const auto result = edits::normalisedWeights(std::vector<std::int64_t>(input.begin(), input.end()));
    QCOMPARE(QList<qint64>(result.begin(), result.end()), output);
}

void TestGraphModel::tcpRouteIsAppendedAndBound()
{
    ResourceSet set = demo();
    const Resource *vs = set.find(Kind::VirtualService, "default", "tcp-echo");
    const YAML::Node node = edits::withTcpRoute(vs->node, 31402, "new-gateway", "tcp-echo", "v1", 3333);
    const std::string text = emitNode(node);
    QVERIFY(text.find("- new-gateway") != std::string::npos);
    const auto index = static_cast<std::size_t>(vs - set.resources.data());
    QVERIFY(!hasErrors(set.replaceNode(index, node)));
    const auto *spec = set.resources[index].as<VirtualServiceSpec>();
    QCOMPARE(spec->gateways.size(), std::size_t(3));
    QCOMPARE(spec->tcp.size(), std::size_t(3));
    QCOMPARE(spec->tcp[2].match[0].port, std::optional<std::uint32_t>(31402));
    QCOMPARE(spec->tcp[2].route[0].destination.port, std::optional<std::uint32_t>(3333));
    // The rest of the document is untouched, in order.
    QVERIFY(text.find("hosts:") < text.find("gateways:"));
}

void TestGraphModel::splitRebalancesToHundred()
{
    ResourceSet set = demo();
    const Resource *vs = set.find(Kind::VirtualService, "default", "tcp-echo");
    YAML::Node node =
        edits::withSplit(vs->node, edits::Section::Tcp, 0, "tcp-echo.default.svc.cluster.local", "v2", {});
    node = edits::withSplit(node, edits::Section::Tcp, 0, "tcp-echo.default.svc.cluster.local", "v1", {});
    const YAML::Node route = node["spec"]["tcp"][0]["route"];
    QCOMPARE(route.size(), std::size_t(3));
    QCOMPARE(route[0]["weight"].as<int>() + route[1]["weight"].as<int>() + route[2]["weight"].as<int>(), 100);
    node = edits::withoutDestination(node, edits::Section::Tcp, 0, 2);
    // 34 and 33 keep their proportions: 51 and 49.
    QCOMPARE(node["spec"]["tcp"][0]["route"][0]["weight"].as<int>(), 51);
    QCOMPARE(node["spec"]["tcp"][0]["route"][1]["weight"].as<int>(), 49);
    node = edits::withoutDestination(node, edits::Section::Tcp, 0, 1);
    QVERIFY(!node["spec"]["tcp"][0]["route"][0]["weight"]); // a single destination takes all
}

void TestGraphModel::renameGatewayFixesReferences()
{
    ResourceSet set = demo();
    const auto gateway = static_cast<std::size_t>(set.find(Kind::Gateway, "default", "tcp-echo-gateway-v2") -
                                                  set.resources.data());
    edits::renameGateway(set, gateway, "echo-v2");
    QVERIFY(set.find(Kind::Gateway, "default", "echo-v2"));
    const auto *vs = set.find(Kind::VirtualService, "default", "tcp-echo")->as<VirtualServiceSpec>();
    QCOMPARE(vs->gateways, (std::vector<std::string>{"tcp-echo-gateway", "echo-v2"}));
    QCOMPARE(vs->tcp[1].match[0].gateways, std::vector<std::string>{"echo-v2"});
    QCOMPARE(vs->tcp[0].match[0].gateways, std::vector<std::string>{"tcp-echo-gateway"});
    const GraphModel graph = GraphModel::build(set);
    QVERIFY(hasEdge(graph, QStringLiteral("gateway:default/echo-v2"),
                    QStringLiteral("route:default/tcp-echo/tcp/1")));
}

void TestGraphModel::renameSubsetFixesReferences()
{
    ResourceSet set = demo();
    const auto rule = static_cast<std::size_t>(set.find(Kind::DestinationRule, "default", "tcp-echo") -
                                               set.resources.data());
    edits::renameSubset(set, rule, 0, "version-one");
    const auto *vs = set.find(Kind::VirtualService, "default", "tcp-echo")->as<VirtualServiceSpec>();
    QCOMPARE(vs->tcp[0].route[0].destination.subset, std::string("version-one"));
    QCOMPARE(vs->tcp[1].route[0].destination.subset, std::string("v2"));
    const GraphModel graph = GraphModel::build(set);
    for (const GraphEdge &edge : graph.edges())
        QVERIFY(!edge.broken);
}

void TestGraphModel::dependentsAreListed()
{
    ResourceSet set = demo();
    auto indexOf = [&](Kind kind, const char *name) {
        return static_cast<std::size_t>(set.find(kind, "default", name) - set.resources.data());
    };
    QCOMPARE(edits::dependentsOf(set, indexOf(Kind::Gateway, "tcp-echo-gateway")),
             std::vector<std::string>{"VirtualService default/tcp-echo"});
    QCOMPARE(
        edits::dependentsOf(set, indexOf(Kind::Service, "tcp-echo")),
        (std::vector<std::string>{"DestinationRule default/tcp-echo", "VirtualService default/tcp-echo"}));
    QCOMPARE(edits::dependentsOf(set, indexOf(Kind::Deployment, "tcp-echo-v1")),
             std::vector<std::string>{"Service default/tcp-echo"});
}

// The words a build keeps (graphtexts.h) are found again for the same content only: after each
// change below, a build with the kept words is a fresh build, and what did not change was not
// formatted again.
void TestGraphModel::keptWordsAreWhatAFreshBuildWrites()
{
    const QString base = studiotest::generatedRoutes(12, 3);
    GraphTexts texts;
    const auto check = [&](const QString &text, const char *step) {
        const ResourceSet set = fromText(text);
        const Diagnostics diagnostics = analyze(set);
        const std::size_t hitsBefore = texts.hits();
        const GraphModel kept = GraphModel::build(set, diagnostics, std::nullopt, &texts);
        const GraphModel fresh = GraphModel::build(set, diagnostics);
        [&] {
            QCOMPARE(kept.nodes().size(), fresh.nodes().size());
            for (qsizetype i = 0; i < fresh.nodes().size(); ++i) {
                QCOMPARE(kept.nodes()[i].tooltip, fresh.nodes()[i].tooltip);
                QVERIFY2(kept.nodes()[i] == fresh.nodes()[i],
                         qPrintable(QLatin1String(step) + QLatin1Char(' ') + fresh.nodes()[i].id));
            }
            QCOMPARE(kept.edges(), fresh.edges());
        }();
        return texts.hits() - hitsBefore;
    };
    QCOMPARE(check(base, "first build"), std::size_t(0));
    QVERIFY(texts.size() > 0);
    const std::size_t words = texts.size();
    QVERIFY(check(base, "the same set") >= words); // everything found again
    QCOMPARE(texts.size(), words);

    // One rule's destination, one subset's labels, a gateway's server, the Services' ports, a
    // Service's selector, a namespace: each changes its own words, and a build after it is fresh.
    const struct
    {
        const char *from;
        const char *to;
        const char *step;
    } changes[] = {
        {"host: svc-0\n            subset: s0", "host: svc-0\n            subset: s3",
         "a rule to a subset no DestinationRule defines"},
        {"version: s1\n", "version: s1\n        track: canary\n", "a subset's labels"},
        {"version: s0\n", "version: zero\n", "a subset's label value"},
        {"name: tcp-20003\n        protocol: TCP", "name: tls-20003\n        protocol: TLS",
         "a gateway server's protocol"},
        {"port: 9000", "port: 9001", "the Services' ports"},
        {"    app: svc-2\n  ports", "    app: other\n  ports", "a Service's selector"},
        {"metadata:\n  name: big\n", "metadata:\n  name: big\n  namespace: edge\n",
         "a VirtualService in another namespace"},
    };
    QString text = base;
    for (const auto &change : changes) {
        const QString changed =
            QString(text).replace(QString::fromUtf8(change.from), QString::fromUtf8(change.to));
        QVERIFY2(changed != text, change.step);
        text = changed;
        check(text, change.step);
    }
    QVERIFY(text != base);
    // Back to the start, and what the last two builds did not ask for is gone.
    check(base, "back to the start");
    check(base, "again");
    QCOMPARE(texts.size(), words);
}

STUDIO_TEST_MAIN(TestGraphModel)
#include "tst_graphmodel.moc"
