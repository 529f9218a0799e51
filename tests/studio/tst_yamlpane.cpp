// The YAML pane on a document of several files: the whole document is read only,
// a file picked in the selector is editable whole, and applying it is one undo step
// that changes that file only; a faulty text changes nothing and is kept.

#include "document/document.h"
#include "studiotest.h"
#include "views/yamlpane.h"
#include "yaml/writer.h"

#include <QComboBox>
#include <QPlainTextEdit>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QStringList renderedFiles(const Document &document)
{
    QStringList out;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        out << QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return out;
}

int fileIndex(const Document &document, const QString &name)
{
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        if (QFileInfo(QString::fromStdString(document.set().files[i].path)).fileName() == name)
            return static_cast<int>(i);
    return -1;
}

} // namespace

class TestYamlPane : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void wholeDocumentIsReadOnlyWithAFileSelector();
    void editingOneFileIsOneUndoStep();
    void faultyFileTextChangesNothing();
    void singleFileDocumentNeedsNoSelector();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestYamlPane::init()
{
    static int n = 0;
    m_demo = studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo%1").arg(++n)));
}

void TestYamlPane::wholeDocumentIsReadOnlyWithAFileSelector()
{
    Document document;
    QVERIFY(document.open({m_demo}));
    YamlPane pane(&document);
    pane.show();
    pane.showDocument();
    QVERIFY(pane.editor()->isReadOnly());
    QCOMPARE(pane.file(), -1);
    QComboBox *selector = pane.fileSelector();
    QVERIFY(selector->isVisible());
    QCOMPARE(selector->count(), 1 + 5); // "All files" and the five files
    QCOMPARE(selector->currentIndex(), 0);
    QCOMPARE(pane.text(), renderedFiles(document).join(QStringLiteral("---\n")));

    // A resource shown: no selector; back to the document: the selector again.
    pane.showResource(0);
    QVERIFY(!selector->isVisible());
    pane.showDocument();
    QVERIFY(selector->isVisible());
}

void TestYamlPane::editingOneFileIsOneUndoStep()
{
    Document document;
    QVERIFY(document.open({m_demo}));
    YamlPane pane(&document);
    pane.show();
    pane.showDocument();
    const int service = fileIndex(document, QStringLiteral("service.yaml"));
    QVERIFY(service >= 0);
    const QStringList before = renderedFiles(document);

    // Picked in the selector as a person would.
    QComboBox *selector = pane.fileSelector();
    selector->setCurrentIndex(service + 1);
    emit selector->activated(service + 1);
    QCOMPARE(pane.file(), service);
    QVERIFY(!pane.editor()->isReadOnly());
    QCOMPARE(pane.text(), before[service]);

    QString edited = pane.text();
    QVERIFY(edited.contains(QStringLiteral("port: 3333")));
    edited.replace(QStringLiteral("      port: 3333"), QStringLiteral("      port: 3334"));
    edited += QStringLiteral("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: extra\nspec:\n"
                             "  ports:\n  - name: tcp\n    port: 1234\n");
    const int steps = document.undoStack()->count();
    pane.editor()->setPlainText(edited);
    QVERIFY(pane.isDirty());
    QVERIFY(pane.apply());

    QCOMPARE(document.undoStack()->count(), steps + 1);
    QCOMPARE(document.undoStack()->text(steps), QStringLiteral("Edit the whole file service.yaml"));
    QVERIFY(document.indexOf(Kind::Service, "default", "extra") >= 0);
    const QStringList after = renderedFiles(document);
    QCOMPARE(after[service], edited);
    for (int i = 0; i < after.size(); ++i) // every other file keeps its bytes
        if (i != service)
            QCOMPARE(after[i], before[i]);
    QCOMPARE(pane.file(), service); // still on the file, now showing the applied text
    QCOMPARE(pane.text(), edited);

    document.undoStack()->undo();
    QCOMPARE(renderedFiles(document), before);
    QCOMPARE(document.indexOf(Kind::Service, "default", "extra"), -1);
    QCOMPARE(pane.text(), before[service]);
    document.undoStack()->redo();
    QCOMPARE(renderedFiles(document)[service], edited);
}

void TestYamlPane::faultyFileTextChangesNothing()
{
    Document document;
    QVERIFY(document.open({m_demo}));
    YamlPane pane(&document);
    pane.show();
    const int gateway = fileIndex(document, QStringLiteral("gateway.yaml"));
    pane.showFile(gateway);
    const QStringList before = renderedFiles(document);
    const int steps = document.undoStack()->count();

    QString faulty = pane.text();
    faulty.replace(QStringLiteral("number: 31400"), QStringLiteral("number: [31400"));
    pane.editor()->setPlainText(faulty);
    QVERIFY(!pane.apply());
    QCOMPARE(renderedFiles(document), before);
    QCOMPARE(document.undoStack()->count(), steps);
    QCOMPARE(pane.text(), faulty); // never thrown away
    QVERIFY(!pane.message().isEmpty());
    QVERIFY(!pane.editDiagnostics().empty());

    // Picking another file does not leave the faulty text behind.
    pane.showFile(fileIndex(document, QStringLiteral("service.yaml")));
    QCOMPARE(pane.file(), gateway);
    QCOMPARE(pane.fileSelector()->currentIndex(), gateway + 1);
    QCOMPARE(pane.text(), faulty);
    pane.revert();
    QCOMPARE(pane.text(), before[gateway]);
}

void TestYamlPane::singleFileDocumentNeedsNoSelector()
{
    Document document;
    QVERIFY(document.open({QDir(m_demo).filePath(QStringLiteral("gateway.yaml"))}));
    YamlPane pane(&document);
    pane.show();
    pane.showDocument();
    QVERIFY(!pane.fileSelector()->isVisible());
    QCOMPARE(pane.file(), 0);
    QVERIFY(!pane.editor()->isReadOnly());
}

STUDIO_TEST_MAIN(TestYamlPane)
#include "tst_yamlpane.moc"
