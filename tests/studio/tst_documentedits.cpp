// What a gesture changes in the document, decided without a window: drawing a route, adding
// a subset or a port, creating, renaming and deleting resources, editing a weight on an edge.
// Each row opens the tutorial demo (plus a fixture), asks editing/documentedits for the change,
// applies it to a Document as one undo step and reads the result back from the model.

#include "document/document.h"
#include "editing/documentedits.h"
#include "editing/routeedits.h"
#include "graph/graphmodel.h"
#include "studiotest.h"
#include "yaml/writer.h"

using namespace meshroute;
using namespace meshroute::studio;

Q_DECLARE_METATYPE(meshroute::Kind)

namespace {

constexpr const char *gateway1 = "gateway:default/tcp-echo-gateway";
constexpr const char *gateway2 = "gateway:default/tcp-echo-gateway-v2";
constexpr const char *route1 = "route:default/tcp-echo/tcp/0";
constexpr const char *echo = "destination:tcp-echo.default.svc.cluster.local";
constexpr const char *echoHost = "tcp-echo.default.svc.cluster.local";

// A Gateway in namespace edge that no VirtualService is bound to.
constexpr const char *lonelyGateway = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: lonely, namespace: edge}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 32000, name: tcp, protocol: TCP}
    hosts: ['*']
)";

// A Service without a DestinationRule: its destination has one socket, the whole service ("*").
constexpr const char *plainService = R"(apiVersion: v1
kind: Service
metadata: {name: plain, namespace: default}
spec:
  selector: {app: plain}
  ports:
  - {name: tcp, port: 4444}
)";

// A DestinationRule whose subsets leave a gap (v1, v3), and one without subsets.
constexpr const char *gappedRules = R"(apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: gapped, namespace: default}
spec:
  host: gapped
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v3, labels: {version: v3}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: bare, namespace: default}
spec:
  host: bare
)";

QString allText(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

// The demo's files, and `extra` as one more file, as a document.
void openDemo(Document &document, const QString &extra = {})
{
    QList<QPair<QString, QString>> files;
    const QDir demo(studiotest::demoSource());
    for (const QString &name : demo.entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        files.append({demo.absoluteFilePath(name), studiotest::readAll(demo.absoluteFilePath(name))});
    if (!extra.isEmpty())
        files.append({demo.absoluteFilePath(QStringLiteral("extra.yaml")), extra});
    document.restore(files);
}

int indexOf(const Document &document, Kind kind, const char *ns, const char *name)
{
    return document.indexOf(kind, ns, name);
}

const VirtualServiceSpec *vsSpec(const Document &document, const char *ns, const char *name)
{
    const int index = indexOf(document, Kind::VirtualService, ns, name);
    return index < 0 ? nullptr
                     : document.set().resources[static_cast<std::size_t>(index)].as<VirtualServiceSpec>();
}

// Apply, check it is one undo step, and that undo gives the text back exactly.
void applyAndCheckUndo(Document &document, const edits::Change &change)
{
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

} // namespace

class TestDocumentEdits : public QObject
{
    Q_OBJECT

private slots:
    void connectNodes_data();
    void connectNodes();
    void connectNodesRefuses_data();
    void connectNodesRefuses();
    void addSubset_data();
    void addSubset();
    void addPort_data();
    void addPort();
    void createResource_data();
    void createResource();
    void renameGatewayRenamesItsReferences();
    void rename_data();
    void rename();
    void weightOfAnEdge_data();
    void weightOfAnEdge();
    void deleteItems_data();
    void deleteItems();
    void ruleEditsCopyOnlyTheRule_data();
    void ruleEditsCopyOnlyTheRule();
};

void TestDocumentEdits::connectNodes_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("fromSocket");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("socketKey");
    QTest::addColumn<QString>("vsNamespace");
    QTest::addColumn<QString>("vsName");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("rule");
    QTest::addColumn<QString>("text");

    const QString echoNode = QString::fromLatin1(echo);
    const QString plainNode = QStringLiteral("destination:plain.default.svc.cluster.local");
    QTest::newRow("a port to v2 appends a tcp rule to the bound VirtualService")
        << QString() << gateway1 << 0 << echoNode << "v2"
        << "default"
        << "tcp-echo" << false << 2 << "Route tcp-echo-gateway port 31400 to v2";
    QTest::newRow("the whole service is a rule without a subset, on the Service's port")
        << QString::fromLatin1(plainService) << gateway2 << 0 << plainNode << "*"
        << "default"
        << "tcp-echo" << false << 2
        << "Route tcp-echo-gateway-v2 port 31401 to plain.default.svc.cluster.local";
    QTest::newRow("a TLS passthrough port gets a tls rule matching its hosts")
        << QString::fromLatin1(studiotest::kSniPassthrough) << "gateway:default/tls-gateway" << 0 << echoNode
        << "v2"
        << "default"
        << "sni" << true << 2 << "Route tls-gateway port 443 to v2";
    QTest::newRow("a gateway nothing is bound to gets a new VirtualService in its namespace")
        << QString::fromLatin1(lonelyGateway) << "gateway:edge/lonely" << 0 << echoNode << "v1"
        << "edge"
        << "lonely-routes" << false << 0 << "Route lonely port 32000 to v1";
    QTest::newRow("a route to a second subset splits it")
        << QString() << route1 << -1 << echoNode << "v2"
        << "default"
        << "tcp-echo" << false << 0 << QString::fromUtf8("Split tcp-echo \u00b7 tcp 1 to v2");
}

void TestDocumentEdits::connectNodes()
{
    QFETCH(QString, fixture);
    QFETCH(QString, from);
    QFETCH(int, fromSocket);
    QFETCH(QString, to);
    QFETCH(QString, socketKey);
    QFETCH(QString, vsNamespace);
    QFETCH(QString, vsName);
    QFETCH(bool, tls);
    QFETCH(int, rule);
    QFETCH(QString, text);

    Document document;
    openDemo(document, fixture);
    const GraphModel graph = GraphModel::build(document.set());
    const GraphNode *source = graph.node(from);
    const GraphNode *target = graph.node(to);
    QVERIFY(source && target);
    const int socket = target->socketIndex(socketKey);
    QVERIFY(socket >= 0);
    const std::size_t resourcesBefore = document.set().resources.size();
    const std::string gatewayName =
        source->resource >= 0 ? document.set().resources[static_cast<std::size_t>(source->resource)].name
                              : "";

    const edits::Change change = edits::connectNodes(document.set(), *source, fromSocket, *target, socket);
    QCOMPARE(change.text, text);
    QCOMPARE(change.routeInAdded, !change.added.empty());
    applyAndCheckUndo(document, change);

    const std::string ns = vsNamespace.toStdString();
    const std::string name = vsName.toStdString();
    const auto *spec = vsSpec(document, ns.c_str(), name.c_str());
    QVERIFY(spec);
    const edits::RouteRef expected{indexOf(document, Kind::VirtualService, ns.c_str(), name.c_str()),
                                   tls ? edits::Section::Tls : edits::Section::Tcp, rule};
    const int added = change.added.empty() ? -1 : expected.resource;
    QVERIFY(change.routeAfter(added) == expected);
    QCOMPARE(document.set().resources.size(), resourcesBefore + change.added.size());
    const std::string subset = socketKey == QLatin1String("*") ? std::string() : socketKey.toStdString();
    const std::vector<RouteDestination> &route = tls ? spec->tls[static_cast<std::size_t>(rule)].route
                                                     : spec->tcp[static_cast<std::size_t>(rule)].route;
    QCOMPARE(QString::fromStdString(route.back().destination.host), target->host);
    QCOMPARE(route.back().destination.subset, subset);
    // The Service's port.
    QCOMPARE(route.back().destination.port, std::optional<std::uint32_t>(subset.empty() ? 4444 : 3333));
    if (from.startsWith(QLatin1String("route:"))) {
        QCOMPARE(route.size(), std::size_t(2));
        QCOMPARE(route[0].weight, std::optional<std::int64_t>(50));
        QCOMPARE(route[1].weight, std::optional<std::int64_t>(50));
        return;
    }
    QCOMPARE(route.size(), std::size_t(1));
    // The new rule matches the port on that gateway, and the VirtualService is bound to it.
    const std::vector<std::string> bound = spec->effectiveGateways();
    QVERIFY(std::find(bound.begin(), bound.end(), gatewayName) != bound.end());
    if (tls) {
        const TlsMatch &match = spec->tls[static_cast<std::size_t>(rule)].match.front();
        QCOMPARE(match.port, std::optional<std::uint32_t>(443));
        QCOMPARE(match.sniHosts, std::vector<std::string>{"*.example.com"});
        QCOMPARE(match.gateways, std::vector<std::string>{gatewayName});
    } else {
        const TcpMatch &match = spec->tcp[static_cast<std::size_t>(rule)].match.front();
        QCOMPARE(match.gateways, std::vector<std::string>{gatewayName});
    }
}

void TestDocumentEdits::connectNodesRefuses_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("fromSocket");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("toSocket");
    QTest::newRow("onto a workload") << gateway1 << 0 << "workload:Deployment/default/tcp-echo-v1" << 0;
    QTest::newRow("onto a socket the destination lacks") << gateway1 << 0 << echo << 99;
    QTest::newRow("from a port the gateway lacks") << gateway1 << 5 << echo << 0;
    QTest::newRow("from a gateway without a port") << gateway1 << -1 << echo << 0;
    QTest::newRow("from a destination") << echo << 0 << echo << 0;
}

void TestDocumentEdits::connectNodesRefuses()
{
    QFETCH(QString, from);
    QFETCH(int, fromSocket);
    QFETCH(QString, to);
    QFETCH(int, toSocket);
    Document document;
    openDemo(document);
    const GraphModel graph = GraphModel::build(document.set());
    QVERIFY(graph.node(from) && graph.node(to));
    const edits::Change change =
        edits::connectNodes(document.set(), *graph.node(from), fromSocket, *graph.node(to), toSocket);
    QVERIFY(change.isEmpty());
    QCOMPARE(document.apply(change), -1);
    QCOMPARE(document.undoStack()->count(), 0);
}

void TestDocumentEdits::addSubset_data()
{
    QTest::addColumn<QString>("rule"); // DestinationRule name, or a Gateway's for "not a rule"
    QTest::addColumn<QString>("subset");
    QTest::newRow("after v1 and v2 comes v3") << "tcp-echo"
                                              << "v3";
    QTest::newRow("a gap is filled first") << "gapped"
                                           << "v2";
    QTest::newRow("the first subset of a rule is v1") << "bare"
                                                      << "v1";
    QTest::newRow("a gateway gets no subset") << "tcp-echo-gateway" << QString();
    QTest::newRow("an index past the set is no change (the window's copy crashed)") << "" << QString();
}

void TestDocumentEdits::addSubset()
{
    QFETCH(QString, rule);
    QFETCH(QString, subset);
    Document document;
    openDemo(document, QString::fromLatin1(gappedRules));
    const std::string name = rule.toStdString();
    int index = indexOf(document, Kind::DestinationRule, "default", name.c_str());
    if (index < 0)
        index = indexOf(document, Kind::Gateway, "default", name.c_str());
    if (rule.isEmpty())
        index = static_cast<int>(document.set().resources.size());
    const edits::Change change = edits::addSubset(document.set(), index);
    if (subset.isEmpty()) {
        QVERIFY(change.isEmpty());
        return;
    }
    QCOMPARE(change.text, QStringLiteral("Add subset %1 to %2").arg(subset, rule));
    applyAndCheckUndo(document, change);
    const auto *spec = document.set().resources[static_cast<std::size_t>(index)].as<DestinationRuleSpec>();
    const auto found = std::find_if(spec->subsets.begin(), spec->subsets.end(),
                                    [&](const Subset &s) { return s.name == subset.toStdString(); });
    QVERIFY(found != spec->subsets.end());
    QCOMPARE(found->labels, (Labels{{"version", subset.toStdString()}}));
}

void TestDocumentEdits::addPort_data()
{
    QTest::addColumn<QString>("gateway");
    QTest::addColumn<int>("port"); // 0: no change
    QTest::newRow("after 31400 comes 31401") << "tcp-echo-gateway" << 31401;
    QTest::newRow("after 31401 comes 31402") << "tcp-echo-gateway-v2" << 31402;
    QTest::newRow("a VirtualService gets no port") << "tcp-echo" << 0;
}

void TestDocumentEdits::addPort()
{
    QFETCH(QString, gateway);
    QFETCH(int, port);
    Document document;
    openDemo(document);
    const std::string name = gateway.toStdString();
    const int index = port ? indexOf(document, Kind::Gateway, "default", name.c_str())
                           : indexOf(document, Kind::VirtualService, "default", name.c_str());
    QVERIFY(index >= 0);
    const edits::Change change = edits::addPort(document.set(), index);
    if (!port) {
        QVERIFY(change.isEmpty());
        return;
    }
    QCOMPARE(change.text, QStringLiteral("Add port %1 to %2").arg(port).arg(gateway));
    applyAndCheckUndo(document, change);
    const auto *spec = document.set().resources[static_cast<std::size_t>(index)].as<GatewaySpec>();
    QCOMPARE(spec->servers.size(), std::size_t(2));
    QCOMPARE(spec->servers.back().port.number, std::uint32_t(port));
    QCOMPARE(spec->servers.back().port.protocol, std::string("TCP"));
}

void TestDocumentEdits::createResource_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("selectedHost");
    QTest::addColumn<QString>("name"); // empty: nothing is created
    QTest::addColumn<QString>("detail");
    QTest::newRow("a gateway on the first free port") << Kind::Gateway << QString() << "tcp-gateway"
                                                      << "31402";
    QTest::newRow("a VirtualService bound to the first gateway")
        << Kind::VirtualService << QString() << "tcp-routes"
        << "tcp-echo-gateway";
    QTest::newRow("a DestinationRule for the selected destination, its name free")
        << Kind::DestinationRule << echoHost << "tcp-echo-2" << echoHost;
    QTest::newRow("a DestinationRule for the first Service")
        << Kind::DestinationRule << QString() << "tcp-echo-2"
        << "tcp-echo";
    QTest::newRow("a Service") << Kind::Service << QString() << "tcp-service"
                               << "3333";
    QTest::newRow("a Deployment, its name free") << Kind::Deployment << QString() << "tcp-echo-v1-2"
                                                 << "v1";
    QTest::newRow("a WorkloadEntry on loopback") << Kind::WorkloadEntry << QString() << "local-process"
                                                 << "127.0.0.1";
    QTest::newRow("no other kind") << Kind::Other << QString() << QString() << QString();
}

void TestDocumentEdits::createResource()
{
    QFETCH(Kind, kind);
    QFETCH(QString, selectedHost);
    QFETCH(QString, name);
    QFETCH(QString, detail);
    Document document;
    openDemo(document);
    const edits::Change change = edits::createResource(document.set(), kind, selectedHost.toStdString());
    if (name.isEmpty()) {
        QVERIFY(change.isEmpty());
        return;
    }
    QCOMPARE(change.text, QStringLiteral("Create %1").arg(QLatin1String(kindName(kind))));
    QVERIFY(change.selectAdded);
    QCOMPARE(change.added.size(), std::size_t(1));
    const std::size_t count = document.set().resources.size();
    const int index = document.apply(change);
    QCOMPARE(document.set().resources.size(), count + 1);
    QVERIFY(index >= 0);
    document.undoStack()->undo();
    QCOMPARE(document.set().resources.size(), count);
    document.undoStack()->redo();
    const Resource &created = document.set().resources[static_cast<std::size_t>(index)];
    QCOMPARE(created.kind, kind);
    QCOMPARE(QString::fromStdString(created.name), name);
    const std::string d = detail.toStdString();
    switch (kind) {
    case Kind::Gateway:
        QCOMPARE(created.as<GatewaySpec>()->servers.front().port.number, std::uint32_t(detail.toUInt()));
        break;
    case Kind::VirtualService:
        QCOMPARE(created.as<VirtualServiceSpec>()->gateways, std::vector<std::string>{d});
        break;
    case Kind::DestinationRule:
        QCOMPARE(created.as<DestinationRuleSpec>()->host, d);
        QCOMPARE(created.as<DestinationRuleSpec>()->subsets.front().name, std::string("v1"));
        break;
    case Kind::Service:
        QCOMPARE(created.as<ServiceSpec>()->ports.front().port, std::uint32_t(detail.toUInt()));
        break;
    case Kind::WorkloadEntry:
        QVERIFY(emitNode(created.node).find(d) != std::string::npos);
        break;
    default:
        QVERIFY(emitNode(created.node).find("version: " + d) != std::string::npos);
        break;
    }
}

void TestDocumentEdits::renameGatewayRenamesItsReferences()
{
    Document document;
    openDemo(document);
    const int gateway = indexOf(document, Kind::Gateway, "default", "tcp-echo-gateway-v2");
    const edits::Change change = edits::rename(document.set(), gateway, "echo-v2");
    QCOMPARE(change.text, QStringLiteral("Rename gateway tcp-echo-gateway-v2 to echo-v2"));
    QCOMPARE(change.replaced.size(), std::size_t(2)); // the gateway and the VirtualService naming it
    applyAndCheckUndo(document, change);
    QVERIFY(indexOf(document, Kind::Gateway, "default", "echo-v2") >= 0);
    const auto *spec = vsSpec(document, "default", "tcp-echo");
    QCOMPARE(spec->gateways, (std::vector<std::string>{"tcp-echo-gateway", "echo-v2"}));
    QCOMPARE(spec->tcp[1].match[0].gateways, std::vector<std::string>{"echo-v2"});
}

void TestDocumentEdits::rename_data()
{
    QTest::addColumn<QString>("newName");
    QTest::addColumn<QString>("text"); // empty: no change
    QTest::newRow("a DestinationRule by its name alone") << "echo-rules"
                                                         << "Rename tcp-echo to echo-rules";
    QTest::newRow("the same name is no change") << "tcp-echo" << QString();
    QTest::newRow("an empty name is no change") << QString() << QString();
}

void TestDocumentEdits::rename()
{
    QFETCH(QString, newName);
    QFETCH(QString, text);
    Document document;
    openDemo(document);
    const int rule = indexOf(document, Kind::DestinationRule, "default", "tcp-echo");
    const edits::Change change = edits::rename(document.set(), rule, newName.toStdString());
    if (text.isEmpty()) {
        QVERIFY(change.isEmpty());
        return;
    }
    QCOMPARE(change.text, text);
    QCOMPARE(change.replaced.size(), std::size_t(1));
    applyAndCheckUndo(document, change);
    QCOMPARE(QString::fromStdString(document.set().resources[static_cast<std::size_t>(rule)].name), newName);
}

void TestDocumentEdits::weightOfAnEdge_data()
{
    QTest::addColumn<int>("weight");
    QTest::addColumn<bool>("changes");
    QTest::newRow("30 of the split's second destination") << 30 << true;
    QTest::newRow("the weight it has is no change") << 50 << false;
}

void TestDocumentEdits::weightOfAnEdge()
{
    QFETCH(int, weight);
    QFETCH(bool, changes);
    Document document;
    openDemo(document);
    {
        const GraphModel graph = GraphModel::build(document.set());
        const GraphNode *target = graph.node(QString::fromLatin1(echo));
        document.apply(edits::connectNodes(document.set(), *graph.node(QString::fromLatin1(route1)), -1,
                                           *target, target->socketIndex(QStringLiteral("v2"))));
    }
    const GraphModel graph = GraphModel::build(document.set());
    const GraphEdge *split = nullptr;
    const GraphEdge *port = nullptr;
    for (const GraphEdge &edge : graph.edges()) {
        if (edge.from == QLatin1String(route1) && edge.destination == 1)
            split = &edge;
        if (edge.kind == EdgeKind::PortToRoute)
            port = &edge;
    }
    QVERIFY(split && port);
    QVERIFY(!edits::weightTargetOf(graph, *port)); // only a route's destinations have a weight
    const std::optional<edits::WeightTarget> target = edits::weightTargetOf(graph, *split);
    QVERIFY(target);
    QCOMPARE(target->current, 50);
    QCOMPARE(target->destination, 1);
    const edits::Change change = edits::setWeight(document.set(), *target, weight);
    QCOMPARE(!change.isEmpty(), changes);
    if (!changes)
        return;
    QCOMPARE(change.text, QStringLiteral("Set weight in tcp-echo"));
    applyAndCheckUndo(document, change);
    QCOMPARE(vsSpec(document, "default", "tcp-echo")->tcp[0].route[1].weight,
             std::optional<std::int64_t>(weight));
}

void TestDocumentEdits::deleteItems_data()
{
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<bool>("splitEdge"); // the edge of route1's second destination, after a split
    QTest::addColumn<QString>("question");
    QTest::addColumn<QStringList>("broken");
    QTest::addColumn<QStringList>("gone");    // "Kind name" of resources removed
    QTest::addColumn<int>("rules");           // tcp rules left in the VirtualService
    QTest::addColumn<int>("firstRuleRoutes"); // destinations left in its first rule

    QTest::newRow("a gateway, warning of the VirtualService that names it")
        << QStringList{gateway1} << false
        << "Delete Gateway default/tcp-echo-gateway?\n\nThese refer to it and will have broken "
           "references:\nVirtualService default/tcp-echo"
        << QStringList{"VirtualService default/tcp-echo"} << QStringList{"Gateway tcp-echo-gateway"} << 2
        << 2;
    // The DestinationRule refers to the Service, but goes with it: only the VirtualService is left broken.
    QTest::newRow("a destination node takes its Service and DestinationRule")
        << QStringList{echo} << false << QString() << QStringList{"VirtualService default/tcp-echo"}
        << QStringList{"Service tcp-echo", "DestinationRule tcp-echo"} << 2 << 2;
    QTest::newRow("a route node is one rule")
        << QStringList{route1} << false << "Delete tcp rule 1 of tcp-echo?" << QStringList() << QStringList()
        << 1 << 1;
    QTest::newRow("an edge is one destination") << QStringList() << true << "Delete 1 route destination(s)?"
                                                << QStringList() << QStringList() << 2 << 1;
    QTest::newRow("nothing selected is nothing to delete")
        << QStringList() << false << QString() << QStringList() << QStringList() << 2 << 2;
}

void TestDocumentEdits::deleteItems()
{
    QFETCH(QStringList, nodes);
    QFETCH(bool, splitEdge);
    QFETCH(QString, question);
    QFETCH(QStringList, broken);
    QFETCH(QStringList, gone);
    QFETCH(int, rules);
    QFETCH(int, firstRuleRoutes);
    Document document;
    openDemo(document);
    {
        const GraphModel graph = GraphModel::build(document.set());
        const GraphNode *target = graph.node(QString::fromLatin1(echo));
        document.apply(edits::connectNodes(document.set(), *graph.node(QString::fromLatin1(route1)), -1,
                                           *target, target->socketIndex(QStringLiteral("v2"))));
        document.undoStack()->clear();
    }
    const GraphModel graph = GraphModel::build(document.set());
    QVector<GraphEdge> edges;
    for (const GraphEdge &edge : graph.edges())
        if (splitEdge && edge.from == QLatin1String(route1) && edge.destination == 1)
            edges.push_back(edge);
    const edits::Deletion deletion =
        edits::deleteItems(document.set(), edits::deleteTargetOf(graph, nodes, edges));
    if (question.isEmpty() && gone.isEmpty()) {
        QVERIFY(deletion.change.isEmpty());
        return;
    }
    if (!question.isEmpty())
        QCOMPARE(deletion.question, question);
    QStringList brokenNames;
    for (const std::string &name : deletion.broken)
        brokenNames << QString::fromStdString(name);
    QCOMPARE(brokenNames, broken);
    applyAndCheckUndo(document, deletion.change);
    for (const QString &resource : gone) {
        const QStringList parts = resource.split(QLatin1Char(' '));
        const std::string name = parts[1].toStdString();
        Kind kind = Kind::Other;
        for (Kind k : {Kind::Gateway, Kind::Service, Kind::DestinationRule})
            if (parts[0] == QLatin1String(kindName(k)))
                kind = k;
        QCOMPARE(indexOf(document, kind, "default", name.c_str()), -1);
    }
    QCOMPARE(document.set().resources.size(),
             std::size_t(7) - static_cast<std::size_t>(gone.size())); // the demo has 7 resources
    const auto *spec = vsSpec(document, "default", "tcp-echo");
    QCOMPARE(static_cast<int>(spec->tcp.size()), rules);
    QCOMPARE(static_cast<int>(spec->tcp[0].route.size()), firstRuleRoutes);
}

STUDIO_TEST_MAIN(TestDocumentEdits)
using RuleEdit = std::function<YAML::Node(const YAML::Node &, edits::Section, int)>;
Q_DECLARE_METATYPE(RuleEdit)

void TestDocumentEdits::ruleEditsCopyOnlyTheRule_data()
{
    QTest::addColumn<RuleEdit>("edit");
    QTest::addColumn<QString>("changed"); // what the edited rule's text now holds
    QTest::newRow("split") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withSplit(vs, s, r, "other", "v9", 8080);
    }) << "subset: v9";
    QTest::newRow("weight") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withWeight(vs, s, r, 1, 61);
    }) << "weight: 61";
    QTest::newRow("normalised weights") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withNormalisedWeights(vs, s, r);
    }) << "weight: 75";
    QTest::newRow("subset") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withDestinationSubset(vs, s, r, 0, "v7");
    }) << "subset: v7";
    QTest::newRow("without destination") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withoutDestination(vs, s, r, 0);
    }) << "route:\n  - destination:\n      host: echo\n      subset: b\n";
    QTest::newRow("match port") << RuleEdit([](const YAML::Node &vs, edits::Section s, int r) {
        return edits::withMatchPort(vs, s, r, 31999);
    }) << "port: 31999";
}

// The edits of one rule copy that rule and the path to it, and share the rest with the tree they
// were given, which stays as it was (the undo history holds it). The result writes the same text as
// the tree it came from everywhere but in that rule: key order, flow style and the other rules.
void TestDocumentEdits::ruleEditsCopyOnlyTheRule()
{
    QFETCH(RuleEdit, edit);
    QFETCH(QString, changed);
    const YAML::Node vs = YAML::Load(R"(apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: routes, namespace: default, labels: {team: edge}}
spec:
  hosts: ['*']
  gateways: [gw]
  tcp:
  - match: [{port: 31400}]
    route: [{destination: {host: echo, subset: a}}]
  - match:
    - port: 31401
    route:
    - destination: {host: echo, subset: a}
      weight: 30
    - destination: {host: echo, subset: b}
      weight: 10
  - route:
    - destination: {host: echo, subset: c}
  tls:
  - match: [{port: 31402, sniHosts: [a.example]}]
    route: [{destination: {host: echo, subset: a}}]
  exportTo: ['.']
)");
    const std::string before = emitNode(vs);
    const YAML::Node result = edit(vs, edits::Section::Tcp, 1);
    QCOMPARE(emitNode(vs), before); // the tree given is not changed
    const std::string after = emitNode(result);
    const YAML::Node oldRules = vs["spec"]["tcp"];
    const YAML::Node newRules = result["spec"]["tcp"];
    const std::string rule = emitNode(newRules[1]);
    QVERIFY2(QString::fromStdString(rule).contains(changed), rule.c_str());
    QCOMPARE(newRules.size(), oldRules.size());
    for (std::size_t i = 0; i < oldRules.size(); ++i) {
        QCOMPARE(newRules[i].is(oldRules[i]), i != 1); // the others are shared, not copied
        if (i != 1)
            QCOMPARE(emitNode(newRules[i]), emitNode(oldRules[i]));
    }
    // Everything around the rule writes as it did: the same keys in the same order, the same styles.
    const auto keys = [](const YAML::Node &map) {
        QStringList out;
        for (const auto &entry : map)
            out << QString::fromStdString(entry.first.Scalar());
        return out;
    };
    QCOMPARE(keys(result), keys(vs));
    QCOMPARE(keys(result["spec"]), keys(vs["spec"]));
    QCOMPARE(emitNode(result["metadata"]), emitNode(vs["metadata"]));
    QVERIFY(result["spec"]["tls"].is(vs["spec"]["tls"]));
    QCOMPARE(emitNode(result["spec"]["gateways"]), emitNode(vs["spec"]["gateways"]));
    QCOMPARE(result["spec"]["tcp"].Style(), vs["spec"]["tcp"].Style());
    // Another edit of the result (the next keystroke) leaves both trees before it as they were.
    const YAML::Node next = edits::withWeight(result, edits::Section::Tcp, 1, 0, 5);
    QCOMPARE(emitNode(vs), before);
    QCOMPARE(emitNode(result), after);
    QVERIFY(QString::fromStdString(emitNode(next)).contains(QStringLiteral("weight: 5")));
    // The same edit of the tls section, and of a rule that is not there.
    const YAML::Node tls = edit(vs, edits::Section::Tls, 0);
    QCOMPARE(emitNode(vs), before);
    QVERIFY(tls["spec"]["tcp"].is(vs["spec"]["tcp"]));
    const YAML::Node none = edit(vs, edits::Section::Tcp, 7);
    QCOMPARE(emitNode(none), before);
    QVERIFY(!none.is(vs));
}

#include "tst_documentedits.moc"
