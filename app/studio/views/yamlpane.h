#pragma once

// The YAML of the selected resource (editable) or of the whole document (read
// only). Apply replaces the resource as one undo step when the text is one valid
// resource; otherwise the faulty lines are marked, the messages shown, and
// neither the document nor the text is changed.

#include "model/diagnostic.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace meshroute::studio {

class Document;
class YamlHighlighter;

class YamlPane : public QWidget
{
    Q_OBJECT

public:
    explicit YamlPane(Document *document, QWidget *parent = nullptr);

    void showResource(int index);
    void showDocument();
    int resource() const { return m_resource; }
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
    void reload();
    void onTextChanged();
    void showEditMessage();
    void markLines();

    Document *m_document;
    QPlainTextEdit *m_editor;
    YamlHighlighter *m_highlighter;
    QLabel *m_title;
    QLabel *m_message;
    QPushButton *m_apply;
    QPushButton *m_revert;
    int m_resource = -1;
    bool m_dirty = false;
    bool m_loading = false;
    Diagnostics m_editDiagnostics;
};

} // namespace meshroute::studio
