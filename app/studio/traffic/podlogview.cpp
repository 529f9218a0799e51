#include "traffic/podlogview.h"

#include "live/livesession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace meshroute::studio {

PodLogView::PodLogView(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_pods(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_followBox(new QCheckBox(this))
    , m_clear(new QPushButton(this))
    , m_text(new QPlainTextEdit(this))
    , m_empty(new QLabel(this))
{
    m_pods->setObjectName(QStringLiteral("podSelector"));
    m_pods->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->setObjectName(QStringLiteral("podLogFilter"));
    m_filter->setClearButtonEnabled(true);
    m_followBox->setObjectName(QStringLiteral("podLogFollow"));
    m_followBox->setChecked(true);
    m_text->setObjectName(QStringLiteral("podLogText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setMaximumBlockCount(m_capacity);
    m_empty->setWordWrap(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_pods);
    top->addWidget(m_filter, 1);
    top->addWidget(m_followBox);
    top->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_empty);
    layout->addWidget(m_text, 1);

    connect(m_pods, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_filter, &QLineEdit::textChanged, this, [this] { rebuild(); });
    connect(m_followBox, &QCheckBox::toggled, this, &PodLogView::setFollow);
    connect(m_clear, &QPushButton::clicked, this, &PodLogView::clear);
    connect(m_text->verticalScrollBar(), &QScrollBar::valueChanged, this, &PodLogView::onScrolled);
    // The text lays itself out later than an append: keep to the end when the range grows.
    connect(m_text->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_follow)
            scrollToEnd();
    });
    connect(session, &LiveSession::podLogAppended, this, &PodLogView::appendLines);
    connect(session, &LiveSession::runningChanged, this, &PodLogView::refreshPods);
    connect(session, &LiveSession::applied, this, &PodLogView::refreshPods);

    retranslate();
    refreshPods();
}

void PodLogView::setCapacity(int linesPerPod)
{
    m_capacity = std::max(1, linesPerPod);
    for (auto &[pod, lines] : m_lines) {
        while (static_cast<int>(lines.size()) > m_capacity)
            lines.pop_front();
    }
    while (static_cast<int>(m_all.size()) > m_capacity)
        m_all.pop_front();
    m_text->setMaximumBlockCount(m_capacity);
    rebuild();
}

QStringList PodLogView::podNames() const
{
    QStringList out;
    for (int i = 1; i < m_pods->count(); ++i)
        out << m_pods->itemData(i).toString();
    return out;
}

QString PodLogView::currentPod() const
{
    return m_pods->currentData().toString();
}

void PodLogView::setCurrentPod(const QString &pod)
{
    const int index = m_pods->findData(pod);
    if (index >= 0)
        m_pods->setCurrentIndex(index);
}

QStringList PodLogView::visibleLines() const
{
    const QString text = m_text->toPlainText();
    return text.isEmpty() ? QStringList() : text.split(QLatin1Char('\n'));
}

QStringList PodLogView::linesOf(const QString &pod) const
{
    const auto it = m_lines.find(pod);
    return it == m_lines.end() ? QStringList() : QStringList(it->second.begin(), it->second.end());
}

void PodLogView::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void PodLogView::setFollow(bool follow)
{
    m_follow = follow;
    if (m_followBox->isChecked() != follow) {
        const QSignalBlocker block(m_followBox);
        m_followBox->setChecked(follow);
    }
    if (follow)
        scrollToEnd();
}

void PodLogView::clear()
{
    const QString pod = currentPod();
    if (pod.isEmpty()) {
        m_lines.clear();
        m_all.clear();
    } else {
        m_lines.erase(pod);
        m_all.erase(std::remove_if(m_all.begin(), m_all.end(), [&](const Line &l) { return l.pod == pod; }),
                    m_all.end());
    }
    rebuild();
}

void PodLogView::ensurePod(const QString &pod)
{
    if (m_pods->findData(pod) >= 0)
        return;
    const QSignalBlocker block(m_pods);
    // Keep the pods sorted by name after the "all pods" entry.
    int at = 1;
    while (at < m_pods->count() && m_pods->itemData(at).toString() < pod)
        ++at;
    m_pods->insertItem(at, pod, pod);
}

void PodLogView::refreshPods()
{
    const QString current = currentPod();
    {
        const QSignalBlocker block(m_pods);
        if (m_pods->count() == 0)
            m_pods->addItem(tr("All pods"), QString());
    }
    for (const proxy::PodStatus &pod : m_session->pods())
        ensurePod(QString::fromStdString(pod.name));
    for (const auto &[pod, lines] : m_lines)
        ensurePod(pod);
    setCurrentPod(current);
    const bool none = m_pods->count() <= 1;
    m_empty->setVisible(none && m_all.empty());
}

bool PodLogView::shows(const QString &pod, const QString &text) const
{
    const QString current = currentPod();
    if (!current.isEmpty() && pod != current)
        return false;
    const QString filter = m_filter->text().trimmed();
    return filter.isEmpty() || text.contains(filter, Qt::CaseInsensitive) ||
           (current.isEmpty() && pod.contains(filter, Qt::CaseInsensitive));
}

QString PodLogView::lineText(const QString &pod, const QString &text) const
{
    // All pods: prefixed by the pod, as `kubectl logs --prefix` does.
    return currentPod().isEmpty() ? QStringLiteral("[%1] %2").arg(pod, text) : text;
}

void PodLogView::appendLines(const std::vector<proxy::PodLogLine> &lines)
{
    QStringList shown;
    for (const proxy::PodLogLine &line : lines) {
        const QString pod = QString::fromStdString(line.pod);
        const QString text = QString::fromStdString(line.text);
        ensurePod(pod);
        std::deque<QString> &kept = m_lines[pod];
        kept.push_back(text);
        if (static_cast<int>(kept.size()) > m_capacity)
            kept.pop_front();
        m_all.push_back({pod, text});
        if (static_cast<int>(m_all.size()) > m_capacity)
            m_all.pop_front();
        if (shows(pod, text))
            shown << lineText(pod, text);
    }
    m_empty->setVisible(false);
    if (shown.isEmpty())
        return;
    // One append per batch; the view drops its oldest blocks past the bound by itself.
    if (shown.size() > m_capacity)
        shown = shown.mid(shown.size() - m_capacity);
    {
        const QScrollBar *bar = m_text->verticalScrollBar();
        const int keep = bar->value();
        m_programmatic = true;
        m_text->appendPlainText(shown.join(QLatin1Char('\n')));
        if (!m_follow)
            m_text->verticalScrollBar()->setValue(std::min(keep, bar->maximum()));
        m_programmatic = false;
    }
    if (m_follow)
        scrollToEnd();
}

void PodLogView::rebuild()
{
    QStringList shown;
    const QString current = currentPod();
    if (current.isEmpty()) {
        for (const Line &l : m_all) {
            if (shows(l.pod, l.text))
                shown << lineText(l.pod, l.text);
        }
    } else if (const auto it = m_lines.find(current); it != m_lines.end()) {
        for (const QString &text : it->second) {
            if (shows(current, text))
                shown << text;
        }
    }
    m_programmatic = true;
    m_text->setPlainText(shown.join(QLatin1Char('\n')));
    m_programmatic = false;
    if (m_follow)
        scrollToEnd();
}

void PodLogView::scrollToEnd()
{
    m_programmatic = true;
    QScrollBar *bar = m_text->verticalScrollBar();
    bar->setValue(bar->maximum());
    m_programmatic = false;
}

void PodLogView::onScrolled()
{
    if (m_programmatic)
        return;
    // The user scrolled: up stops following, back to the end follows again.
    const QScrollBar *bar = m_text->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    if (atEnd != m_follow)
        setFollow(atEnd);
}

void PodLogView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void PodLogView::retranslate()
{
    if (m_pods->count() > 0)
        m_pods->setItemText(0, tr("All pods"));
    m_pods->setToolTip(tr("Whose log to show"));
    m_filter->setPlaceholderText(tr("Filter lines"));
    m_followBox->setText(tr("Follow"));
    m_followBox->setToolTip(tr("Keep to the newest line (scrolling up stops it)"));
    m_clear->setText(tr("Clear"));
    m_empty->setText(tr("No demo pods: start the local gateway on a configuration with Deployments."));
}

} // namespace meshroute::studio
