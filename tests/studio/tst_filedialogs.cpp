// File > Open and Save As through the real dialogs: the window's actions open Qt's
// own (non-native) QFileDialog; the test types into it as a person would and checks
// what the document opened or what was written to disk.

#include "document/document.h"
#include "studiotest.h"
#include "window/mainwindow.h"
#include "yaml/writer.h"

#include <QAction>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <functional>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

// Runs `act` on the next modal dialog of type T as soon as it is shown (the action that opens
// it blocks in exec()); `seen` tells afterwards whether it came.
template <typename T> void whenModal(std::function<void(T *)> act, bool *seen, int remainingMs = 5000)
{
    QTimer::singleShot(20, [act = std::move(act), seen, remainingMs] {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (dialog && dialog->isVisible()) {
            *seen = true;
            act(dialog);
            // A failed check inside `act` must not leave the test waiting in exec() for ever.
            QTimer::singleShot(3000, dialog, [dialog] {
                if (dialog->isVisible())
                    dialog->reject();
            });
        } else if (remainingMs > 0) {
            whenModal<T>(act, seen, remainingMs - 20);
        }
    });
}

// Types `text` into the dialog's file name field and presses Return, as a person would.
void typeAndAccept(QFileDialog *dialog, const QString &text)
{
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
    QVERIFY(name);
    name->setText(text);
    QTest::keyClick(name, Qt::Key_Return);
}

QAction *fileMenuAction(MainWindow &window, const QString &name)
{
    QMenu *file = window.menuBar()->actions().value(0)->menu();
    if (!file)
        return nullptr;
    for (QAction *action : file->actions())
        if (action->objectName() == name)
            return action;
    return nullptr;
}

QString renderAll(const Document &document)
{
    QString text;
    for (std::size_t i = 0; i < document.set().files.size(); ++i)
        text += QString::fromStdString(renderFile(document.set(), static_cast<int>(i)));
    return text;
}

} // namespace

class TestFileDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void openFilesFromTheFileMenu();
    void openFolderWithTheKeyboard();
    void cancelledOpenChangesNothing();
    void saveAsOneFile();
    void saveAsOverAnExistingFileAsksFirst();
    void saveAsFolderForSeveralFiles();

private:
    QTemporaryDir m_dir;
    QString m_demo;
    MainWindow *m_window = nullptr;
};

void TestFileDialogs::initTestCase()
{
    // Qt's own dialog on every platform, so the test can type into it.
    QCoreApplication::setAttribute(Qt::AA_DontUseNativeDialogs);
}

void TestFileDialogs::init()
{
    static int n = 0;
    m_demo = studiotest::copyDemo(m_dir.filePath(QStringLiteral("demo%1").arg(++n)));
    m_window = new MainWindow;
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->document()->newDocument();
}

void TestFileDialogs::cleanup()
{
    m_window->document()->undoStack()->setClean();
    delete m_window;
    m_window = nullptr;
}

void TestFileDialogs::openFilesFromTheFileMenu()
{
    QAction *open = fileMenuAction(*m_window, QStringLiteral("actionOpen"));
    QVERIFY(open);
    bool seen = false;
    QString title;
    whenModal<QFileDialog>(
        [&](QFileDialog *dialog) {
            title = dialog->windowTitle();
            QCOMPARE(dialog->fileMode(), QFileDialog::ExistingFiles);
            dialog->setDirectory(m_demo);
            typeAndAccept(dialog, QStringLiteral("\"gateway.yaml\" \"virtualservice.yaml\""));
        },
        &seen);
    open->trigger();
    QVERIFY(seen);
    QCOMPARE(title, QStringLiteral("Open YAML files"));

    const Document *document = m_window->document();
    const QStringList opened = document->openedPaths();
    QCOMPARE(opened.size(), 2);
    QVERIFY(opened.contains(QDir(m_demo).absoluteFilePath(QStringLiteral("gateway.yaml"))));
    QVERIFY(opened.contains(QDir(m_demo).absoluteFilePath(QStringLiteral("virtualservice.yaml"))));
    QVERIFY(document->indexOf(Kind::VirtualService, "default", "tcp-echo") >= 0);
    QVERIFY(document->indexOf(Kind::Gateway, "default", "tcp-echo-gateway") >= 0);
    QCOMPARE(document->indexOf(Kind::DestinationRule, "default", "tcp-echo"), -1); // not chosen
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("gateway.yaml")));
}

void TestFileDialogs::openFolderWithTheKeyboard()
{
    bool seen = false;
    whenModal<QFileDialog>(
        [&](QFileDialog *dialog) {
            QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Open a folder of YAML files"));
            typeAndAccept(dialog, m_demo);
        },
        &seen);
    QTest::keyClick(m_window, Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(seen);
    const Document *document = m_window->document();
    QCOMPARE(document->openedPaths(), QStringList{QDir(m_demo).absolutePath()});
    QCOMPARE(document->set().files.size(), std::size_t(5));
    QVERIFY(document->indexOf(Kind::Deployment, "default", "tcp-echo-v1") >= 0);
}

void TestFileDialogs::cancelledOpenChangesNothing()
{
    QVERIFY(m_window->openPaths({m_demo}));
    const QStringList before = m_window->document()->openedPaths();
    const QString text = renderAll(*m_window->document());
    bool seen = false;
    whenModal<QFileDialog>([](QFileDialog *dialog) { QTest::keyClick(dialog, Qt::Key_Escape); }, &seen);
    QTest::keyClick(m_window, Qt::Key_O, Qt::ControlModifier);
    QVERIFY(seen);
    QCOMPARE(m_window->document()->openedPaths(), before);
    QCOMPARE(renderAll(*m_window->document()), text);
}

void TestFileDialogs::saveAsOneFile()
{
    const QString source = QDir(m_demo).absoluteFilePath(QStringLiteral("service.yaml"));
    QVERIFY(m_window->openPaths({source}));
    Document *document = m_window->document();
    const int service = document->indexOf(Kind::Service, "default", "tcp-echo");
    QVERIFY(service >= 0);
    YAML::Node node = YAML::Clone(document->set().resources[static_cast<std::size_t>(service)].node);
    node["metadata"]["labels"]["saved-by"] = "dialog";
    document->replaceResource(static_cast<std::size_t>(service), node, QStringLiteral("label"));
    QVERIFY(document->isModified());

    const QString target = m_dir.filePath(QStringLiteral("saved/one.yaml"));
    QDir().mkpath(QFileInfo(target).absolutePath());
    bool seen = false;
    whenModal<QFileDialog>(
        [&](QFileDialog *dialog) {
            QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Save As"));
            dialog->setDirectory(QFileInfo(target).absolutePath());
            typeAndAccept(dialog, QFileInfo(target).fileName());
        },
        &seen);
    fileMenuAction(*m_window, QStringLiteral("actionSaveAs"))->trigger();
    QVERIFY(seen);

    QVERIFY(!document->isModified());
    QCOMPARE(document->openedPaths(), QStringList{QFileInfo(target).absoluteFilePath()});
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("one.yaml")));
    const QString written = studiotest::readAll(target);
    QVERIFY(written.contains(QStringLiteral("saved-by: dialog")));
    QCOMPARE(written, renderAll(*document));
    QVERIFY(!studiotest::readAll(source).contains(QStringLiteral("saved-by"))); // the original is untouched

    // Reopened, the saved file is the same document.
    Document reopened;
    QVERIFY(reopened.open({target}));
    QCOMPARE(renderAll(reopened), written);
}

void TestFileDialogs::saveAsOverAnExistingFileAsksFirst()
{
    const QString source = QDir(m_demo).absoluteFilePath(QStringLiteral("gateway.yaml"));
    QVERIFY(m_window->openPaths({source}));
    const QString target = m_dir.filePath(QStringLiteral("existing.yaml"));
    QFile file(target);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("# will be replaced\n");
    file.close();

    bool seenDialog = false;
    bool seenQuestion = false;
    QString question;
    whenModal<QFileDialog>(
        [&](QFileDialog *dialog) {
            dialog->setDirectory(m_dir.path());
            // Qt's file dialog asks before it replaces a file: say yes.
            whenModal<QMessageBox>(
                [&](QMessageBox *box) {
                    question = box->text();
                    box->button(QMessageBox::Yes)->click();
                },
                &seenQuestion);
            typeAndAccept(dialog, QStringLiteral("existing.yaml"));
        },
        &seenDialog);
    fileMenuAction(*m_window, QStringLiteral("actionSaveAs"))->trigger();
    QVERIFY(seenDialog);
    QVERIFY(seenQuestion);
    QVERIFY2(question.contains(QStringLiteral("existing.yaml")), qPrintable(question));
    QCOMPARE(studiotest::readAll(target), studiotest::readAll(source));
    QCOMPARE(m_window->document()->openedPaths(), QStringList{QFileInfo(target).absoluteFilePath()});
}

void TestFileDialogs::saveAsFolderForSeveralFiles()
{
    QVERIFY(m_window->openPaths({m_demo}));
    const QString target = m_dir.filePath(QStringLiteral("copy-of-demo"));
    QVERIFY(QDir().mkpath(target));
    bool seen = false;
    whenModal<QFileDialog>(
        [&](QFileDialog *dialog) {
            QCOMPARE(dialog->fileMode(), QFileDialog::Directory);
            QCOMPARE(dialog->windowTitle(), QStringLiteral("Save into folder"));
            typeAndAccept(dialog, target);
        },
        &seen);
    fileMenuAction(*m_window, QStringLiteral("actionSaveAs"))->trigger();
    QVERIFY(seen);

    QCOMPARE(m_window->document()->openedPaths(), QStringList{QDir(target).absolutePath()});
    const QStringList names = QDir(m_demo).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name);
    QCOMPARE(QDir(target).entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name), names);
    for (const QString &name : names) // untouched resources are written byte for byte
        QCOMPARE(studiotest::readAll(QDir(target).filePath(name)),
                 studiotest::readAll(QDir(m_demo).filePath(name)));
    Document reopened;
    QVERIFY(reopened.open({target}));
    QCOMPARE(renderAll(reopened), renderAll(*m_window->document()));
}

STUDIO_TEST_MAIN(TestFileDialogs)
#include "tst_filedialogs.moc"
