#pragma once

// The traffic generator's panel: pick a gateway port, N connections or a rate for
// a duration, a message; Start and Cancel; a progress bar while it runs (polled on
// a QTimer from the generator's thread-safe progress()); and when it ends, the
// summary: connections per pod and per subset with their shares, failures by
// reason, p50 and p99 latency.

#include "live/trafficgenerator.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace meshroute::studio {

class LiveSession;

class GeneratorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit GeneratorPanel(LiveSession *session, QWidget *parent = nullptr);
    ~GeneratorPanel() override; // cancels a run

    // The form, for the window and the tests.
    bool selectGatewayPort(quint32 gatewayPort);
    void setCountMode(int connections);
    void setRateMode(double perSecond, double seconds);
    void setConcurrency(int connections);
    void setMessage(const QString &message);
    TrafficPlan plan() const; // what Start would run

    bool isRunning() const;
    TrafficProgress lastProgress() const { return m_last; }
    QString summaryText() const; // the summary as shown (empty before a run ends)
    int progressValue() const;   // the bar, 0..1000

    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }

public slots:
    void start();
    void cancel();
    void refreshPorts();

signals:
    void runStarted();
    void runFinished(const meshroute::studio::TrafficProgress &progress);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void poll();
    void updateForm();
    void showProgress(const TrafficProgress &p);
    QString summarise(const TrafficProgress &p) const;
    QString failureText(TrafficFailure failure) const;

    LiveSession *m_session;
    std::unique_ptr<TrafficGenerator> m_generator;
    QTimer *m_poll;
    QComboBox *m_ports;
    QRadioButton *m_countMode;
    QRadioButton *m_rateMode;
    QSpinBox *m_count;
    QDoubleSpinBox *m_rate;
    QDoubleSpinBox *m_duration;
    QSpinBox *m_concurrency;
    QLineEdit *m_message;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPlainTextEdit *m_summary;
    QLabel *m_countLabel;
    QLabel *m_rateLabel;
    QLabel *m_durationLabel;
    QLabel *m_concurrencyLabel;
    QLabel *m_messageLabel;
    QLabel *m_portLabel;
    TrafficProgress m_last;
    quint32 m_runGatewayPort = 0;
};

} // namespace meshroute::studio
