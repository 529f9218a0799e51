// Incremental updates: after every step of a sequence of edits, undos and redos, what the
// document reports changed, the graph scene, the resource tree, the YAML pane and the
// diagnostics that were updated from it equal what a from-scratch build of the same set
// shows; undo and redo exchange resources instead of copying them.

#include "analysis/analyzer.h"
#include "document/document.h"
#include "document/documentdelta.h"
#include "editing/documentedits.h"
#include "editing/routeedits.h"
#include "graph/graphscene.h"
#include "studiotest.h"
#include "views/diagnosticsview.h"
#include "views/inspector.h"
#include "views/resourcetree.h"
#include "views/yamlpane.h"
#include "yaml/writer.h"

#include <QFontMetrics>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyleOptionGraphicsItem>
#include <QTreeWidget>

#include <algorithm>
#include <functional>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QString renderAll(const ResourceSet &set)
{
    QString text;
    for (std::size_t i = 0; i < set.files.size(); ++i)
        text += QString::fromStdString(renderFile(set, static_cast<int>(i)));
    return text;
}

// Every row of a tree, in order: its text, tooltip and resource index.
QStringList treeRows(const QTreeWidget &tree)
{
    QStringList rows;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(&tree)); *it; ++it)
        rows << QStringLiteral("%1|%2|%3")
                    .arg((*it)->text(0), (*it)->toolTip(0), (*it)->data(0, Qt::UserRole + 1).toString());
    return rows;
}

// The generated document of bench_graph, small, in one file at `path`; empty if it cannot be written.
QString writeRoutes(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(studiotest::generatedRoutes(24, 4).toUtf8()) < 0)
        return {};
    return path;
}

// Edges whose path does not run from their from-socket to their to-socket (a node's sockets
// moved and its edges did not follow): "from>to" of each.
QStringList strayEdges(const QList<EdgeItem *> &items)
{
    QStringList out;
    for (const EdgeItem *item : items) {
        const GraphEdge &e = item->edge();
        const int from = e.fromSocket.isEmpty() ? -1 : item->fromNode()->node().socketIndex(e.fromSocket);
        const int to = e.toSocket.isEmpty() ? -1 : item->toNode()->node().socketIndex(e.toSocket);
        const QPointF start = item->fromNode()->anchor(from, true);
        const QPointF end = item->toNode()->anchor(to, false);
        const QPainterPath &path = item->path();
        if (path.isEmpty() || QLineF(path.pointAtPercent(0), start).length() > 0.5 ||
            QLineF(path.pointAtPercent(1), end).length() > 0.5)
            out << e.from + QLatin1Char('>') + e.to;
    }
    return out;
}

QStringList edgeRows(const QList<EdgeItem *> &items)
{
    QStringList rows;
    for (const EdgeItem *item : items) {
        const GraphEdge &e = item->edge();
        rows << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                        .arg(static_cast<int>(e.kind))
                        .arg(e.from, e.fromSocket, e.to, e.toSocket, e.label)
                        .arg(e.broken)
                        .arg(e.inactive)
                        .arg(e.destination) +
                    e.reason + QLatin1Char('|') + item->fromNode()->id() + QLatin1Char('>') +
                    item->toNode()->id();
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

// What a node item paints at scale 1 (its text and sockets, too): kept items lay their face out
// once and must show what a new item shows after every change.
QImage painted(NodeItem *item)
{
    const QRectF bounds = item->boundingRect();
    QImage image(bounds.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.translate(-bounds.topLeft());
    QStyleOptionGraphicsItem option;
    option.rect = bounds.toRect();
    option.exposedRect = bounds;
    item->paint(&painter, &option, nullptr);
    return image;
}

QStringList lines(const Diagnostics &diagnostics)
{
    QStringList result;
    for (const Diagnostic &diagnostic : diagnostics)
        result << QString::fromStdString(diagnostic.format());
    return result;
}

} // namespace

class TestIncremental : public QObject
{
    Q_OBJECT

private slots:
    void viewsFollowEveryStepAsAFreshBuildShowsIt();
    void undoExchangesTheResourceInsteadOfCopyingIt();
    void deltaNamesWhatChanged();
    void inspectorRebuildsOnlyForWhatItShows();
    void anEditReEmitsOnlyTheEditedTree();
    void anEditKeepsTheTreeItMade();
    void theSelectionSurvivesAnEdit();
    void undoAndRedoPutBackWhatAStateHad();
    void onlyTheLastFewStatesKeepTheirs();
    void aNewTargetHasKeptStatesDerivedAgain();
    void theDiagnosticsListKeepsItsRows();

private:
    QTemporaryDir m_dir;
};

void TestIncremental::viewsFollowEveryStepAsAFreshBuildShowsIt()
{
    // The generated document of bench_graph, small, in one file; and the demo's folder of files.
    const QString path = writeRoutes(m_dir.filePath(QStringLiteral("routes.yaml")));
    QVERIFY(!path.isEmpty());
    Document document;
    GraphScene scene;
    // As the main window wires it: the document's graph, built with the words kept from the builds
    // before (graphtexts.h), which must be what a fresh build writes.
    connect(&document, &Document::documentChanged, &scene,
            [&] { scene.setGraph(*document.graphModel(), document.positions()); });
    ResourceTree tree(&document);
    YamlPane pane(&document);
    QVERIFY(document.open({path}));
    const QString original = renderAll(document.set());
    QSignalSpy deltas(&document, &Document::resourcesChanged);

    auto vsOf = [&] {
        return static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "big"));
    };
    auto drOf = [&](const char *name) {
        return static_cast<std::size_t>(document.indexOf(Kind::DestinationRule, "default", name));
    };
    const std::vector<std::pair<const char *, std::function<void()>>> steps{
        {"split a route",
         [&] {
             document.replaceResource(vsOf(),
                                      edits::withSplit(document.set().resources[vsOf()].node,
                                                       edits::Section::Tcp, 0, "svc-1", "s1", {}),
                                      QStringLiteral("split"));
         }},
        {"a weight",
         [&] {
             document.replaceResource(
                 vsOf(),
                 edits::withWeight(document.set().resources[vsOf()].node, edits::Section::Tcp, 0, 1, 70),
                 QStringLiteral("weight"));
         }},
        {"a subset to nowhere (a broken edge)",
         [&] {
             document.replaceResource(vsOf(),
                                      edits::withDestinationSubset(document.set().resources[vsOf()].node,
                                                                   edits::Section::Tcp, 2, 0, "missing"),
                                      QStringLiteral("subset"));
         }},
        {"a new gateway (a node more)",
         [&] { document.addResource(edits::newGateway("extra", 31402, "TCP"), QStringLiteral("add")); }},
        {"a subset put first in a DestinationRule (the other sockets move down, their edges follow)",
         [&] {
             YAML::Node rule = YAML::Clone(document.set().resources[drOf("svc-1")].node);
             YAML::Node subsets(YAML::NodeType::Sequence);
             YAML::Node first;
             first["name"] = "s-first";
             first["labels"]["version"] = "first";
             subsets.push_back(first);
             for (const YAML::Node &subset : rule["spec"]["subsets"])
                 subsets.push_back(subset);
             rule["spec"]["subsets"] = subsets;
             document.replaceResource(drOf("svc-1"), rule, QStringLiteral("subset first"));
         }},
        {"a DestinationRule removed (indices move)",
         [&] { document.removeResource(drOf("svc-2"), QStringLiteral("remove")); }},
        {"a subset renamed everywhere (several resources)",
         [&] {
             document.editSet(QStringLiteral("rename"), [&](ResourceSet &set) {
                 edits::renameSubset(set, drOf("svc-1"), 1, "renamed");
             });
         }},
        {"the whole file's text",
         [&] {
             Diagnostics errors;
             std::string text = renderFile(document.set(), 0);
             text += "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: from-text\nspec:\n  ports:\n"
                     "    - port: 80\n";
             QVERIFY(document.replaceFileText(0, text, QStringLiteral("text"), errors));
         }},
    };

    auto verifyViews = [&](const char *step) {
        const QByteArray where = QByteArray("after ") + step;
        const GraphModel fresh = GraphModel::build(document.set(), document.diagnostics());
        QCOMPARE(scene.graph().nodes(), fresh.nodes());
        QCOMPARE(scene.graph().edges(), fresh.edges());
        // The items kept, changed, added and removed on the way show what a new scene shows.
        GraphScene freshScene;
        freshScene.setGraph(fresh, document.positions());
        int nodeItems = 0;
        for (QGraphicsItem *item : scene.items())
            nodeItems += item->type() == NodeItem::Type ? 1 : 0;
        QVERIFY2(nodeItems == fresh.nodes().size(), where.constData());
        for (const GraphNode &node : fresh.nodes()) {
            NodeItem *item = scene.nodeItem(node.id);
            QVERIFY2(item, qPrintable(where + " no item for " + node.id.toUtf8()));
            QVERIFY2(item->node() == node, qPrintable(where + " stale item " + node.id.toUtf8()));
            QCOMPARE(item->toolTip(), freshScene.nodeItem(node.id)->toolTip());
            QVERIFY2(painted(item) == painted(freshScene.nodeItem(node.id)),
                     qPrintable(where + " paints stale " + node.id.toUtf8()));
        }
        QCOMPARE(scene.edgeItems().size(), freshScene.edgeItems().size());
        QCOMPARE(strayEdges(scene.edgeItems()), QStringList());
        QCOMPARE(edgeRows(scene.edgeItems()), edgeRows(freshScene.edgeItems()));
        // The tree and the YAML pane as new ones show the set.
        ResourceTree freshTree(&document);
        QCOMPARE(treeRows(tree), treeRows(freshTree));
        YamlPane freshPane(&document);
        QCOMPARE(pane.text(), freshPane.text());
        // Diagnostics: the analysis of the set as it stands.
        const QStringList shown = lines(document.diagnostics());
        for (const QString &line : lines(analyze(document.set())))
            QVERIFY2(shown.contains(line), qPrintable(where + " missing " + line.toUtf8()));
    };

    for (const auto &[name, step] : steps) {
        deltas.clear();
        step();
        QCOMPARE(deltas.size(), 1);
        verifyViews(name);
        if (QTest::currentTestFailed())
            return;
    }
    const int count = document.undoStack()->count();
    QCOMPARE(count, static_cast<int>(steps.size()));
    for (int i = count - 1; i >= 0; --i) {
        document.undoStack()->undo();
        verifyViews(steps[static_cast<std::size_t>(i)].first);
        if (QTest::currentTestFailed())
            return;
    }
    // Undone to the start: byte for byte what was read, and nothing modified.
    QCOMPARE(renderAll(document.set()), original);
    QVERIFY(!document.set().anyModified());
    for (int i = 0; i < count; ++i) {
        document.undoStack()->redo();
        verifyViews(steps[static_cast<std::size_t>(i)].first);
    }
}

void TestIncremental::undoExchangesTheResourceInsteadOfCopyingIt()
{
    Document document;
    QVERIFY(document.open({studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo")))}));
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    auto gatewayIndex = [&] {
        return static_cast<std::size_t>(document.indexOf(Kind::Gateway, "default", "tcp-echo-gateway"));
    };
    const std::size_t gateway = gatewayIndex();
    const YAML::Node read = document.set().resources[vs].node;
    const YAML::Node untouched = document.set().resources[gateway].node;
    document.replaceResource(vs, edits::withWeight(read, edits::Section::Tcp, 0, 0, 40),
                             QStringLiteral("weight"));
    const YAML::Node edited = document.set().resources[vs].node;
    QVERIFY(!edited.is(read));
    // An edit of several resources shares the others with the state before it.
    document.addResource(edits::newGateway("extra", 31402, "TCP"), QStringLiteral("add"));
    QVERIFY(document.set().resources[gatewayIndex()].node.is(untouched));
    document.undoStack()->undo();
    QVERIFY(document.set().resources[vs].node.is(edited));
    document.undoStack()->undo();
    // The very tree that was read, not a copy of it: and so its text as read.
    QVERIFY(document.set().resources[vs].node.is(read));
    QVERIFY(document.set().resources[gatewayIndex()].node.is(untouched));
    QVERIFY(!document.set().resources[vs].modified);
    document.undoStack()->redo();
    QVERIFY(document.set().resources[vs].node.is(edited));
}

void TestIncremental::deltaNamesWhatChanged()
{
    Document document;
    QVERIFY(document.open({studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo2")))}));
    QVERIFY(document.lastDelta().whole);
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    document.replaceResource(
        vs, edits::withWeight(document.set().resources[vs].node, edits::Section::Tcp, 0, 0, 40),
        QStringLiteral("weight"));
    DocumentDelta delta = document.lastDelta();
    QCOMPARE(delta.modified, std::vector<int>{static_cast<int>(vs)});
    QVERIFY(!delta.isStructural());
    QCOMPARE(delta.files, std::vector<int>{document.set().resources[vs].file});

    const std::size_t added =
        document.addResource(edits::newGateway("extra", 31402, "TCP"), QStringLiteral("add"));
    delta = document.lastDelta();
    QCOMPARE(delta.added, std::vector<int>{static_cast<int>(added)});
    QCOMPARE(delta.addedRefs.front().name, std::string("extra"));
    QVERIFY(delta.modified.empty());
    QVERIFY(delta.removed.empty());

    document.undoStack()->undo();
    delta = document.lastDelta();
    QVERIFY(delta.added.empty());
    QCOMPARE(delta.removed.size(), std::size_t(1));
    QCOMPARE(delta.removed.front().name, std::string("extra"));
    QVERIFY(delta.modified.empty());

    document.undoStack()->undo();
    delta = document.lastDelta();
    QCOMPARE(delta.modified, std::vector<int>{static_cast<int>(vs)});
    QCOMPARE(delta.modifiedRefs.front().name, std::string("tcp-echo"));
}

void TestIncremental::inspectorRebuildsOnlyForWhatItShows()
{
    Document document;
    QVERIFY(document.open({studiotest::demoSource()}));
    Inspector inspector(&document);
    const auto index = [&](Kind kind, const char *name) { return document.indexOf(kind, "default", name); };
    const int v1 = index(Kind::Deployment, "tcp-echo-v1");
    const int v2 = index(Kind::Deployment, "tcp-echo-v2");
    QVERIFY(v1 >= 0 && v2 >= 0);
    const auto scale = [&](int resource, int replicas) {
        document.replaceResource(
            static_cast<std::size_t>(resource),
            edits::withReplicas(document.set().resources[static_cast<std::size_t>(resource)].node, replicas),
            QStringLiteral("scale"));
    };
    inspector.inspectResource(v1);
    QPointer<QWidget> page = inspector.widget();
    QVERIFY(page);
    // An edit of another resource, and its undo: the page and its widgets stay.
    scale(v2, 5);
    QCoreApplication::processEvents();
    QCOMPARE(inspector.widget(), page.data());
    document.undoStack()->undo();
    QCOMPARE(inspector.widget(), page.data());
    // An edit of the shown resource from elsewhere (not the inspector's own field): rebuilt, and
    // the new page shows the new value.
    scale(v1, 7);
    QVERIFY(inspector.widget() != page.data());
    bool shows7 = false;
    for (const QSpinBox *spin : inspector.widget()->findChildren<QSpinBox *>())
        shows7 = shows7 || spin->value() == 7;
    QVERIFY(shows7);
    page = inspector.widget();
    document.undoStack()->undo();
    QVERIFY(inspector.widget() != page.data());
    // A route's page lists its DestinationRule's subsets: a change of a DestinationRule rebuilds it.
    const int vs = index(Kind::VirtualService, "tcp-echo");
    const int dr = index(Kind::DestinationRule, "tcp-echo");
    edits::RouteRef route;
    route.resource = vs;
    route.section = edits::Section::Tcp;
    route.rule = 0;
    inspector.inspectRoute(route);
    page = inspector.widget();
    scale(v2, 3);
    QCOMPARE(inspector.widget(), page.data());
    document.apply(edits::addSubset(document.set(), static_cast<std::size_t>(dr)));
    QVERIFY(inspector.widget() != page.data());
    // A structural change (a resource removed): rebuilt, indices may have moved.
    page = inspector.widget();
    document.removeResource(static_cast<std::size_t>(index(Kind::Service, "tcp-echo")),
                            QStringLiteral("remove"));
    QVERIFY(inspector.widget() != page.data());
}

void TestIncremental::anEditReEmitsOnlyTheEditedTree()
{
    // An edit's new tree is emitted once: the YAML shown for it afterwards is that text, and the
    // diagnostics equal a fresh analysis (the parse problems come from the edit's own parse).
    Document document;
    QVERIFY(document.open({studiotest::demoSource()}));
    const int v1 = document.indexOf(Kind::Deployment, "default", "tcp-echo-v1");
    const auto at = static_cast<std::size_t>(v1);
    document.replaceResource(at, edits::withReplicas(document.set().resources[at].node, 4),
                             QStringLiteral("scale"));
    QCOMPARE(document.yamlOf(at), QString::fromStdString(emitNode(document.set().resources[at].node)));
    QVERIFY(document.yamlOf(at).contains(QStringLiteral("replicas: 4")));
    // The same value again: no undo step.
    const int steps = document.undoStack()->count();
    document.replaceResource(at, edits::withReplicas(document.set().resources[at].node, 4),
                             QStringLiteral("scale"));
    QCOMPARE(document.undoStack()->count(), steps);
    // A resource with a parse problem: its problems are those the edit's own parse found, placed
    // just before the analysis, as a parse of the tree in refreshing would place them.
    YAML::Node bad = YAML::Clone(document.set().resources[at].node);
    bad["spec"]["replicas"] = "many";
    const Diagnostics parse = document.replaceResource(at, bad, QStringLiteral("bad"));
    QVERIFY(!parse.empty());
    const Diagnostics analysis = analyze(document.set());
    const QStringList all = lines(document.diagnostics());
    QVERIFY(all.size() >= static_cast<int>(parse.size() + analysis.size()));
    QCOMPARE(all.mid(all.size() - static_cast<int>(analysis.size())), lines(analysis));
    QCOMPARE(all.mid(all.size() - static_cast<int>(analysis.size() + parse.size()),
                     static_cast<int>(parse.size())),
             lines(parse));
    // Undo and redo: the same again.
    document.undoStack()->undo();
    document.undoStack()->redo();
    QCOMPARE(lines(document.diagnostics()), all);
}

void TestIncremental::anEditKeepsTheTreeItMade()
{
    // An edit's new model is read back from the text it emits by the light reader, and the tree the
    // edit made is kept as the resource's: the next edit reads it instead of a tree built again from
    // that text. The pane, the file's text and the diagnostics take the text and the model as they
    // are, and positions are lines of that text (the light tree's, not the edited tree's marks).
    Document document;
    QVERIFY(document.open({studiotest::demoSource()}));
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    YAML::Node edited = YAML::Clone(document.set().resources[vs].node);
    edited["spec"]["tcp"][1]["route"][0]["destination"]["subset"] = "v9"; // no such subset
    const std::string text = emitNode(edited);
    QVERIFY(document.replaceResource(vs, edited, QStringLiteral("subset")).empty());
    const Resource &resource = document.set().resources[vs];
    QVERIFY(resource.node.isBuilt());
    QVERIFY(resource.node.is(edited)); // the edit's tree itself
    QVERIFY(resource.node.positions());
    QCOMPARE(resource.node.untouchedEmitted(), std::optional<std::string_view>(text));
    QCOMPARE(resource.as<VirtualServiceSpec>()->tcp[1].route[0].destination.subset, std::string("v9"));
    QCOMPARE(document.yamlOf(vs), QString::fromStdString(text));
    QVERIFY(renderFile(document.set(), resource.file).find(text) != std::string::npos);

    // The missing subset (IST0101) is reported where the pane shows it: an edited resource's positions
    // are lines of its emitted text.
    const auto found =
        std::find_if(document.diagnostics().begin(), document.diagnostics().end(), [](const Diagnostic &d) {
            return d.code == codes::ReferencedResourceNotFound && d.resource.name == "tcp-echo" &&
                   d.resource.kind == "VirtualService";
        });
    QVERIFY(found != document.diagnostics().end());
    const std::size_t at = text.find("subset: v9");
    const std::size_t lineStart = text.rfind('\n', at) + 1;
    const auto within =
        static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    QCOMPARE(found->position.line, within + 1);
    QCOMPARE(found->position.column,
             static_cast<int>(at - lineStart) + 1 + 8); // at the value, after "subset: "

    // Undo and redo exchange the model, its tree and its text: the same diagnostics.
    const QStringList all = lines(document.diagnostics());
    document.undoStack()->undo();
    document.undoStack()->redo();
    QVERIFY(document.set().resources[vs].node.is(edited));
    QCOMPARE(lines(document.diagnostics()), all);
    // The tree is the one the text says.
    const YAML::Node built = document.set().resources[vs].node;
    QCOMPARE(QString::fromStdString(emitNode(built)), QString::fromStdString(text));

    // A second edit, as the YAML pane makes one: a tree read from what the person typed, with a
    // comment and blank lines in the middle (which the writer does not put) and a destination more,
    // to a port the Service lacks. The kept tree's marks are lines of the typed text; the finding
    // (placed by walking to the port) is where the pane shows it after the edit, in the emitted text.
    YAML::Node typedTree = YAML::Clone(document.set().resources[vs].node);
    YAML::Node extra = YAML::Clone(typedTree["spec"]["tcp"][0]["route"][0]);
    extra["destination"]["port"]["number"] = 12345;
    typedTree["spec"]["tcp"][0]["route"].push_back(extra);
    std::string typed = emitNode(typedTree);
    typed.insert(typed.find("spec:\n") + 6, "  # typed\n\n\n");
    const YAML::Node again = YAML::Load(typed);
    const std::string againText = emitNode(again);
    QVERIFY(document.replaceResource(vs, again, QStringLiteral("destination")).empty());
    const auto port =
        std::find_if(document.diagnostics().begin(), document.diagnostics().end(), [](const Diagnostic &d) {
            return d.code == codes::ReferencedResourceNotFound && d.messageId == "destination-port-not-found";
        });
    QVERIFY(port != document.diagnostics().end());
    const std::size_t portAt = againText.find("number: 12345");
    QVERIFY(portAt != std::string::npos);
    const std::size_t portLine = againText.rfind('\n', portAt) + 1;
    QCOMPARE(port->position.line,
             static_cast<int>(std::count(againText.begin(),
                                         againText.begin() + static_cast<std::ptrdiff_t>(portAt), '\n')) +
                 1);
    QCOMPARE(port->position.column, static_cast<int>(portAt - portLine) + 1 + 8); // after "number: "
}

// An edit rebuilds the graph model; the scene keeps what was selected (nodes and edges, by what
// they are), also when the edit changed what the edge says.
void TestIncremental::theSelectionSurvivesAnEdit()
{
    Document document;
    QVERIFY(document.open({studiotest::demoSource()}));
    GraphScene scene;
    scene.setGraph(GraphModel::build(document.set(), document.diagnostics()), document.positions());
    const QString route = QStringLiteral("route:default/tcp-echo/tcp/0");
    const QString echo = QStringLiteral("destination:tcp-echo.default.svc.cluster.local");
    const QString gateway = QStringLiteral("gateway:default/tcp-echo-gateway");
    EdgeItem *edge = scene.edgeItem(route, echo);
    QVERIFY(edge);
    const QString key = GraphScene::edgeKey(edge->edge());
    const auto selectedEdges = [&scene] {
        QStringList keys;
        for (const EdgeItem *item : scene.edgeItems())
            if (item->isSelected())
                keys << GraphScene::edgeKey(item->edge());
        return keys;
    };
    scene.showSelection({gateway}, {edge->edge()});
    QCOMPARE(selectedEdges(), QStringList{key});

    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    document.replaceResource(
        vs, edits::withSplit(document.set().resources[vs].node, edits::Section::Tcp, 0, "tcp-echo", "v2", {}),
        QStringLiteral("split"));
    scene.setGraph(GraphModel::build(document.set(), document.diagnostics()), document.positions());
    QVERIFY(scene.edgeItem(route, echo, 1)); // the edit took: a second destination
    QCOMPARE(scene.selectedNodeIds(), QStringList{gateway});
    QCOMPARE(selectedEdges(), QStringList{key});
}

// Undo and redo put back the diagnostics and the graph model the state had, instead of analysing
// and building again; a setting changed in between (or the language) has them derived anew.
void TestIncremental::undoAndRedoPutBackWhatAStateHad()
{
    Document document;
    QVERIFY(document.open({studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo3")))}));
    const std::shared_ptr<const GraphModel> opened = document.graphModel();
    const QStringList openedLines = lines(document.diagnostics());
    QCOMPARE(document.graphModel(), opened); // kept while the state stays

    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    document.replaceResource(
        vs, edits::withSplit(document.set().resources[vs].node, edits::Section::Tcp, 0, "tcp-echo", "v2", {}),
        QStringLiteral("split"));
    const std::shared_ptr<const GraphModel> edited = document.graphModel();
    QVERIFY(edited != opened);
    QVERIFY(edited->edges() != opened->edges());
    const QStringList editedLines = lines(document.diagnostics());

    document.undoStack()->undo();
    QCOMPARE(document.graphModel(), opened);
    QCOMPARE(lines(document.diagnostics()), openedLines);
    document.undoStack()->redo();
    QCOMPARE(document.graphModel(), edited);
    QCOMPARE(lines(document.diagnostics()), editedLines);

    // The ingress choice changes what analysis finds: the kept state is analysed again.
    document.setIngressChoice(install::IngressChoice::Default);
    document.undoStack()->undo();
    QVERIFY(document.graphModel() != opened);
    AnalysisOptions options;
    options.ingress = install::IngressChoice::Default;
    options.gatewayApiTarget = gatewayapi::defaultTarget();
    const QStringList fresh = lines(analyze(document.set(), options));
    QVERIFY(fresh != lines(analyze(document.set())));
    const QStringList shown = lines(document.diagnostics());
    for (const QString &line : fresh)
        QVERIFY2(shown.contains(line), qPrintable(line));
    QCOMPARE(document.graphModel()->nodes(),
             GraphModel::build(document.set(), document.diagnostics()).nodes());

    // A new language: the graph's texts are built again, for this state and for the kept one.
    document.undoStack()->redo();
    const std::shared_ptr<const GraphModel> redone = document.graphModel();
    document.undoStack()->undo();
    QCOMPARE(document.graphModel()->nodes(),
             GraphModel::build(document.set(), document.diagnostics()).nodes());
    const std::shared_ptr<const GraphModel> undone = document.graphModel();
    document.invalidateDerived();
    QVERIFY(document.graphModel() != undone);
    document.undoStack()->redo();
    QVERIFY(document.graphModel() != redone);
    QCOMPARE(document.graphModel()->edges(),
             GraphModel::build(document.set(), document.diagnostics()).edges());
}

// A large document's derived views are megabytes: only the states left last keep theirs; older
// ones are analysed and built again when undo returns to them, and come out the same.
void TestIncremental::onlyTheLastFewStatesKeepTheirs()
{
    Document document;
    QVERIFY(document.open({studiotest::demoSource()}));
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    constexpr int edits = static_cast<int>(Document::kKeptDerivedStates) + 2;
    std::vector<std::shared_ptr<const GraphModel>> graphs{document.graphModel()};
    std::vector<QStringList> diagnostics{lines(document.diagnostics())};
    for (int weight = 1; weight <= edits; ++weight) {
        document.replaceResource(
            vs, edits::withWeight(document.set().resources[vs].node, edits::Section::Tcp, 0, 0, weight),
            QStringLiteral("weight"));
        graphs.push_back(document.graphModel());
        diagnostics.push_back(lines(document.diagnostics()));
    }
    for (int state = edits - 1; state >= 0; --state) {
        document.undoStack()->undo();
        const bool kept = state >= edits - static_cast<int>(Document::kKeptDerivedStates);
        QVERIFY2((document.graphModel() == graphs[static_cast<std::size_t>(state)]) == kept,
                 qPrintable(QStringLiteral("state %1").arg(state)));
        QCOMPARE(lines(document.diagnostics()), diagnostics[static_cast<std::size_t>(state)]);
        QCOMPARE(document.graphModel()->edges(), graphs[static_cast<std::size_t>(state)]->edges());
    }
}

// The target cluster decides what analysis finds and what the graph draws as run: a state kept
// from before a new target is derived again when undo returns to it.
void TestIncremental::aNewTargetHasKeptStatesDerivedAgain()
{
    Document document;
    QVERIFY(document.open({studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo4")))}));
    const std::shared_ptr<const GraphModel> opened = document.graphModel();
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    document.replaceResource(
        vs, edits::withWeight(document.set().resources[vs].node, edits::Section::Tcp, 0, 0, 40),
        QStringLiteral("weight"));
    const std::optional<gatewayapi::Target> target =
        gatewayapi::parseTarget("istio=1.31,gateway-api=v1.6.0,channel=standard").target;
    QVERIFY(target);
    document.setGatewayApiTarget(*target);
    document.undoStack()->undo();
    QVERIFY(document.graphModel() != opened);
    AnalysisOptions options;
    options.gatewayApiTarget = *target;
    const QStringList shown = lines(document.diagnostics());
    for (const QString &line : lines(analyze(document.set(), options)))
        QVERIFY2(shown.contains(line), qPrintable(line));
}

// The diagnostics list keeps its rows across an edit and writes again only those whose finding
// changed; the selected finding stays selected, without being activated again; a fresh list shows
// the same rows.
void TestIncremental::theDiagnosticsListKeepsItsRows()
{
    const QString path = writeRoutes(m_dir.filePath(QStringLiteral("findings.yaml")));
    QVERIFY(!path.isEmpty());
    Document document;
    QVERIFY(document.open({path}));
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "big"));
    const auto toSubset = [&](const char *subset) {
        document.replaceResource(vs,
                                 edits::withDestinationSubset(document.set().resources[vs].node,
                                                              edits::Section::Tcp, 2, 0, subset),
                                 QStringLiteral("subset"));
    };
    toSubset("missing"); // a finding more (IST0101)
    DiagnosticsView view(&document);
    QTreeWidget *list = view.list();
    const auto rowsOf = [](QTreeWidget *tree) {
        QStringList out;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            QStringList cells;
            for (int c = 0; c < 5; ++c)
                cells << tree->topLevelItem(i)->text(c);
            out << cells.join(QLatin1Char('|')) + QLatin1Char('|') + tree->topLevelItem(i)->toolTip(2);
        }
        return out;
    };
    QVERIFY(list->topLevelItemCount() > 24);
    int gatewayRow = -1;
    for (int i = 0; i < list->topLevelItemCount() && gatewayRow < 0; ++i)
        if (list->topLevelItem(i)->text(3).startsWith(QStringLiteral("Gateway ")))
            gatewayRow = i;
    QVERIFY(gatewayRow >= 0);
    list->setCurrentItem(list->topLevelItem(gatewayRow));
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        items << list->topLevelItem(i);
    const QStringList before = rowsOf(list);
    QSignalSpy activated(&view, &DiagnosticsView::diagnosticActivated);

    toSubset("absent"); // the same finding, about another name
    const QStringList after = rowsOf(list);
    QCOMPARE(after.size(), before.size());
    int changed = 0;
    for (int i = 0; i < after.size(); ++i)
        changed += after[i] != before[i] ? 1 : 0;
    QCOMPARE(changed, 1);
    QVERIFY(after.join(QLatin1Char('\n')).contains(QStringLiteral("absent")));
    DiagnosticsView fresh(&document);
    QCOMPARE(after, rowsOf(fresh.list()));
    for (int i = 0; i < items.size(); ++i)
        QVERIFY(list->topLevelItem(i) == items[i]); // the same rows, one of them rewritten
    QCOMPARE(list->currentItem(), items[gatewayRow]);
    QCOMPARE(activated.size(), 0);

    // The columns fit their texts, the rewritten row's too.
    toSubset("a-subset-name-much-longer-than-any-resource-or-place-in-this-list");
    const QFontMetrics metrics(list->font());
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        for (int column : {0, 1, 3, 4})
            QVERIFY2(list->columnWidth(column) >=
                         metrics.horizontalAdvance(list->topLevelItem(i)->text(column)),
                     qPrintable(list->topLevelItem(i)->text(column)));
    document.undoStack()->undo();
    QCOMPARE(rowsOf(list), after);

    // Undo: the rows before, the selection still there; a finding fewer: a row fewer.
    document.undoStack()->undo();
    QCOMPARE(rowsOf(list), before);
    QCOMPARE(list->currentItem(), items[gatewayRow]);
    document.undoStack()->undo();
    QCOMPARE(list->topLevelItemCount(), items.size() - 1);
    DiagnosticsView first(&document);
    QCOMPARE(rowsOf(list), rowsOf(first.list()));
    QCOMPARE(activated.size(), 0);
}

STUDIO_TEST_MAIN(TestIncremental)
#include "tst_incremental.moc"
