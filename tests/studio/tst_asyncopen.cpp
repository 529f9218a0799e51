// A large open reads, parses and analyses on a worker thread: the event loop keeps turning
// meanwhile, a busy bar shows, and the window ends in the state a synchronous open gives; a
// later open cancels an earlier one; errors are reported as before.

#include "document/document.h"
#include "graph/graphscene.h"
#include "studiotest.h"
#include "views/diagnosticsview.h"
#include "views/resourcetree.h"
#include "window/documentfiles.h"
#include "window/documentloader.h"
#include "window/mainwindow.h"
#include "yaml/writer.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTreeWidget>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QStringList lines(const Diagnostics &diagnostics)
{
    QStringList result;
    for (const Diagnostic &diagnostic : diagnostics)
        result << QString::fromStdString(diagnostic.format());
    return result;
}

QStringList treeRows(const QTreeWidget &tree)
{
    QStringList rows;
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(&tree)); *it; ++it)
        rows << (*it)->text(0) + QLatin1Char('|') + (*it)->toolTip(0);
    return rows;
}

QStringList nodeIds(const GraphScene &scene)
{
    QStringList ids;
    for (const GraphNode &node : scene.graph().nodes())
        ids << node.id + QLatin1Char('|') + node.title + QLatin1Char('|') + node.subtitle + QLatin1Char('|') +
                   node.tooltip;
    return ids;
}

QString rendered(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

void waitWhileOpening(MainWindow &window)
{
    QTRY_VERIFY_WITH_TIMEOUT(!window.isOpening(), 60000);
}

// Writes `text` as `name` in `folder`, returns its path.
QString writeFile(const QString &folder, const QString &name, const QString &text)
{
    const QString path = QDir(folder).absoluteFilePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text.toUtf8());
    return path;
}

// A document with a broken reference, so that analysis has findings to compare.
QString largeDocument()
{
    return studiotest::generatedRoutes(1000, 100) +
           QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n"
                          "  name: broken\nspec:\n  hosts: [\"*\"]\n  gateways: [missing-gateway]\n  tcp:\n"
                          "    - route:\n        - destination: {host: svc-1, subset: nope}\n");
}

} // namespace

class TestAsyncOpen : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_background = DocumentFiles::backgroundOpenBytes(); }
    void cleanup() { DocumentFiles::setBackgroundOpenBytes(m_background); }
    void aLargeOpenKeepsTheEventLoopTurningAndEndsAsASynchronousOne();
    void aSmallOpenStaysSynchronous();
    void aLaterOpenCancelsAnEarlierOne();
    void errorsAreReportedAsBefore();
    void readAndAdoptEqualOpen();

private:
    qint64 m_background = 0;
    QTemporaryDir m_dir;
};

void TestAsyncOpen::aLargeOpenKeepsTheEventLoopTurningAndEndsAsASynchronousOne()
{
    const QString path = writeFile(m_dir.path(), QStringLiteral("large.yaml"), largeDocument());
    QVERIFY(QFileInfo(path).size() >= DocumentFiles::backgroundOpenBytes()); // the default threshold

    MainWindow window;
    window.show();
    int ticks = 0;
    QTimer tick;
    tick.setInterval(1);
    connect(&tick, &QTimer::timeout, this, [&] {
        if (window.isOpening())
            ++ticks;
    });
    tick.start();
    QSignalSpy reset(window.document(), &Document::documentReset);
    QVERIFY(window.openPaths({path}));
    // Nothing is in yet: the worker reads while the event loop turns.
    QVERIFY(window.isOpening());
    QVERIFY(window.document()->isEmpty());
    auto *bar = window.findChild<QProgressBar *>(QStringLiteral("openProgress"));
    QVERIFY(bar);
    QVERIFY(bar->isVisible());
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("large.yaml")));
    waitWhileOpening(window);
    QVERIFY2(ticks > 0, "the event loop did not turn during the open");
    QCOMPARE(reset.count(), 1);
    QVERIFY(!bar->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!window.scene()->isLayingOut(), 60000);

    // The same file opened synchronously.
    DocumentFiles::setBackgroundOpenBytes(std::numeric_limits<qint64>::max());
    MainWindow sync;
    QVERIFY(sync.openPaths({path}));
    QVERIFY(!sync.isOpening());
    QTRY_VERIFY_WITH_TIMEOUT(!sync.scene()->isLayingOut(), 60000);

    QCOMPARE(window.document()->set().resources.size(), sync.document()->set().resources.size());
    QCOMPARE(lines(window.document()->diagnostics()), lines(sync.document()->diagnostics()));
    QVERIFY(window.document()->diagnostics().size() >= 2);
    QCOMPARE(rendered(*window.document()), rendered(*sync.document()));
    QCOMPARE(window.document()->openedPaths(), sync.document()->openedPaths());
    QCOMPARE(window.document()->isModified(), false);
    QCOMPARE(treeRows(*window.resourceTree()), treeRows(*sync.resourceTree()));
    QCOMPARE(nodeIds(*window.scene()), nodeIds(*sync.scene()));
    QCOMPARE(window.windowTitle(), sync.windowTitle());
    // And it is edited as any document: one undo step.
    const auto vs =
        static_cast<std::size_t>(window.document()->indexOf(Kind::VirtualService, "default", "big"));
    QVERIFY(window.document()->undoStack()->count() == 0);
    window.document()->removeResource(vs, QStringLiteral("remove"));
    QCOMPARE(window.document()->undoStack()->count(), 1);
}

void TestAsyncOpen::aSmallOpenStaysSynchronous()
{
    MainWindow window;
    QVERIFY(window.openPaths({studiotest::demoSource()}));
    QVERIFY(!window.isOpening());
    QVERIFY(!window.document()->isEmpty());
}

void TestAsyncOpen::aLaterOpenCancelsAnEarlierOne()
{
    DocumentFiles::setBackgroundOpenBytes(0); // every open on the worker thread
    const QString first = writeFile(m_dir.path(), QStringLiteral("first.yaml"), largeDocument());
    MainWindow window;
    QSignalSpy reset(window.document(), &Document::documentReset);
    QVERIFY(window.openPaths({first}));
    QVERIFY(window.isOpening());
    // The person opens the demo before the first read is in: the demo wins, the first is dropped.
    QVERIFY(window.openPaths({studiotest::demoSource()}));
    waitWhileOpening(window);
    QCOMPARE(reset.count(), 1);
    QVERIFY(window.document()->indexOf(Kind::VirtualService, "default", "big") < 0);
    QVERIFY(window.document()->indexOf(Kind::Gateway, "default", "tcp-echo-gateway") >= 0);
    // A synchronous open also cancels a read under way.
    QVERIFY(window.openPaths({first}));
    QVERIFY(window.isOpening());
    DocumentFiles::setBackgroundOpenBytes(std::numeric_limits<qint64>::max());
    QVERIFY(window.openPaths({studiotest::demoSource()}));
    QVERIFY(!window.isOpening());
    // The cancelled worker's end arrives and changes nothing.
    DocumentLoader *loader = window.findChild<DocumentLoader *>();
    QVERIFY(loader);
    QTRY_VERIFY_WITH_TIMEOUT(!loader->hasWorkers(), 60000);
    QCOMPARE(reset.count(), 2);
    QVERIFY(window.document()->indexOf(Kind::VirtualService, "default", "big") < 0);
    // A window closed while a read runs waits for the worker and drops its result.
    DocumentFiles::setBackgroundOpenBytes(0);
    auto *closing = new MainWindow;
    QVERIFY(closing->openPaths({first}));
    QVERIFY(closing->isOpening());
    delete closing;
}

void TestAsyncOpen::errorsAreReportedAsBefore()
{
    DocumentFiles::setBackgroundOpenBytes(0);
    MainWindow window;
    QVERIFY(window.openPaths({studiotest::demoSource()}));
    waitWhileOpening(window);
    const std::size_t before = window.document()->set().resources.size();
    QString title;
    QString text;
    QTimer watcher;
    watcher.setInterval(20);
    connect(&watcher, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            title = box->windowTitle();
            text = box->text();
            box->button(QMessageBox::Ok)->click();
        }
    });
    watcher.start();
    const QString missing = QDir(m_dir.path()).absoluteFilePath(QStringLiteral("missing.yaml"));
    QVERIFY(window.openPaths({missing}));
    waitWhileOpening(window);
    QTRY_VERIFY_WITH_TIMEOUT(!text.isEmpty(), 10000);
    QCOMPARE(title, QStringLiteral("Cannot open"));
    QVERIFY2(text.contains(QStringLiteral("missing.yaml")), qPrintable(text));
    // The document shown before stays.
    QCOMPARE(window.document()->set().resources.size(), before);
}

void TestAsyncOpen::readAndAdoptEqualOpen()
{
    const QString path = writeFile(m_dir.path(), QStringLiteral("read.yaml"), largeDocument());
    Document opened;
    QVERIFY(opened.open({path}));
    LoadedDocument loaded = Document::read({path});
    QVERIFY(loaded.analysis.has_value());
    Document adopted;
    QVERIFY(adopted.adopt(std::move(loaded)));
    QCOMPARE(lines(adopted.diagnostics()), lines(opened.diagnostics()));
    QCOMPARE(rendered(adopted), rendered(opened));
    // A cancelled read stops before analysis; adopting it still analyses.
    std::atomic<bool> cancelled{true};
    LoadedDocument stopped = Document::read({path}, &cancelled);
    QVERIFY(!stopped.analysis.has_value());
    Document late;
    QVERIFY(late.adopt(std::move(stopped)));
    QCOMPARE(lines(late.diagnostics()), lines(opened.diagnostics()));
}

STUDIO_TEST_MAIN(TestAsyncOpen)
#include "tst_asyncopen.moc"
