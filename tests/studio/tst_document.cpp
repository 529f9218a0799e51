// The studio's document: undo and redo restore exact YAML, saves are atomic and
// reopen to the same thing, and a crash leaves a recovery file the next start restores.

#include "analysis/analyzer.h"
#include "document/document.h"
#include "document/recovery.h"
#include "document/textdiff.h"
#include "editing/routeedits.h"
#include "graph/layoutstore.h"
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
    void cloneLeavesOriginalPositions();
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
    void positionsOfOneDragAreOneStep();
    void dragBackToTheStartIsNoStep();
    void clearingPositionsIsOneStep();
    void positionsComeFromAndGoWithTheSidecar();
    void targetClusterIsStoredWithTheDocument();

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    QString freshDemo() { return studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo%1").arg(++m_n))); }
};

// cloneSet / cloneResource must not write through the nodes the copy shares with the original:
// assigning a YAML::Clone (which has no marks) into a shared node made an unchanged
// DestinationRule's IST0173 move to another position after the next snapshot.
void TestDocument::cloneLeavesOriginalPositions()
{
    const std::string text =
        "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: default\n"
        "spec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n"
        "---\napiVersion: networking.istio.io/v1beta1\nkind: DestinationRule\n"
        "metadata:\n  name: web\n  namespace: default\nspec:\n"
        "  host: web.default.svc.cluster.local\n  subsets:\n  - labels:\n      version: v9\n"
        "    name: v9\n";
    ResourceSet set;
    Diagnostics loadDiagnostics;
    loadText(set, loadDiagnostics, text, "mesh.yaml");
    const auto positionOf = [](const ResourceSet &s) {
        for (const Diagnostic &d : analyze(s)) {
            if (d.code == std::string(codes::DestinationRuleSubsetNotSelectPods))
                return std::pair(d.position.line, d.position.column);
        }
        return std::pair(-1, -1);
    };
    const auto before = positionOf(set);
    QCOMPARE(before, std::pair(22, 11)); // the subset's `name` value
    const ResourceSet copy = cloneSet(set);
    const Resource single = cloneResource(set.resources[1]);
    QCOMPARE(positionOf(set), before);
    QVERIFY(!single.node.is(set.resources[1].node));
    QVERIFY(!copy.resources[1].node.is(set.resources[1].node));
}

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

// The document owns the positions: every report of one drag merges into one undo step (its
// text counts the nodes), the sidecar is written when the drag ends and on undo and redo, and
// none of it is a change of the manifests.
void TestDocument::positionsOfOneDragAreOneStep()
{
    const QString folder = freshDemo();
    Document document;
    QVERIFY(document.open({folder}));
    QSignalSpy moved(&document, &Document::positionsChanged);
    const QString a = QStringLiteral("gateway:default/tcp-echo-gateway");
    const QString b = QStringLiteral("gateway:default/tcp-echo-gateway-v2");
    document.moveNodes({{a, QPointF(10, 10)}, {b, QPointF(10, 110)}}, 1, false);
    document.moveNodes({{a, QPointF(20, 30)}, {b, QPointF(20, 130)}}, 1, false);
    QVERIFY(!QFileInfo::exists(LayoutStore::pathFor(folder))); // not while the drag goes on
    document.moveNodes({{a, QPointF(25, 40)}, {b, QPointF(25, 140)}}, 1, true);
    QCOMPARE(moved.count(), 3); // the scene follows every report
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.undoStack()->text(0), QStringLiteral("Move 2 node(s)"));
    const QHash<QString, QPointF> first{{a, QPointF(25, 40)}, {b, QPointF(25, 140)}};
    QCOMPARE(document.positions(), first);
    QCOMPARE(LayoutStore::load(folder), first);
    QVERIFY(!document.isModified());

    // A second drag is a second step; undo and redo each rewrite the sidecar.
    document.moveNodes({{a, QPointF(60, 40)}}, 2, false);
    document.moveNodes({{a, QPointF(60, 40)}}, 2, true);
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.undoStack()->text(1), QStringLiteral("Move 1 node(s)"));
    QCOMPARE(LayoutStore::load(folder).value(a), QPointF(60, 40));
    document.undoStack()->undo();
    QCOMPARE(document.positions(), first);
    QCOMPARE(LayoutStore::load(folder), first);
    document.undoStack()->undo();
    QVERIFY(document.positions().isEmpty());
    QVERIFY(!QFileInfo::exists(LayoutStore::pathFor(folder)));
    document.undoStack()->redo();
    QCOMPARE(LayoutStore::load(folder), first);
    QVERIFY(!document.isModified());
}

void TestDocument::dragBackToTheStartIsNoStep()
{
    const QString folder = freshDemo();
    Document document;
    QVERIFY(document.open({folder}));
    const QString a = QStringLiteral("gateway:default/tcp-echo-gateway");
    document.moveNodes({{a, QPointF(10, 10)}}, 1, true);
    QCOMPARE(document.undoStack()->count(), 1);
    document.moveNodes({{a, QPointF(50, 10)}}, 2, false);
    document.moveNodes({{a, QPointF(10, 10)}}, 2, true);
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(document.positions().value(a), QPointF(10, 10));
    QCOMPARE(LayoutStore::load(folder).value(a), QPointF(10, 10));
}

void TestDocument::clearingPositionsIsOneStep()
{
    const QString folder = freshDemo();
    Document document;
    QVERIFY(document.open({folder}));
    document.clearPositions(QStringLiteral("Relayout"));
    QCOMPARE(document.undoStack()->count(), 0); // nothing to clear
    document.moveNodes({{QStringLiteral("gateway:default/tcp-echo-gateway"), QPointF(5, 5)}}, 1, true);
    document.clearPositions(QStringLiteral("Relayout"));
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(document.undoStack()->text(1), QStringLiteral("Relayout"));
    QVERIFY(document.positions().isEmpty());
    QVERIFY(!QFileInfo::exists(LayoutStore::pathFor(folder)));
    document.undoStack()->undo();
    QCOMPARE(document.positions().size(), 1);
    QVERIFY(QFileInfo::exists(LayoutStore::pathFor(folder)));
}

void TestDocument::positionsComeFromAndGoWithTheSidecar()
{
    const QString folder = freshDemo();
    const QHash<QString, QPointF> saved{{QStringLiteral("route:default/tcp-echo/tcp/0"), QPointF(300, 12)}};
    QVERIFY(LayoutStore::save(folder, saved));
    Document document;
    QVERIFY(document.open({folder}));
    QCOMPARE(document.positions(), saved);

    // A new document has none; positions placed before its first save go with it.
    Document fresh;
    fresh.newDocument();
    QVERIFY(fresh.positions().isEmpty());
    fresh.addResource(edits::newGateway("g", 31400, "TCP"), QStringLiteral("add"));
    fresh.moveNodes({{QStringLiteral("gateway:default/g"), QPointF(7, 8)}}, 1, true);
    const QString target = m_dir.filePath(QStringLiteral("fresh/one.yaml"));
    QDir().mkpath(QFileInfo(target).absolutePath());
    QVERIFY(fresh.saveAs(target));
    QCOMPARE(LayoutStore::load(QFileInfo(target).absolutePath()).value(QStringLiteral("gateway:default/g")),
             QPointF(7, 8));
}

// The target cluster is the document's, as the ingress choice is: the diagnostics follow it
// (MR0025-MR0027), it is kept in the sidecar, and a document without one meets the default.
void TestDocument::targetClusterIsStoredWithTheDocument()
{
    const QString folder = m_dir.filePath(QStringLiteral("gateway-api"));
    QDir().mkpath(folder);
    const QDir sample(QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo-gateway-api"));
    for (const QString &name : sample.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        QVERIFY(QFile::copy(sample.absoluteFilePath(name), QDir(folder).absoluteFilePath(name)));
    const auto codesOf = [](const Document &d) {
        QStringList out;
        for (const Diagnostic &diagnostic : d.diagnostics())
            if (diagnostic.code == "MR0025" || diagnostic.code == "MR0026" || diagnostic.code == "MR0027" ||
                diagnostic.code == "IST0176")
                out << QString::fromStdString(diagnostic.code);
        return out;
    };

    Document document;
    QVERIFY(document.open({folder}));
    QCOMPARE(document.gatewayApiTarget(), gatewayapi::defaultTarget());
    QCOMPARE(codesOf(document), QStringList());

    // Without the alpha flag, Istio 1.30 ignores both v1alpha2 TCPRoutes.
    gatewayapi::Target noAlpha = gatewayapi::defaultTarget();
    noAlpha.alphaGatewayApi = false;
    QSignalSpy updated(&document, &Document::diagnosticsUpdated);
    QSignalSpy changed(&document, &Document::gatewayApiTargetChanged);
    document.setGatewayApiTarget(noAlpha);
    QCOMPARE(updated.count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(codesOf(document), QStringList({"MR0026", "MR0026"}));
    QCOMPARE(LayoutStore::loadSettings(folder).value(QStringLiteral("target")).toString(),
             QString::fromStdString(noAlpha.spec()));
    QVERIFY(!document.isModified()); // a setting, not an edit
    document.setGatewayApiTarget(noAlpha);
    QCOMPARE(changed.count(), 1);

    // Reopened (read on a worker, then adopted, as the window does): the same target, the same findings.
    Document reopened;
    QVERIFY(reopened.adopt(Document::read({folder})));
    QCOMPARE(reopened.gatewayApiTarget(), noAlpha);
    QCOMPARE(codesOf(reopened), codesOf(document));

    // A bundle beyond the known ones is kept as it is; the standard channel of v1.5.1 rejects TCPRoutes.
    const gatewayapi::Target standard =
        *gatewayapi::parseTarget("istio=1.29,gateway-api=v1.4.1,channel=standard,alpha=true").target;
    reopened.setGatewayApiTarget(standard);
    QCOMPARE(codesOf(reopened), QStringList({"MR0025", "MR0025"}));
    Document third;
    QVERIFY(third.open({folder}));
    QCOMPARE(third.gatewayApiTarget(), standard);

    // Back to the default: nothing to keep in the sidecar.
    third.setGatewayApiTarget(gatewayapi::defaultTarget());
    QVERIFY(!LayoutStore::loadSettings(folder).contains(QStringLiteral("target")));
    QCOMPARE(codesOf(third), QStringList());

    // A document without a sidecar, and a new one, meet the default target.
    QFile::remove(LayoutStore::pathFor(folder));
    Document plain;
    QVERIFY(plain.open({freshDemo()}));
    QCOMPARE(plain.gatewayApiTarget(), gatewayapi::defaultTarget());
    reopened.newDocument();
    QCOMPARE(reopened.gatewayApiTarget(), gatewayapi::defaultTarget());
}

STUDIO_TEST_MAIN(TestDocument)
#include "tst_document.moc"
