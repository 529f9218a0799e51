#include "views/diagnosticsview.h"

#include "document/document.h"
#include "views/diagnostictext.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>

namespace meshroute::studio {

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
        m_list->clear(); // every row is written again, in the new language
        m_shown.clear();
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
    const int index = m_list->indexOfTopLevelItem(item); // the rows are m_shown, in order
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
    Diagnostics shown;
    for (const Diagnostic &diagnostic : all) {
        if (filter == 1 && diagnostic.severity == Severity::Info)
            continue;
        if (filter == 2 && diagnostic.severity != Severity::Error)
            continue;
        shown.push_back(diagnostic);
    }
    std::stable_sort(shown.begin(), shown.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.severity > b.severity; });

    // The rows are kept and only the ones whose finding changed are written again: an edit that
    // moves the lines below it changes the place of many findings, not the list.
    const Diagnostic *selected = current();
    const std::optional<Diagnostic> wasSelected =
        selected ? std::optional<Diagnostic>(*selected) : std::nullopt;
    m_list->setUpdatesEnabled(false);
    // No finding is activated by the list changing under the selection.
    std::optional<QSignalBlocker> quiet(m_list);
    QStyle *style = QApplication::style();
    const QIcon error = style->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon info = style->standardIcon(QStyle::SP_MessageBoxInformation);
    const auto write = [&](QTreeWidgetItem *item, const Diagnostic &d) {
        QString location;
        if (!d.file.empty())
            location = QFileInfo(QString::fromStdString(d.file)).fileName();
        if (d.position.known())
            location += QStringLiteral(":%1:%2").arg(d.position.line).arg(d.position.column);
        item->setText(0, severityText(d.severity));
        item->setText(1, QString::fromStdString(d.code));
        item->setText(2, diagnosticMessage(d));
        item->setText(3, QString::fromStdString(d.resource.display()));
        item->setText(4, location);
        item->setIcon(0, d.severity == Severity::Error     ? error
                         : d.severity == Severity::Warning ? warning
                                                           : info);
        item->setToolTip(2, diagnosticLine(d));
    };
    // The rows are m_shown. What both lists start and end with stays; the rows between are
    // rewritten in place, and the difference in length is taken out or put in there.
    const std::size_t before = m_shown.size();
    const std::size_t after = shown.size();
    std::size_t head = 0;
    while (head < before && head < after && same(m_shown[head], shown[head]))
        ++head;
    std::size_t tail = 0;
    while (tail < before - head && tail < after - head &&
           same(m_shown[before - 1 - tail], shown[after - 1 - tail]))
        ++tail;
    const std::size_t common = std::min(before, after) - head - tail;
    const bool filled = before == 0; // anew: the columns are measured on all rows below
    // The columns fit what they show: measured on all rows when the list is filled anew, widened
    // for the rows written since (measuring thousands of rows on each edit would cost more than the
    // edit), so that an edit never narrows a column under the reader's eyes.
    const QFontMetrics metrics(m_list->font());
    const int margin = 2 * style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 8;
    const int icon =
        (m_list->iconSize().isValid() ? m_list->iconSize().width()
                                      : style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_list)) +
        m_list->indentation() + 4;
    const auto fit = [&](const QTreeWidgetItem *item) {
        if (filled)
            return;
        for (int column : {0, 1, 3, 4}) {
            const int width =
                metrics.horizontalAdvance(item->text(column)) + margin + (column == 0 ? icon : 0);
            if (width > m_list->columnWidth(column))
                m_list->setColumnWidth(column, width);
        }
    };
    for (std::size_t i = head; i < head + common; ++i) {
        write(m_list->topLevelItem(static_cast<int>(i)), shown[i]);
        fit(m_list->topLevelItem(static_cast<int>(i)));
    }
    const int at = static_cast<int>(head + common);
    for (std::size_t i = after; i < before; ++i)
        delete m_list->takeTopLevelItem(at);
    QList<QTreeWidgetItem *> added;
    for (std::size_t i = before; i < after; ++i) {
        auto *item = new QTreeWidgetItem;
        write(item, shown[head + common + (i - before)]);
        fit(item);
        added << item;
    }
    m_list->insertTopLevelItems(at, added);
    m_shown = std::move(shown);
    if (filled)
        for (int column : {0, 1, 3, 4})
            m_list->resizeColumnToContents(column);
    m_list->setUpdatesEnabled(true);
    // The selection stays where its row stays, showing the same finding; otherwise there is none
    // (and nothing is activated by the list changing under it).
    const bool selectionStays = wasSelected && current() && same(*current(), *wasSelected);
    if (!selectionStays && m_list->currentItem())
        m_list->setCurrentItem(nullptr);
    quiet.reset();

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
    if (selectionStays)
        updateFix(); // the same finding stays selected: nothing to go to
    else
        onCurrentChanged();
}

void DiagnosticsView::updateFix()
{
    const Diagnostic *diagnostic = current();
    const QString fix = diagnostic && m_describeFix ? m_describeFix(*diagnostic) : QString();
    m_fix->setEnabled(!fix.isEmpty());
    m_fix->setText(fix.isEmpty() ? tr("Fix") : fix);
}

void DiagnosticsView::onCurrentChanged()
{
    updateFix();
    const Diagnostic *diagnostic = current();
    if (diagnostic)
        emit diagnosticActivated(*diagnostic);
}

} // namespace meshroute::studio
