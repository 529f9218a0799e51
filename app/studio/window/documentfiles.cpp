#include "window/documentfiles.h"

#include "document/document.h"
#include "window/documentloader.h"
#include "window/exportdialog.h"
#include "window/settings.h"
#include "window/startup.h"

#include <QAction>
#include <QCoreApplication>
#include <QDirIterator>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>

namespace meshroute::studio {

namespace {

// The window's context: these flows were the window's, and its catalogue translates them.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::MainWindow)
};

qint64 g_backgroundOpenBytes = 128 * 1024;

// The bytes of YAML `paths` name (a folder's .yaml/.yml files), counted up to `limit`; standard
// input counts as small.
qint64 yamlBytes(const QStringList &paths, qint64 limit)
{
    qint64 total = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile()) {
            total += info.size();
        } else if (info.isDir()) {
            QDirIterator it(path, {QStringLiteral("*.yaml"), QStringLiteral("*.yml")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext() && total < limit) {
                it.next();
                total += it.fileInfo().size();
            }
        }
        if (total >= limit)
            break;
    }
    return total;
}

} // namespace

DocumentFiles::DocumentFiles(QMainWindow *window, Document *document)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_loader(new DocumentLoader(this))
{
    // A large open: a busy bar and a message while the worker reads, the window stays usable.
    auto *opening = new QProgressBar(window);
    opening->setObjectName(QStringLiteral("openProgress"));
    opening->setRange(0, 0);
    opening->setMaximumWidth(120);
    opening->setTextVisible(false);
    opening->hide();
    window->statusBar()->addPermanentWidget(opening);
    connect(m_loader, &DocumentLoader::started, opening, [this, opening](const QStringList &paths) {
        QStringList names;
        for (const QString &path : paths)
            names << QFileInfo(path).fileName();
        const QString text = Tr::tr("Opening %1…").arg(names.join(QStringLiteral(", ")));
        opening->setToolTip(text);
        opening->show();
        m_window->statusBar()->showMessage(text);
    });
    const auto done = [this, opening] {
        opening->hide();
        m_window->statusBar()->clearMessage();
    };
    connect(m_loader, &DocumentLoader::cancelled, opening, done);
    connect(m_loader, &DocumentLoader::finished, this,
            [this, done](const std::shared_ptr<LoadedDocument> &loaded) {
                done();
                onLoaded(loaded);
            });
}

qint64 DocumentFiles::backgroundOpenBytes()
{
    return g_backgroundOpenBytes;
}

void DocumentFiles::setBackgroundOpenBytes(qint64 bytes)
{
    g_backgroundOpenBytes = bytes;
}

bool DocumentFiles::isOpening() const
{
    return m_loader->isLoading();
}

bool DocumentFiles::maybeSave()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::warning(
        m_window, Tr::tr("Unsaved changes"),
        Tr::tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

bool DocumentFiles::openPaths(const QStringList &paths)
{
    if (yamlBytes(paths, g_backgroundOpenBytes) >= g_backgroundOpenBytes) {
        m_loader->start(paths);
        return true;
    }
    m_loader->cancel(); // a small open after a large one: the later choice wins
    QString error;
    if (!m_document->open(paths, &error)) {
        QMessageBox::warning(m_window, Tr::tr("Cannot open"), error);
        return false;
    }
    addRecentDocument(m_document->openedPaths());
    Recovery::discard();
    return true;
}

void DocumentFiles::onLoaded(const std::shared_ptr<LoadedDocument> &loaded)
{
    QString error;
    if (!m_document->adopt(std::move(*loaded), &error)) {
        QMessageBox::warning(m_window, Tr::tr("Cannot open"), error);
        return;
    }
    addRecentDocument(m_document->openedPaths());
    Recovery::discard();
}

void DocumentFiles::openFiles()
{
    if (!maybeSave())
        return;
    const QStringList files = QFileDialog::getOpenFileNames(
        m_window, Tr::tr("Open YAML files"), QString(), Tr::tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

void DocumentFiles::openFolder()
{
    if (!maybeSave())
        return;
    const QString folder = QFileDialog::getExistingDirectory(m_window, Tr::tr("Open a folder of YAML files"));
    if (!folder.isEmpty())
        openPaths({folder});
}

bool DocumentFiles::save()
{
    if (m_document->needsSaveAs()) {
        chooseSaveAs();
        return !m_document->isModified();
    }
    QString error;
    if (!m_document->save(&error)) {
        QMessageBox::critical(m_window, Tr::tr("Save failed"), error);
        return false;
    }
    Recovery::discard();
    m_window->statusBar()->showMessage(Tr::tr("Saved %1").arg(m_document->displayName()), 4000);
    return true;
}

bool DocumentFiles::saveAs(const QString &path)
{
    QString error;
    if (!m_document->saveAs(path, &error)) {
        QMessageBox::critical(m_window, Tr::tr("Save failed"), error);
        return false;
    }
    Recovery::discard();
    addRecentDocument(m_document->openedPaths());
    return true;
}

void DocumentFiles::chooseSaveAs()
{
    QString path;
    if (m_document->set().files.size() > 1)
        path = QFileDialog::getExistingDirectory(m_window, Tr::tr("Save into folder"),
                                                 m_document->layoutFolder());
    else
        path = QFileDialog::getSaveFileName(m_window, Tr::tr("Save As"), m_document->layoutFolder(),
                                            Tr::tr("YAML files (*.yaml *.yml)"));
    if (!path.isEmpty())
        saveAs(path);
}

void DocumentFiles::exportForKubectl()
{
    ExportDialog dialog(m_document->set(), m_document->layoutFolder(), m_window);
    if (dialog.exec() == QDialog::Accepted)
        m_window->statusBar()->showMessage(Tr::tr("Exported to %1").arg(dialog.target()), 5000);
}

bool DocumentFiles::autosave()
{
    if (!m_document->isModified()) {
        Recovery::discard();
        return true;
    }
    return Recovery::write(*m_document);
}

void DocumentFiles::restoreRecovery(const RecoveredDocument &recovered)
{
    m_document->restore(recovered.files);
    Recovery::remove(recovered);
    autosave(); // the recovered state is now this session's
}

void DocumentFiles::startUp()
{
    const QList<RecoveredDocument> pending = Recovery::pending();
    if (!pending.isEmpty()) {
        const RecoveredDocument &latest = pending.front();
        QStringList names;
        for (const auto &file : latest.files)
            names << QFileInfo(file.first).fileName();
        const auto answer = QMessageBox::question(
            m_window, Tr::tr("Restore unsaved changes?"),
            Tr::tr(
                "Meshroute Studio did not close properly. Unsaved changes to %1 from %2 were kept. Restore "
                "them?")
                .arg(names.join(QStringLiteral(", ")),
                     QLocale().toString(latest.savedAt.toLocalTime(), QLocale::ShortFormat)),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
        if (answer == QMessageBox::Yes) {
            restoreRecovery(latest);
            for (int i = 1; i < pending.size(); ++i)
                Recovery::remove(pending[i]);
            return;
        }
        for (const RecoveredDocument &recovered : pending)
            Recovery::remove(recovered);
    }
    const QStringList initial = startup::initialDocument();
    if (!initial.isEmpty())
        openPaths(initial);
}

void DocumentFiles::fillRecentMenu(QMenu *menu)
{
    menu->clear();
    const QList<QStringList> recent = recentDocuments();
    if (recent.isEmpty()) {
        menu->addAction(Tr::tr("No recent documents"))->setEnabled(false);
        return;
    }
    for (const QStringList &paths : recent) {
        QStringList names;
        for (const QString &path : paths)
            names << QFileInfo(path).fileName();
        QAction *action = menu->addAction(names.join(QStringLiteral(", ")));
        action->setToolTip(paths.join(QLatin1Char('\n')));
        QObject::connect(action, &QAction::triggered, this, [this, paths] {
            if (maybeSave())
                openPaths(paths);
        });
    }
}

} // namespace meshroute::studio
