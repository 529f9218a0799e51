// Node moves are undo steps: one drag of one or many selected nodes is one step, a
// relayout is one step; undo puts the nodes back and rewrites the layout sidecar.
// Positions never touch the manifests: moves do not make the document modified and
// Save does not rewrite unchanged YAML.

#include "document/document.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/layeredlayout.h"
#include "graph/layoutstore.h"
#include "studiotest.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QFileInfo>
#include <QUndoStack>
#include <QUndoView>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

constexpr const char *gateway1 = "gateway:default/tcp-echo-gateway";
constexpr const char *gateway2 = "gateway:default/tcp-echo-gateway-v2";

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

// The middle of a node's header: pressing there moves the node (no socket, no handle).
QPointF header(NodeItem *item)
{
    return item->mapToScene(QPointF(geometry::nodeWidth / 2, geometry::headerHeight / 2));
}

QHash<QString, QByteArray> yamlFiles(const QString &folder)
{
    QHash<QString, QByteArray> out;
    for (const QFileInfo &info : QDir(folder).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files)) {
        QFile file(info.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly))
            out.insert(info.fileName(), file.readAll());
    }
    return out;
}

} // namespace

class TestLayoutUndo : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void oneDragOfSeveralNodesIsOneStep();
    void relayoutIsOneStep();
    void relayoutWithoutMovesAddsNoStep();
    void movesDoNotModifyTheManifests();

private:
    QPointF pos(const char *id) const { return m_window->scene()->nodeItem(QString::fromLatin1(id))->pos(); }
    QUndoStack *stack() const { return m_window->document()->undoStack(); }

    QTemporaryDir m_dir;
    QString m_demo;
    MainWindow *m_window = nullptr;
};

void TestLayoutUndo::init()
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

void TestLayoutUndo::cleanup()
{
    m_window->document()->undoStack()->setClean();
    delete m_window;
    m_window = nullptr;
}

void TestLayoutUndo::oneDragOfSeveralNodesIsOneStep()
{
    GraphScene *scene = m_window->scene();
    const QPointF before1 = pos(gateway1);
    const QPointF before2 = pos(gateway2);
    const int steps = stack()->count();
    scene->selectNodes({QString::fromLatin1(gateway1), QString::fromLatin1(gateway2)});
    m_window->graphView()->centerOn(scene->nodeItem(QString::fromLatin1(gateway1)));
    const QPointF from = header(scene->nodeItem(QString::fromLatin1(gateway1)));
    drag(m_window->graphView(), from, from + QPointF(0, 120));

    QCOMPARE(stack()->count(), steps + 1);
    QCOMPARE(stack()->text(stack()->count() - 1), QStringLiteral("Move 2 node(s)"));
    // The step is in the undo history view (row 0 is the empty clean state).
    auto *history = m_window->findChild<QUndoView *>();
    QVERIFY(history);
    const QModelIndex last = history->model()->index(history->model()->rowCount() - 1, 0);
    QCOMPARE(last.data().toString(), QStringLiteral("Move 2 node(s)"));
    const QPointF moved1 = pos(gateway1);
    const QPointF moved2 = pos(gateway2);
    QVERIFY(qAbs(moved1.y() - before1.y() - 120) <= 2);
    QCOMPARE(moved2 - before2, moved1 - before1); // both moved together
    const QString sidecar = LayoutStore::pathFor(m_demo);
    QVERIFY(QFileInfo::exists(sidecar));
    QCOMPARE(LayoutStore::load(m_demo).value(QString::fromLatin1(gateway1)), moved1);

    stack()->undo();
    QCOMPARE(pos(gateway1), before1);
    QCOMPARE(pos(gateway2), before2);
    QVERIFY(scene->manualPositions().isEmpty());
    QVERIFY(!QFileInfo::exists(sidecar)); // no manual position left: no sidecar

    stack()->redo();
    QCOMPARE(pos(gateway1), moved1);
    QCOMPARE(pos(gateway2), moved2);
    QCOMPARE(LayoutStore::load(m_demo), scene->manualPositions());

    // A second drag is a second step; undoing it returns to the first drag's positions.
    const QPointF from2 = header(scene->nodeItem(QString::fromLatin1(gateway1)));
    scene->selectNodes({QString::fromLatin1(gateway1)});
    drag(m_window->graphView(), from2, from2 + QPointF(40, 0));
    QCOMPARE(stack()->count(), steps + 2);
    QCOMPARE(stack()->text(stack()->count() - 1), QStringLiteral("Move 1 node(s)"));
    QCOMPARE(pos(gateway2), moved2);
    stack()->undo();
    QCOMPARE(pos(gateway1), moved1);
    QCOMPARE(LayoutStore::load(m_demo).value(QString::fromLatin1(gateway1)), moved1);
}

void TestLayoutUndo::relayoutIsOneStep()
{
    GraphScene *scene = m_window->scene();
    const QPointF automatic = pos(gateway1);
    scene->selectNodes({QString::fromLatin1(gateway1)});
    m_window->graphView()->centerOn(scene->nodeItem(QString::fromLatin1(gateway1)));
    const QPointF from = header(scene->nodeItem(QString::fromLatin1(gateway1)));
    drag(m_window->graphView(), from, from + QPointF(0, 200));
    const QPointF moved = pos(gateway1);
    QVERIFY(moved != automatic);
    const int steps = stack()->count();

    m_window->findChild<QAction *>(QStringLiteral("actionRelayout"))->trigger();
    QCOMPARE(stack()->count(), steps + 1);
    QCOMPARE(stack()->text(stack()->count() - 1), QStringLiteral("Relayout"));
    QCOMPARE(pos(gateway1), automatic);
    QVERIFY(!QFileInfo::exists(LayoutStore::pathFor(m_demo)));
    QCOMPARE(scene->layoutCrossings(), 0);

    stack()->undo();
    QCOMPARE(pos(gateway1), moved);
    QCOMPARE(LayoutStore::load(m_demo).value(QString::fromLatin1(gateway1)), moved);
    stack()->redo();
    QCOMPARE(pos(gateway1), automatic);
}

void TestLayoutUndo::relayoutWithoutMovesAddsNoStep()
{
    const int steps = stack()->count();
    m_window->findChild<QAction *>(QStringLiteral("actionRelayout"))->trigger();
    QCOMPARE(stack()->count(), steps);
    QVERIFY(!QFileInfo::exists(LayoutStore::pathFor(m_demo)));
}

void TestLayoutUndo::movesDoNotModifyTheManifests()
{
    Document *document = m_window->document();
    GraphScene *scene = m_window->scene();
    const QHash<QString, QByteArray> original = yamlFiles(m_demo);
    QVERIFY(!original.isEmpty());
    QFileInfo service(QDir(m_demo).filePath(QStringLiteral("service.yaml")));
    const QDateTime written = service.lastModified();

    scene->selectNodes({QString::fromLatin1(gateway1)});
    m_window->graphView()->centerOn(scene->nodeItem(QString::fromLatin1(gateway1)));
    const QPointF from = header(scene->nodeItem(QString::fromLatin1(gateway1)));
    drag(m_window->graphView(), from, from + QPointF(0, 150));
    QVERIFY(!stack()->isClean());     // the step is in the history...
    QVERIFY(!document->isModified()); // ...but the manifests are unchanged
    QVERIFY(!m_window->isWindowModified());

    // A manifest change after the move is a change; undoing it (the move stays) is none.
    const int vs = document->indexOf(Kind::VirtualService, "default", "tcp-echo");
    QVERIFY(vs >= 0);
    YAML::Node node = YAML::Clone(document->set().resources[static_cast<std::size_t>(vs)].node);
    node["metadata"]["labels"]["moved"] = "yes";
    document->replaceResource(static_cast<std::size_t>(vs), node, QStringLiteral("label"));
    QVERIFY(document->isModified());
    QVERIFY(m_window->isWindowModified());
    stack()->undo();
    QVERIFY(!document->isModified());
    QVERIFY(!m_window->isWindowModified());
    stack()->undo(); // the move
    QVERIFY(!document->isModified());
    QVERIFY(stack()->isClean());

    // Save with nothing changed writes no YAML: bytes and time stamps stay.
    stack()->redo();
    QTest::qWait(20);
    QVERIFY(document->save());
    QCOMPARE(yamlFiles(m_demo), original);
    QCOMPARE(QFileInfo(service.absoluteFilePath()).lastModified(), written);
}

STUDIO_TEST_MAIN(TestLayoutUndo)
#include "tst_layoutundo.moc"
