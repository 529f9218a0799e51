#pragma once

// Export for kubectl: one multi-document stream, or one file per resource, with
// a diff of what will be written against what is on disk before anything is.

#include "model/resourceset.h"
#include "yaml/writer.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace meshroute::studio {

struct ExportFile
{
    QString path;
    QString text;
};

// What an export writes: {path, text} per file.
QList<ExportFile> exportFiles(const ResourceSet &set, bool onePerResource, const ExportOptions &options,
                              const QString &target);
// Write them atomically; false with `error` at the first failure.
bool writeExport(const QList<ExportFile> &files, QString *error);

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const ResourceSet &set, const QString &suggestedFolder, QWidget *parent = nullptr);

    QString target() const;
    void setTarget(const QString &path);
    void setOnePerResource(bool onePerResource);
    QString diffText() const;
    QList<ExportFile> files() const;

public slots:
    void accept() override;

private:
    void browse();
    void refresh();
    ExportOptions options() const;

    const ResourceSet &m_set;
    QRadioButton *m_stream;
    QRadioButton *m_perResource;
    QComboBox *m_apiVersion;
    QLineEdit *m_target;
    QPlainTextEdit *m_diff;
    QLabel *m_summary;
    QString m_suggestedFolder;
};

} // namespace meshroute::studio
