#pragma once

// The YAML of the selected resource, or of one whole source file, editable; or of
// the whole document (read only) when it spans several files, with a selector to
// pick one of them. Apply replaces the resource (or the file's resources) as one
// undo step when the text is valid; otherwise the faulty lines are marked, the
// messages shown, and neither the document nor the text is changed.

#include "model/diagnostic.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace meshroute::studio {

class Document;
class YamlHighlighter;
struct DocumentDelta;

class YamlPane : public QWidget
{
    Q_OBJECT

public:
    explicit YamlPane(Document *document, QWidget *parent = nullptr);

    void showResource(int index);
    void showDocument();
    // The whole text of source file `file` (an index in the set's files), editable.
    void showFile(int file);
    int resource() const { return m_resource; }
    // The source file shown whole, -1 for a resource or the read-only whole document.
    int file() const;
    QComboBox *fileSelector() const { return m_files; }
    // Put the cursor on a 1-based line of the shown text.
    void goToLine(int line);

    QPlainTextEdit *editor() const { return m_editor; }
    QString text() const;
    bool isDirty() const { return m_dirty; }
    const Diagnostics &editDiagnostics() const { return m_editDiagnostics; }
    QString message() const;
    void setDarkTheme(bool dark);

public slots:
    // True when the text was applied (or nothing needed applying).
    bool apply();
    void revert();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateTitle();
    void updateFileSelector();
    void reload();
    // Whether a change of the document touches what the pane shows.
    bool isShowing(const DocumentDelta &delta) const;
    void onTextChanged();
    void showEditMessage();
    void markLines();

    Document *m_document;
    QPlainTextEdit *m_editor;
    YamlHighlighter *m_highlighter;
    QLabel *m_title;
    QComboBox *m_files;
    QLabel *m_message;
    QPushButton *m_apply;
    QPushButton *m_revert;
    int m_resource = -1;
    int m_file = -1; // chosen in the selector when the document has several files
    bool m_dirty = false;
    // The text reload() last put in the editor, while no one changed it since (it need not be read
    // back from the editor's document, which costs a walk of its blocks).
    std::optional<QString> m_shown;
    bool m_loading = false;
    Diagnostics m_editDiagnostics;
};

} // namespace meshroute::studio
