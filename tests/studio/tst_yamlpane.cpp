// The YAML pane on a document of several files: the whole document is read only,
// a file picked in the selector is editable whole, and applying it is one undo step
// that changes that file only; a faulty text changes nothing and is kept.

#include "document/document.h"
#include "studiotest.h"
#include "views/yamlpane.h"
#include "yaml/writer.h"

#include <QComboBox>
#include <QPlainTextEdit>

#include <functional>

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
    void aLargeFileChangesWhereItChanged();

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

// Edits of one resource after another in a large file: the pane, which replaces only the span of
// its text that differs (compared a block of characters at a time, from both ends), shows what the
// file renders to after each, wherever in the file and whatever the span's alignment. A character
// outside the Basic Multilingual Plane that changes in its second half (one UTF-16 unit of two)
// shows right too. A user's own typing in between is replaced too.
void TestYamlPane::aLargeFileChangesWhereItChanged()
{
    QString text;
    constexpr int services = 40;
    for (int i = 0; i < services; ++i)
        text += QStringLiteral("# service %1 \u00E9\napiVersion: v1\nkind: Service\nmetadata:\n"
                               "  name: s%1\n  labels:\n    icon: \U0001F680\nspec:\n  ports:\n"
                               "  - name: tcp\n    port: %2\n---\n")
                    .arg(i)
                    .arg(1000 + i);
    const QString path = m_dir.filePath(QStringLiteral("large.yaml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text.toUtf8());
    file.close();
    Document document;
    QVERIFY(document.open({path}));
    YamlPane pane(&document);
    pane.show();
    pane.showFile(0);
    QCOMPARE(pane.text(), text);
    const auto edit = [&](int service, const std::function<void(YAML::Node &)> &change) {
        const auto index = static_cast<std::size_t>(
            document.indexOf(Kind::Service, "default", "s" + std::to_string(service)));
        YAML::Node node = YAML::Clone(document.set().resources[index].node);
        change(node);
        document.replaceResource(index, node, QStringLiteral("edit"));
    };
    const auto rendered = [&] { return QString::fromStdString(renderFile(document.set(), 0)); };
    for (int i = 0; i < services; ++i) {
        edit(i, [i](YAML::Node &node) { node["spec"]["ports"][0]["port"] = 7 + i; });
        QVERIFY2(pane.text() == rendered(), qPrintable(QStringLiteral("after the edit of s%1").arg(i)));
    }
    edit(services / 2, [](YAML::Node &node) { node["metadata"]["labels"]["icon"] = "\U0001F681"; });
    QVERIFY(rendered().contains(QStringLiteral("icon: \U0001F681")));
    QCOMPARE(pane.text(), rendered());
    YamlPane fresh(&document);
    fresh.showFile(0);
    QCOMPARE(pane.text(), fresh.text());
    // Typing into the pane, then throwing it away, then an edit of the document.
    pane.editor()->setPlainText(pane.text().replace(QStringLiteral("port: 12"), QStringLiteral("port: 9")));
    pane.revert();
    QCOMPARE(pane.text(), rendered());
    pane.editor()->setPlainText(pane.text().replace(QStringLiteral("port: 13"), QStringLiteral("port: 9")));
    QVERIFY(pane.isDirty());
    pane.revert();
    edit(0, [](YAML::Node &node) { node["spec"]["ports"][0]["port"] = 5; });
    QCOMPARE(pane.text(), rendered());
    while (document.undoStack()->canUndo())
        document.undoStack()->undo();
    QCOMPARE(pane.text(), text);
}

STUDIO_TEST_MAIN(TestYamlPane)
#include "tst_yamlpane.moc"
