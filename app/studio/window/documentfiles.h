#pragma once

// The document's file flows, with their dialogs and messages: open (files, a folder,
// a recent or a dropped set), save, save as, export for kubectl, autosave, and the
// offer of recovered changes at start. The window owns one and connects its actions.

#include "document/recovery.h"

#include <QObject>
#include <QStringList>

#include <memory>

class QMainWindow;
class QMenu;

namespace meshroute::studio {

class Document;
class DocumentLoader;
struct LoadedDocument;

class DocumentFiles : public QObject
{
public:
    DocumentFiles(QMainWindow *window, Document *document);

    // Ask to save changes first; false when the person cancels (or the save failed).
    bool maybeSave();
    // Opens `paths`: synchronously when they are small, else on a worker thread (returns true at
    // once; errors come as a message when it ends). Another open cancels one under way.
    bool openPaths(const QStringList &paths);
    // A read under way on the worker thread (see openPaths).
    bool isOpening() const;
    DocumentLoader *loader() const { return m_loader; }
    // From how many bytes of YAML a document is read on the worker thread (tests lower it).
    static qint64 backgroundOpenBytes();
    static void setBackgroundOpenBytes(qint64 bytes);
    void openFiles();
    void openFolder();
    bool save();
    bool saveAs(const QString &path);
    void chooseSaveAs();
    void exportForKubectl();
    // Write the recovery file now (the window's timer does this on its own).
    bool autosave();
    void restoreRecovery(const RecoveredDocument &recovered);
    // Offer recovery when a previous session crashed, else open the initial document.
    void startUp();
    void fillRecentMenu(QMenu *menu);

private:
    void onLoaded(const std::shared_ptr<LoadedDocument> &loaded);

    QMainWindow *m_window;
    Document *m_document;
    DocumentLoader *m_loader;
};

} // namespace meshroute::studio
