// The studio's main window driven as a person would: open the tutorial demo,
// drag in the graph, type in the inspector and the YAML pane, undo, export.

#include "document/document.h"
#include "editing/documentedits.h"
#include "editing/routeedits.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "studiotest.h"
#include "views/diagnosticsview.h"
#include "views/inspector.h"
#include "views/resourcetree.h"
#include "views/yamlpane.h"
#include "window/exportdialog.h"
#include "window/mainwindow.h"
#include "window/settings.h"
#include "yaml/writer.h"

#include <QAbstractButton>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSpinBox>
#include <QTimer>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

constexpr const char *gateway1 = "gateway:default/tcp-echo-gateway";
constexpr const char *gateway2 = "gateway:default/tcp-echo-gateway-v2";
constexpr const char *route1 = "route:default/tcp-echo/tcp/0";
constexpr const char *route2 = "route:default/tcp-echo/tcp/1";
constexpr const char *echo = "destination:tcp-echo.default.svc.cluster.local";

// Press, move with the button held, release: the events a real drag sends to the viewport.
void drag(QGraphicsView *view, const QPointF &fromScene, const QPointF &toScene)
{
    QWidget *viewport = view->viewport();
    const QPoint from = view->mapFromScene(fromScene);
    const QPoint to = view->mapFromScene(toScene);
    auto send = [viewport](QEvent::Type type, const QPoint &at, Qt::MouseButton button,
                           Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), button, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int step = 1; step <= 5; ++step)
        send(QEvent::MouseMove, from + (to - from) * step / 5, Qt::NoButton, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

QString renderAll(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

int vsIndex(const Document &document)
{
    return document.indexOf(Kind::VirtualService, "default", "tcp-echo");
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void demoOpensWithExpectedNodesAndEdges();
    void dragFromGatewayPortToSubsetCreatesRoute();
    void dragFromRouteToSecondSubsetSplitsTraffic();
    void tlsPassthroughPortGetsSniRoute();
    void inspectorWeightEditShowsInYaml();
    void weightEditsInlineOnTheEdge();
    void inspectorValidatesAndRenamesWithFixUp();
    void undoAndRedoRestoreExactYaml();
    void invalidYamlEditLeavesDocumentUnchanged();
    void wholeFileYamlEdit();
    void exportPassesCheckManifests_data();
    void exportPassesCheckManifests();
    void exportDialogShowsDiffAgainstDisk();
    void selectingDiagnosticSelectsResource();
    void everyViewFollowsTheSelection();
    void oneClickFixes_data();
    void oneClickFixes();
    void deleteWarnsAboutDependents();
    void filterDimsOtherNodes();
    void keyboardZoomAndNavigation();
    void everyCommandHasItsOwnShortcut();
    void chineseCatalogueLoadsAndMenusShowChinese();
    void languageChangesWhileRunning();
    void screenshots();

private:
    QTemporaryDir m_dir;
    QString m_demo;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::init()
{
    static int n = 0;
    m_demo = studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo%1").arg(++n)));
    m_window = new MainWindow;
    m_window->resize(1500, 950);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openPaths({m_demo}));
    m_window->graphView()->resetZoom();
    QCoreApplication::processEvents();
}

void TestMainWindow::cleanup()
{
    m_window->document()->undoStack()->setClean(); // no "save changes?" on close
    delete m_window;
    m_window = nullptr;
}

void TestMainWindow::demoOpensWithExpectedNodesAndEdges()
{
    GraphScene *scene = m_window->scene();
    QStringList nodes;
    int edges = 0;
    int broken = 0;
    for (QGraphicsItem *item : scene->items()) {
        if (item->type() == NodeItem::Type)
            nodes << static_cast<NodeItem *>(item)->id();
        if (item->type() == EdgeItem::Type) {
            ++edges;
            broken += static_cast<EdgeItem *>(item)->edge().broken ? 1 : 0;
        }
    }
    nodes.sort();
    QCOMPARE(nodes,
             QStringList({echo, gateway1, gateway2, route1, route2, "workload:Deployment/default/tcp-echo-v1",
                          "workload:Deployment/default/tcp-echo-v2"}));
    QCOMPARE(edges, 6);
    QCOMPARE(broken, 0);
    // 31400 feeds the first route, which goes to v1, which selects the v1 pods.
    QVERIFY(scene->edgeItem(gateway1, route1));
    QCOMPARE(scene->edgeItem(route1, echo)->edge().toSocket, QStringLiteral("v1"));
    QCOMPARE(scene->edgeItem(route2, echo)->edge().toSocket, QStringLiteral("v2"));
    QCOMPARE(scene->layoutCrossings(), 0);
    QVERIFY(m_window->windowTitle().startsWith(QFileInfo(m_demo).fileName() + QStringLiteral("[*]")));
}

void TestMainWindow::dragFromGatewayPortToSubsetCreatesRoute()
{
    GraphScene *scene = m_window->scene();
    NodeItem *gateway = scene->nodeItem(gateway1);
    NodeItem *destination = scene->nodeItem(echo);
    QVERIFY(gateway && destination);
    const int v2 = destination->node().socketIndex(QStringLiteral("v2"));
    QVERIFY(v2 >= 0);
    m_window->graphView()->centerOn(
        QRectF(gateway->sceneBoundingRect()).united(destination->sceneBoundingRect()).center());
    QCoreApplication::processEvents();
    drag(m_window->graphView(), gateway->anchor(0, true) - QPointF(30, 0),
         destination->anchor(v2, false) + QPointF(60, 0));

    const Document &document = *m_window->document();
    const int vs = vsIndex(document);
    const auto *spec = document.set().resources[static_cast<std::size_t>(vs)].as<VirtualServiceSpec>();
    QCOMPARE(spec->tcp.size(), std::size_t(3));
    const TcpRoute &created = spec->tcp[2];
    QCOMPARE(created.match.size(), std::size_t(1));
    QCOMPARE(created.match[0].port, std::optional<std::uint32_t>(31400));
    QCOMPARE(created.match[0].gateways, std::vector<std::string>{"tcp-echo-gateway"});
    QCOMPARE(created.route.size(), std::size_t(1));
    QCOMPARE(created.route[0].destination.subset, std::string("v2"));
    QCOMPARE(created.route[0].destination.host, std::string("tcp-echo.default.svc.cluster.local"));
    QCOMPARE(m_window->document()->undoStack()->count(), 1);

    // The new route is selected, and the YAML pane shows the VirtualService with it.
    QCOMPARE(scene->selectedNodeIds(), QStringList{"route:default/tcp-echo/tcp/2"});
    const QString yaml = m_window->yamlPane()->text();
    QCOMPARE(yaml, document.yamlOf(static_cast<std::size_t>(vs)));
    QCOMPARE(yaml.count(QStringLiteral("port: 31400")), 2);
    QCOMPARE(yaml.count(QStringLiteral("subset: v2")), 2);
}

void TestMainWindow::dragFromRouteToSecondSubsetSplitsTraffic()
{
    GraphScene *scene = m_window->scene();
    NodeItem *route = scene->nodeItem(route1);
    NodeItem *destination = scene->nodeItem(echo);
    const int v2 = destination->node().socketIndex(QStringLiteral("v2"));
    m_window->graphView()->centerOn(
        QRectF(route->sceneBoundingRect()).united(destination->sceneBoundingRect()).center());
    QCoreApplication::processEvents();
    drag(m_window->graphView(), route->anchor(-1, true), destination->anchor(v2, false) + QPointF(60, 0));

    const Document &document = *m_window->document();
    const auto *spec =
        document.set().resources[static_cast<std::size_t>(vsIndex(document))].as<VirtualServiceSpec>();
    const TcpRoute &split = spec->tcp[0];
    QCOMPARE(split.route.size(), std::size_t(2));
    QCOMPARE(split.route[0].destination.subset, std::string("v1"));
    QCOMPARE(split.route[1].destination.subset, std::string("v2"));
    QCOMPARE(split.route[0].weight, std::optional<std::int64_t>(50));
    QCOMPARE(split.route[1].weight, std::optional<std::int64_t>(50));
    // Both edges carry their weight.
    QCOMPARE(scene->edgeItem(route1, echo, 0)->edge().label, QStringLiteral("50%"));
    QCOMPARE(scene->edgeItem(route1, echo, 1)->edge().label, QStringLiteral("50%"));
}

void TestMainWindow::tlsPassthroughPortGetsSniRoute()
{
    // Istio's SNI passthrough sample, plus the Service it routes to.
    const QString file = m_dir.filePath(QStringLiteral("sni.yaml"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(studiotest::readAll(
                  QStringLiteral(MESHROUTE_SHARED_DIR "/istio/samples/ingress-sni-passthrough.yaml"))
                  .toUtf8());
    out.write("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: my-nginx\nspec:\n  selector:\n    run: "
              "my-nginx\n"
              "  ports:\n    - name: https\n      port: 443\n");
    out.close();
    QVERIFY(m_window->openPaths({file}));
    const QString destination = QStringLiteral("destination:my-nginx.default.svc.cluster.local");
    QVERIFY(m_window->scene()->graph().node(destination));
    m_window->connectNodes(QStringLiteral("gateway:default/mygateway"), 0, destination, 0);

    const Document &document = *m_window->document();
    const int index = document.indexOf(Kind::VirtualService, "default", "nginx");
    QVERIFY(index >= 0);
    const auto *spec = document.set().resources[static_cast<std::size_t>(index)].as<VirtualServiceSpec>();
    QVERIFY(spec);
    QCOMPARE(spec->tls.size(), std::size_t(2));
    QVERIFY(spec->tcp.empty());
    QCOMPARE(spec->tls[1].match[0].port, std::optional<std::uint32_t>(443));
    QCOMPARE(spec->tls[1].match[0].sniHosts, std::vector<std::string>{"nginx.example.com"});
    QCOMPARE(spec->tls[1].match[0].gateways, std::vector<std::string>{"mygateway"});
    QCOMPARE(m_window->scene()->selectedNodeIds(), QStringList{"route:default/nginx/tls/1"});
}

void TestMainWindow::inspectorWeightEditShowsInYaml()
{
    dragFromRouteToSecondSubsetSplitsTraffic();
    m_window->selectNode(route1);
    auto *weight = m_window->inspector()->findChild<QSpinBox *>(QStringLiteral("weight-0"));
    QVERIFY(weight);
    QCOMPARE(weight->value(), 50);
    weight->setValue(80);
    auto *total = m_window->inspector()->findChild<QLabel *>(QStringLiteral("weightTotal"));
    QVERIFY(total);
    QCOMPARE(total->text(), QStringLiteral("Total: 130"));
    auto *other = m_window->inspector()->findChild<QSpinBox *>(QStringLiteral("weight-1"));
    other->setValue(20);

    const QString yaml = m_window->yamlPane()->text();
    QVERIFY2(yaml.contains(QStringLiteral("weight: 80")), qPrintable(yaml));
    QVERIFY(yaml.contains(QStringLiteral("weight: 20")));
    QVERIFY(!yaml.contains(QStringLiteral("weight: 50")));
    QCOMPARE(total->text(), QStringLiteral("Total: 100"));
    QCOMPARE(m_window->scene()->edgeItem(route1, echo, 0)->edge().label, QStringLiteral("80%"));
    // One undo step per field, not per keystroke: undo the 20, then the 80.
    QCOMPARE(m_window->document()->undoStack()->count(), 3);
}

void TestMainWindow::weightEditsInlineOnTheEdge()
{
    dragFromRouteToSecondSubsetSplitsTraffic();
    EdgeItem *edge = m_window->scene()->edgeItem(route1, echo, 1);
    QVERIFY(edge && !edge->labelRect().isNull());
    GraphView *view = m_window->graphView();
    view->centerOn(edge->labelRect().center());
    QCoreApplication::processEvents();
    const QPoint at = view->mapFromScene(edge->labelRect().center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    auto *editor = view->viewport()->findChild<QSpinBox *>(QStringLiteral("inlineWeight"));
    QVERIFY(editor);
    QCOMPARE(editor->value(), 50);
    editor->setValue(30);
    QTest::keyClick(editor, Qt::Key_Return);
    const Document &document = *m_window->document();
    const auto *spec =
        document.set().resources[static_cast<std::size_t>(vsIndex(document))].as<VirtualServiceSpec>();
    QCOMPARE(spec->tcp[0].route[1].weight, std::optional<std::int64_t>(30));
    QVERIFY(
        m_window->yamlPane()->text().contains(QStringLiteral("weight: 30")) ||
        document.yamlOf(static_cast<std::size_t>(vsIndex(document))).contains(QStringLiteral("weight: 30")));
    QCOMPARE(m_window->scene()->edgeItem(route1, echo, 1)->edge().label, QStringLiteral("30%"));

    // Escape leaves the weight alone.
    edge = m_window->scene()->edgeItem(route1, echo, 1);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier,
                       view->mapFromScene(edge->labelRect().center()));
    editor = view->viewport()->findChild<QSpinBox *>(QStringLiteral("inlineWeight"));
    QVERIFY(editor);
    editor->setValue(99);
    QTest::keyClick(editor, Qt::Key_Escape);
    QCOMPARE(m_window->scene()->edgeItem(route1, echo, 1)->edge().label, QStringLiteral("30%"));
}

void TestMainWindow::inspectorValidatesAndRenamesWithFixUp()
{
    Document &document = *m_window->document();
    m_window->selectNode(gateway2);
    auto *name = m_window->inspector()->findChild<QLineEdit *>(QStringLiteral("gatewayName"));
    QVERIFY(name);
    // Not a DNS-1123 name: flagged while typing, never applied.
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Echo_V2"));
    QVERIFY(!name->styleSheet().isEmpty());
    emit name->editingFinished();
    QCOMPARE(document.undoStack()->count(), 0);

    name->clear();
    QTest::keyClicks(name, QStringLiteral("echo-v2"));
    QVERIFY(name->styleSheet().isEmpty());
    emit name->editingFinished();
    QCOMPARE(document.undoStack()->count(), 1);
    QVERIFY(document.indexOf(Kind::Gateway, "default", "echo-v2") >= 0);
    const auto *spec =
        document.set().resources[static_cast<std::size_t>(vsIndex(document))].as<VirtualServiceSpec>();
    QCOMPARE(spec->gateways, (std::vector<std::string>{"tcp-echo-gateway", "echo-v2"}));
    QCOMPARE(spec->tcp[1].match[0].gateways, std::vector<std::string>{"echo-v2"});
    QVERIFY(m_window->scene()->edgeItem(QStringLiteral("gateway:default/echo-v2"), route2));

    // Subset labels: invalid text is flagged and not applied.
    m_window->selectNode(echo);
    auto *labels = m_window->inspector()->findChild<QLineEdit *>(QStringLiteral("subsetLabels-0"));
    QVERIFY(labels);
    QCOMPARE(labels->text(), QStringLiteral("version=v1"));
    labels->setFocus();
    labels->selectAll();
    QTest::keyClicks(labels, QStringLiteral("version"));
    QVERIFY(!labels->styleSheet().isEmpty());
    emit labels->editingFinished();
    QCOMPARE(document.undoStack()->count(), 1);
    // Valid labels apply once, however often editing finishes.
    labels->selectAll();
    QTest::keyClicks(labels, QStringLiteral("version=v1, track=stable"));
    QVERIFY(labels->styleSheet().isEmpty());
    emit labels->editingFinished();
    emit labels->editingFinished();
    QCOMPARE(document.undoStack()->count(), 2);
    const int rule = document.indexOf(Kind::DestinationRule, "default", "tcp-echo");
    QCOMPARE(
        document.set().resources[static_cast<std::size_t>(rule)].as<DestinationRuleSpec>()->subsets[0].labels,
        (Labels{{"track", "stable"}, {"version", "v1"}}));
}

void TestMainWindow::undoAndRedoRestoreExactYaml()
{
    Document &document = *m_window->document();
    const QString original = renderAll(document);
    dragFromGatewayPortToSubsetCreatesRoute();
    const QString edited = renderAll(document);
    QVERIFY(edited != original);

    QAction *undo = m_window->findChild<QAction *>(QStringLiteral("actionUndo"));
    QAction *redo = m_window->findChild<QAction *>(QStringLiteral("actionRedo"));
    QVERIFY(undo && redo);
    QVERIFY(undo->isEnabled());
    undo->trigger();
    QCOMPARE(renderAll(document), original);
    // Untouched files are written back byte for byte, comments included.
    QCOMPARE(QString::fromStdString(renderFile(document.set(), 0)),
             studiotest::readAll(QString::fromStdString(document.set().files[0].path)));
    QVERIFY(!document.isModified());
    QVERIFY(!m_window->isWindowModified());
    redo->trigger();
    QCOMPARE(renderAll(document), edited);
    QVERIFY(m_window->isWindowModified());
    QCOMPARE(m_window->scene()
                 ->edgeItem(gateway1, QStringLiteral("route:default/tcp-echo/tcp/2"))
                 ->edge()
                 .fromSocket,
             QStringLiteral("0"));
}

void TestMainWindow::invalidYamlEditLeavesDocumentUnchanged()
{
    Document &document = *m_window->document();
    const QString before = renderAll(document);
    m_window->selectNode(route1);
    YamlPane *pane = m_window->yamlPane();
    QCOMPARE(pane->resource(), vsIndex(document));
    QString text = pane->text();
    text.replace(QStringLiteral("- port: 31400"), QStringLiteral("- port: [31400"));
    pane->editor()->setPlainText(text);
    QVERIFY(pane->isDirty());
    QVERIFY(!pane->apply());

    QCOMPARE(renderAll(document), before);
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(pane->text(), text); // the text is kept
    QVERIFY(!pane->editDiagnostics().empty());
    QVERIFY2(pane->message().contains(QStringLiteral("line ")), qPrintable(pane->message()));
    QVERIFY(!pane->editor()->extraSelections().isEmpty());

    // Fixed, it applies as one undo step.
    text.replace(QStringLiteral("- port: [31400"), QStringLiteral("- port: 31402"));
    pane->editor()->setPlainText(text);
    QVERIFY(pane->apply());
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.set()
                 .resources[static_cast<std::size_t>(vsIndex(document))]
                 .as<VirtualServiceSpec>()
                 ->tcp[0]
                 .match[0]
                 .port,
             std::optional<std::uint32_t>(31402));
}

void TestMainWindow::wholeFileYamlEdit()
{
    const QString file = QDir(m_demo).absoluteFilePath(QStringLiteral("gateway.yaml"));
    QVERIFY(m_window->openPaths({file}));
    m_window->scene()->clearSelection();
    YamlPane *pane = m_window->yamlPane();
    QCOMPARE(pane->resource(), -1);
    QVERIFY(!pane->editor()->isReadOnly());
    QCOMPARE(pane->text(), studiotest::readAll(file));

    QString text = pane->text();
    pane->editor()->setPlainText(
        QString(text).replace(QStringLiteral("number: 31401"), QStringLiteral("number: [")));
    QVERIFY(!pane->apply());
    QCOMPARE(m_window->document()->undoStack()->count(), 0);
    QVERIFY(pane->message().contains(QStringLiteral("line ")));

    text.replace(QStringLiteral("number: 31401"), QStringLiteral("number: 31411"));
    pane->editor()->setPlainText(text);
    QVERIFY(pane->apply());
    QCOMPARE(m_window->document()->undoStack()->count(), 1);
    QVERIFY(m_window->scene()
                ->graph()
                .node(QStringLiteral("gateway:default/tcp-echo-gateway-v2"))
                ->sockets[0]
                .label.startsWith(QStringLiteral("31411")));
    QCOMPARE(pane->text(), text);
    m_window->document()->undoStack()->undo();
    QCOMPARE(pane->text(), studiotest::readAll(file));
}

void TestMainWindow::exportPassesCheckManifests_data()
{
    QTest::addColumn<bool>("onePerResource");
    QTest::addColumn<QString>("apiVersion");
    QTest::newRow("one stream, as written") << false << QString();
    QTest::newRow("one file per resource") << true << QString();
    QTest::newRow("one stream, v1beta1") << false << QStringLiteral("v1beta1");
}

void TestMainWindow::exportPassesCheckManifests()
{
    QFETCH(bool, onePerResource);
    QFETCH(QString, apiVersion);
    dragFromRouteToSecondSubsetSplitsTraffic(); // export an edited document
    ExportOptions options;
    if (!apiVersion.isEmpty())
        options.istioApiVersion = apiVersion.toStdString();
    const QString target =
        m_dir.filePath(onePerResource ? QStringLiteral("export-%1").arg(QTest::currentDataTag())
                                      : QStringLiteral("%1.yaml").arg(QTest::currentDataTag()));
    const QList<ExportFile> files = exportFiles(m_window->document()->set(), onePerResource, options, target);
    QCOMPARE(files.size(), onePerResource ? 7 : 1);
    QString error;
    QVERIFY2(writeExport(files, &error), qPrintable(error));

    QStringList arguments{QStringLiteral(MESHROUTE_SHARED_DIR "/istio/check-manifests")};
    for (const ExportFile &file : files)
        arguments << file.path;
    QProcess checker;
    checker.start(QStringLiteral("python3"), arguments);
    QVERIFY(checker.waitForFinished(60000));
    QVERIFY2(checker.exitCode() == 0, checker.readAllStandardOutput() + checker.readAllStandardError());
    const QString all = studiotest::readAll(files.front().path);
    if (!apiVersion.isEmpty())
        QVERIFY(all.contains(QStringLiteral("networking.istio.io/v1beta1")));
}

void TestMainWindow::exportDialogShowsDiffAgainstDisk()
{
    ExportDialog dialog(m_window->document()->set(), m_dir.path());
    const QString target = m_dir.filePath(QStringLiteral("diffed.yaml"));
    dialog.setTarget(target);
    QVERIFY(dialog.diffText().contains(QStringLiteral("+kind: Gateway")));
    dialog.accept();
    QVERIFY(QFileInfo::exists(target));
    ExportDialog again(m_window->document()->set(), m_dir.path());
    again.setTarget(target);
    QVERIFY2(!again.diffText().contains(QStringLiteral("+kind")), qPrintable(again.diffText()));
}

void TestMainWindow::selectingDiagnosticSelectsResource()
{
    // The demo warns that 31401 is not on the default ingress Service (IST0162) on a Gateway.
    Document &document = *m_window->document();
    const auto &diagnostics = document.diagnostics();
    auto found = std::find_if(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.code == codes::GatewayPortNotDefinedOnService;
    });
    QVERIFY(found != diagnostics.end());
    const int index = document.resourceOfDiagnostic(*found);
    QVERIFY(index >= 0);
    const QString node = m_window->scene()->graph().nodeOfResource(index);
    QCOMPARE(m_window->scene()->graph().node(node)->badge, Badge::Warning);
    emit m_window->diagnosticsView()->diagnosticActivated(*found);
    QCOMPARE(m_window->scene()->selectedNodeIds(), QStringList{node});
    QCOMPARE(m_window->yamlPane()->resource(), index);
}

// Wiring: each view reports into the one Selection and shows it; an edit keeps it.
void TestMainWindow::everyViewFollowsTheSelection()
{
    Document &document = *m_window->document();
    GraphScene *scene = m_window->scene();
    ResourceTree *tree = m_window->resourceTree();
    Selection *selection = m_window->selection();
    const int service = document.indexOf(Kind::Service, "default", "tcp-echo");
    const int gateway = document.indexOf(Kind::Gateway, "default", "tcp-echo-gateway");

    // The tree picks the Service: the graph selects the node showing it, the panes show the Service.
    emit tree->resourceSelected(service);
    QCOMPARE(selection->focus(), Selection::Focus::Resource);
    QCOMPARE(scene->selectedNodeIds(), QStringList{echo});
    QCOMPARE(tree->currentResource(), service);
    QCOMPARE(m_window->yamlPane()->resource(), service);
    QCOMPARE(m_window->yamlPane()->text(), document.yamlOf(static_cast<std::size_t>(service)));

    // The graph picks a gateway: the tree, the inspector and the YAML pane follow.
    m_window->selectNode(gateway1);
    QCOMPARE(selection->focus(), Selection::Focus::Node);
    QCOMPARE(tree->currentResource(), gateway);
    QCOMPARE(m_window->yamlPane()->resource(), gateway);
    QVERIFY(m_window->inspector()->findChild<QLineEdit *>(QStringLiteral("gatewayName")));

    // An edit rebuilds the graph; the selection and what the views show stay.
    document.apply(edits::addPort(document.set(), gateway));
    QCOMPARE(scene->selectedNodeIds(), QStringList{gateway1});
    QCOMPARE(selection->nodes(), QStringList{gateway1});
    QCOMPARE(m_window->yamlPane()->resource(), gateway);

    // Nothing selected: the YAML of the whole document, nothing in the tree.
    scene->clearSelection();
    QCOMPARE(selection->focus(), Selection::Focus::None);
    QCOMPARE(m_window->yamlPane()->resource(), -1);
    QCOMPARE(tree->currentResource(), -1);
}

void TestMainWindow::oneClickFixes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("label");
    QTest::newRow("missing subset") << QStringLiteral("IST0101") << QStringLiteral("Create subset v3");
    QTest::newRow("weights not 100") << QStringLiteral("MR0009")
                                     << QStringLiteral("Normalise weights to 100");
    QTest::newRow("match names an unbound gateway")
        << QStringLiteral("MR0010") << QStringLiteral("Bind to gateway tcp-echo-gateway-v2");
    QTest::newRow("gateway port without a route")
        << QStringLiteral("MR0011") << QStringLiteral("Bind to gateway tcp-echo-gateway-v2");
}

void TestMainWindow::oneClickFixes()
{
    QFETCH(QString, code);
    QFETCH(QString, label);
    Document &document = *m_window->document();
    const auto vs = static_cast<std::size_t>(vsIndex(document));
    YAML::Node node =
        YAML::Clone(document.set().resources[vs].node); // assigning to a handle would edit the document
    if (code == QLatin1String("IST0101")) {
        node = edits::withDestinationSubset(node, edits::Section::Tcp, 1, 0, "v3");
    } else if (code == QLatin1String("MR0010") || code == QLatin1String("MR0011")) {
        node = YAML::Clone(node);
        YAML::Node bound(YAML::NodeType::Sequence);
        bound.push_back("tcp-echo-gateway");
        node["spec"]["gateways"] = bound;
    } else {
        node =
            edits::withSplit(node, edits::Section::Tcp, 0, "tcp-echo.default.svc.cluster.local", "v2", 3333);
        node = edits::withWeight(node, edits::Section::Tcp, 0, 0, 30);
        node = edits::withWeight(node, edits::Section::Tcp, 0, 1, 10);
    }
    document.replaceResource(vs, node, QStringLiteral("break it"));
    auto find = [&] {
        const auto &all = document.diagnostics();
        return std::find_if(all.begin(), all.end(),
                            [&](const Diagnostic &d) { return QString::fromStdString(d.code) == code; });
    };
    auto problem = find();
    QVERIFY2(problem != document.diagnostics().end(), qPrintable(code));
    const Fix fix = m_window->fixFor(*problem);
    QCOMPARE(fix.label, label);
    QVERIFY(fix.apply);
    fix.apply();
    QVERIFY(find() == document.diagnostics().end());
    const auto *spec = document.set().resources[vs].as<VirtualServiceSpec>();
    if (code == QLatin1String("MR0010") || code == QLatin1String("MR0011")) {
        QCOMPARE(spec->gateways, (std::vector<std::string>{"tcp-echo-gateway", "tcp-echo-gateway-v2"}));
    } else if (code == QLatin1String("MR0009")) {
        QCOMPARE(spec->tcp[0].route[0].weight, std::optional<std::int64_t>(75));
        QCOMPARE(spec->tcp[0].route[1].weight, std::optional<std::int64_t>(25));
    } else {
        QVERIFY(
            m_window->scene()->graph().node(QString::fromLatin1(echo))->socketIndex(QStringLiteral("v3")) >=
            0);
    }
    // The fix is one undo step.
    document.undoStack()->undo();
    QVERIFY(find() != document.diagnostics().end());
}

void TestMainWindow::deleteWarnsAboutDependents()
{
    QString warning;
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [timer, &warning] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            warning = box->text();
            timer->stop();
            box->button(QMessageBox::Yes)->click();
        }
    });
    timer->start();
    m_window->selectNode(gateway1);
    m_window->deleteSelection();
    QVERIFY2(warning.contains(QStringLiteral("VirtualService default/tcp-echo")), qPrintable(warning));
    Document &document = *m_window->document();
    QCOMPARE(document.indexOf(Kind::Gateway, "default", "tcp-echo-gateway"), -1);
    // The route that used it now points at a ghost, drawn broken.
    const GraphNode *ghost =
        m_window->scene()->graph().node(QStringLiteral("ghost:") + QString::fromLatin1(gateway1));
    QVERIFY(ghost);
    const QString ghostId = ghost->id; // the graph is rebuilt by every change
    QVERIFY(m_window->scene()->edgeItem(ghostId, route1)->edge().broken);
    document.undoStack()->undo();
    QVERIFY(document.indexOf(Kind::Gateway, "default", "tcp-echo-gateway") >= 0);
    QVERIFY(!m_window->scene()->graph().node(ghostId));
}

void TestMainWindow::filterDimsOtherNodes()
{
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("graphFilter"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("v2"));
    GraphScene *scene = m_window->scene();
    QCOMPARE(scene->nodeItem(gateway2)->opacity(), 1.0);
    QCOMPARE(scene->nodeItem(QStringLiteral("workload:Deployment/default/tcp-echo-v2"))->opacity(), 1.0);
    QVERIFY(scene->nodeItem(gateway1)->opacity() < 0.5);
    QVERIFY(scene->nodeItem(QStringLiteral("workload:Deployment/default/tcp-echo-v1"))->opacity() < 0.5);
    filter->clear();
    QCOMPARE(scene->nodeItem(gateway1)->opacity(), 1.0);
}

void TestMainWindow::keyboardZoomAndNavigation()
{
    GraphView *view = m_window->graphView();
    view->setFocus();
    const qreal before = view->zoom();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(view->zoom() > before);
    QTest::keyClick(view, Qt::Key_0);
    QCOMPARE(view->zoom(), 1.0);
    m_window->selectNode(gateway1);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(m_window->scene()->selectedNodeIds(), QStringList{route1});
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(m_window->scene()->selectedNodeIds(), QStringList{echo});
    QTest::keyClick(view, Qt::Key_Left);
    QVERIFY(m_window->scene()->selectedNodeIds().front().startsWith(QStringLiteral("route:")));
    // The inspector follows the keyboard.
    QVERIFY(m_window->inspector()->findChild<QSpinBox *>(QStringLiteral("matchPort")));
}

// The file and edit commands have keys on every platform (Save As, Quit and Preferences fall back
// to Ctrl+Shift+S, Ctrl+Q and Ctrl+, where the platform defines none), and no two actions share one.
void TestMainWindow::everyCommandHasItsOwnShortcut()
{
    const auto shortcutOf = [this](const char *name) {
        auto *action = m_window->findChild<QAction *>(QString::fromLatin1(name));
        return action ? action->shortcut() : QKeySequence();
    };
    for (const char *name : {"actionNew", "actionOpen", "actionOpenFolder", "actionSave", "actionSaveAs",
                             "actionExport", "actionQuit", "actionUndo", "actionRedo", "actionPreferences"})
        QVERIFY2(!shortcutOf(name).isEmpty(), name);
    if (QKeySequence(QKeySequence::SaveAs).isEmpty())
        QCOMPARE(shortcutOf("actionSaveAs"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    QMap<QString, QString> owner;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        for (const QKeySequence &key : action->shortcuts()) {
            const QString text = key.toString(QKeySequence::PortableText);
            if (text.isEmpty())
                continue;
            QVERIFY2(!owner.contains(text) || owner.value(text) == action->objectName(),
                     qPrintable(text + " is used by " + owner.value(text) + " and " + action->objectName()));
            owner.insert(text, action->objectName());
        }
    }
}

void TestMainWindow::chineseCatalogueLoadsAndMenusShowChinese()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    QCOMPARE(installTranslation(*app, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
    MainWindow window;
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    installTranslation(*app, QStringLiteral("en"));
    QCOMPARE(titles.value(0), QStringLiteral("文件(&F)"));
    QCOMPARE(titles.value(1), QStringLiteral("编辑(&E)"));
    for (const QString &title : titles)
        QVERIFY2(title.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
                 qPrintable(title));
    window.document()->undoStack()->setClean();
}

void TestMainWindow::languageChangesWhileRunning()
{
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    auto fileMenu = [this] { return m_window->menuBar()->actions().value(0)->text(); };
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
    m_window->selectNode(route1);
    installTranslation(*app, QStringLiteral("zh_CN"));
    QCoreApplication::processEvents(); // the change is delivered as events
    QCOMPARE(fileMenu(), QStringLiteral("文件(&F)"));
    QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionSave"))->text(),
             QStringLiteral("保存(&S)"));
    QCOMPARE(m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))->windowTitle(),
             QStringLiteral("检查器"));
    QVERIFY(m_window->scene()->nodeItem(gateway1)->node().subtitle.startsWith(QStringLiteral("网关")));
    QVERIFY(m_window->inspector()->findChild<QSpinBox *>(
        QStringLiteral("matchPort"))); // the form is rebuilt, not lost
    installTranslation(*app, QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(fileMenu(), QStringLiteral("&File"));
    QVERIFY(m_window->scene()->nodeItem(gateway1)->node().subtitle.startsWith(QStringLiteral("Gateway")));
}

void TestMainWindow::screenshots()
{
    // Under Xvfb (or offscreen) with MESHROUTE_SCREENSHOTS=<folder>: light, dark and zh_CN windows as PNG.
    const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set MESHROUTE_SCREENSHOTS to a folder to take screenshots");
    QDir().mkpath(folder);
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    auto shoot = [&](const QString &name, Theme theme, const QString &language) {
        installTranslation(*app, language);
        Preferences preferences;
        preferences.theme = theme;
        preferences.autosaveSeconds = 0;
        MainWindow window;
        window.applyPreferences(preferences);
        window.resize(1600, 1000);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPaths({m_demo}));
        // Show a weighted split: 31400 sends 80 % to v1 and 20 % to v2.
        Document &document = *window.document();
        const auto vs = static_cast<std::size_t>(vsIndex(document));
        YAML::Node node = edits::withSplit(document.set().resources[vs].node, edits::Section::Tcp, 0,
                                           "tcp-echo.default.svc.cluster.local", "v2", 3333);
        node = edits::withWeight(node, edits::Section::Tcp, 0, 0, 80);
        node = edits::withWeight(node, edits::Section::Tcp, 0, 1, 20);
        document.replaceResource(vs, node, QStringLiteral("split 80/20"));
        window.selectNode(route1);
        QTest::qWait(200);
        window.graphView()->fitAll();
        QTest::qWait(200);
        QVERIFY(window.grab().save(QDir(folder).absoluteFilePath(name)));
        window.document()->undoStack()->setClean();
    };
    shoot(QStringLiteral("studio-light.png"), Theme::Light, QStringLiteral("en"));
    shoot(QStringLiteral("studio-dark.png"), Theme::Dark, QStringLiteral("en"));
    shoot(QStringLiteral("studio-zh_CN.png"), Theme::Light, QStringLiteral("zh_CN"));
    installTranslation(*app, QStringLiteral("en"));
    applyTheme(*app, Theme::System);
}

STUDIO_TEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
