// The studio on Gateway API documents: the graph says what core's translation says (attachments,
// broken parentRefs and backendRefs with Istio's reasons) and runs what the compiled tables run;
// drawing makes TCPRoutes/TLSRoutes and splits (one undo step each, undone byte for byte); the
// inspector's typed forms edit listeners, parentRefs, backendRefs and ReferenceGrants.

#include "document/document.h"
#include "editing/documentedits.h"
#include "editing/gatewayapiedits.h"
#include "graph/gatewayapigraph.h"
#include "graph/graphitems.h"
#include "graph/graphmodel.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/nodeid.h"
#include "studiotest.h"
#include "views/gatewayapiforms.h"
#include "views/inspector.h"
#include "window/mainwindow.h"
#include "window/preferences.h"
#include "yaml/loader.h"
#include "yaml/writer.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QString sharedDir()
{
    return qEnvironmentVariableIsEmpty("MESHROUTE_SHARED_DIR") ? QStringLiteral(MESHROUTE_SHARED_DIR)
                                                               : qEnvironmentVariable("MESHROUTE_SHARED_DIR");
}

ResourceSet fromText(const QString &text)
{
    ResourceSet set;
    Diagnostics diagnostics;
    loadText(set, diagnostics, text.toStdString(), "test.yaml");
    return set;
}

// A Gateway API edition of the tutorial: a TCP listener (routes from its namespace), a TLS
// passthrough listener for *.example.com (routes from all namespaces), two Services with their
// Deployments.
const char *const kTutorial = R"(apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: istio}
spec: {controllerName: istio.io/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: tcp-echo-gateway, namespace: default}
spec:
  gatewayClassName: istio
  listeners:
  - name: tcp-31400
    port: 31400
    protocol: TCP
  - name: tls
    port: 443
    protocol: TLS
    hostname: '*.example.com'
    tls: {mode: Passthrough}
    allowedRoutes:
      namespaces: {from: All}
---
apiVersion: v1
kind: Service
metadata: {name: tcp-echo-v1, namespace: default}
spec:
  selector: {app: tcp-echo, version: v1}
  ports:
  - {name: tcp, port: 9000}
---
apiVersion: v1
kind: Service
metadata: {name: tcp-echo-v2, namespace: default}
spec:
  selector: {app: tcp-echo, version: v2}
  ports:
  - {name: tcp, port: 9000}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v1, namespace: default}
spec:
  selector: {matchLabels: {app: tcp-echo, version: v1}}
  template:
    metadata: {labels: {app: tcp-echo, version: v1}}
    spec: {containers: [{name: tcp-echo, image: istio/tcp-echo-server:1.3, ports: [{containerPort: 9000}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v2, namespace: default}
spec:
  selector: {matchLabels: {app: tcp-echo, version: v2}}
  template:
    metadata: {labels: {app: tcp-echo, version: v2}}
    spec: {containers: [{name: tcp-echo, image: istio/tcp-echo-server:1.3, ports: [{containerPort: 9000}]}]}
)";

const char *const kRoute = R"(---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: tcp-echo, namespace: default}
spec:
  parentRefs:
  - {name: tcp-echo-gateway, sectionName: tcp-31400}
  rules:
  - backendRefs:
    - {name: tcp-echo-v1, port: 9000, weight: 80}
    - {name: tcp-echo-v2, port: 9000, weight: 20}
---
apiVersion: gateway.networking.k8s.io/v1beta1
kind: ReferenceGrant
metadata: {name: from-edge, namespace: default}
spec:
  from:
  - {group: gateway.networking.k8s.io, kind: TCPRoute, namespace: edge}
  to:
  - {group: '', kind: Service}
)";

// The conformance manifests name the implementation's class as a placeholder: Istio's, here.
QString forIstio(QString text)
{
    return QStringLiteral(
               "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata: {name: istio}\n"
               "spec: {controllerName: istio.io/gateway-controller}\n---\n") +
           text.replace(QStringLiteral("{GATEWAY_CLASS_NAME}"), QStringLiteral("istio"));
}

QString allText(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

void open(Document &document, const QString &text)
{
    document.restore({{QDir::temp().absoluteFilePath(QStringLiteral("gwapi-studio-test.yaml")), text}});
}

// Apply, check it is one undo step, and that undo gives the text back exactly.
void applyAndCheckUndo(Document &document, const edits::Change &change)
{
    QVERIFY(!change.isEmpty());
    const QString before = allText(document);
    const int steps = document.undoStack()->count();
    document.apply(change);
    QCOMPARE(document.undoStack()->count(), steps + 1);
    const QString after = allText(document);
    QVERIFY(after != before);
    document.undoStack()->undo();
    QCOMPARE(allText(document), before);
    document.undoStack()->redo();
    QCOMPARE(allText(document), after);
}

const GraphEdge *findEdge(const GraphModel &graph, EdgeKind kind, const QString &from, const QString &to,
                          const QString &fromSocket = {})
{
    for (const GraphEdge &edge : graph.edges())
        if (edge.kind == kind && edge.from == from && edge.to == to &&
            (fromSocket.isEmpty() || edge.fromSocket == fromSocket))
            return &edge;
    return nullptr;
}

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestGatewayApiStudio : public QObject
{
    Q_OBJECT

private slots:
    void graphSaysWhatTranslationSays_data();
    void graphSaysWhatTranslationSays();
    void liveEdgesAreWhatTheTablesRun_data() { graphSaysWhatTranslationSays_data(); }
    void liveEdgesAreWhatTheTablesRun();
    void tutorialGraph();
    void brokenReasonsInTooltips();
    void listenerToServiceMakesARoute_data();
    void listenerToServiceMakesARoute();
    void routeToSecondServiceSplits();
    void drawingRefusesWhatItCannotMake();
    void inspectorEditsListener();
    void inspectorEditsBackendAndParent();
    void inspectorEditsReferenceGrant();
    void withValueCreatesAndRemoves();
    void deleteAndReweightEdges();
    void windowFollowsTheDocumentsTarget();
    void preferencesShowAndChooseTheTarget();
    void screenshot();
};

// One row per Istio golden case and per conformance manifest (with the shared base manifests).
void TestGatewayApiStudio::graphSaysWhatTranslationSays_data()
{
    QTest::addColumn<QString>("text");
    const QDir istio(sharedDir() + QStringLiteral("/gateway-api/istio-testdata"));
    int rows = 0;
    for (const QString &name : istio.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(QStringLiteral("istio/") + name))
            << studiotest::readAll(istio.filePath(name));
        ++rows;
    }
    const QDir conformance(sharedDir() + QStringLiteral("/gateway-api/conformance"));
    const QString base = studiotest::readAll(conformance.filePath(QStringLiteral("base-manifests.yaml")));
    for (const QString &name : conformance.entryList({QStringLiteral("t*.yaml")}, QDir::Files, QDir::Name)) {
        QTest::newRow(qPrintable(QStringLiteral("conformance/") + name))
            << forIstio(base + QStringLiteral("\n---\n") + studiotest::readAll(conformance.filePath(name)));
        ++rows;
    }
    QVERIFY(rows >= 25);
    QTest::newRow("tutorial") << QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute);
}

void TestGatewayApiStudio::graphSaysWhatTranslationSays()
{
    QFETCH(QString, text);
    const ResourceSet set = fromText(text);
    const GraphModel graph = GraphModel::build(set);
    const gatewayapi::Translation translation = gatewayapi::translate(set);
    const std::string &dns = set.defaultNamespace;
    for (const GraphEdge &edge : graph.edges()) {
        QVERIFY2(graph.node(edge.from), qPrintable(edge.from));
        QVERIFY2(graph.node(edge.to), qPrintable(edge.to));
    }
    // Gateways: one node each, a socket per listener.
    for (const Resource *r : set.ofKind(Kind::KubeGateway)) {
        const GraphNode *node = graph.node(gwapiid::gateway(r->effectiveNamespace(dns), r->name));
        QVERIFY2(node, r->name.c_str());
        QCOMPARE(node->kind, NodeKind::Gateway);
        const auto &listeners = r->as<KubeGatewaySpec>()->listeners;
        QCOMPARE(node->sockets.size(), static_cast<qsizetype>(listeners.size()));
        for (std::size_t l = 0; l < listeners.size(); ++l) {
            QCOMPARE(node->sockets[static_cast<int>(l)].key, qs(listeners[l].name));
            QCOMPARE(node->sockets[static_cast<int>(l)].label,
                     QStringLiteral("%1 %2").arg(listeners[l].port).arg(qs(listeners[l].protocol)));
        }
    }
    int brokenParents = 0;
    int brokenBackends = 0;
    for (const gatewayapi::RouteStatus &status : translation.routes) {
        const Resource &r = set.resources[status.resource];
        const auto *spec = r.as<L4RouteSpec>();
        const QString id = gwapiid::route(r.kindName, r.effectiveNamespace(dns), r.name);
        QVERIFY2(graph.node(id), qPrintable(id));
        for (const gatewayapi::RouteParentStatus &parent : status.parents) {
            const gatewayapi::Condition *accepted =
                translation.condition(status, parent.parentRef, "Accepted");
            QVERIFY(accepted);
            const RouteParentRef &ref = spec->parentRefs[parent.parentRef];
            const std::string parentNs = ref.ns.empty() ? r.effectiveNamespace(dns) : ref.ns;
            if (accepted->status == "True") {
                if (ref.kind != "Gateway")
                    continue; // mesh parents (Service, ServiceEntry) are not drawn
                // Attached: an unbroken edge from a listener of that Gateway.
                bool found = false;
                for (const GraphEdge &edge : graph.edges())
                    found |= edge.kind == EdgeKind::PortToRoute && edge.to == id && !edge.broken &&
                             edge.from == gwapiid::gateway(parentNs, ref.name) &&
                             !edge.fromSocket.isEmpty() &&
                             (ref.sectionName.empty() || edge.fromSocket == qs(ref.sectionName));
                QVERIFY2(found, qPrintable(id + QStringLiteral(" <- ") + qs(ref.name)));
            } else {
                // Not accepted: a broken edge whose reason starts with Istio's reason.
                bool found = false;
                for (const GraphEdge &edge : graph.edges())
                    found |= edge.kind == EdgeKind::PortToRoute && edge.to == id && edge.broken &&
                             edge.reason.startsWith(qs(accepted->reason) + QLatin1Char(':'));
                QVERIFY2(found, qPrintable(id + QStringLiteral(": ") + qs(accepted->reason)));
                ++brokenParents;
            }
        }
        // Broken backendRefs: exactly where core wrote MR0022 at the reference, with its reason.
        if (spec->rules.empty())
            continue;
        const auto &refs = spec->rules.front().backendRefs;
        for (std::size_t b = 0; b < refs.size(); ++b) {
            const Diagnostic *verdict = nullptr;
            for (const Diagnostic &d : translation.diagnostics)
                if (d.code == codes::GatewayApiUnresolvedRef && d.position == refs[b].position &&
                    d.resource.display() == r.displayName(dns))
                    verdict = &d;
            const GraphEdge *edge = nullptr;
            for (const GraphEdge &e : graph.edges())
                if (e.kind == EdgeKind::RouteToSubset && e.from == id && e.destination == static_cast<int>(b))
                    edge = &e;
            QVERIFY2(edge, qPrintable(id + QStringLiteral(" backend ") + QString::number(b)));
            QCOMPARE(edge->broken, verdict != nullptr);
            if (verdict) {
                QVERIFY2(edge->reason.startsWith(qs(verdict->args.at(2).text)), qPrintable(edge->reason));
                ++brokenBackends;
            }
        }
    }
    if (QByteArray(QTest::currentDataTag()).contains("invalid-backendref") ||
        QByteArray(QTest::currentDataTag()).contains("reference-policy-tcp"))
        QVERIFY(brokenBackends > 0);
    if (QByteArray(QTest::currentDataTag()).contains("no-matching-listener"))
        QVERIFY(brokenParents > 0);
}

// Live (solid) edges are exactly what the compiled tables of the Gateway API run: per listener
// the routes it runs, per route the backends its compiled routes can serve.
void TestGatewayApiStudio::liveEdgesAreWhatTheTablesRun()
{
    QFETCH(QString, text);
    const ResourceSet set = fromText(text);
    const GraphModel graph = GraphModel::build(set);
    const GatewayApiRun run = gatewayApiRun(set);
    // A table the caller compiled already (the graph builder's) is the one the run reads.
    QCOMPARE(gatewayApiRun(set, std::nullopt, run.tables.front().second).tables.front().second.get(),
             run.tables.front().second.get());
    // The listener and route each generated classic resource stands for, read off the set itself.
    std::map<std::string, QString> gatewayOf; // generated Gateway "ns/name" -> "kgateway...|listener"
    std::map<std::string, QString> routeOf;   // generated VirtualService "ns/name" -> route id
    for (const YAML::Node &node : run.translation.classic) {
        const std::string ns = node["metadata"]["namespace"].Scalar();
        const std::string name = node["metadata"]["name"].Scalar();
        const auto tilde = name.find('~');
        if (node["kind"].Scalar() == "Gateway") {
            const std::string listener = name.substr(name.rfind('~') + 1);
            gatewayOf[ns + "/" + name] =
                gwapiid::gateway(ns, name.substr(0, tilde)) + QLatin1Char('|') + qs(listener);
        } else {
            const std::string kind = name.find("~tls~") != std::string::npos ? "TLSRoute" : "TCPRoute";
            routeOf[ns + "/" + name] = gwapiid::route(kind, ns, name.substr(0, tilde));
        }
    }
    QSet<QString> ran;
    QSet<QString> ranBackends;
    for (const auto &[tableIndex, table] : run.tables)
        for (const Listener &listener : table->listeners) {
            // A TLS port is shared by SNI: each route runs for the Gateways that bound it.
            std::vector<std::pair<std::size_t, std::string>> routes;
            if (listener.route)
                routes.emplace_back(*listener.route, listener.gateway);
            for (const SniRoute &sni : listener.sniRoutes)
                for (const std::string &gateway : sni.gateways)
                    routes.emplace_back(sni.route, gateway);
            for (const auto &[index, gateway] : routes) {
                const meshroute::Route &route = table->routes[index];
                if (!gatewayOf.count(gateway) || !routeOf.count(route.virtualService))
                    continue;
                ran << gatewayOf[gateway] + QLatin1Char('|') + routeOf[route.virtualService];
                for (const WeightedCluster &wc : route.destinations) {
                    const Cluster &cluster = table->clusters[wc.cluster];
                    if (cluster.noRouteReason == NoRouteReason::None)
                        ranBackends << routeOf[route.virtualService] + QLatin1Char('|') +
                                           nodeid::destination(cluster.host);
                }
            }
        }
    QSet<QString> drawn;
    QSet<QString> drawnBackends;
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.broken || edge.inactive)
            continue;
        if (edge.kind == EdgeKind::PortToRoute && edge.from.startsWith(QLatin1String("kgateway:")))
            drawn << edge.from + QLatin1Char('|') + edge.fromSocket + QLatin1Char('|') + edge.to;
        if (edge.kind == EdgeKind::RouteToSubset && edge.from.startsWith(QLatin1String("kroute:")))
            drawnBackends << edge.from + QLatin1Char('|') + edge.to;
    }
    QCOMPARE(drawn, ran);
    QCOMPARE(drawnBackends, ranBackends);
}

void TestGatewayApiStudio::tutorialGraph()
{
    const ResourceSet set = fromText(QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute));
    const GraphModel graph = GraphModel::build(set);
    const QString gateway = QStringLiteral("kgateway:default/tcp-echo-gateway");
    const QString route = QStringLiteral("kroute:TCPRoute/default/tcp-echo");
    const QString v1 = QStringLiteral("destination:tcp-echo-v1.default.svc.cluster.local");
    const QString v2 = QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local");
    const GraphNode *g = graph.node(gateway);
    QVERIFY(g);
    QCOMPARE(g->column, Column::Gateways);
    QCOMPARE(g->sockets.size(), 2);
    QCOMPARE(g->sockets[1].label, QStringLiteral("443 TLS"));
    QVERIFY(g->sockets[1].detail.contains(QStringLiteral("*.example.com")));
    QVERIFY(g->sockets[1].detail.contains(QStringLiteral("Passthrough")));
    const GraphNode *r = graph.node(route);
    QVERIFY(r);
    QCOMPARE(r->column, Column::Routes);
    // The attachment runs on the local gateway, with the route's weights, down to the pods.
    const GraphEdge *attach =
        findEdge(graph, EdgeKind::PortToRoute, gateway, route, QStringLiteral("tcp-31400"));
    QVERIFY(attach);
    QVERIFY2(!attach->broken && !attach->inactive, qPrintable(attach->reason));
    QVERIFY(!findEdge(graph, EdgeKind::PortToRoute, gateway, route, QStringLiteral("tls")));
    const GraphEdge *toV1 = findEdge(graph, EdgeKind::RouteToSubset, route, v1);
    const GraphEdge *toV2 = findEdge(graph, EdgeKind::RouteToSubset, route, v2);
    QVERIFY(toV1 && toV2);
    QCOMPARE(toV1->label, QStringLiteral("80%"));
    QCOMPARE(toV2->label, QStringLiteral("20%"));
    QVERIFY(!toV1->inactive && !toV2->inactive);
    const GraphEdge *pods = findEdge(graph, EdgeKind::SubsetToWorkload, v1,
                                     QStringLiteral("workload:Deployment/default/tcp-echo-v1"));
    QVERIFY(pods);
    QVERIFY2(!pods->inactive, qPrintable(pods->reason));
    QVERIFY(!r->inactive);
}

// The reasons are core's: Istio's reason and message on the edge (tooltip) and the route.
void TestGatewayApiStudio::brokenReasonsInTooltips()
{
    const QString text = QString::fromLatin1(kTutorial) + QStringLiteral(R"(---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: wrong-host, namespace: default}
spec:
  parentRefs:
  - {name: tcp-echo-gateway, sectionName: tls}
  hostnames: [foo.other.org]
  rules:
  - backendRefs:
    - {name: tcp-echo-v1, port: 9000}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: lost, namespace: default}
spec:
  parentRefs:
  - {name: nowhere}
  rules:
  - backendRefs:
    - {name: missing, port: 9000}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: half, namespace: default}
spec:
  parentRefs:
  - {name: tcp-echo-gateway, sectionName: tcp-31400}
  rules:
  - backendRefs:
    - {name: missing, port: 9000}
    - {name: tcp-echo-v1, namespace: other, port: 9000}
    - {group: example.com, kind: Bucket, name: b, port: 1}
    - {name: tcp-echo-v2, port: 9000}
)");
    const GraphModel graph = GraphModel::build(fromText(text));
    const GraphEdge *host =
        findEdge(graph, EdgeKind::PortToRoute, QStringLiteral("kgateway:default/tcp-echo-gateway"),
                 QStringLiteral("kroute:TLSRoute/default/wrong-host"));
    QVERIFY(host);
    QVERIFY(host->broken);
    QCOMPARE(host->fromSocket, QStringLiteral("tls"));
    QVERIFY2(host->reason.startsWith(QStringLiteral("NoMatchingListenerHostname:")),
             qPrintable(host->reason));
    const GraphEdge *parent =
        findEdge(graph, EdgeKind::PortToRoute, QStringLiteral("ghost:kgateway:default/nowhere"),
                 QStringLiteral("kroute:TCPRoute/default/lost"));
    QVERIFY(parent);
    QVERIFY(parent->broken);
    QVERIFY2(parent->reason.contains(QStringLiteral("no Gateway default/nowhere")),
             qPrintable(parent->reason));
    QCOMPARE(graph.node(parent->from)->kind, NodeKind::Ghost);
    const GraphNode *lost = graph.node(QStringLiteral("kroute:TCPRoute/default/lost"));
    QVERIFY(lost->inactive);
    QVERIFY(lost->tooltip.contains(QStringLiteral("no Gateway default/nowhere")));
    // The route attached nowhere: core judges none of its backends; not run, not broken.
    const GraphEdge *unjudged =
        findEdge(graph, EdgeKind::RouteToSubset, QStringLiteral("kroute:TCPRoute/default/lost"),
                 nodeid::missingHost("missing.default.svc.cluster.local"));
    QVERIFY(unjudged);
    QVERIFY(!unjudged->broken && unjudged->inactive);
    // Core's verdicts on an attached route's backends, each on its edge, with the reason.
    const QString half = QStringLiteral("kroute:TCPRoute/default/half");
    const struct
    {
        QString to;
        QString reason;
    } expected[] = {
        {nodeid::missingHost("missing.default.svc.cluster.local"), QStringLiteral("BackendNotFound")},
        {nodeid::missingHost("tcp-echo-v1.other.svc.cluster.local"), QStringLiteral("RefNotPermitted")},
        {gwapiid::unknownBackend("example.com", "Bucket", "default", "b"), QStringLiteral("InvalidKind")}};
    for (const auto &e : expected) {
        const GraphEdge *edge = findEdge(graph, EdgeKind::RouteToSubset, half, e.to);
        QVERIFY2(edge, qPrintable(e.to));
        QVERIFY(edge->broken);
        QVERIFY2(edge->reason.startsWith(e.reason + QLatin1Char(':')), qPrintable(edge->reason));
        QCOMPARE(graph.node(e.to)->kind, NodeKind::Ghost);
    }
    // The one good backend keeps its quarter and runs.
    const GraphEdge *good = findEdge(graph, EdgeKind::RouteToSubset, half,
                                     QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local"));
    QVERIFY(good);
    QCOMPARE(good->label, QStringLiteral("25%"));
    QVERIFY2(!good->broken && !good->inactive, qPrintable(good->reason));
}

void TestGatewayApiStudio::listenerToServiceMakesARoute_data()
{
    QTest::addColumn<int>("listener");
    QTest::addColumn<QString>("expected");
    QTest::newRow("TCP listener: TCPRoute")
        << 0 << QStringLiteral(R"(apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata:
  name: tcp-echo-v2
  namespace: default
spec:
  parentRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
      name: tcp-echo-gateway
      namespace: default
      sectionName: tcp-31400
  rules:
    - backendRefs:
        - name: tcp-echo-v2
          port: 9000
)");
    QTest::newRow("TLS listener: TLSRoute") << 1 << QStringLiteral(R"(apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata:
  name: tcp-echo-v2
  namespace: default
spec:
  parentRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
      name: tcp-echo-gateway
      namespace: default
      sectionName: tls
  hostnames:
    - "*.example.com"
  rules:
    - backendRefs:
        - name: tcp-echo-v2
          port: 9000
)");
}

void TestGatewayApiStudio::listenerToServiceMakesARoute()
{
    QFETCH(int, listener);
    QFETCH(QString, expected);
    Document document;
    open(document, QString::fromLatin1(kTutorial));
    const GraphModel graph = GraphModel::build(document.set());
    const GraphNode *gateway = graph.node(QStringLiteral("kgateway:default/tcp-echo-gateway"));
    const GraphNode *service =
        graph.node(QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local"));
    QVERIFY(gateway && service);
    const edits::Change change = edits::connectNodes(document.set(), *gateway, listener, *service,
                                                     service->socketIndex(QStringLiteral("*")));
    QCOMPARE(change.added.size(), std::size_t(1));
    QVERIFY(change.selectAdded);
    applyAndCheckUndo(document, change);
    const Resource &added = document.set().resources.back();
    QCOMPARE(added.kind, listener == 0 ? Kind::TCPRoute : Kind::TLSRoute);
    QCOMPARE(QString::fromStdString(emitNode(added.node)).trimmed(), expected.trimmed());
    // Core attaches it where it was drawn, and the graph shows it so.
    const GraphModel after = GraphModel::build(document.set());
    const QString id = gwapiid::route(added.kindName, "default", "tcp-echo-v2");
    const GraphEdge *edge =
        findEdge(after, EdgeKind::PortToRoute, gateway->id, id, gateway->sockets[listener].key);
    QVERIFY(edge);
    QVERIFY2(!edge->broken, qPrintable(edge->reason));
}

void TestGatewayApiStudio::routeToSecondServiceSplits()
{
    Document document;
    open(document, QString::fromLatin1(kTutorial));
    GraphModel graph = GraphModel::build(document.set());
    const GraphNode *gateway = graph.node(QStringLiteral("kgateway:default/tcp-echo-gateway"));
    const GraphNode *v1 = graph.node(QStringLiteral("destination:tcp-echo-v1.default.svc.cluster.local"));
    document.apply(
        edits::connectNodes(document.set(), *gateway, 0, *v1, v1->socketIndex(QStringLiteral("*"))));
    graph = GraphModel::build(document.set());
    const GraphNode *route = graph.node(QStringLiteral("kroute:TCPRoute/default/tcp-echo-v1"));
    const GraphNode *v2 = graph.node(QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local"));
    QVERIFY(route && v2);
    const edits::Change change =
        edits::connectNodes(document.set(), *route, -1, *v2, v2->socketIndex(QStringLiteral("*")));
    QCOMPARE(change.replaced.size(), std::size_t(1));
    applyAndCheckUndo(document, change);
    const auto *spec = document.set().resources.back().as<L4RouteSpec>();
    QVERIFY(spec);
    const auto &refs = spec->rules.at(0).backendRefs;
    QCOMPARE(refs.size(), std::size_t(2));
    QCOMPARE(refs[0].name, std::string("tcp-echo-v1"));
    QCOMPARE(refs[1].name, std::string("tcp-echo-v2"));
    QCOMPARE(refs[0].weight, std::optional<std::int64_t>(50));
    QCOMPARE(refs[1].weight, std::optional<std::int64_t>(50));
    QCOMPARE(refs[1].port, std::optional<std::uint32_t>(9000));
    // The graph shows the split as core runs it: half each. (Copy the ids: rebuilding the graph frees its
    // nodes.)
    const QString routeId = route->id;
    const QString v2Id = v2->id;
    graph = GraphModel::build(document.set());
    const GraphEdge *toV2 = findEdge(graph, EdgeKind::RouteToSubset, routeId, v2Id);
    QVERIFY(toV2);
    QCOMPARE(toV2->label, QStringLiteral("50%"));
    // Drawing the same backend again changes nothing.
    route = graph.node(QStringLiteral("kroute:TCPRoute/default/tcp-echo-v1"));
    v2 = graph.node(QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local"));
    QVERIFY(
        edits::connectNodes(document.set(), *route, -1, *v2, v2->socketIndex(QStringLiteral("*"))).isEmpty());
}

void TestGatewayApiStudio::drawingRefusesWhatItCannotMake()
{
    const QString text = QString::fromLatin1(kTutorial) + QStringLiteral(R"(---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: web, namespace: default}
spec:
  gatewayClassName: istio
  listeners:
  - {name: http, port: 80, protocol: HTTP}
)");
    const ResourceSet set = fromText(text);
    const GraphModel graph = GraphModel::build(set);
    const GraphNode *web = graph.node(QStringLiteral("kgateway:default/web"));
    const GraphNode *v1 = graph.node(QStringLiteral("destination:tcp-echo-v1.default.svc.cluster.local"));
    const GraphNode *workload = graph.node(QStringLiteral("workload:Deployment/default/tcp-echo-v1"));
    QVERIFY(web && v1 && workload);
    QVERIFY(edits::connectNodes(set, *web, 0, *v1, 0).isEmpty()); // an HTTP listener
    const GraphNode *gateway = graph.node(QStringLiteral("kgateway:default/tcp-echo-gateway"));
    QVERIFY(edits::connectNodes(set, *gateway, 0, *workload, 0).isEmpty()); // not a Service
    QVERIFY(edits::connectNodes(set, *gateway, 5, *v1, 0).isEmpty());       // no such listener
}

void TestGatewayApiStudio::inspectorEditsListener()
{
    Document document;
    open(document, QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute));
    Inspector inspector(&document);
    const int gateway = document.indexOf(Kind::KubeGateway, "default", "tcp-echo-gateway");
    QVERIFY(gateway >= 0);
    inspector.inspectResource(gateway);
    const QString before = allText(document);
    auto *port = inspector.findChild<QSpinBox *>(QStringLiteral("gwapi.spec.listeners.0.port"));
    QVERIFY(port);
    QCOMPARE(port->value(), 31400);
    port->setValue(31500);
    const auto spec = [&] {
        return document.set().resources[static_cast<std::size_t>(gateway)].as<KubeGatewaySpec>();
    };
    QCOMPARE(spec()->listeners[0].port, std::uint32_t(31500));
    auto *hostname = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.listeners.1.hostname"));
    QVERIFY(hostname);
    hostname->clear();
    QTest::keyClicks(hostname, QStringLiteral("*.example.org"));
    QCOMPARE(spec()->listeners[1].hostname, std::string("*.example.org"));
    QTest::keyClicks(hostname, QStringLiteral(" bad")); // not a hostname: flagged, not applied
    QCOMPARE(spec()->listeners[1].hostname, std::string("*.example.org"));
    auto *mode = inspector.findChild<QComboBox *>(QStringLiteral("gwapi.spec.listeners.1.tls.mode"));
    QVERIFY(mode);
    QCOMPARE(mode->currentText(), QStringLiteral("Passthrough"));
    mode->setCurrentIndex(mode->findText(QStringLiteral("Terminate")));
    emit mode->activated(mode->currentIndex());
    QCOMPARE(spec()->listeners[1].tlsMode, std::string("Terminate"));
    auto *from = inspector.findChild<QComboBox *>(
        QStringLiteral("gwapi.spec.listeners.0.allowedRoutes.namespaces.from"));
    QVERIFY(from);
    QCOMPARE(from->currentText(), QStringLiteral("Same"));
    from->setCurrentIndex(from->findText(QStringLiteral("All")));
    emit from->activated(from->currentIndex());
    QCOMPARE(spec()->listeners[0].allowedRoutes.from, std::string("All"));
    // Each field one undo step; all undone, the text is back byte for byte.
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(allText(document), before);
}

void TestGatewayApiStudio::inspectorEditsBackendAndParent()
{
    Document document;
    open(document, QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute));
    const int route = document.indexOf(Kind::TCPRoute, "default", "tcp-echo");
    QVERIFY(route >= 0);
    // A route node in the graph opens its form.
    const GraphModel graph = GraphModel::build(document.set());
    Inspector inspector(&document);
    inspector.inspectNode(*graph.node(QStringLiteral("kroute:TCPRoute/default/tcp-echo")));
    auto *weight = inspector.findChild<QSpinBox *>(QStringLiteral("gwapi.spec.rules.0.backendRefs.1.weight"));
    QVERIFY(weight);
    QCOMPARE(weight->value(), 20);
    weight->setValue(30);
    const auto spec = [&] {
        return document.set().resources[static_cast<std::size_t>(route)].as<L4RouteSpec>();
    };
    QCOMPARE(spec()->rules[0].backendRefs[1].weight, std::optional<std::int64_t>(30));
    weight->setValue(weight->minimum()); // "default (1)": the key goes
    QCOMPARE(spec()->rules[0].backendRefs[1].weight, std::optional<std::int64_t>());
    auto *ns = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.rules.0.backendRefs.0.namespace"));
    QVERIFY(ns);
    QTest::keyClicks(ns, QStringLiteral("edge"));
    QCOMPARE(spec()->rules[0].backendRefs[0].ns, std::string("edge"));
    auto *section = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.parentRefs.0.sectionName"));
    QVERIFY(section);
    QCOMPARE(section->text(), QStringLiteral("tcp-31400"));
    section->selectAll();
    QTest::keyClicks(section, QStringLiteral("tls"));
    QCOMPARE(spec()->parentRefs[0].sectionName, std::string("tls"));
    auto *port = inspector.findChild<QSpinBox *>(QStringLiteral("gwapi.spec.parentRefs.0.port"));
    QVERIFY(port);
    port->setValue(443);
    QCOMPARE(spec()->parentRefs[0].port, std::optional<std::uint32_t>(443));
    // The YAML says the same (what the YAML pane shows).
    const QString yaml = allText(document);
    QVERIFY(yaml.contains(QStringLiteral("sectionName: tls")));
    QVERIFY(yaml.contains(QStringLiteral("port: 443")));
}

void TestGatewayApiStudio::inspectorEditsReferenceGrant()
{
    Document document;
    open(document, QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute));
    const int grant = document.indexOf(Kind::ReferenceGrant, "default", "from-edge");
    QVERIFY(grant >= 0);
    Inspector inspector(&document);
    inspector.inspectResource(grant);
    auto *ns = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.from.0.namespace"));
    auto *kind = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.from.0.kind"));
    auto *name = inspector.findChild<QLineEdit *>(QStringLiteral("gwapi.spec.to.0.name"));
    QVERIFY(ns && kind && name);
    ns->selectAll();
    QTest::keyClicks(ns, QStringLiteral("tenant"));
    kind->selectAll();
    QTest::keyClicks(kind, QStringLiteral("TLSRoute"));
    QTest::keyClicks(name, QStringLiteral("tcp-echo-v1"));
    const auto *spec = document.set().resources[static_cast<std::size_t>(grant)].as<ReferenceGrantSpec>();
    QCOMPARE(spec->from[0].ns, std::string("tenant"));
    QCOMPARE(spec->from[0].kind, std::string("TLSRoute"));
    QCOMPARE(spec->to[0].name, std::string("tcp-echo-v1"));
    // Typing in one field merges into one undo step: three fields, three steps.
    QCOMPARE(document.undoStack()->count(), 3);
}

void TestGatewayApiStudio::withValueCreatesAndRemoves()
{
    using gatewayapiforms::PathPart;
    const YAML::Node node = YAML::Load("spec:\n  listeners:\n  - {name: a, port: 1}\n");
    const std::vector<PathPart> mode{std::string("spec"), std::string("listeners"), std::size_t(0),
                                     std::string("tls"), std::string("mode")};
    YAML::Node changed = gatewayapiforms::withValue(node, mode, "Passthrough");
    QCOMPARE(changed["spec"]["listeners"][0]["tls"]["mode"].as<std::string>(), std::string("Passthrough"));
    QVERIFY(!node["spec"]["listeners"][0]["tls"]); // a copy
    changed = gatewayapiforms::withValue(
        changed, {std::string("spec"), std::string("listeners"), std::size_t(0), std::string("tls")}, "");
    QVERIFY(!changed["spec"]["listeners"][0]["tls"]);
    changed = gatewayapiforms::withValue(
        changed, {std::string("spec"), std::string("listeners"), std::size_t(0), std::string("port")}, "42",
        true);
    QCOMPARE(changed["spec"]["listeners"][0]["port"].as<int>(), 42);
    // An index past the end changes nothing.
    changed = gatewayapiforms::withValue(
        changed, {std::string("spec"), std::string("listeners"), std::size_t(3), std::string("port")}, "1",
        true);
    QCOMPARE(changed["spec"]["listeners"].size(), std::size_t(1));
}

// Under Xvfb (or offscreen) with MESHROUTE_SCREENSHOTS=<folder>: the window on a Gateway API
// document (a weighted TCPRoute, a TLSRoute whose hostname no listener matches, a route to a
// missing Gateway with a missing backend), as gatewayapi-graph.png.
// Deleting and re-weighting Gateway API edges, through the window's own paths (Edit ▸ Delete on
// the selected edge, the inline weight editor of an activated edge): one undo step each, undone
// byte for byte.
void TestGatewayApiStudio::deleteAndReweightEdges()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gateway-api.yaml"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write((QString::fromLatin1(kTutorial) + QString::fromLatin1(kRoute)).toUtf8());
    }
    MainWindow window;
    QVERIFY(window.openPaths({path}));
    Document &document = *window.document();
    const QString before = allText(document);
    const QString gateway = QStringLiteral("kgateway:default/tcp-echo-gateway");
    const QString route = QStringLiteral("kroute:TCPRoute/default/tcp-echo");
    const QString v1 = QStringLiteral("destination:tcp-echo-v1.default.svc.cluster.local");
    const QString v2 = QStringLiteral("destination:tcp-echo-v2.default.svc.cluster.local");
    auto spec = [&]() -> const L4RouteSpec * {
        const int index = document.indexOf(Kind::TCPRoute, "default", "tcp-echo");
        return index < 0 ? nullptr
                         : document.set().resources[static_cast<std::size_t>(index)].as<L4RouteSpec>();
    };
    QString question;
    auto *answer = new QTimer(&window);
    answer->setInterval(10);
    connect(answer, &QTimer::timeout, &window, [&question] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer->start();
    auto deleteEdge = [&](const QString &from, const QString &to, int destination) {
        EdgeItem *item = window.scene()->edgeItem(from, to, destination);
        if (!item)
            return false;
        window.scene()->clearSelection();
        item->setSelected(true);
        window.deleteSelection();
        return true;
    };
    const int steps = document.undoStack()->count();

    // route -> tcp-echo-v2: that backendRef goes; the one left takes the whole share (no weight).
    QVERIFY(deleteEdge(route, v2, 1));
    QVERIFY2(question.contains(QStringLiteral("backendRef")), qPrintable(question));
    QCOMPARE(document.undoStack()->count(), steps + 1);
    QCOMPARE(spec()->rules.front().backendRefs.size(), std::size_t(1));
    QCOMPARE(spec()->rules.front().backendRefs[0].name, std::string("tcp-echo-v1"));
    QCOMPARE(spec()->rules.front().backendRefs[0].weight, std::optional<std::int64_t>());
    QVERIFY(!findEdge(window.scene()->graph(), EdgeKind::RouteToSubset, route, v2));
    // The last one: `backendRefs: []`, the route stays (as the classic delete leaves `route: []`).
    QVERIFY(deleteEdge(route, v1, 0));
    QCOMPARE(document.undoStack()->count(), steps + 2);
    QVERIFY(spec());
    QCOMPARE(spec()->rules.size(), std::size_t(1));
    QVERIFY(spec()->rules.front().backendRefs.empty());
    QVERIFY(window.scene()->graph().node(route));
    QVERIFY(!findEdge(window.scene()->graph(), EdgeKind::RouteToSubset, route, v1));
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(allText(document), before);

    // Three backendRefs, one deleted: the two left keep their proportions, normalised to 100.
    {
        const int index = document.indexOf(Kind::TCPRoute, "default", "tcp-echo");
        YAML::Node three = YAML::Clone(document.set().resources[static_cast<std::size_t>(index)].node);
        three["spec"]["rules"][0]["backendRefs"][0]["weight"] = 60;
        three["spec"]["rules"][0]["backendRefs"][1]["weight"] = 20;
        YAML::Node third;
        third["name"] = "tcp-echo-v2";
        third["port"] = 9000;
        third["weight"] = 20;
        three["spec"]["rules"][0]["backendRefs"].push_back(third);
        const YAML::Node after = edits::withoutBackendRef(three, 1);
        QCOMPARE(after["spec"]["rules"][0]["backendRefs"].size(), std::size_t(2));
        QCOMPARE(after["spec"]["rules"][0]["backendRefs"][0]["weight"].as<int>(), 75);
        QCOMPARE(after["spec"]["rules"][0]["backendRefs"][1]["weight"].as<int>(), 25);
        // The input is never written to.
        QCOMPARE(three["spec"]["rules"][0]["backendRefs"].size(), std::size_t(3));
    }

    // tcp-31400 -> route: its parentRef goes (the last one: `parentRefs: []`, attached nowhere).
    const GraphEdge *attach =
        findEdge(window.scene()->graph(), EdgeKind::PortToRoute, gateway, route, QStringLiteral("tcp-31400"));
    QVERIFY(attach);
    QCOMPARE(attach->destination, 0);
    QVERIFY(deleteEdge(gateway, route, 0));
    QVERIFY2(question.contains(QStringLiteral("parentRef")), qPrintable(question));
    QCOMPARE(document.undoStack()->count(), steps + 1);
    QVERIFY(spec()->parentRefs.empty());
    QCOMPARE(spec()->rules.front().backendRefs.size(), std::size_t(2));
    QVERIFY(!findEdge(window.scene()->graph(), EdgeKind::PortToRoute, gateway, route));
    document.undoStack()->undo();
    QCOMPARE(allText(document), before);

    // Re-weighting route -> tcp-echo-v2 in the inline editor writes that backendRef's weight.
    EdgeItem *edge = window.scene()->edgeItem(route, v2, 1);
    QVERIFY(edge);
    emit window.scene()->edgeActivated(edge->edge());
    auto *editor = window.graphView()->viewport()->findChild<QSpinBox *>(QStringLiteral("inlineWeight"));
    QVERIFY(editor);
    QCOMPARE(editor->value(), 20);
    editor->setValue(35);
    QTest::keyClick(editor, Qt::Key_Return);
    QCOMPARE(document.undoStack()->count(), steps + 1);
    QCOMPARE(spec()->rules.front().backendRefs[1].weight, std::optional<std::int64_t>(35));
    QCOMPARE(spec()->rules.front().backendRefs[0].weight, std::optional<std::int64_t>(80));
    // The graph shows core's share of the new weights: 35 of 115.
    QCOMPARE(findEdge(window.scene()->graph(), EdgeKind::RouteToSubset, route, v2)->label,
             QStringLiteral("30.4%"));
    document.undoStack()->undo();
    QCOMPARE(allText(document), before);

    // A Gateway API route node deleted is its whole TCPRoute.
    window.selectNode(route);
    window.deleteSelection();
    QCOMPARE(document.indexOf(Kind::TCPRoute, "default", "tcp-echo"), -1);
    document.undoStack()->undo();
    QCOMPARE(allText(document), before);
    answer->stop();
}

void TestGatewayApiStudio::screenshot()
{
    const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set MESHROUTE_SCREENSHOTS to a folder to take screenshots");
    QDir().mkpath(folder);
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).absoluteFilePath(QStringLiteral("gateway-api.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(kTutorial) + QByteArray(kRoute) + QByteArray(R"(---
apiVersion: gateway.networking.k8s.io/v1
kind: TLSRoute
metadata: {name: wrong-host, namespace: default}
spec:
  parentRefs:
  - {name: tcp-echo-gateway, sectionName: tls}
  hostnames: [foo.other.org]
  rules:
  - backendRefs:
    - {name: tcp-echo-v2, port: 9000}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TCPRoute
metadata: {name: lost, namespace: default}
spec:
  parentRefs:
  - {name: nowhere}
  rules:
  - backendRefs:
    - {name: missing, port: 9000}
)"));
    file.close();
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openPaths({path}));
    window.selectNode(QStringLiteral("kroute:TCPRoute/default/tcp-echo"));
    QTest::qWait(300);
    window.graphView()->fitAll();
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(folder).absoluteFilePath(QStringLiteral("gatewayapi-graph.png"))));
    window.document()->undoStack()->setClean();
}

// The window shows the document's target and draws what that cluster runs: with the v1.6.0
// standard CRDs the tutorial's v1alpha2 TCPRoutes are rejected, so no listener runs them.
void TestGatewayApiStudio::windowFollowsTheDocumentsTarget()
{
    QTemporaryDir dir;
    const QDir sample(QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo-gateway-api"));
    for (const QString &name : sample.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        QVERIFY(QFile::copy(sample.absoluteFilePath(name), QDir(dir.path()).absoluteFilePath(name)));
    MainWindow window;
    QVERIFY(window.openPaths({dir.path()}));
    Document &document = *window.document();
    const auto *label = window.findChild<QLabel *>(QStringLiteral("targetLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Istio 1.30 · Gateway API v1.5.1 experimental"));
    const QString gateway = QStringLiteral("kgateway:default/tcp-echo-gateway");
    const QString route = QStringLiteral("kroute:TCPRoute/default/tcp-echo-v1");
    const auto runs = [&] {
        const GraphEdge *e = findEdge(window.scene()->graph(), EdgeKind::PortToRoute, gateway, route,
                                      QStringLiteral("tcp-31400"));
        return e && !e->broken && !e->inactive;
    };
    QVERIFY(runs());

    document.setGatewayApiTarget(
        *gatewayapi::parseTarget("istio=1.31,gateway-api=v1.6.0,channel=standard").target);
    QCOMPARE(label->text(), QStringLiteral("Istio 1.31 · Gateway API v1.6.0 standard"));
    QVERIFY(!runs());
    QVERIFY(std::any_of(document.diagnostics().begin(), document.diagnostics().end(),
                        [](const Diagnostic &d) { return d.code == "MR0025"; }));

    // Reopened, the window meets the same target.
    MainWindow reopened;
    QVERIFY(reopened.openPaths({dir.path()}));
    QCOMPARE(reopened.findChild<QLabel *>(QStringLiteral("targetLabel"))->text(),
             QStringLiteral("Istio 1.31 · Gateway API v1.6.0 standard"));
    reopened.document()->setGatewayApiTarget(gatewayapi::defaultTarget());
    QCOMPARE(reopened.findChild<QLabel *>(QStringLiteral("targetLabel"))->text(),
             QStringLiteral("Istio 1.30 · Gateway API v1.5.1 experimental"));
}

// Preferences shows the document's target in its "Target cluster" group and returns what is chosen.
void TestGatewayApiStudio::preferencesShowAndChooseTheTarget()
{
    PreferencesDialog dialog(Preferences{});
    auto *istio = dialog.findChild<QComboBox *>(QStringLiteral("istioVersion"));
    auto *bundle = dialog.findChild<QComboBox *>(QStringLiteral("gatewayApiBundle"));
    auto *channel = dialog.findChild<QComboBox *>(QStringLiteral("gatewayApiChannel"));
    auto *alpha = dialog.findChild<QCheckBox *>(QStringLiteral("alphaGatewayApi"));
    QVERIFY(istio && bundle && channel && alpha);
    QCOMPARE(istio->count(), gatewayapi::kNewestIstioMinor - gatewayapi::kOldestIstioMinor + 1);
    QCOMPARE(bundle->count(), int(gatewayapi::knownBundles().size()));
    QCOMPARE(dialog.gatewayApiTarget(), gatewayapi::defaultTarget());

    const gatewayapi::Target chosen =
        *gatewayapi::parseTarget("istio=1.28,gateway-api=v1.4.1,channel=standard,alpha=false").target;
    dialog.setGatewayApiTarget(chosen);
    QCOMPARE(istio->currentText(), QStringLiteral("1.28"));
    QCOMPARE(bundle->currentText(), QStringLiteral("v1.4.1")); // not a known bundle: kept as it is
    QVERIFY(!alpha->isChecked());
    QCOMPARE(dialog.gatewayApiTarget(), chosen);
    // The flag's tooltip is core's reading of the chosen release, and follows the choice.
    QCOMPARE(
        alpha->toolTip(),
        QStringLiteral("Istio 1.28 reads TCPRoute v1alpha2 and TLSRoute v1alpha2 only with this flag set"));
    istio->setCurrentIndex(istio->findText(QStringLiteral("1.30")));
    QCOMPARE(alpha->toolTip(), QStringLiteral("Istio 1.30 reads TCPRoute v1alpha2 only with this flag set"));

    istio->setCurrentIndex(istio->findText(QStringLiteral("1.31")));
    QCOMPARE(alpha->toolTip(),
             QStringLiteral("Istio 1.31 reads every Gateway API kind it watches without this flag"));
    bundle->setCurrentIndex(bundle->findText(QStringLiteral("v1.6.0")));
    channel->setCurrentIndex(channel->findData(int(gatewayapi::Channel::Experimental)));
    alpha->setChecked(true);
    QCOMPARE(dialog.gatewayApiTarget().spec(),
             std::string("istio=1.31,gateway-api=v1.6.0,channel=experimental,alpha=true"));
}

STUDIO_TEST_MAIN(TestGatewayApiStudio)
#include "tst_gatewayapistudio.moc"
