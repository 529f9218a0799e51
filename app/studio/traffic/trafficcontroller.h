#pragma once

// Joins the running local gateway to the main window: Start/Stop, the status bar,
// edits applied as they are made (debounced; a configuration with errors is never
// applied, the previous one keeps running), the gateway's event log, the live
// numbers and port states over the graph, and the docks of the traffic views.

#include "graph/graphitems.h"

#include <QObject>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QPlainTextEdit;
class QTimer;

namespace meshroute::studio {

class Document;
class GraphScene;
class LiveSession;
class ConnectionsView;
class GeneratorPanel;
class PodLogView;
class SharesView;
class TcpClientPanel;
class TrafficCharts;
struct LiveOutcome;
struct LiveOverlay;

class TrafficController : public QObject
{
    Q_OBJECT

public:
    TrafficController(QMainWindow *window, Document *document, GraphScene *scene);
    ~TrafficController() override;

    LiveSession *session() const { return m_session; }
    QAction *startAction() const { return m_start; }
    QAction *stopAction() const { return m_stop; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QPlainTextEdit *eventLog() const { return m_events; }
    QList<QDockWidget *> docks() const { return m_docks; }
    TrafficCharts *charts() const { return m_charts; }
    SharesView *shares() const { return m_shares; }
    ConnectionsView *connections() const { return m_connections; }
    PodLogView *podLogs() const { return m_podLogs; }
    TcpClientPanel *client() const { return m_client; }
    GeneratorPanel *generator() const { return m_generator; }
    // Add the Gateway menu (before `before`) and toolbar, and the docks, to the window.
    void install(QMenu *viewMenu, QAction *before);

    void setGatewayOptions(const QString &bindAddress, int portOffset);
    // Apply the document now instead of after the debounce delay (tests, Ctrl+Return).
    void applyNow();
    int applyDelayMs() const { return m_applyDelayMs; }
    void setApplyDelayMs(int ms) { m_applyDelayMs = ms; }
    // The overlay drawn for the last sample.
    LiveOverlay overlay() const;

public slots:
    bool start();
    void stop();

signals:
    // A configuration was applied to (or refused by) the running gateway.
    void applied(const meshroute::studio::LiveOutcome &outcome);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onDocumentChanged();
    void onApplied(const LiveOutcome &outcome);
    void onSampled();
    void updateStatus();
    void updateActions();
    void retranslate();
    void log(const QString &line);
    QDockWidget *addDock(const char *title, const QString &name, QWidget *widget, Qt::DockWidgetArea area);

    QMainWindow *m_window;
    Document *m_document;
    GraphScene *m_scene;
    LiveSession *m_session;
    QAction *m_start;
    QAction *m_stop;
    QAction *m_applyNow;
    QLabel *m_statusLabel;
    QPlainTextEdit *m_events;
    QTimer *m_applyTimer;
    QList<QDockWidget *> m_docks;
    TrafficCharts *m_charts = nullptr;
    SharesView *m_shares = nullptr;
    ConnectionsView *m_connections = nullptr;
    PodLogView *m_podLogs = nullptr;
    TcpClientPanel *m_client = nullptr;
    GeneratorPanel *m_generator = nullptr;
    int m_applyDelayMs = 400;
    bool m_refused = false; // the last edit was refused: the previous configuration runs
    int m_refusedErrors = 0;
    QString m_bindAddress = QStringLiteral("127.0.0.1");
    int m_portOffset = 0;
};

} // namespace meshroute::studio
