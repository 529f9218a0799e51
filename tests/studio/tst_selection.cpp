// One selection for every view: what each report makes of it, and that a report of what is
// already selected (a view following the selection, a graph rebuilt) changes nothing.

#include "document/selection.h"
#include "studiotest.h"
#include "yaml/loader.h"

#include <QSignalSpy>

using namespace meshroute;
using namespace meshroute::studio;

Q_DECLARE_METATYPE(meshroute::studio::Selection::Focus)

namespace {

constexpr const char *gateway1 = "gateway:default/tcp-echo-gateway";
constexpr const char *gateway2 = "gateway:default/tcp-echo-gateway-v2";
constexpr const char *route1 = "route:default/tcp-echo/tcp/0";
constexpr const char *echo = "destination:tcp-echo.default.svc.cluster.local";

ResourceSet demo()
{
    return loadPaths({studiotest::demoSource().toStdString()}).set;
}

int indexOf(const ResourceSet &set, Kind kind, const std::string &name)
{
    for (std::size_t i = 0; i < set.resources.size(); ++i)
        if (set.resources[i].kind == kind && set.resources[i].name == name)
            return static_cast<int>(i);
    return -1;
}

} // namespace

class TestSelection : public QObject
{
    Q_OBJECT

private slots:
    void graphReports_data();
    void graphReports();
    void theSameReportIsNoChange();
    void aResourceStaysTheFocusWhenTheGraphFollows();
    void aResourceWithoutANode();
    void clearing();
};

void TestSelection::graphReports_data()
{
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<bool>("edge"); // the edge from route1 to its subset
    QTest::addColumn<Selection::Focus>("focus");
    QTest::addColumn<QString>("resource"); // "Kind/name", empty for none
    QTest::addColumn<int>("rule");         // the route in focus, -1 for none

    QTest::newRow("a gateway") << QStringList{gateway1} << false << Selection::Focus::Node
                               << "Gateway/tcp-echo-gateway" << -1;
    QTest::newRow("a route is its VirtualService and rule")
        << QStringList{route1} << false << Selection::Focus::Node << "VirtualService/tcp-echo" << 0;
    QTest::newRow("a destination is its Service")
        << QStringList{echo} << false << Selection::Focus::Node << "Service/tcp-echo" << -1;
    QTest::newRow("an edge alone is its route")
        << QStringList() << true << Selection::Focus::Route << "VirtualService/tcp-echo" << 0;
    QTest::newRow("several nodes") << QStringList{gateway1, gateway2} << false << Selection::Focus::Several
                                   << QString() << -1;
    QTest::newRow("a node the graph lacks is nothing")
        << QStringList{"gateway:default/none"} << false << Selection::Focus::None << QString() << -1;
}

void TestSelection::graphReports()
{
    QFETCH(QStringList, nodes);
    QFETCH(bool, edge);
    QFETCH(Selection::Focus, focus);
    QFETCH(QString, resource);
    QFETCH(int, rule);
    const ResourceSet set = demo();
    const GraphModel graph = GraphModel::build(set);
    QVector<GraphEdge> edges;
    for (const GraphEdge &e : graph.edges())
        if (edge && e.from == QLatin1String(route1) && e.kind == EdgeKind::RouteToSubset)
            edges.push_back(e);
    QCOMPARE(edges.isEmpty(), !edge);

    Selection selection;
    QSignalSpy changed(&selection, &Selection::changed);
    selection.setGraphSelection(graph, nodes, edges);
    QCOMPARE(changed.count(), focus == Selection::Focus::None ? 0 : 1); // it was nothing already
    QCOMPARE(selection.focus(), focus);
    int expected = -1;
    if (!resource.isEmpty()) {
        const QStringList parts = resource.split(QLatin1Char('/'));
        const Kind kind = parts[0] == QLatin1String("Gateway")          ? Kind::Gateway
                          : parts[0] == QLatin1String("VirtualService") ? Kind::VirtualService
                                                                        : Kind::Service;
        expected = indexOf(set, kind, parts[1].toStdString());
        QVERIFY(expected >= 0);
    }
    QCOMPARE(selection.resource(), expected);
    QCOMPARE(selection.route().rule, rule);
    if (rule >= 0)
        QCOMPARE(selection.route().resource, expected);
}

void TestSelection::theSameReportIsNoChange()
{
    const GraphModel graph = GraphModel::build(demo());
    Selection selection;
    QSignalSpy changed(&selection, &Selection::changed);
    selection.setGraphSelection(graph, {gateway1}, {});
    selection.setGraphSelection(graph, {gateway1}, {}); // the graph showing it, reporting it back
    QCOMPARE(changed.count(), 1);
    selection.setGraphSelection(graph, {gateway2}, {});
    QCOMPARE(changed.count(), 2);
}

void TestSelection::aResourceStaysTheFocusWhenTheGraphFollows()
{
    const ResourceSet set = demo();
    const GraphModel graph = GraphModel::build(set);
    const int service = indexOf(set, Kind::Service, "tcp-echo");
    Selection selection;
    QSignalSpy changed(&selection, &Selection::changed);
    selection.setResource(graph, service); // the tree: the Service, shown on the destination node
    QCOMPARE(selection.focus(), Selection::Focus::Resource);
    QCOMPARE(selection.nodes(), QStringList{echo});
    QCOMPARE(selection.resource(), service);
    // The graph selects that node and reports it: still the Service, not the node's DestinationRule.
    selection.setGraphSelection(graph, {echo}, {});
    selection.setResource(graph, service);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(selection.focus(), Selection::Focus::Resource);
    QCOMPARE(selection.resource(), service);
    // A click on another node is news.
    selection.setGraphSelection(graph, {gateway1}, {});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(selection.focus(), Selection::Focus::Node);
}

void TestSelection::aResourceWithoutANode()
{
    // A resource the graph shows no node for: the focus, without a node.
    const ResourceSet set = demo();
    const GraphModel graph = GraphModel::build(set);
    Selection selection;
    const int index = static_cast<int>(set.resources.size()) + 5;
    QVERIFY(graph.nodeOfResource(index).isEmpty());
    selection.setResource(graph, index);
    QCOMPARE(selection.focus(), Selection::Focus::Resource);
    QVERIFY(selection.nodes().isEmpty());
    QSignalSpy changed(&selection, &Selection::changed);
    selection.setGraphSelection(graph, {}, {}); // the graph, showing no node for it
    QCOMPARE(changed.count(), 0);
    QCOMPARE(selection.focus(), Selection::Focus::Resource);
}

void TestSelection::clearing()
{
    const GraphModel graph = GraphModel::build(demo());
    Selection selection;
    QSignalSpy changed(&selection, &Selection::changed);
    selection.clear();
    QCOMPARE(changed.count(), 0);
    selection.setGraphSelection(graph, {gateway1}, {});
    selection.clear();
    selection.clear();
    QCOMPARE(changed.count(), 2);
    QCOMPARE(selection.focus(), Selection::Focus::None);
    QVERIFY(selection.nodes().isEmpty());
    QCOMPARE(selection.resource(), -1);
    selection.setResource(graph, -1);
    QCOMPARE(changed.count(), 2);
}

STUDIO_TEST_MAIN(TestSelection)
#include "tst_selection.moc"
