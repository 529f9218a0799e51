#include "views/diagnosticsview.h"

#include "document/document.h"
#include "views/diagnostictext.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace meshroute::studio {

namespace {
constexpr int IndexRole = Qt::UserRole + 1;
}

DiagnosticsView::DiagnosticsView(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QTreeWidget(this))
    , m_filter(new QComboBox(this))
    , m_fix(new QPushButton(tr("Fix"), this))
    , m_counts(new QLabel(this))
{
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setObjectName(QStringLiteral("diagnosticsList"));
    for (int filter = 0; filter < 3; ++filter)
        m_filter->addItem(QString(), filter);
    m_fix->setEnabled(false);
    retranslate();
    m_list->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addWidget(m_counts, 1);
    bar->addWidget(m_filter);
    bar->addWidget(m_fix);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);

    connect(m_document, &Document::diagnosticsUpdated, this, &DiagnosticsView::onDiagnosticsUpdated);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &DiagnosticsView::rebuild);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &DiagnosticsView::onCurrentChanged);
    connect(m_list, &QTreeWidget::itemActivated, this, [this] {
        if (const Diagnostic *diagnostic = current())
            emit diagnosticActivated(*diagnostic);
    });
    connect(m_fix, &QPushButton::clicked, this, [this] {
        if (const Diagnostic *diagnostic = current())
            emit fixRequested(*diagnostic);
    });
    rebuild();
}

void DiagnosticsView::retranslate()
{
    m_list->setHeaderLabels({tr("Severity"), tr("Code"), tr("Message"), tr("Resource"), tr("Location")});
    m_filter->setItemText(0, tr("All"));
    m_filter->setItemText(1, tr("Errors and warnings"));
    m_filter->setItemText(2, tr("Errors"));
    m_fix->setToolTip(tr("Apply the one-click fix for the selected problem"));
}

void DiagnosticsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void DiagnosticsView::setFixDescriber(std::function<QString(const Diagnostic &)> describe)
{
    m_describeFix = std::move(describe);
    onCurrentChanged();
}

int DiagnosticsView::visibleCount() const
{
    return m_list->topLevelItemCount();
}

QString DiagnosticsView::summary() const
{
    return m_counts->text();
}

const Diagnostic *DiagnosticsView::current() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return nullptr;
    const int index = item->data(0, IndexRole).toInt();
    return index >= 0 && index < static_cast<int>(m_shown.size()) ? &m_shown[static_cast<std::size_t>(index)]
                                                                  : nullptr;
}

namespace {
bool same(const Diagnostic &a, const Diagnostic &b)
{
    return a.severity == b.severity && a.code == b.code && a.message == b.message && a.file == b.file &&
           a.position == b.position && a.resource == b.resource && a.messageId == b.messageId;
}
} // namespace

void DiagnosticsView::onDiagnosticsUpdated()
{
    // Most edits change none of the findings (or few of many): the list stays as it is then.
    const Diagnostics &all = m_document->diagnostics();
    if (all.size() == m_all.size() && std::equal(all.begin(), all.end(), m_all.begin(), same))
        return;
    rebuild();
}

void DiagnosticsView::rebuild()
{
    const Diagnostics &all = m_document->diagnostics();
    m_all = all;
    const int filter = m_filter->currentData().toInt();
    m_shown.clear();
    for (const Diagnostic &diagnostic : all) {
        if (filter == 1 && diagnostic.severity == Severity::Info)
            continue;
        if (filter == 2 && diagnostic.severity != Severity::Error)
            continue;
        m_shown.push_back(diagnostic);
    }
    std::stable_sort(m_shown.begin(), m_shown.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.severity > b.severity; });

    m_list->clear();
    QStyle *style = QApplication::style();
    const QIcon error = style->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon info = style->standardIcon(QStyle::SP_MessageBoxInformation);
    QList<QTreeWidgetItem *> items;
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const Diagnostic &d = m_shown[i];
        const QString severity = severityText(d.severity);
        QString location;
        if (!d.file.empty())
            location = QFileInfo(QString::fromStdString(d.file)).fileName();
        if (d.position.known())
            location += QStringLiteral(":%1:%2").arg(d.position.line).arg(d.position.column);
        auto *item = new QTreeWidgetItem({severity, QString::fromStdString(d.code), diagnosticMessage(d),
                                          QString::fromStdString(d.resource.display()), location});
        item->setIcon(0, d.severity == Severity::Error     ? error
                         : d.severity == Severity::Warning ? warning
                                                           : info);
        item->setToolTip(2, diagnosticLine(d));
        item->setData(0, IndexRole, static_cast<int>(i));
        items << item;
    }
    m_list->addTopLevelItems(items);
    for (int column : {0, 1, 3, 4})
        m_list->resizeColumnToContents(column);

    const int errors = count(all, Severity::Error);
    const int warnings = count(all, Severity::Warning);
    const int infos = count(all, Severity::Info);
    const QString text =
        all.empty() ? tr("No problems found")
                    : QStringLiteral("%1, %2, %3")
                          .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings),
                               tr("%n note(s)", nullptr, infos));
    m_counts->setText(text);
    emit summaryChanged(text);
    onCurrentChanged();
}

void DiagnosticsView::onCurrentChanged()
{
    const Diagnostic *diagnostic = current();
    const QString fix = diagnostic && m_describeFix ? m_describeFix(*diagnostic) : QString();
    m_fix->setEnabled(!fix.isEmpty());
    m_fix->setText(fix.isEmpty() ? tr("Fix") : fix);
    if (diagnostic)
        emit diagnosticActivated(*diagnostic);
}

} // namespace meshroute::studio
