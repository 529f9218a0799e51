// The benchmark's own tools must be right before their figures mean anything: the load
// generator counts what it claims to count and fails loudly, and the summary computes
// medians and ratios as printed. Runs meshroute_loadgen and bench.py as processes, on
// 127.0.0.1 only, with port 0 and deadlines.

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kLoadgen = QStringLiteral(MESHROUTE_LOADGEN);
const QString kBenchPy = QStringLiteral(MESHROUTE_SOURCE_DIR "/tests/perf/bench.py");

struct Run
{
    int exitCode = -1;
    QList<QJsonObject> lines; // every JSON line of stdout
    QString errors;
};

Run runTool(const QString &program, const QStringList &arguments, int timeoutMs = 20000)
{
    QProcess process;
    process.start(program, arguments);
    Run run;
    // Keep this thread's event loop turning: some tests serve the tool from a QTcpServer here.
    QElapsedTimer clock;
    clock.start();
    while (!process.waitForFinished(10)) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (clock.elapsed() > timeoutMs || process.state() == QProcess::NotRunning)
            break;
    }
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(2000);
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.errors = QString::fromUtf8(process.readAllStandardError());
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            run.lines.append(doc.object());
    }
    return run;
}

} // namespace

class TestLoadgen : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void measuresAgainstTheEchoBackend_data();
    void measuresAgainstTheEchoBackend();
    void countsRefusedConnectionsAsFailures();
    void countsBackendsThatMisbehave_data();
    void countsBackendsThatMisbehave();
    void holdsIdleConnectionsAndChecksThem();
    void refusesAddressesOffLoopback_data();
    void refusesAddressesOffLoopback();
    void summaryPrintsMediansAndRatios();

private:
    QProcess m_echo;
    QString m_target;
};

void TestLoadgen::initTestCase()
{
    m_echo.start(kLoadgen, {"echo", "--listen", "127.0.0.1:0", "--duration", "60"});
    QVERIFY(m_echo.waitForStarted(5000));
    QVERIFY(m_echo.waitForReadyRead(5000));
    const QJsonObject ready = QJsonDocument::fromJson(m_echo.readLine()).object();
    QCOMPARE(ready.value("mode").toString(), QString("echo"));
    const int port = ready.value("port").toInt();
    QVERIFY(port > 0);
    m_target = QString("127.0.0.1:%1").arg(port);
}

void TestLoadgen::cleanupTestCase()
{
    m_echo.terminate(); // SIGTERM: the echo server closes what it holds and exits 0
    QVERIFY(m_echo.waitForFinished(5000));
    QCOMPARE(m_echo.exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_echo.exitCode(), 0);
}

void TestLoadgen::measuresAgainstTheEchoBackend_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("countField");
    QTest::newRow("rate: 8 clients complete round trips")
        << QStringList{"rate", "--clients", "8"} << "connections";
    QTest::newRow("latency: 1 connection times round trips")
        << QStringList{"latency", "--connections", "1"} << "samples";
    QTest::newRow("latency: 16 connections time round trips")
        << QStringList{"latency", "--connections", "16"} << "samples";
}

void TestLoadgen::measuresAgainstTheEchoBackend()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, countField);
    const Run run = runTool(
        kLoadgen, arguments + QStringList{"--target", m_target, "--warmup", "0.1", "--duration", "0.4"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.size(), 1);
    const QJsonObject result = run.lines.first();
    QCOMPARE(result.value("errors").toInt(), 0);
    QVERIFY2(result.value(countField).toInt() > 50, qPrintable(QJsonDocument(result).toJson()));
    if (arguments.first() == "latency") {
        QCOMPARE(result.value("connected").toInt(), arguments.last().toInt());
        const double p50 = result.value("p50_us").toDouble();
        const double p99 = result.value("p99_us").toDouble();
        QVERIFY(p50 > 0);
        QVERIFY(p50 <= p99);
    } else {
        QVERIFY(result.value("per_second").toDouble() > 0);
    }
}

void TestLoadgen::countsRefusedConnectionsAsFailures()
{
    // A port nobody listens on any more: an echo server that has come and gone.
    int closedPort = 0;
    {
        const Run echo = runTool(kLoadgen, {"echo", "--listen", "127.0.0.1:0", "--duration", "1"}, 5000);
        QCOMPARE(echo.exitCode, 0);
        closedPort = echo.lines.first().value("port").toInt();
    }
    QVERIFY(closedPort > 0);
    const Run run = runTool(kLoadgen, {"rate", "--target", QString("127.0.0.1:%1").arg(closedPort),
                                       "--clients", "2", "--warmup", "0", "--duration", "0.2"});
    QCOMPARE(run.exitCode, 1); // failures make the run fail
    const QJsonObject result = run.lines.first();
    QCOMPARE(result.value("connections").toInt(), 0);
    QVERIFY(result.value("errors").toInt() > 0);
    QVERIFY(result.value("error_kinds").toObject().value("connect").toInt() > 0);
    QCOMPARE(result.value("first_errno").toString(), QString("Connection refused"));
}

void TestLoadgen::countsBackendsThatMisbehave_data()
{
    QTest::addColumn<QString>("behaviour");
    QTest::addColumn<QString>("kind");
    QTest::newRow("answers other bytes: mismatch") << "garble"
                                                   << "mismatch";
    QTest::newRow("closes before answering: eof") << "close"
                                                  << "eof";
    QTest::newRow("answers half and stops: stalled at the end") << "half"
                                                                << "stalled";
}

void TestLoadgen::countsBackendsThatMisbehave()
{
    QFETCH(QString, behaviour);
    QFETCH(QString, kind);
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, &server, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QTcpSocket::readyRead, socket, [socket, behaviour] {
                QByteArray data = socket->readAll();
                if (behaviour == "close") {
                    socket->disconnectFromHost();
                    return;
                }
                if (behaviour == "garble")
                    data[data.size() - 1] = static_cast<char>(data.back() ^ 0x20);
                else
                    data.truncate(data.size() / 2);
                socket->write(data);
            });
        }
    });
    const Run run =
        runTool(kLoadgen, {"rate", "--target", QString("127.0.0.1:%1").arg(server.serverPort()), "--clients",
                           "2", "--sources", "1", "--warmup", "0", "--duration", "2"});
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.lines.size(), 1);
    const QJsonObject result = run.lines.first();
    QCOMPARE(result.value("connections").toInt(), 0);
    QVERIFY2(result.value("error_kinds").toObject().value(kind).toInt() > 0,
             qPrintable(QJsonDocument(result).toJson()));
}

void TestLoadgen::holdsIdleConnectionsAndChecksThem()
{
    const Run run =
        runTool(kLoadgen, {"idle", "--target", m_target, "--connections", "200", "--hold", "0.3"});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.lines.size(), 2);
    QCOMPARE(run.lines[0].value("phase").toString(), QString("ready"));
    QCOMPARE(run.lines[0].value("open").toInt(), 200);
    QCOMPARE(run.lines[1].value("phase").toString(), QString("done"));
    QCOMPARE(run.lines[1].value("held").toInt(), 200);
    QCOMPARE(run.lines[1].value("lost").toInt(), 0);
    QCOMPARE(run.lines[1].value("alive").toInt(), 200);
}

void TestLoadgen::refusesAddressesOffLoopback_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("a private address") << "10.0.0.1:80";
    QTest::newRow("the wildcard address") << "0.0.0.0:80";
    QTest::newRow("not an address") << "localhost:80";
    QTest::newRow("a port out of range") << "127.0.0.1:70000";
}

void TestLoadgen::refusesAddressesOffLoopback()
{
    QFETCH(QString, target);
    const Run run = runTool(kLoadgen, {"rate", "--target", target, "--duration", "0.2"}, 5000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.lines.isEmpty());
    QVERIFY(!run.errors.isEmpty());
}

void TestLoadgen::summaryPrintsMediansAndRatios()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile results(dir.filePath("results.jsonl"));
    QVERIFY(results.open(QIODevice::WriteOnly));
    // Per run (1, 2, 3): direct 20, 30, 10; HAProxy 8, 9, 1; meshroute 10, 18, 2 Gbit/s. Medians 20, 8, 10;
    // per-run ratios meshroute/HAProxy 1.25, 2, 2 (median 2), meshroute/direct 0.5, 0.6, 0.2 (median 0.5),
    // HAProxy/direct 0.4, 0.3, 0.1 (median 0.3). Written out of order: order must not matter.
    struct Sample
    {
        const char *target;
        int run;
        double value;
    };
    for (const Sample &sample :
         {Sample{"meshroute", 3, 2}, Sample{"direct", 1, 20}, Sample{"direct", 2, 30},
          Sample{"haproxy", 3, 1}, Sample{"direct", 3, 10}, Sample{"haproxy", 1, 8}, Sample{"haproxy", 2, 9},
          Sample{"meshroute", 1, 10}, Sample{"meshroute", 2, 18}})
        results.write(QString("{\"metric\":\"tput1\",\"target\":\"%1\",\"value\":%2,\"run\":%3}\n")
                          .arg(sample.target)
                          .arg(sample.value)
                          .arg(sample.run)
                          .toUtf8());
    results.write("{\"metric\":\"apply_dropped\",\"target\":\"haproxy\",\"value\":3}\n");
    results.write("{\"note\":\"a note for the reader\"}\n");
    results.close();

    QProcess process;
    process.start("python3", {kBenchPy, "summarize", results.fileName(), "--spread"});
    QVERIFY(process.waitForFinished(20000));
    QCOMPARE(process.exitCode(), 0);
    const QString table = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(table.contains(
                 "| Throughput, 1 stream (higher is better) | 20.0 Gbit/s | 8.00 Gbit/s (0.30× "
                 "[0.10–0.40] direct) | 10.0 Gbit/s (2.00× [1.25–2.00] HAProxy, 0.50× [0.20–0.60] direct) |"),
             qPrintable(table));
    QVERIFY2(table.contains("| Connections dropped, 100 applies under load (must be 0) | — | 3 | — |"),
             qPrintable(table));
    QVERIFY(table.contains("- a note for the reader"));
}

QTEST_GUILESS_MAIN(TestLoadgen)
#include "tst_loadgen.moc"
