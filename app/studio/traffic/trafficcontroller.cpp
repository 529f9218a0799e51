#include "traffic/trafficcontroller.h"

#include "document/document.h"
#include "graph/graphscene.h"
#include "live/livesession.h"
#include "live/trafficgenerator.h"
#include "traffic/connectionsview.h"
#include "traffic/generatorpanel.h"
#include "traffic/podlogview.h"
#include "traffic/sharesview.h"
#include "traffic/tcpclient.h"
#include "traffic/trafficcharts.h"
#include "views/diagnostictext.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMultiHash>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStyle>
#include <QTimer>
#include <QToolBar>

#include <algorithm>
#include <map>

namespace meshroute::studio {

namespace {

// Strings shown through the main window's retranslation (actions, docks, menus).
constexpr const char *kContext = "meshroute::studio::MainWindow";

QString mw(const char *text)
{
    return QCoreApplication::translate(kContext, text);
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// The mean of the last points over about one second, so the numbers do not flicker.
struct Recent
{
    double active = 0, connectionsPerSecond = 0, clientToUpstream = 0, upstreamToClient = 0;
    void add(const TrafficSeries &s)
    {
        if (s.points.empty())
            return;
        const double since = s.points.back().time - 1.0;
        double n = 0, cps = 0, c2u = 0, u2c = 0;
        for (auto it = s.points.rbegin(); it != s.points.rend() && it->time > since; ++it) {
            ++n;
            cps += it->connectionsPerSecond;
            c2u += it->clientToUpstreamPerSecond;
            u2c += it->upstreamToClientPerSecond;
        }
        active += s.points.back().active;
        if (n > 0) {
            connectionsPerSecond += cps / n;
            clientToUpstream += c2u / n;
            upstreamToClient += u2c / n;
        }
    }
    LiveEdge edge(const QString &title, std::uint64_t total) const
    {
        LiveEdge e;
        e.active = active;
        e.connectionsPerSecond = connectionsPerSecond;
        e.bytesPerSecond = clientToUpstream + upstreamToClient;
        e.tooltip = TrafficController::tr("<b>%1</b><br>%2 open, %3 new per second, %4 in all<br>"
                                          "client → upstream %5<br>upstream → client %6")
                        .arg(title.toHtmlEscaped())
                        .arg(active)
                        .arg(connectionsPerSecond, 0, 'f', 1)
                        .arg(total)
                        .arg(bytesRateText(clientToUpstream), bytesRateText(upstreamToClient));
        return e;
    }
};

} // namespace

TrafficController::TrafficController(QMainWindow *window, Document *document, GraphScene *scene)
    : QObject(window)
    , m_window(window)
    , m_document(document)
    , m_scene(scene)
    , m_session(new LiveSession(this))
    , m_start(new QAction(this))
    , m_stop(new QAction(this))
    , m_applyNow(new QAction(this))
    , m_statusLabel(new QLabel(window))
    , m_events(new QPlainTextEdit(window))
    , m_applyTimer(new QTimer(this))
{
    m_start->setObjectName(QStringLiteral("actionStartGateway"));
    m_start->setProperty(
        "source", QByteArray(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "&Start Local Gateway")));
    m_start->setIcon(window->style()->standardIcon(QStyle::SP_MediaPlay));
    m_start->setShortcut(QKeySequence(Qt::Key_F5));
    m_stop->setObjectName(QStringLiteral("actionStopGateway"));
    m_stop->setProperty(
        "source", QByteArray(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "S&top Local Gateway")));
    m_stop->setIcon(window->style()->standardIcon(QStyle::SP_MediaStop));
    m_stop->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_applyNow->setObjectName(QStringLiteral("actionApplyNow"));
    m_applyNow->setProperty(
        "source", QByteArray(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "&Apply Edits Now")));
    m_applyNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    connect(m_start, &QAction::triggered, this, &TrafficController::start);
    connect(m_stop, &QAction::triggered, this, &TrafficController::stop);
    connect(m_applyNow, &QAction::triggered, this, &TrafficController::applyNow);

    m_statusLabel->setObjectName(QStringLiteral("gatewayStatus"));
    m_statusLabel->setTextFormat(Qt::RichText);
    m_events->setObjectName(QStringLiteral("gatewayEvents"));
    m_events->setReadOnly(true);
    m_events->setMaximumBlockCount(5000);
    m_events->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_applyTimer->setSingleShot(true);
    connect(m_applyTimer, &QTimer::timeout, this, &TrafficController::applyNow);
    connect(m_document, &Document::documentChanged, this, &TrafficController::onDocumentChanged);
    connect(m_document, &Document::documentReset, this, &TrafficController::onDocumentChanged);
    connect(m_document, &Document::gatewayApiTargetChanged, this, &TrafficController::onDocumentChanged);
    connect(m_session, &LiveSession::applied, this, &TrafficController::onApplied);
    connect(m_session, &LiveSession::sampled, this, &TrafficController::onSampled);
    connect(m_session, &LiveSession::runningChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    m_window->installEventFilter(this);
    retranslate();
    updateActions();
}

TrafficController::~TrafficController()
{
    m_applyTimer->stop();
    m_session->disconnect(this);
    m_document->disconnect(this);
    m_session->stop();
}

QDockWidget *TrafficController::addDock(const char *title, const QString &name, QWidget *widget,
                                        Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(mw(title), m_window);
    dock->setProperty("titleSource", QByteArray(title));
    dock->setObjectName(name);
    dock->setWidget(widget);
    m_window->addDockWidget(area, dock);
    m_docks << dock;
    return dock;
}

void TrafficController::install(QMenu *viewMenu, QAction *before)
{
    auto *menu = new QMenu(mw("&Gateway"), m_window);
    menu->setObjectName(QStringLiteral("menuGateway"));
    menu->menuAction()->setProperty(
        "source", QByteArray(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "&Gateway")));
    menu->addAction(m_start);
    menu->addAction(m_stop);
    menu->addAction(m_applyNow);
    m_window->menuBar()->insertMenu(before, menu);

    auto *bar = new QToolBar(mw("Gateway"), m_window);
    bar->setObjectName(QStringLiteral("gatewayToolBar"));
    bar->setProperty("titleSource",
                     QByteArray(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Gateway")));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_start);
    bar->addAction(m_stop);
    m_window->addToolBar(bar);

    QDockWidget *events = addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Gateway Events"),
                                  QStringLiteral("gatewayEventsDock"), m_events, Qt::BottomDockWidgetArea);
    m_charts = new TrafficCharts(m_session, m_window);
    m_charts->setObjectName(QStringLiteral("trafficCharts"));
    QDockWidget *charts = addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Traffic"),
                                  QStringLiteral("trafficDock"), m_charts, Qt::BottomDockWidgetArea);
    m_shares = new SharesView(m_session, m_window);
    m_shares->setObjectName(QStringLiteral("sharesView"));
    QDockWidget *shares =
        addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Configured vs Observed"),
                QStringLiteral("sharesDock"), m_shares, Qt::BottomDockWidgetArea);
    m_connections = new ConnectionsView(m_session, m_window);
    m_connections->setObjectName(QStringLiteral("connectionsView"));
    QDockWidget *connections =
        addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Connections"),
                QStringLiteral("connectionsDock"), m_connections, Qt::BottomDockWidgetArea);
    // A selected connection shows its path in the graph: gateway, route, subset's service, pod's workload.
    connect(m_connections, &ConnectionsView::pathSelected, this, [this](const ConnectionPath &path) {
        if (!path.isEmpty())
            m_scene->selectNodes(path.nodes());
    });
    m_podLogs = new PodLogView(m_session, m_window);
    m_podLogs->setObjectName(QStringLiteral("podLogView"));
    QDockWidget *logs = addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Pod Logs"),
                                QStringLiteral("podLogsDock"), m_podLogs, Qt::BottomDockWidgetArea);
    m_client = new TcpClientPanel(m_session, m_window);
    m_client->setObjectName(QStringLiteral("tcpClient"));
    // In scroll areas: the panels' forms must not set the width of the whole right column.
    const auto scrolled = [this](QWidget *panel) {
        auto *area = new QScrollArea(m_window);
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(panel);
        return area;
    };
    QDockWidget *client = addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Client"),
                                  QStringLiteral("clientDock"), scrolled(m_client), Qt::RightDockWidgetArea);
    m_generator = new GeneratorPanel(m_session, m_window);
    m_generator->setObjectName(QStringLiteral("generatorPanel"));
    QDockWidget *generator =
        addDock(QT_TRANSLATE_NOOP("meshroute::studio::MainWindow", "Traffic Generator"),
                QStringLiteral("generatorDock"), scrolled(m_generator), Qt::RightDockWidgetArea);
    // A generator run is a fresh experiment: the observed shares count from its start.
    connect(m_generator, &GeneratorPanel::runStarted, this, [this] {
        m_session->resetShares();
        log(tr("Traffic generator started; the observed shares count from now."));
    });
    connect(m_generator, &GeneratorPanel::runFinished, this, [this](const TrafficProgress &p) {
        log(tr("Traffic generator finished: %1 answered, %2 failed.").arg(p.succeeded).arg(p.failed));
    });

    // One row of tabs along the bottom, beside the diagnostics: the charts and tables need the width.
    QDockWidget *anchor = m_window->findChild<QDockWidget *>(QStringLiteral("historyDock"));
    if (anchor)
        m_window->tabifyDockWidget(anchor, events);
    m_window->tabifyDockWidget(events, charts);
    m_window->tabifyDockWidget(charts, shares);
    m_window->tabifyDockWidget(shares, connections);
    m_window->tabifyDockWidget(connections, logs);
    // The client and the generator beside the YAML pane, where the inspector is.
    if (auto *yaml = m_window->findChild<QDockWidget *>(QStringLiteral("yamlDock"))) {
        m_window->tabifyDockWidget(yaml, client);
        m_window->tabifyDockWidget(client, generator);
        yaml->raise();
    }
    // The panels' own sizes must not squeeze the resource tree or widen the right column.
    auto *resources = m_window->findChild<QDockWidget *>(QStringLiteral("resourcesDock"));
    auto *inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    if (resources && inspector)
        m_window->resizeDocks({resources, inspector}, {260, 420}, Qt::Horizontal);
    if (auto *yaml = m_window->findChild<QDockWidget *>(QStringLiteral("yamlDock")); yaml && inspector)
        m_window->resizeDocks({inspector, yaml}, {330, 420}, Qt::Vertical);
    if (auto *diagnostics = m_window->findChild<QDockWidget *>(QStringLiteral("diagnosticsDock")))
        diagnostics->raise();
    if (viewMenu) {
        for (QDockWidget *dock : std::as_const(m_docks))
            viewMenu->addAction(dock->toggleViewAction());
    }
}

void TrafficController::setGatewayOptions(const QString &bindAddress, int portOffset)
{
    m_bindAddress = bindAddress.isEmpty() ? QStringLiteral("127.0.0.1") : bindAddress;
    m_portOffset = portOffset;
    if (m_session->isRunning())
        log(tr("The new bind address and port offset take effect at the next start."));
}

bool TrafficController::start()
{
    if (m_session->isRunning())
        return true;
    LiveSession::Options options = m_session->options();
    options.bindAddress = m_bindAddress.toStdString();
    options.portOffset = m_portOffset;
    m_session->setOptions(options);
    m_refused = false;
    log(tr("Starting the local gateway on %1 (port offset %2)…").arg(m_bindAddress).arg(m_portOffset));
    const LiveOutcome outcome =
        m_session->start(m_document->set(), m_document->diagnostics(), m_document->gatewayApiTarget());
    if (outcome.applied) {
        // Show the traffic as it starts (the event log is one tab away).
        if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("trafficDock")))
            dock->raise();
    }
    if (!outcome.applied) {
        updateStatus();
    }
    return outcome.applied;
}

void TrafficController::stop()
{
    m_applyTimer->stop();
    if (!m_session->isRunning())
        return;
    const std::int64_t open = m_session->activeConnections();
    m_session->stop();
    m_refused = false;
    m_scene->setLiveOverlay({});
    log(open > 0 ? tr("Stopped; %n open connection(s) closed.", nullptr, static_cast<int>(open))
                 : tr("Stopped."));
}

void TrafficController::onDocumentChanged()
{
    if (m_session->isRunning())
        m_applyTimer->start(m_applyDelayMs);
}

void TrafficController::applyNow()
{
    m_applyTimer->stop();
    if (m_session->isRunning())
        m_session->apply(m_document->set(), m_document->diagnostics(), m_document->gatewayApiTarget());
}

void TrafficController::onApplied(const LiveOutcome &outcome)
{
    if (outcome.applied) {
        m_refused = false;
        m_refusedErrors = 0;
        log(outcome.generation <= 1 ? tr("Started.")
                                    : tr("Applied the edit (configuration %1).").arg(outcome.generation));
        for (const proxy::ListenerStatus &l : m_session->listeners()) {
            if (l.listening)
                log(tr("  %1 port %2 listening on %3").arg(q(l.gateway)).arg(l.port).arg(q(l.address)));
        }
    } else if (outcome.keptPrevious) {
        m_refused = true;
        m_refusedErrors = static_cast<int>(outcome.errors.size());
        log(tr("Not applied: the configuration has %n error(s); the previous configuration is still running.",
               nullptr, m_refusedErrors));
    } else {
        log(tr("Not started: the configuration has %n error(s).", nullptr,
               static_cast<int>(outcome.errors.size())));
    }
    // Configuration problems in the interface's language, then what the engine said (busy ports).
    for (const Diagnostic &d : outcome.diagnostics)
        log(QStringLiteral("  ") + diagnosticLine(d));
    for (const Message &w : outcome.engineMessages)
        log(QStringLiteral("  ") + engineMessage(w));
    updateStatus();
    emit applied(outcome);
}

LiveOverlay TrafficController::overlay() const
{
    LiveOverlay overlay;
    if (!m_session->isRunning())
        return overlay;
    overlay.running = true;
    const proxy::StatsSnapshot &snapshot = m_session->snapshot();
    const std::shared_ptr<const RouteTable> table = m_session->table();

    // Ports: listening, busy (with the reason), or not served. A port's edge to the rule serving it
    // shows the port's connections; on a PASSTHROUGH port each SNI rule's edge shows its own.
    std::map<std::pair<std::string, std::uint32_t>, QString> servingRoute; // (gateway, port) -> route node
    std::map<std::pair<std::string, std::uint32_t>, std::vector<const Route *>> sniRoutes;
    if (table) {
        for (const Listener &l : table->listeners) {
            if (l.route && *l.route < table->routes.size())
                servingRoute[{l.gateway, l.port}] = LiveSession::graphRouteId(table->routes[*l.route]);
            for (const SniRoute &sni : l.sniRoutes) {
                if (sni.route < table->routes.size())
                    sniRoutes[{l.gateway, l.port}].push_back(&table->routes[sni.route]);
            }
        }
    }
    QHash<QString, const TrafficSeries *> byPortEdge;
    for (const proxy::ListenerStats &l : snapshot.listeners) {
        const TrafficSeries *s =
            m_session->findSeries(QStringLiteral("listener:%1:%2").arg(q(l.gateway)).arg(l.port));
        if (!s || s->graphSocket.isEmpty())
            continue;
        LivePort port;
        port.state = l.listening ? PortState::Listening : PortState::Busy;
        port.text = l.listening ? tr("listening on %1").arg(q(l.address))
                                : tr("not listening: %1").arg(engineMessage(l.why));
        overlay.ports.insert(GraphScene::portKey(s->graphNode, s->graphSocket), port);
        const QString portEdge = s->graphNode + QLatin1Char('#') + s->graphSocket + QLatin1Char('>');
        const auto route = servingRoute.find({l.gateway, l.port});
        if (route != servingRoute.end())
            byPortEdge.insert(portEdge + route->second, s);
        const auto byName = sniRoutes.find({l.gateway, l.port});
        if (byName == sniRoutes.end())
            continue;
        for (const Route *r : byName->second) {
            if (const TrafficSeries *rs = m_session->findSeries(QStringLiteral("route:") + q(r->name)))
                byPortEdge.insert(portEdge + LiveSession::graphRouteId(*r), rs);
        }
    }

    // The route->subset and subset->workload series by the edge they belong to: one pass over the
    // series, then one lookup per edge.
    const auto subsetEdgeKey = [](const QString &from, const QString &to, const QString &socket, int d) {
        return QStringLiteral("%1>%2#%3@%4").arg(from, to, socket).arg(d);
    };
    const auto workloadEdgeKey = [](const QString &from, const QString &socket, const QString &to) {
        return from + QLatin1Char('#') + socket + QLatin1Char('>') + to;
    };
    // (QMultiHash gives a key's values newest first; the lists below restore table order.)
    QMultiHash<QString, const TrafficSeries *> bySubsetEdge, byWorkloadEdge;
    const auto inOrder = [](QList<const TrafficSeries *> list) {
        std::reverse(list.begin(), list.end());
        return list;
    };
    for (const TrafficSeries *s : m_session->seriesOf(SeriesKind::RouteDestination))
        bySubsetEdge.insert(subsetEdgeKey(s->graphNode, s->graphTarget, s->targetSocket, s->destination), s);
    for (const TrafficSeries *s : m_session->seriesOf(SeriesKind::Endpoint))
        byWorkloadEdge.insert(workloadEdgeKey(s->graphNode, s->graphSocket, s->graphTarget), s);

    for (EdgeItem *item : m_scene->edgeItems()) {
        const GraphEdge &e = item->edge();
        Recent recent;
        std::uint64_t total = 0;
        QString title;
        bool found = false;
        switch (e.kind) {
        case EdgeKind::PortToRoute:
            if (const TrafficSeries *s =
                    byPortEdge.value(e.from + QLatin1Char('#') + e.fromSocket + QLatin1Char('>') + e.to)) {
                recent.add(*s);
                total = s->totals[proxy::Counter::ConnectionsOpened];
                title = s->label;
                found = true;
            }
            break;
        case EdgeKind::RouteToSubset:
            for (const TrafficSeries *s :
                 inOrder(bySubsetEdge.values(subsetEdgeKey(e.from, e.to, e.toSocket, e.destination)))) {
                recent.add(*s);
                total += s->totals[proxy::Counter::ConnectionsOpened];
                title = s->label;
                found = true;
            }
            break;
        case EdgeKind::SubsetToWorkload:
            for (const TrafficSeries *s :
                 inOrder(byWorkloadEdge.values(workloadEdgeKey(e.from, e.fromSocket, e.to)))) {
                recent.add(*s);
                total += s->totals[proxy::Counter::ConnectionsOpened];
                title = title.isEmpty() ? s->label : title + QStringLiteral(", ") + s->label;
                found = true;
            }
            break;
        }
        if (found)
            overlay.edges.insert(GraphScene::edgeKey(e), recent.edge(title, total));
    }
    return overlay;
}

void TrafficController::onSampled()
{
    m_scene->setLiveOverlay(overlay());
    updateStatus();
}

void TrafficController::updateActions()
{
    const bool running = m_session->isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_applyNow->setEnabled(running);
}

void TrafficController::updateStatus()
{
    if (!m_session->isRunning()) {
        m_statusLabel->setText(tr("Local gateway: stopped"));
        return;
    }
    int listening = 0, busy = 0;
    QStringList busyPorts;
    for (const proxy::ListenerStatus &l : m_session->listeners()) {
        if (l.listening)
            ++listening;
        else {
            ++busy;
            busyPorts << QString::number(l.port);
        }
    }
    QString text = tr("Local gateway: <b>running</b> · %n port(s) listening", nullptr, listening);
    if (busy > 0)
        text += QStringLiteral(" · <span style='color:#d12424'>%1</span>")
                    .arg(tr("%1 not listening").arg(busyPorts.join(QStringLiteral(", "))));
    text += QStringLiteral(" · ") +
            tr("%n open connection(s)", nullptr, static_cast<int>(m_session->activeConnections()));
    if (m_refused)
        text += QStringLiteral(" · <span style='color:#d12424'>%1</span>")
                    .arg(tr("edit not applied (%n error(s)), previous configuration running", nullptr,
                            m_refusedErrors));
    m_statusLabel->setText(text);
}

void TrafficController::retranslate()
{
    m_start->setToolTip(tr("Run these rules on this machine (%1)")
                            .arg(m_start->shortcut().toString(QKeySequence::NativeText)));
    m_stop->setToolTip(tr("Stop the local gateway; open connections are closed"));
    // Short labels in the toolbar; the menu shows the full text.
    m_start->setIconText(tr("Start"));
    m_stop->setIconText(tr("Stop"));
    m_events->setPlaceholderText(
        tr("Start the local gateway to run these rules on this machine; what it does shows here."));
    updateStatus();
}

bool TrafficController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void TrafficController::log(const QString &line)
{
    m_events->appendPlainText(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss  ")) + line);
}

} // namespace meshroute::studio
