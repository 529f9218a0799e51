#pragma once

// The core's diagnostics for the document, refreshed after every change. Picking
// one reports it (the window selects the item and the YAML line); a Fix button
// appears where the window knows an unambiguous fix.

#include "model/diagnostic.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace meshroute::studio {

class Document;

class DiagnosticsView : public QWidget
{
    Q_OBJECT

public:
    explicit DiagnosticsView(Document *document, QWidget *parent = nullptr);

    // What the Fix button would do for a diagnostic ("" when there is no one-click fix).
    void setFixDescriber(std::function<QString(const Diagnostic &)> describe);
    QTreeWidget *list() const { return m_list; }
    int visibleCount() const;
    QString summary() const;

signals:
    void diagnosticActivated(const meshroute::Diagnostic &diagnostic);
    void fixRequested(const meshroute::Diagnostic &diagnostic);
    void summaryChanged(const QString &summary);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void rebuild();
    // After a change of the document: the list is rebuilt only when the diagnostics differ.
    void onDiagnosticsUpdated();
    void onCurrentChanged();
    void updateFix(); // the Fix button, for the selected finding
    const Diagnostic *current() const;

    Document *m_document;
    QTreeWidget *m_list;
    QComboBox *m_filter;
    QPushButton *m_fix;
    QLabel *m_counts;
    std::function<QString(const Diagnostic &)> m_describeFix;
    Diagnostics m_shown;
    Diagnostics m_all; // what the list was built from
};

} // namespace meshroute::studio
