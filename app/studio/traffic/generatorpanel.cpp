#include "traffic/generatorpanel.h"

#include "live/livesession.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace meshroute::studio {

namespace {

constexpr int kGatewayPortRole = Qt::UserRole;
constexpr int kBoundPortRole = Qt::UserRole + 1;
constexpr int kPollMs = 100;

QString percent(std::uint64_t part, std::uint64_t whole)
{
    return whole ? QStringLiteral("%1 %").arg(100.0 * static_cast<double>(part) / static_cast<double>(whole),
                                              5, 'f', 1)
                 : QStringLiteral("–");
}

} // namespace

GeneratorPanel::GeneratorPanel(LiveSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_generator(std::make_unique<TrafficGenerator>())
    , m_poll(new QTimer(this))
    , m_ports(new QComboBox(this))
    , m_countMode(new QRadioButton(this))
    , m_rateMode(new QRadioButton(this))
    , m_count(new QSpinBox(this))
    , m_rate(new QDoubleSpinBox(this))
    , m_duration(new QDoubleSpinBox(this))
    , m_concurrency(new QSpinBox(this))
    , m_message(new QLineEdit(this))
    , m_start(new QPushButton(this))
    , m_cancel(new QPushButton(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_summary(new QPlainTextEdit(this))
    , m_countLabel(new QLabel(this))
    , m_rateLabel(new QLabel(this))
    , m_durationLabel(new QLabel(this))
    , m_concurrencyLabel(new QLabel(this))
    , m_messageLabel(new QLabel(this))
    , m_portLabel(new QLabel(this))
{
    m_ports->setObjectName(QStringLiteral("generatorPort"));
    m_countMode->setObjectName(QStringLiteral("generatorCountMode"));
    m_rateMode->setObjectName(QStringLiteral("generatorRateMode"));
    m_count->setObjectName(QStringLiteral("generatorCount"));
    m_count->setRange(1, static_cast<int>(TrafficPlan::kMaxConnections));
    m_count->setValue(1000);
    m_count->setGroupSeparatorShown(true);
    m_rate->setObjectName(QStringLiteral("generatorRate"));
    m_rate->setRange(0.1, TrafficPlan::kMaxRate);
    m_rate->setDecimals(1);
    m_rate->setValue(100);
    m_duration->setObjectName(QStringLiteral("generatorDuration"));
    m_duration->setRange(0.1, TrafficPlan::kMaxDurationSeconds);
    m_duration->setDecimals(1);
    m_duration->setValue(10);
    m_concurrency->setObjectName(QStringLiteral("generatorConcurrency"));
    m_concurrency->setRange(1, static_cast<int>(TrafficPlan::kMaxConcurrency));
    m_concurrency->setValue(100);
    m_message->setObjectName(QStringLiteral("generatorMessage"));
    m_message->setText(QStringLiteral("hello"));
    m_start->setObjectName(QStringLiteral("generatorStart"));
    m_cancel->setObjectName(QStringLiteral("generatorCancel"));
    m_progress->setObjectName(QStringLiteral("generatorProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_summary->setObjectName(QStringLiteral("generatorSummary"));
    m_summary->setReadOnly(true);
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_status->setWordWrap(true);
    m_countMode->setChecked(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_countMode);
    modes->addButton(m_rateMode);

    auto *form = new QFormLayout;
    form->addRow(m_portLabel, m_ports);
    auto *countRow = new QHBoxLayout;
    countRow->addWidget(m_countMode);
    countRow->addWidget(m_count, 1);
    form->addRow(m_countLabel, countRow);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rateMode);
    rateRow->addWidget(m_rate, 1);
    rateRow->addWidget(m_durationLabel);
    rateRow->addWidget(m_duration, 1);
    form->addRow(m_rateLabel, rateRow);
    form->addRow(m_concurrencyLabel, m_concurrency);
    form->addRow(m_messageLabel, m_message);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_progress, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(m_summary, 1);

    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &GeneratorPanel::poll);
    connect(m_start, &QPushButton::clicked, this, &GeneratorPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &GeneratorPanel::cancel);
    connect(m_countMode, &QRadioButton::toggled, this, &GeneratorPanel::updateForm);
    connect(session, &LiveSession::runningChanged, this, &GeneratorPanel::refreshPorts);
    connect(session, &LiveSession::applied, this, &GeneratorPanel::refreshPorts);

    retranslate();
    updateForm();
}

GeneratorPanel::~GeneratorPanel()
{
    m_poll->stop();
    m_generator.reset(); // cancels and joins its thread
}

bool GeneratorPanel::selectGatewayPort(quint32 gatewayPort)
{
    for (int i = 0; i < m_ports->count(); ++i) {
        if (m_ports->itemData(i, kGatewayPortRole).toUInt() == gatewayPort) {
            m_ports->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void GeneratorPanel::setCountMode(int connections)
{
    m_countMode->setChecked(true);
    m_count->setValue(connections);
}

void GeneratorPanel::setRateMode(double perSecond, double seconds)
{
    m_rateMode->setChecked(true);
    m_rate->setValue(perSecond);
    m_duration->setValue(seconds);
}

void GeneratorPanel::setConcurrency(int connections)
{
    m_concurrency->setValue(connections);
}

void GeneratorPanel::setMessage(const QString &message)
{
    m_message->setText(message);
}

TrafficPlan GeneratorPanel::plan() const
{
    TrafficPlan plan;
    QString address = m_session->bindAddress();
    // A gateway listening on every address is reached on loopback.
    if (address == QLatin1String("0.0.0.0"))
        address = QStringLiteral("127.0.0.1");
    else if (address == QLatin1String("::"))
        address = QStringLiteral("::1");
    plan.address = address.toStdString();
    plan.port = static_cast<std::uint16_t>(m_ports->currentData(kBoundPortRole).toUInt());
    plan.mode = m_countMode->isChecked() ? TrafficPlan::Mode::Count : TrafficPlan::Mode::Rate;
    plan.count = static_cast<std::uint64_t>(m_count->value());
    plan.rate = m_rate->value();
    plan.durationSeconds = m_duration->value();
    plan.concurrency = static_cast<unsigned>(m_concurrency->value());
    plan.message = m_message->text().toStdString();
    return plan;
}

bool GeneratorPanel::isRunning() const
{
    return m_generator->running();
}

QString GeneratorPanel::summaryText() const
{
    return m_summary->toPlainText();
}

int GeneratorPanel::progressValue() const
{
    return m_progress->value();
}

void GeneratorPanel::refreshPorts()
{
    const quint32 current = m_ports->currentData(kGatewayPortRole).toUInt();
    m_ports->clear();
    for (const proxy::ListenerStatus &l : m_session->listeners()) {
        if (!l.listening)
            continue;
        m_ports->addItem(tr("%1 → %2:%3 (%4)")
                             .arg(l.port)
                             .arg(m_session->bindAddress())
                             .arg(l.boundPort)
                             .arg(QString::fromStdString(l.gateway)));
        const int i = m_ports->count() - 1;
        m_ports->setItemData(i, l.port, kGatewayPortRole);
        m_ports->setItemData(i, l.boundPort, kBoundPortRole);
    }
    if (current != 0)
        selectGatewayPort(current);
    updateForm();
}

void GeneratorPanel::start()
{
    if (m_generator->running())
        return;
    if (m_ports->count() == 0) {
        m_status->setText(tr("Start the local gateway first."));
        return;
    }
    const TrafficPlan p = plan();
    const std::string error = m_generator->start(p);
    if (!error.empty()) {
        m_status->setText(tr("Cannot start: %1").arg(QString::fromStdString(error)));
        return;
    }
    m_runGatewayPort = m_ports->currentData(kGatewayPortRole).toUInt();
    m_summary->clear();
    m_progress->setValue(0);
    m_last = m_generator->progress();
    showProgress(m_last);
    m_poll->start();
    updateForm();
    emit runStarted();
}

void GeneratorPanel::cancel()
{
    m_generator->cancel();
}

void GeneratorPanel::poll()
{
    m_last = m_generator->progress();
    showProgress(m_last);
    if (!m_last.finished)
        return;
    m_poll->stop();
    m_generator->wait(std::chrono::milliseconds(1000)); // the thread is ending: join it
    m_summary->setPlainText(summarise(m_last));
    updateForm();
    emit runFinished(m_last);
}

void GeneratorPanel::showProgress(const TrafficProgress &p)
{
    const std::uint64_t done = p.succeeded + p.failed + p.cancelled;
    const int value =
        p.finished ? 1000
                   : (p.planned ? static_cast<int>(1000 * done / std::max<std::uint64_t>(p.planned, 1)) : 0);
    m_progress->setValue(std::clamp(value, 0, 1000));
    const QLocale locale;
    m_progress->setFormat(tr("%1 of %2")
                              .arg(locale.toString(static_cast<qulonglong>(done)),
                                   locale.toString(static_cast<qulonglong>(p.planned))));
    if (p.finished) {
        m_status->setText(p.wasCancelled   ? tr("Cancelled.")
                          : p.hitTimeLimit ? tr("Stopped at the time limit.")
                                           : tr("Done."));
        return;
    }
    const double rate = p.elapsedSeconds > 0 ? static_cast<double>(p.started) / p.elapsedSeconds : 0;
    m_status->setText(tr("Running: %1 answered, %2 failed, %3 open; %4 connections/s; p50 %5 ms, p99 %6 ms")
                          .arg(locale.toString(static_cast<qulonglong>(p.succeeded)))
                          .arg(locale.toString(static_cast<qulonglong>(p.failed)))
                          .arg(locale.toString(static_cast<qulonglong>(p.open)))
                          .arg(rate, 0, 'f', 0)
                          .arg(p.p50Ms, 0, 'f', 2)
                          .arg(p.p99Ms, 0, 'f', 2));
}

QString GeneratorPanel::failureText(TrafficFailure failure) const
{
    switch (failure) {
    case TrafficFailure::Refused:
        return tr("refused");
    case TrafficFailure::Reset:
        return tr("reset");
    case TrafficFailure::Timeout:
        return tr("timeout");
    case TrafficFailure::Closed:
        return tr("closed by peer");
    case TrafficFailure::Mismatch:
        return tr("wrong echo");
    case TrafficFailure::Other:
        break;
    }
    return tr("other");
}

QString GeneratorPanel::summarise(const TrafficProgress &p) const
{
    const QLocale locale;
    const auto n = [&](std::uint64_t v) { return locale.toString(static_cast<qulonglong>(v)); };
    QStringList out;
    const double rate = p.elapsedSeconds > 0 ? static_cast<double>(p.started) / p.elapsedSeconds : 0;
    out << tr("%1 connections to gateway port %2 in %3 s (%4 per second): %5 answered, %6 failed")
               .arg(n(p.started))
               .arg(m_runGatewayPort)
               .arg(p.elapsedSeconds, 0, 'f', 2)
               .arg(rate, 0, 'f', 0)
               .arg(n(p.succeeded))
               .arg(n(p.failed));
    if (p.hitTimeLimit)
        out << tr("Stopped at the run's time limit: %1 closed while open, %2 never started.")
                   .arg(n(p.cancelled))
                   .arg(n(p.skipped));
    else if (p.wasCancelled)
        out << tr("Cancelled: %1 closed while open, %2 never started.").arg(n(p.cancelled)).arg(n(p.skipped));
    else if (p.skipped)
        out << tr("%1 never started: the concurrency bound was full when the run ended.").arg(n(p.skipped));

    // Shares of the answered connections, by subset and by pod.
    std::map<QString, std::uint64_t> bySubset;
    int width = 8;
    for (const auto &[pod, count] : p.byPod) {
        QString subset = pod.empty() ? QString() : m_session->subsetOfPod(QString::fromStdString(pod));
        if (subset.isEmpty())
            subset = pod.empty() ? tr("(no demo greeting)") : tr("(no subset)");
        bySubset[subset] += count;
        width = std::max(width, static_cast<int>(pod.size()));
    }
    if (!p.byPod.empty()) {
        out << QString() << tr("By subset:");
        for (const auto &[subset, count] : bySubset)
            out << QStringLiteral("  %1 %2  %3")
                       .arg(subset, -width)
                       .arg(n(count), 8)
                       .arg(percent(count, p.succeeded));
        out << QString() << tr("By pod:");
        for (const auto &[pod, count] : p.byPod) {
            const QString name = pod.empty() ? tr("(no demo greeting)") : QString::fromStdString(pod);
            out << QStringLiteral("  %1 %2  %3")
                       .arg(name, -width)
                       .arg(n(count), 8)
                       .arg(percent(count, p.succeeded));
        }
    }
    if (p.failed) {
        out << QString() << tr("Failures:");
        for (std::size_t k = 0; k < kTrafficFailureKinds; ++k) {
            if (!p.failures[k])
                continue;
            out << QStringLiteral("  %1 %2  (%3)")
                       .arg(failureText(static_cast<TrafficFailure>(k)), -16)
                       .arg(n(p.failures[k]), 8)
                       .arg(QString::fromStdString(p.failureDetail[k]));
        }
    }
    if (p.succeeded) {
        out << QString()
            << tr("Latency, connect to echo: p50 %1 ms, p99 %2 ms, max %3 ms")
                   .arg(p.p50Ms, 0, 'f', 2)
                   .arg(p.p99Ms, 0, 'f', 2)
                   .arg(p.maxMs, 0, 'f', 2);
    }
    return out.join(QLatin1Char('\n'));
}

void GeneratorPanel::updateForm()
{
    const bool running = m_generator->running();
    const bool count = m_countMode->isChecked();
    m_count->setEnabled(!running && count);
    m_rate->setEnabled(!running && !count);
    m_duration->setEnabled(!running && !count);
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_ports, m_countMode, m_rateMode, m_concurrency, m_message})
        w->setEnabled(!running);
    m_start->setEnabled(!running && m_ports->count() > 0);
    m_cancel->setEnabled(running);
}

void GeneratorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void GeneratorPanel::retranslate()
{
    m_portLabel->setText(tr("Gateway port"));
    m_countLabel->setText(tr("Connections"));
    m_countMode->setText(tr("Count"));
    m_rateLabel->setText(tr("Rate"));
    m_rateMode->setText(tr("Per second"));
    m_rate->setSuffix(tr(" /s"));
    m_durationLabel->setText(tr("for"));
    m_duration->setSuffix(tr(" s"));
    m_concurrencyLabel->setText(tr("Open at once"));
    m_concurrency->setToolTip(tr("At most this many connections open at the same time"));
    m_messageLabel->setText(tr("Message"));
    m_message->setToolTip(tr("Sent as one line on each connection; the pod echoes it"));
    m_start->setText(tr("Start"));
    m_cancel->setText(tr("Cancel"));
    refreshPorts();
    if (m_last.finished)
        m_summary->setPlainText(summarise(m_last));
}

} // namespace meshroute::studio
