// Tools ▸ Convert… and File ▸ Open Sample: the studio shows core's conversion (its documents and its
// diagnostics, under the resource they concern) before anything changes; Replace makes the document
// hold exactly core's output as one undo step, undone byte for byte; a new document or a file get
// the same stream. Open Sample opens a writable copy of a bundled sample, never the bundle.

#include "document/document.h"
#include "gatewayapi/convert.h"
#include "gatewayapi/targets.h"
#include "studiotest.h"
#include "views/diagnostictext.h"
#include "window/convertdialog.h"
#include "window/mainwindow.h"
#include "window/startup.h"
#include "yaml/writer.h"

#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>

#include <algorithm>
#include <functional>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QString gatewayApiSample()
{
    return QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo-gateway-api");
}

QString copyFolder(const QString &source, const QString &folder)
{
    QDir().mkpath(folder);
    const QDir from(source);
    for (const QString &name : from.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        QFile::copy(from.absoluteFilePath(name), QDir(folder).absoluteFilePath(name));
    return folder;
}

std::vector<std::string> exported(const ResourceSet &set)
{
    std::vector<std::string> texts;
    for (const Resource &resource : set.resources)
        texts.push_back(exportResource(resource));
    std::sort(texts.begin(), texts.end());
    return texts;
}

std::vector<std::string> rendered(const ResourceSet &set)
{
    std::vector<std::string> texts;
    for (std::size_t f = 0; f < set.files.size(); ++f)
        texts.push_back(set.files[f].path + "\n" + renderFile(set, static_cast<int>(f)));
    return texts;
}

std::vector<std::string> sorted(std::vector<std::string> texts)
{
    std::sort(texts.begin(), texts.end());
    return texts;
}

// Run `inDialog` on the Convert dialog once it is shown (modal), then click `button` in it.
void whenDialogShows(const std::function<void(ConvertDialog *)> &inDialog, const QString &button)
{
    QTimer::singleShot(0, [inDialog, button] {
        auto *dialog = qobject_cast<ConvertDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        inDialog(dialog);
        auto *push = dialog->findChild<QPushButton *>(button);
        QVERIFY(push);
        push->click();
    });
}

// The lossy tutorial: a DestinationRule traffic policy and a sourceLabels match, which the Gateway
// API cannot say.
QString lossyTutorial(const QString &folder)
{
    studiotest::copyDemo(folder);
    const QString dr = QDir(folder).absoluteFilePath(QStringLiteral("destination-rule.yaml"));
    QFile file(dr);
    if (!file.open(QIODevice::Append))
        return {};
    file.write("  trafficPolicy:\n    connectionPool:\n      tcp:\n        maxConnections: 10\n");
    file.close();
    const QString vsPath = QDir(folder).absoluteFilePath(QStringLiteral("virtualservice.yaml"));
    QString vs = studiotest::readAll(vsPath);
    vs.replace(QStringLiteral("        - port: 31400\n"),
               QStringLiteral("        - port: 31400\n          sourceLabels:\n            app: client\n"));
    QFile out(vsPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    out.write(vs.toUtf8());
    return folder;
}

} // namespace

class TestStudioConvert : public QObject
{
    Q_OBJECT

private slots:
    void convertReplacesAsOneUndoStep_data();
    void convertReplacesAsOneUndoStep();
    void lossyRowsShowTheirDiagnostics();
    void convertToNewDocumentAndFile();
    void cancelChangesNothing();
    void convertMenuActions();
    void convertWritesWhatTheDocumentsTargetReads();
    void openSampleOpensACopy();
    void screenshot();

private:
    QTemporaryDir m_dir;
};

void TestStudioConvert::convertReplacesAsOneUndoStep_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("toGatewayApi");
    QTest::newRow("tutorial to Gateway API") << studiotest::demoSource() << true;
    QTest::newRow("Gateway API sample to classic") << gatewayApiSample() << false;
}

void TestStudioConvert::convertReplacesAsOneUndoStep()
{
    QFETCH(QString, source);
    QFETCH(bool, toGatewayApi);
    const ConvertDirection direction =
        toGatewayApi ? ConvertDirection::ToGatewayApi : ConvertDirection::ToIstio;
    MainWindow window;
    const QString folder = copyFolder(source, m_dir.filePath(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(window.openPaths({folder}));
    Document *document = window.document();
    QVERIFY(!document->isEmpty());
    const std::vector<std::string> filesBefore = rendered(document->set());
    const std::vector<std::string> resourcesBefore = exported(document->set());

    // What core's convert says, asked directly with the target's route versions.
    gatewayapi::ConvertOptions options;
    options.versions = gatewayapi::RouteApiVersions::Istio130; // the default target: Istio 1.30, v1.5.1
    const gatewayapi::Conversion expected = toGatewayApi ? gatewayapi::toGatewayApi(document->set(), options)
                                                         : gatewayapi::toIstio(document->set(), options);
    QVERIFY(!expected.documents.empty());

    int shownRows = 0;
    whenDialogShows(
        [&](ConvertDialog *dialog) {
            QCOMPARE(dialog->conversion().documents, expected.documents);
            shownRows = dialog->resultList()->topLevelItemCount();
            QCOMPARE(dialog->diagnosticsList()->topLevelItemCount(),
                     static_cast<int>(expected.diagnostics.size()));
            // The preview shows the selected row's document as core wrote it.
            const QTreeWidgetItem *first = dialog->resultList()->topLevelItem(0);
            QVERIFY(first);
            QCOMPARE(dialog->preview()->toPlainText(), QString::fromStdString(expected.documents.front()));
        },
        QStringLiteral("convertReplace"));
    const int steps = document->undoStack()->count();
    QVERIFY(window.convertDocument(direction));
    QVERIFY(shownRows >= static_cast<int>(expected.documents.size()));

    // One undo step, and the set is core's output, each document once.
    QCOMPARE(document->undoStack()->count(), steps + 1);
    QCOMPARE(exported(document->set()), sorted(expected.documents));
    // The kinds changed: a Gateway API document has routes, the classic one VirtualServices.
    const Kind converted = toGatewayApi ? Kind::TCPRoute : Kind::VirtualService;
    QVERIFY(!document->set().ofKind(converted).empty());
    const Kind gone = toGatewayApi ? Kind::VirtualService : Kind::TCPRoute;
    QVERIFY(document->set().ofKind(gone).empty());

    document->undoStack()->undo();
    QCOMPARE(rendered(document->set()), filesBefore);
    QCOMPARE(exported(document->set()), resourcesBefore);
    QVERIFY(!document->isModified());
    document->undoStack()->redo();
    QCOMPARE(exported(document->set()), sorted(expected.documents));

    // Saved, the files hold the converted configuration: read back, it is core's output again.
    QVERIFY(window.saveDocument());
    Document reread;
    QVERIFY(reread.open({folder}));
    QCOMPARE(exported(reread.set()), sorted(expected.documents));
}

void TestStudioConvert::lossyRowsShowTheirDiagnostics()
{
    MainWindow window;
    const QString folder = lossyTutorial(m_dir.filePath(QStringLiteral("lossy")));
    QVERIFY(!folder.isEmpty());
    QVERIFY(window.openPaths({folder}));
    const ResourceSet &set = window.document()->set();
    ConvertDialog dialog(set, ConvertDirection::ToGatewayApi, gatewayapi::defaultTarget());
    const Diagnostics &diagnostics = dialog.conversion().diagnostics;
    // Core reports both: the traffic policy and the sourceLabels match.
    const auto mentions = [&](const std::string &field) {
        return std::any_of(diagnostics.begin(), diagnostics.end(),
                           [&](const Diagnostic &d) { return d.message.find(field) != std::string::npos; });
    };
    QVERIFY(mentions("trafficPolicy"));
    QVERIFY(mentions("sourceLabels"));

    // Every diagnostic has its row in the list, with its field's position and translated message...
    QTreeWidget *list = dialog.diagnosticsList();
    QCOMPARE(list->topLevelItemCount(), static_cast<int>(diagnostics.size()));
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const Diagnostic &d = diagnostics[static_cast<std::size_t>(i)];
        const QTreeWidgetItem *row = list->topLevelItem(i);
        QCOMPARE(row->text(1), QString::fromStdString(d.code));
        QCOMPARE(row->text(4), diagnosticMessage(d));
        QVERIFY2(d.position.known(), d.message.c_str());
        QVERIFY(row->text(2).endsWith(QStringLiteral(":%1:%2").arg(d.position.line).arg(d.position.column)));
    }
    // ...and under the row of the resource it concerns (the lossy rows), which has no other children.
    QTreeWidget *results = dialog.resultList();
    int children = 0;
    for (int i = 0; i < results->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *row = results->topLevelItem(i);
        for (int c = 0; c < row->childCount(); ++c) {
            ++children;
            const QString message = row->child(c)->text(0);
            const auto it = std::find_if(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic &d) {
                return diagnosticMessage(d) == message &&
                       row->text(0).startsWith(QString::fromStdString(d.resource.kind) + QLatin1Char(' ')) &&
                       row->text(0).endsWith(QLatin1Char('/') + QString::fromStdString(d.resource.name));
            });
            QVERIFY2(it != diagnostics.end(), qPrintable(row->text(0) + QStringLiteral(": ") + message));
        }
    }
    QCOMPARE(children, static_cast<int>(diagnostics.size()));
    // The DestinationRule (removed: its subsets became Services) carries its traffic-policy diagnostic.
    const QList<QTreeWidgetItem *> dr =
        results->findItems(QStringLiteral("DestinationRule default/tcp-echo"), Qt::MatchExactly, 0);
    QCOMPARE(dr.size(), 1);
    QCOMPARE(dr.front()->text(1), QStringLiteral("removed"));
    QVERIFY(dr.front()->childCount() >= 1);
    QVERIFY(dr.front()->child(0)->text(0).contains(QStringLiteral("trafficPolicy")));
    // Selecting a removed row previews what goes.
    results->setCurrentItem(dr.front());
    QVERIFY(dialog.preview()->toPlainText().contains(QStringLiteral("kind: DestinationRule")));
}

void TestStudioConvert::convertToNewDocumentAndFile()
{
    MainWindow window;
    const QString folder = studiotest::copyDemo(m_dir.filePath(QStringLiteral("newdoc")));
    QVERIFY(window.openPaths({folder}));
    Document *document = window.document();
    const gatewayapi::Conversion expected = gatewayapi::toGatewayApi(document->set());

    // Save to a file: the stream, atomically (nothing else in the folder afterwards).
    {
        ConvertDialog dialog(document->set(), ConvertDirection::ToGatewayApi, gatewayapi::defaultTarget());
        const QString out = m_dir.filePath(QStringLiteral("out/converted.yaml"));
        QDir().mkpath(QFileInfo(out).path());
        QVERIFY(dialog.saveAndClose(out));
        QCOMPARE(dialog.outcome(), ConvertDialog::Outcome::SavedToFile);
        QCOMPARE(studiotest::readAll(out), QString::fromStdString(expected.yaml()));
        QCOMPARE(QDir(QFileInfo(out).path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{"converted.yaml"});
        QVERIFY(!dialog.saveTo(m_dir.filePath(QStringLiteral("no/such/folder/x.yaml"))));
    }
    QVERIFY(!document->isModified());

    // A new document: untitled, holding the result, the sample's files untouched.
    whenDialogShows([](ConvertDialog *) {}, QStringLiteral("convertNewDocument"));
    QVERIFY(window.convertDocument(ConvertDirection::ToGatewayApi));
    QVERIFY(document->openedPaths().isEmpty());
    QVERIFY(document->needsSaveAs());
    QVERIFY(document->isModified());
    QCOMPARE(exported(document->set()), sorted(expected.documents));
    QCOMPARE(studiotest::readAll(QDir(folder).absoluteFilePath(QStringLiteral("virtualservice.yaml"))),
             studiotest::readAll(
                 QDir(studiotest::demoSource()).absoluteFilePath(QStringLiteral("virtualservice.yaml"))));
    document->newDocument(); // nothing to ask at the window's close
}

void TestStudioConvert::cancelChangesNothing()
{
    MainWindow window;
    QVERIFY(window.openPaths({studiotest::copyDemo(m_dir.filePath(QStringLiteral("cancel")))}));
    const std::vector<std::string> before = rendered(window.document()->set());
    QTimer::singleShot(0, [] {
        if (QWidget *dialog = QApplication::activeModalWidget())
            static_cast<QDialog *>(dialog)->reject();
    });
    QVERIFY(!window.convertDocument(ConvertDirection::ToGatewayApi));
    QCOMPARE(window.document()->undoStack()->count(), 0);
    QCOMPARE(rendered(window.document()->set()), before);
}

void TestStudioConvert::convertMenuActions()
{
    MainWindow window;
    auto *tools = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuTools"));
    QVERIFY(tools);
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionConvertToGatewayApi")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("actionConvertToIstio")));
    QVERIFY(window.openPaths({gatewayApiSample()}));
    // The action opens the dialog on the document, in the direction it names.
    bool shown = false;
    QTimer::singleShot(0, [&shown] {
        auto *dialog = qobject_cast<ConvertDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        shown = true;
        QVERIFY(std::any_of(
            dialog->conversion().documents.begin(), dialog->conversion().documents.end(),
            [](const std::string &d) { return d.find("kind: VirtualService") != std::string::npos; }));
        dialog->reject();
    });
    window.findChild<QAction *>(QStringLiteral("actionConvertToIstio"))->trigger();
    QVERIFY(shown);
}

// Convert writes the routes with the apiVersions the document's target cluster reads.
void TestStudioConvert::convertWritesWhatTheDocumentsTargetReads()
{
    MainWindow window;
    QVERIFY(window.openPaths({studiotest::copyDemo(m_dir.filePath(QStringLiteral("target")))}));
    const auto tcpRouteVersions = [&window] {
        QStringList versions;
        QTimer::singleShot(0, [&versions] {
            auto *dialog = qobject_cast<ConvertDialog *>(QApplication::activeModalWidget());
            QVERIFY(dialog);
            for (const std::string &d : dialog->conversion().documents) {
                const YAML::Node node = YAML::Load(d);
                if (node["kind"].as<std::string>() == "TCPRoute")
                    versions << QString::fromStdString(node["apiVersion"].as<std::string>());
            }
            dialog->reject();
        });
        window.convertDocument(ConvertDirection::ToGatewayApi);
        return versions;
    };
    QCOMPARE(tcpRouteVersions(), QStringList(2, QStringLiteral("gateway.networking.k8s.io/v1alpha2")));
    window.document()->setGatewayApiTarget(
        *gatewayapi::parseTarget("istio=1.31,gateway-api=v1.6.0,channel=standard").target);
    QCOMPARE(tcpRouteVersions(), QStringList(2, QStringLiteral("gateway.networking.k8s.io/v1")));
}

void TestStudioConvert::openSampleOpensACopy()
{
    // Both samples are compiled in, byte for byte.
    QCOMPARE(startup::sampleNames(), (QStringList{"tcp-echo", "tcp-echo-gateway-api"}));
    for (const QString &name : startup::sampleNames()) {
        const QDir source(QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/") + name);
        const QStringList files = source.entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QCOMPARE(QDir(QStringLiteral(":/samples/") + name).entryList(QDir::Files), files);
        for (const QString &file : files)
            QCOMPARE(studiotest::readAll(QStringLiteral(":/samples/%1/%2").arg(name, file)),
                     studiotest::readAll(source.absoluteFilePath(file)));
    }
    QVERIFY(startup::sampleCopy(QStringLiteral("no-such-sample")).isEmpty());
    QVERIFY(startup::sampleCopy(QStringLiteral("../samples")).isEmpty());

    MainWindow window;
    auto *menu = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuSamples"));
    QVERIFY(menu);
    QStringList listed;
    for (QAction *action : menu->actions())
        listed << action->data().toString();
    QCOMPARE(listed, startup::sampleNames());

    auto *open = window.findChild<QAction *>(QStringLiteral("actionSample_tcp-echo-gateway-api"));
    QVERIFY(open);
    open->trigger();
    Document *document = window.document();
    QCOMPARE(document->openedPaths().size(), 1);
    const QString copy = document->openedPaths().front();
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QVERIFY2(copy.startsWith(data), qPrintable(copy));
    QVERIFY(!copy.startsWith(QLatin1Char(':')));
    QVERIFY(!document->set().ofKind(Kind::TCPRoute).empty());
    QVERIFY(!document->isModified());

    // Edited and saved, the copy changes, never the bundle; the next Open Sample does not overwrite
    // the person's edit but opens a fresh copy beside it.
    const int index = document->indexOf(Kind::TCPRoute, "default", "tcp-echo-v1");
    QVERIFY(index >= 0);
    document->removeResource(static_cast<std::size_t>(index), QStringLiteral("remove"));
    QVERIFY(window.saveDocument());
    QVERIFY(studiotest::readAll(QDir(copy).absoluteFilePath(QStringLiteral("tcproute.yaml"))) !=
            studiotest::readAll(QStringLiteral(":/samples/tcp-echo-gateway-api/tcproute.yaml")));
    QVERIFY(window.openSample(QStringLiteral("tcp-echo-gateway-api")));
    const QString second = document->openedPaths().front();
    QVERIFY(second != copy);
    QVERIFY(!document->set().ofKind(Kind::TCPRoute).empty());
    // An untouched copy is opened again rather than copied once more.
    QVERIFY(window.openSample(QStringLiteral("tcp-echo-gateway-api")));
    QCOMPARE(document->openedPaths().front(), second);

    // The classic sample: the tutorial.
    window.findChild<QAction *>(QStringLiteral("actionSample_tcp-echo"))->trigger();
    QVERIFY(!document->set().ofKind(Kind::VirtualService).empty());
    QVERIFY(document->openedPaths().front().startsWith(data));
}

// Under Xvfb (or offscreen) with MESHROUTE_SCREENSHOTS=<folder>: the Convert dialog on the lossy
// tutorial, its DestinationRule row selected, saved as convert-dialog.png.
void TestStudioConvert::screenshot()
{
    const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set MESHROUTE_SCREENSHOTS to a folder to take screenshots");
    QDir().mkpath(folder);
    MainWindow window;
    QVERIFY(window.openPaths({lossyTutorial(m_dir.filePath(QStringLiteral("shot")))}));
    ConvertDialog dialog(window.document()->set(), ConvertDirection::ToGatewayApi,
                         gatewayapi::defaultTarget());
    dialog.show();
    const QList<QTreeWidgetItem *> dr = dialog.resultList()->findItems(
        QStringLiteral("DestinationRule default/tcp-echo"), Qt::MatchExactly, 0);
    QVERIFY(!dr.isEmpty());
    dialog.resultList()->setCurrentItem(dr.front());
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::qWait(200);
    QVERIFY(dialog.grab().save(QDir(folder).absoluteFilePath(QStringLiteral("convert-dialog.png"))));
}

STUDIO_TEST_MAIN(TestStudioConvert)
#include "tst_studioconvert.moc"
