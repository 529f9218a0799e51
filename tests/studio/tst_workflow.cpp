// The studio's life cycle: first start opens the demo, later starts the last
// document; a crash is offered back; closing with changes asks; dropped files
// open; manual moves go to the sidecar, never into the manifests; preferences persist.

#include "document/document.h"
#include "document/recovery.h"
#include "editing/routeedits.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "graph/layoutstore.h"
#include "studiotest.h"
#include "window/mainwindow.h"
#include "window/preferences.h"
#include "window/settings.h"
#include "window/startup.h"
#include "yaml/writer.h"

#include <QAbstractButton>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

// Answer the next modal message box with `button` as soon as it shows; returns its text through `seen`.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *seen = nullptr)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, button, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        if (seen)
            *seen = box->text();
        timer->stop();
        timer->deleteLater();
        box->button(button)->click();
    });
    timer->start();
}

void splitFirstRoute(Document &document)
{
    const auto vs = static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
    document.replaceResource(vs,
                             edits::withSplit(document.set().resources[vs].node, edits::Section::Tcp, 0,
                                              "tcp-echo.default.svc.cluster.local", "v2", 3333),
                             QStringLiteral("split"));
}

QString renderAll(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

} // namespace

class TestWorkflow : public QObject
{
    Q_OBJECT

private slots:
    void firstStartOpensDemoThenLastDocument();
    void crashIsOfferedBackAtStart();
    void closingWithChangesAsks();
    void droppedFilesOpen();
    void manualMovesGoToSidecar();
    void preferencesPersist();

private:
    QTemporaryDir m_dir;
};

void TestWorkflow::firstStartOpensDemoThenLastDocument()
{
    QSettings().clear();
    MainWindow window;
    window.startUp();
    const QString demo = startup::demoFolder();
    QCOMPARE(window.document()->openedPaths(), QStringList{demo});
    QCOMPARE(window.document()->set().resources.size(), std::size_t(7));
    QCOMPARE(QDir(demo).entryList({QStringLiteral("*.yaml")}, QDir::Files).size(), 5);
    QVERIFY(QFileInfo(QDir(demo).absoluteFilePath(QStringLiteral("gateway.yaml"))).isWritable());

    // Later starts open the last document.
    const QString other = studiotest::copyDemo(m_dir.filePath(QStringLiteral("other")));
    QVERIFY(window.openPaths({QDir(other).absoluteFilePath(QStringLiteral("virtualservice.yaml"))}));
    QCOMPARE(recentDocuments().front(),
             QStringList{QDir(other).absoluteFilePath(QStringLiteral("virtualservice.yaml"))});
    QCOMPARE(recentDocuments().size(), 2);
    MainWindow second;
    second.startUp();
    QCOMPARE(second.document()->openedPaths(),
             QStringList{QDir(other).absoluteFilePath(QStringLiteral("virtualservice.yaml"))});
    QCOMPARE(second.document()->set().resources.size(), std::size_t(1));
}

void TestWorkflow::crashIsOfferedBackAtStart()
{
    const QString folder = studiotest::copyDemo(m_dir.filePath(QStringLiteral("crash")));
    QString edited;
    {
        MainWindow crashed;
        QVERIFY(crashed.openPaths({folder}));
        splitFirstRoute(*crashed.document());
        edited = renderAll(*crashed.document());
        QVERIFY(crashed.autosave());
        // Simulate the crash: the recovery file now belongs to a process that is gone.
        QFile file(Recovery::ownFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        root.insert(QStringLiteral("pid"), 2147483001);
        QFile orphan(QDir(Recovery::folder()).absoluteFilePath(QStringLiteral("autosave-2147483001.json")));
        QVERIFY(orphan.open(QIODevice::WriteOnly));
        orphan.write(QJsonDocument(root).toJson());
        orphan.close();
        crashed.document()->undoStack()->setClean();
        Recovery::discard();
    }
    MainWindow window;
    QString question;
    answerNextMessageBox(QMessageBox::Yes, &question);
    window.startUp();
    QVERIFY2(question.contains(QStringLiteral("did not close properly")), qPrintable(question));
    QCOMPARE(renderAll(*window.document()), edited);
    QVERIFY(window.document()->isModified());
    QVERIFY(window.isWindowModified());
    QVERIFY(Recovery::pending().isEmpty());
    window.document()->undoStack()->setClean();
    Recovery::discard();
}

void TestWorkflow::closingWithChangesAsks()
{
    const QString folder = studiotest::copyDemo(m_dir.filePath(QStringLiteral("close")));
    MainWindow window;
    window.show();
    QVERIFY(window.openPaths({folder}));
    splitFirstRoute(*window.document());
    QVERIFY(window.windowTitle().contains(QStringLiteral("[*]")) && window.isWindowModified());

    QString question;
    answerNextMessageBox(QMessageBox::Cancel, &question);
    QVERIFY(!window.close());
    QVERIFY(question.contains(QStringLiteral("not saved")));
    QVERIFY(window.isVisible());

    answerNextMessageBox(QMessageBox::Save);
    QVERIFY(window.close());
    Document reopened;
    QVERIFY(reopened.open({folder}));
    QCOMPARE(renderAll(reopened), renderAll(*window.document()));
}

void TestWorkflow::droppedFilesOpen()
{
    const QString folder = studiotest::copyDemo(m_dir.filePath(QStringLiteral("drop")));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(QDir(folder).absoluteFilePath(QStringLiteral("gateway.yaml"))),
                  QUrl::fromLocalFile(QDir(folder).absoluteFilePath(QStringLiteral("virtualservice.yaml")))});
    QDragEnterEvent enter(QPoint(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(100, 100), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QCOMPARE(window.document()->set().files.size(), std::size_t(2));
    QCOMPARE(window.document()->set().resources.size(), std::size_t(3));
    QVERIFY(window.scene()->nodeItem(QStringLiteral("route:default/tcp-echo/tcp/1")));
}

void TestWorkflow::manualMovesGoToSidecar()
{
    const QString folder = studiotest::copyDemo(m_dir.filePath(QStringLiteral("moves")));
    QString manifests;
    for (const QString &name : QDir(folder).entryList({QStringLiteral("*.yaml")}, QDir::Files))
        manifests += studiotest::readAll(QDir(folder).absoluteFilePath(name));
    QPointF moved;
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openPaths({folder}));
        window.graphView()->resetZoom();
        NodeItem *node = window.scene()->nodeItem(QStringLiteral("workload:Deployment/default/tcp-echo-v1"));
        QVERIFY(node);
        window.graphView()->centerOn(node);
        QCoreApplication::processEvents();
        QWidget *viewport = window.graphView()->viewport();
        const QPoint from = window.graphView()->mapFromScene(node->mapToScene(QPointF(60, 12)));
        const QPoint to = from + QPoint(40, 120);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
        for (int step = 1; step <= 4; ++step) {
            QMouseEvent move(QEvent::MouseMove, QPointF(from + (to - from) * step / 4),
                             QPointF(viewport->mapToGlobal(from + (to - from) * step / 4)), Qt::NoButton,
                             Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport, &move);
        }
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
        moved = node->pos();
        const QHash<QString, QPointF> saved = LayoutStore::load(folder);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.value(QStringLiteral("workload:Deployment/default/tcp-echo-v1")), moved);
        QVERIFY(!window.document()->isModified()); // a move is not a change of the manifests
    }
    QString after;
    for (const QString &name : QDir(folder).entryList({QStringLiteral("*.yaml")}, QDir::Files))
        after += studiotest::readAll(QDir(folder).absoluteFilePath(name));
    QCOMPARE(after, manifests);

    MainWindow reopened;
    QVERIFY(reopened.openPaths({folder}));
    QCOMPARE(reopened.scene()->nodeItem(QStringLiteral("workload:Deployment/default/tcp-echo-v1"))->pos(),
             moved);
    reopened.scene()->relayout();
    QVERIFY(LayoutStore::load(folder).isEmpty());
}

void TestWorkflow::preferencesPersist()
{
    Preferences chosen;
    chosen.language = QStringLiteral("zh_CN");
    chosen.bindAddress = QStringLiteral("0.0.0.0");
    chosen.portOffset = 1000;
    chosen.theme = Theme::Dark;
    chosen.autosaveSeconds = 15;
    PreferencesDialog dialog(chosen);
    const Preferences shown = dialog.preferences();
    QCOMPARE(shown.language, chosen.language);
    QCOMPARE(shown.bindAddress, chosen.bindAddress);
    QCOMPARE(shown.portOffset, chosen.portOffset);
    QCOMPARE(shown.theme, chosen.theme);
    QCOMPARE(shown.autosaveSeconds, chosen.autosaveSeconds);
    shown.save();
    const Preferences loaded = Preferences::load();
    QCOMPARE(loaded.language, QStringLiteral("zh_CN"));
    QCOMPARE(loaded.bindAddress, QStringLiteral("0.0.0.0"));
    QCOMPARE(loaded.portOffset, 1000);
    QCOMPARE(loaded.theme, Theme::Dark);
    QCOMPARE(loaded.autosaveSeconds, 15);
    QSettings().clear();
}

STUDIO_TEST_MAIN(TestWorkflow)
#include "tst_workflow.moc"
