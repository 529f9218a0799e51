// The studio runs the local gateway: Start from the window, traffic on the graph,
// edits applied while running (errors never), and closing the window stops it.
// Real sockets on 127.0.0.1 (QTcpSocket), free ports, bounded waits.

#include "studiotest.h"

#include "document/document.h"
#include "editing/routeedits.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "live/livesession.h"
#include "traffic/connectionsview.h"
#include "traffic/generatorpanel.h"
#include "traffic/trafficcontroller.h"
#include "window/mainwindow.h"

#include "../proxy/tlshello.h"

#include <QAction>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

int vsIndex(const Document &document)
{
    for (std::size_t i = 0; i < document.set().resources.size(); ++i)
        if (document.set().resources[i].kind == Kind::VirtualService)
            return static_cast<int>(i);
    return -1;
}

struct Echo
{
    QTcpSocket socket;
    QString greeting;

    // Connect and read the pod's greeting; the pod's name or "".
    QString connect(quint16 port)
    {
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(3000))
            return {};
        QElapsedTimer clock;
        clock.start();
        while (!greeting.contains(QLatin1String("Service default.\n")) && clock.elapsed() < 3000) {
            socket.waitForReadyRead(100);
            greeting += QString::fromUtf8(socket.readAll());
        }
        static const QRegularExpression pod(QStringLiteral("Running on Pod ([a-z0-9-]+)\\."));
        return pod.match(greeting).captured(1);
    }
    QString roundTrip(const QByteArray &line)
    {
        socket.write(line);
        socket.flush();
        QByteArray got;
        QElapsedTimer clock;
        clock.start();
        while (got.size() < line.size() && clock.elapsed() < 3000) {
            socket.waitForReadyRead(100);
            got += socket.readAll();
        }
        return QString::fromUtf8(got);
    }
};

} // namespace

class tst_TrafficWindow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void startShowsListeningPortsAndTrafficOnTheGraph();
    void invalidEditWhileRunningKeepsTheOldRules();
    void validEditIsAppliedAfterTheDebounce();
    void busyPortShowsOnTheGraphAndInTheStatus();
    void closingTheWindowStopsTheGateway();
    void generatorRunCountsTheSplitFromItsStart();
    void tlsPassthroughRoutesBySniOnTheGraph();
    void screenshotWithTraffic();

private:
    bool startGateway();
    void splitEightyTwenty();
    QTemporaryDir m_dir;
    QString m_demo;
    MainWindow *m_window = nullptr;
};

void tst_TrafficWindow::init()
{
    static int run = 0;
    m_demo = studiotest::copyDemo(QDir(m_dir.path()).absoluteFilePath(QString::number(++run)));
}

void tst_TrafficWindow::cleanup()
{
    delete m_window;
    m_window = nullptr;
}

bool tst_TrafficWindow::startGateway()
{
    m_window = new MainWindow;
    m_window->resize(1400, 900);
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window) || !m_window->openPaths({m_demo}))
        return false;
    LiveSession *live = m_window->traffic()->session();
    LiveSession::Options options = live->options();
    options.ephemeralPorts = true;
    options.threads = 2;
    options.sampleIntervalMs = 50;
    live->setOptions(options);
    m_window->traffic()->startAction()->trigger();
    return live->isRunning();
}

// Port 31400's rule sends 80 % to v1 and 20 % to v2, applied to the running gateway now.
void tst_TrafficWindow::splitEightyTwenty()
{
    Document &document = *m_window->document();
    const auto vs = static_cast<std::size_t>(vsIndex(document));
    YAML::Node node = edits::withSplit(YAML::Clone(document.set().resources[vs].node), edits::Section::Tcp, 0,
                                       "tcp-echo.default.svc.cluster.local", "v2", 3333);
    node = edits::withWeight(node, edits::Section::Tcp, 0, 0, 80);
    node = edits::withWeight(node, edits::Section::Tcp, 0, 1, 20);
    document.replaceResource(vs, node, QStringLiteral("split 80/20"));
    m_window->traffic()->applyNow();
}

void tst_TrafficWindow::startShowsListeningPortsAndTrafficOnTheGraph()
{
    QVERIFY(startGateway());
    TrafficController *traffic = m_window->traffic();
    QVERIFY(!traffic->startAction()->isEnabled());
    QVERIFY(traffic->stopAction()->isEnabled());
    QVERIFY2(traffic->statusLabel()->text().contains(QLatin1String("running")),
             qPrintable(traffic->statusLabel()->text()));
    QVERIFY(traffic->eventLog()->toPlainText().contains(QLatin1String("listening on 127.0.0.1:")));

    // Both gateway ports are lit on the graph.
    GraphScene *scene = m_window->scene();
    QTRY_VERIFY_WITH_TIMEOUT(scene->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway")) &&
                                 scene->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway"))
                                         ->portStates()
                                         .value(0)
                                         .state == PortState::Listening,
                             3000);
    QCOMPARE(
        scene->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway-v2"))->portStates().value(0).state,
        PortState::Listening);

    // A client on 31400: greeted by v1, echoed, and its connection shows on the path to v1.
    Echo client;
    const QString pod = client.connect(traffic->session()->boundPort(31400));
    QVERIFY2(pod.startsWith(QLatin1String("tcp-echo-v1-")), qPrintable(client.greeting));
    QCOMPARE(client.roundTrip("hello\n"), QStringLiteral("hello\n"));

    const QString route = QStringLiteral("route:default/tcp-echo/tcp/0");
    EdgeItem *portEdge = scene->edgeItem(QStringLiteral("gateway:default/tcp-echo-gateway"), route);
    EdgeItem *subsetEdge =
        scene->edgeItem(route, QStringLiteral("destination:tcp-echo.default.svc.cluster.local"), 0);
    EdgeItem *otherEdge =
        scene->edgeItem(QStringLiteral("route:default/tcp-echo/tcp/1"),
                        QStringLiteral("destination:tcp-echo.default.svc.cluster.local"), 0);
    QVERIFY(portEdge && subsetEdge && otherEdge);
    QTRY_VERIFY_WITH_TIMEOUT(portEdge->live() && portEdge->live()->active == 1, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(subsetEdge->live() && subsetEdge->live()->active == 1, 3000);
    QVERIFY2(portEdge->liveText().contains(QLatin1String("1 open")), qPrintable(portEdge->liveText()));
    QVERIFY(portEdge->penWidth() > 1.6);
    QVERIFY(otherEdge->liveText().isEmpty()); // nothing went to v2
    // The v1 subset to its Deployment carries it too.
    bool workloadEdge = false;
    for (EdgeItem *e : scene->edgeItems()) {
        if (e->edge().kind == EdgeKind::SubsetToWorkload &&
            e->edge().to == QLatin1String("workload:Deployment/default/tcp-echo-v1"))
            workloadEdge = e->live() && e->live()->active == 1;
    }
    QVERIFY(workloadEdge);
    QVERIFY(traffic->statusLabel()->text().contains(QLatin1String("1 open connection")));
    // The open connection is a row of the table already, with its bytes so far.
    ConnectionsModel *rows = traffic->connections()->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        rows->openCount() == 1 && rows->record(rows->finishedCount()).bytesFromClient == 6, 3000);
    QCOMPARE(rows->data(rows->index(rows->finishedCount(), ConnectionsModel::State)).toString(),
             QStringLiteral("open"));
    QCOMPARE(rows->data(rows->index(rows->finishedCount(), ConnectionsModel::Pod)).toString(), pod);

    client.socket.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(portEdge->live() && portEdge->live()->active == 0, 3000);

    // The finished connection in the table; selecting it highlights its path in the graph.
    ConnectionsView *connections = traffic->connections();
    QTRY_VERIFY_WITH_TIMEOUT(rows->finishedCount() == 1 && rows->openCount() == 0, 3000);
    QCOMPARE(connections->proxy()->rowCount(), 1);
    QCOMPARE(rows->data(rows->index(0, ConnectionsModel::State)).toString(), QStringLiteral("closed"));
    connections->table()->selectRow(0);
    QStringList selected = scene->selectedNodeIds();
    selected.sort();
    QCOMPARE(selected, (QStringList{QStringLiteral("destination:tcp-echo.default.svc.cluster.local"),
                                    QStringLiteral("gateway:default/tcp-echo-gateway"), route,
                                    QStringLiteral("workload:Deployment/default/tcp-echo-v1")}));
    QVERIFY(subsetEdge->isSelected() || subsetEdge->fromNode()->isSelected());

    // Stop: the overlay goes, the ports close.
    const quint16 port = traffic->session()->boundPort(31400);
    traffic->stopAction()->trigger();
    QVERIFY(!traffic->session()->isRunning());
    QVERIFY(!portEdge->live());
    QVERIFY(scene->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway"))->portStates().isEmpty());
    QVERIFY(traffic->statusLabel()->text().contains(QLatin1String("stopped")));
    QTcpSocket refused;
    refused.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(!refused.waitForConnected(1000) || refused.state() != QAbstractSocket::ConnectedState);
}

void tst_TrafficWindow::invalidEditWhileRunningKeepsTheOldRules()
{
    QVERIFY(startGateway());
    TrafficController *traffic = m_window->traffic();
    const quint16 port = traffic->session()->boundPort(31400);
    Document &document = *m_window->document();
    const auto vs = static_cast<std::size_t>(vsIndex(document));
    const YAML::Node broken = edits::withDestinationSubset(YAML::Clone(document.set().resources[vs].node),
                                                           edits::Section::Tcp, 0, 0, "v3");
    QSignalSpy applied(traffic, &TrafficController::applied);
    document.replaceResource(vs, broken, QStringLiteral("break it"));
    traffic->applyNow();
    QCOMPARE(applied.count(), 1);
    QVERIFY(traffic->eventLog()->toPlainText().contains(
        QLatin1String("previous configuration is still running")));
    QVERIFY(traffic->eventLog()->toPlainText().contains(QLatin1String("IST0101")));
    QVERIFY(traffic->statusLabel()->text().contains(QLatin1String("previous configuration running")));

    Echo client;
    QVERIFY(client.connect(port).startsWith(QLatin1String("tcp-echo-v1-")));

    // Undo makes it valid again: applied, and the warning goes.
    document.undoStack()->undo();
    traffic->applyNow();
    QVERIFY(!traffic->statusLabel()->text().contains(QLatin1String("previous configuration running")));
}

void tst_TrafficWindow::validEditIsAppliedAfterTheDebounce()
{
    QVERIFY(startGateway());
    TrafficController *traffic = m_window->traffic();
    traffic->setApplyDelayMs(100);
    const quint16 port = traffic->session()->boundPort(31400);
    Echo old;
    QVERIFY(old.connect(port).startsWith(QLatin1String("tcp-echo-v1-")));

    Document &document = *m_window->document();
    const auto vs = static_cast<std::size_t>(vsIndex(document));
    const YAML::Node moved = edits::withDestinationSubset(YAML::Clone(document.set().resources[vs].node),
                                                          edits::Section::Tcp, 0, 0, "v2");
    QSignalSpy applied(traffic, &TrafficController::applied);
    document.replaceResource(vs, moved, QStringLiteral("31400 to v2"));
    QCOMPARE(applied.count(), 0); // not at once: edits come in bursts
    QTRY_COMPARE_WITH_TIMEOUT(applied.count(), 1, 3000);
    QVERIFY(applied.at(0).at(0).value<LiveOutcome>().applied);

    Echo fresh;
    QVERIFY(fresh.connect(port).startsWith(QLatin1String("tcp-echo-v2-")));
    QCOMPARE(old.roundTrip("still v1\n"), QStringLiteral("still v1\n"));
}

void tst_TrafficWindow::busyPortShowsOnTheGraphAndInTheStatus()
{
    // Hold the port 31401 + offset maps to, then start with that offset.
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    const int offset = holder.serverPort() - 31401;
    m_window = new MainWindow;
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QVERIFY(m_window->openPaths({m_demo}));
    m_window->traffic()->setGatewayOptions(QStringLiteral("127.0.0.1"), offset);
    m_window->traffic()->startAction()->trigger();
    QVERIFY(m_window->traffic()->session()->isRunning());
    const QString status = m_window->traffic()->statusLabel()->text();
    QVERIFY2(status.contains(QLatin1String("31401 not listening")), qPrintable(status));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->scene()
                                  ->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway-v2"))
                                  ->portStates()
                                  .value(0)
                                  .state,
                              PortState::Busy, 3000);
    QVERIFY(m_window->scene()
                ->nodeItem(QStringLiteral("gateway:default/tcp-echo-gateway-v2"))
                ->toolTip()
                .contains(QString::number(holder.serverPort())));
}

void tst_TrafficWindow::closingTheWindowStopsTheGateway()
{
    QVERIFY(startGateway());
    const quint16 port = m_window->traffic()->session()->boundPort(31400);
    Echo client;
    QVERIFY(!client.connect(port).isEmpty());
    m_window->document()->undoStack()->setClean();
    QVERIFY(m_window->close());
    QVERIFY(!m_window->traffic()->session()->isRunning());
    // The open connection was closed by the gateway.
    QTRY_VERIFY_WITH_TIMEOUT(
        client.socket.state() == QAbstractSocket::UnconnectedState ||
            (client.socket.waitForReadyRead(50),
             client.socket.atEnd() && client.socket.state() != QAbstractSocket::ConnectedState),
        3000);
}

void tst_TrafficWindow::generatorRunCountsTheSplitFromItsStart()
{
    QVERIFY(startGateway());
    TrafficController *traffic = m_window->traffic();
    splitEightyTwenty();

    // Connections before the run do not count in the run's shares.
    for (int i = 0; i < 5; ++i) {
        Echo before;
        QVERIFY(!before.connect(traffic->session()->boundPort(31400)).isEmpty());
    }
    GeneratorPanel *generator = traffic->generator();
    QVERIFY(generator->selectGatewayPort(31400));
    generator->setCountMode(300);
    generator->start();
    // The run is over when the panel shows its summary.
    QTRY_VERIFY_WITH_TIMEOUT(!generator->summaryText().isEmpty(), 30000);
    QVERIFY(!generator->isRunning());
    QVERIFY2(generator->lastProgress().succeeded == 300, qPrintable(generator->summaryText()));
    QTRY_VERIFY_WITH_TIMEOUT(
        (traffic->session()->sample(), traffic->session()->routeShares().front().total == 300), 5000);
    const RouteShare share = traffic->session()->routeShares().front();
    // Binomial(300, 0.8): sd 6.9; 5 sd either side.
    QVERIFY2(share.destinations[0].observed > 205 && share.destinations[0].observed < 275,
             qPrintable(QString::number(share.destinations[0].observed)));
    QVERIFY(traffic->eventLog()->toPlainText().contains(
        QLatin1String("Traffic generator finished: 300 answered")));
}

// A TLS PASSTHROUGH port next to the tutorial's: the ClientHello's server name picks the rule,
// the pod gets the hello, and the graph and the connection list say which rule and name.
void tst_TrafficWindow::tlsPassthroughRoutesBySniOnTheGraph()
{
    QFile sni(QDir(m_demo).filePath(QStringLiteral("sni.yaml")));
    QVERIFY(sni.open(QIODevice::WriteOnly));
    sni.write(studiotest::kSniPassthrough);
    sni.close();
    QVERIFY(startGateway());
    TrafficController *traffic = m_window->traffic();
    const quint16 port = traffic->session()->boundPort(443);
    QVERIFY(port != 0);

    Echo client;
    const std::string hello = testnet::clientHello("v2.example.com");
    client.socket.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(client.socket.waitForConnected(3000));
    client.socket.write(hello.data(), static_cast<qint64>(hello.size()));
    QByteArray got;
    QElapsedTimer clock;
    clock.start();
    while (!got.endsWith(QByteArray::fromStdString(hello)) && clock.elapsed() < 3000) {
        client.socket.waitForReadyRead(100);
        got += client.socket.readAll();
    }
    QVERIFY2(got.contains("Running on Pod tcp-echo-v2-"), got.left(200).constData());
    QVERIFY(got.endsWith(QByteArray::fromStdString(hello))); // greeted, then the hello echoed whole

    GraphScene *scene = m_window->scene();
    const QString chosen = QStringLiteral("route:default/sni/tls/0");
    EdgeItem *chosenEdge = scene->edgeItem(QStringLiteral("gateway:default/tls-gateway"), chosen);
    EdgeItem *otherEdge = scene->edgeItem(QStringLiteral("gateway:default/tls-gateway"),
                                          QStringLiteral("route:default/sni/tls/1"));
    QVERIFY(chosenEdge && otherEdge);
    QTRY_VERIFY_WITH_TIMEOUT(chosenEdge->live() && chosenEdge->live()->active == 1, 3000);
    QVERIFY(!otherEdge->live() || otherEdge->live()->active == 0);

    client.socket.disconnectFromHost();
    ConnectionsModel *rows = traffic->connections()->model();
    QTRY_VERIFY_WITH_TIMEOUT(rows->finishedCount() == 1 && rows->openCount() == 0, 3000);
    QCOMPARE(rows->data(rows->index(0, ConnectionsModel::Route)).toString(),
             QStringLiteral("default/sni tls[0] (SNI v2.example.com)"));
    QCOMPARE(QString::fromStdString(rows->record(0).serverName), QStringLiteral("v2.example.com"));
    // With MESHROUTE_SCREENSHOTS=<folder>: the window after it, to look at.
    if (const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS"); !folder.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(m_window->grab().save(QDir(folder).absoluteFilePath(QStringLiteral("studio-sni.png"))));
    }
}

void tst_TrafficWindow::screenshotWithTraffic()
{
    // Under Xvfb (or offscreen) with MESHROUTE_SCREENSHOTS=<folder>: the window with traffic flowing.
    const QString folder = qEnvironmentVariable("MESHROUTE_SCREENSHOTS");
    if (folder.isEmpty())
        QSKIP("set MESHROUTE_SCREENSHOTS to a folder to take screenshots");
    QVERIFY(startGateway());
    m_window->resize(1600, 1000);
    TrafficController *traffic = m_window->traffic();
    splitEightyTwenty();

    // Some connections that stay, some that come and go, and a steady stream of lines.
    std::vector<std::unique_ptr<Echo>> stay;
    for (int i = 0; i < 6; ++i) {
        stay.push_back(std::make_unique<Echo>());
        QVERIFY(!stay.back()->connect(traffic->session()->boundPort(i < 4 ? 31400 : 31401)).isEmpty());
    }
    QElapsedTimer clock;
    clock.start();
    const QByteArray line(1400, 'x');
    while (clock.elapsed() < 6000) {
        for (auto &e : stay)
            e->socket.write(line + '\n');
        Echo passing;
        passing.connect(traffic->session()->boundPort(31400));
        passing.socket.disconnectFromHost();
        QTest::qWait(20);
        for (auto &e : stay)
            e->socket.readAll();
    }
    m_window->graphView()->fitAll();
    QTest::qWait(300);
    QDir().mkpath(folder);
    QVERIFY(m_window->grab().save(QDir(folder).absoluteFilePath(QStringLiteral("studio-traffic.png"))));
    QVERIFY(m_window->graphView()->grab().save(
        QDir(folder).absoluteFilePath(QStringLiteral("graph-traffic.png"))));
}

STUDIO_TEST_MAIN(tst_TrafficWindow)
#include "tst_trafficwindow.moc"
