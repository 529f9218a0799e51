#pragma once

// The document's file flows, with their dialogs and messages: open (files, a folder,
// a recent or a dropped set), save, save as, export for kubectl, autosave, and the
// offer of recovered changes at start. The window owns one and connects its actions.

#include "document/recovery.h"

#include <QObject>
#include <QStringList>

class QMainWindow;
class QMenu;

namespace meshroute::studio {

class Document;

class DocumentFiles : public QObject
{
public:
    DocumentFiles(QMainWindow *window, Document *document);

    // Ask to save changes first; false when the person cancels (or the save failed).
    bool maybeSave();
    bool openPaths(const QStringList &paths);
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
    QMainWindow *m_window;
    Document *m_document;
};

} // namespace meshroute::studio
