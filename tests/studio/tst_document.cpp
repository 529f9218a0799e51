// The studio's document: undo and redo restore exact YAML, saves are atomic and
// reopen to the same thing, and a crash leaves a recovery file the next start restores.

#include "document/document.h"
#include "document/recovery.h"
#include "document/textdiff.h"
#include "editing/routeedits.h"
#include "studiotest.h"
#include "yaml/writer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QString renderAll(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

std::size_t vsIndex(const Document &document)
{
    return static_cast<std::size_t>(document.indexOf(Kind::VirtualService, "default", "tcp-echo"));
}

void splitFirstRoute(Document &document)
{
    const std::size_t vs = vsIndex(document);
    document.replaceResource(vs,
                             edits::withSplit(document.set().resources[vs].node, edits::Section::Tcp, 0,
                                              "tcp-echo.default.svc.cluster.local", "v2", 3333),
                             QStringLiteral("split"));
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void openDemo();
    void undoRedoRestoreExactYaml();
    void structuralChangesUndoExactly();
    void mergedFieldEditsAreOneStep();
    void unchangedResourceIsNoUndoStep();
    void saveReopenCompare();
    void saveAsSingleFile();
    void recoveryAfterSimulatedCrash();
    void ownRecoveryFileIsNotOffered();
    void diff_data();
    void diff();

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshDemo() { return studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo%1").arg(++m_n))); }
};

void TestDocument::openDemo()
{
    Document document;
    QSignalSpy reset(&document, &Document::documentReset);
    QVERIFY(document.open({freshDemo()}));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(document.set().resources.size(), std::size_t(7));
    QCOMPARE(document.set().files.size(), std::size_t(5));
    QVERIFY(!document.isModified());
    QVERIFY(!hasErrors(document.diagnostics()));
    QVERIFY(document.displayName().startsWith(QStringLiteral("demo")));
    QVERIFY(!document.open({m_dir.filePath(QStringLiteral("no-such-file.yaml"))}));
}

void TestDocument::undoRedoRestoreExactYaml()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    const QString original = renderAll(document);
    const QString originalYaml = document.yamlOf(vsIndex(document));
    QSignalSpy changed(&document, &Document::documentChanged);
    splitFirstRoute(document);
    QCOMPARE(changed.count(), 1);
    QVERIFY(document.isModified());
    const QString edited = renderAll(document);
    const QString editedYaml = document.yamlOf(vsIndex(document));
    QVERIFY(editedYaml.contains(QStringLiteral("weight: 50")));
    QVERIFY(edited != original);

    document.undoStack()->undo();
    QCOMPARE(renderAll(document), original);
    QCOMPARE(document.yamlOf(vsIndex(document)), originalYaml); // the comments are back too
    QVERIFY(originalYaml.startsWith(QStringLiteral("# One VirtualService")));
    QVERIFY(!document.isModified());
    document.undoStack()->redo();
    QCOMPARE(renderAll(document), edited);
    QCOMPARE(document.yamlOf(vsIndex(document)), editedYaml);
}

void TestDocument::structuralChangesUndoExactly()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    const QString original = renderAll(document);
    const std::size_t added =
        document.addResource(edits::newGateway("extra", 31402, "TCP"), QStringLiteral("add"));
    QCOMPARE(document.set().resources[added].name, std::string("extra"));
    document.removeResource(vsIndex(document), QStringLiteral("remove"));
    QCOMPARE(document.indexOf(Kind::VirtualService, "default", "tcp-echo"), -1);
    document.editSet(QStringLiteral("rename"), [](ResourceSet &set) {
        edits::renameGateway(set,
                             static_cast<std::size_t>(set.find(Kind::Gateway, "default", "tcp-echo-gateway") -
                                                      set.resources.data()),
                             "renamed");
    });
    QCOMPARE(document.undoStack()->count(), 3);
    document.undoStack()->undo();
    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(renderAll(document), original);
    QCOMPARE(document.set().resources.size(), std::size_t(7));
}

void TestDocument::mergedFieldEditsAreOneStep()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    splitFirstRoute(document);
    const std::size_t vs = vsIndex(document);
    for (int weight : {6, 60, 70})
        document.replaceResource(
            vs, edits::withWeight(document.set().resources[vs].node, edits::Section::Tcp, 0, 0, weight),
            QStringLiteral("weight"), 42);
    QCOMPARE(document.undoStack()->count(), 2);
    QVERIFY(document.yamlOf(vs).contains(QStringLiteral("weight: 70")));
    document.undoStack()->undo();
    QVERIFY(document.yamlOf(vs).contains(QStringLiteral("weight: 50")));
}

void TestDocument::unchangedResourceIsNoUndoStep()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    const std::size_t vs = vsIndex(document);
    document.replaceResource(vs, document.set().resources[vs].node, QStringLiteral("nothing"));
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isModified());
    QVERIFY(!document.set().resources[vs].modified); // still saved byte for byte
}

void TestDocument::saveReopenCompare()
{
    const QString folder = freshDemo();
    const QString untouched =
        studiotest::readAll(QDir(folder).absoluteFilePath(QStringLiteral("gateway.yaml")));
    Document document;
    QVERIFY(document.open({folder}));
    splitFirstRoute(document);
    const QString edited = renderAll(document);
    QString error;
    QVERIFY2(document.save(&error), qPrintable(error));
    QVERIFY(!document.isModified());
    // Untouched files byte for byte; no temporary files left behind.
    QCOMPARE(studiotest::readAll(QDir(folder).absoluteFilePath(QStringLiteral("gateway.yaml"))), untouched);
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 5);

    Document reopened;
    QVERIFY(reopened.open({folder}));
    QCOMPARE(renderAll(reopened), edited);
    const auto *spec = reopened.set().resources[vsIndex(reopened)].as<VirtualServiceSpec>();
    QCOMPARE(spec->tcp[0].route.size(), std::size_t(2));
    QCOMPARE(spec->tcp[0].route[1].weight, std::optional<std::int64_t>(50));
    QVERIFY(studiotest::readAll(QDir(folder).absoluteFilePath(QStringLiteral("virtualservice.yaml")))
                .startsWith(QStringLiteral("# One VirtualService")));
}

void TestDocument::saveAsSingleFile()
{
    Document document;
    document.newDocument();
    QVERIFY(document.needsSaveAs());
    document.addResource(edits::newGateway("gw", 31400, "TCP"), QStringLiteral("add"));
    document.addResource(edits::newVirtualService("vs", "gw"), QStringLiteral("add"));
    const QString path = m_dir.filePath(QStringLiteral("new/routes.yaml"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString error;
    QVERIFY2(document.saveAs(path, &error), qPrintable(error));
    QVERIFY(!document.isModified());
    QCOMPARE(document.displayName(), QStringLiteral("routes.yaml"));
    Document reopened;
    QVERIFY(reopened.open({path}));
    QCOMPARE(reopened.set().resources.size(), std::size_t(2));
    QCOMPARE(reopened.set().resources[1].name, std::string("vs"));
}

void TestDocument::recoveryAfterSimulatedCrash()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    splitFirstRoute(document);
    const QString edited = renderAll(document);
    QString error;
    QVERIFY2(Recovery::write(document, &error), qPrintable(error));

    // The crash: the recovery file stays behind, owned by a process that is gone.
    QFile file(Recovery::ownFile());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    root.insert(QStringLiteral("pid"), 2147483000);
    const QString orphan =
        QDir(Recovery::folder()).absoluteFilePath(QStringLiteral("autosave-2147483000.json"));
    QFile out(orphan);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(root).toJson());
    out.close();
    Recovery::discard();

    const QList<RecoveredDocument> pending = Recovery::pending();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.front().files.size(), 5);
    Document restored;
    restored.restore(pending.front().files);
    QVERIFY(restored.isModified());
    QCOMPARE(renderAll(restored), edited);
    QCOMPARE(restored.set().resources[vsIndex(restored)].as<VirtualServiceSpec>()->tcp[0].route.size(),
             std::size_t(2));
    Recovery::remove(pending.front());
    QVERIFY(Recovery::pending().isEmpty());

    // Saving the restored document writes the recovered text to the original files.
    QVERIFY(restored.save(&error));
    Document reopened;
    QVERIFY(reopened.open(document.openedPaths()));
    QCOMPARE(renderAll(reopened), edited);
}

void TestDocument::ownRecoveryFileIsNotOffered()
{
    Document document;
    QVERIFY(document.open({freshDemo()}));
    splitFirstRoute(document);
    QVERIFY(Recovery::write(document));
    QVERIFY(QFileInfo::exists(Recovery::ownFile()));
    QVERIFY(Recovery::pending().isEmpty()); // this process is alive
    Recovery::discard();
    QVERIFY(!QFileInfo::exists(Recovery::ownFile()));
}

void TestDocument::diff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("expected");
    QTest::newRow("equal") << QStringLiteral("a\nb\n") << QStringLiteral("a\nb\n") << QString();
    QTest::newRow("one line changed")
        << QStringLiteral("a\nb\nc") << QStringLiteral("a\nx\nc") << QStringLiteral(" a\n-b\n+x\n c");
    QTest::newRow("new file") << QString() << QStringLiteral("kind: Gateway")
                              << QStringLiteral("+kind: Gateway");
    QTest::newRow("far apart with context 1")
        << QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8") << QStringLiteral("0\n2\n3\n4\n5\n6\n7\n9")
        << QStringLiteral("-1\n+0\n 2\n@@ … @@\n 7\n-8\n+9");
}

void TestDocument::diff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, expected);
    QCOMPARE(unifiedDiff(before, after,
                         QTest::currentDataTag() == QLatin1String("far apart with context 1") ? 1 : 3),
             expected);
}

STUDIO_TEST_MAIN(TestDocument)
#include "tst_document.moc"
