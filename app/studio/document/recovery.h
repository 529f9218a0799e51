#pragma once

// Autosave for crash recovery: the document's files, as they would be saved,
// written atomically to a per-process file in the application data folder.
// A clean exit (or a save) removes it; a file left by a process that is gone
// is what the next start offers to restore.

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace meshroute::studio {

class Document;

struct RecoveredDocument
{
    QString recoveryFile;
    QStringList openedPaths;
    QList<QPair<QString, QString>> files; // path, text
    QDateTime savedAt;
};

class Recovery
{
public:
    // Folder of recovery files (created on demand).
    static QString folder();
    // This process's recovery file.
    static QString ownFile();

    // Write the document's current state; false with `error` on failure.
    static bool write(const Document &document, QString *error = nullptr);
    static void discard();
    // Recovery files left by processes that are no longer running, newest first.
    static QList<RecoveredDocument> pending();
    static void remove(const RecoveredDocument &recovered);
};

} // namespace meshroute::studio
