// The tutorial end to end: the bundled demo YAML is loaded, compiled and run;
// 31400 answers from a v1 pod, 31401 from a v2 pod, and every line comes back.

#include "compile/compile.h"
#include "engine/engine.h"
#include "testnet.h"
#include "yaml/loader.h"

#include <QRegularExpression>
#include <QTest>

using namespace meshroute;
using namespace meshroute::proxy;
using testnet::Client;

class tst_Demo : public QObject
{
    Q_OBJECT

private slots:
    void tutorialScenario_data();
    void tutorialScenario();
    void invalidChangeIsNotNeededToKeepRunning();
};

void tst_Demo::tutorialScenario_data()
{
    QTest::addColumn<int>("gatewayPort");
    QTest::addColumn<QString>("version");
    QTest::newRow("31400 goes to v1") << 31400 << "v1";
    QTest::newRow("31401 goes to v2") << 31401 << "v2";
}

void tst_Demo::tutorialScenario()
{
    QFETCH(int, gatewayPort);
    QFETCH(QString, version);
    LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    QVERIFY(!hasErrors(loaded.diagnostics));
    const CompileResult compiled = compile(loaded.set);
    QVERIFY(!hasErrors(compiled.diagnostics));

    EngineOptions options;
    options.ephemeralPorts = true;
    Engine engine(options);
    const ApplyResult started = engine.start(compiled.table);
    QVERIFY(started.ok());
    std::uint16_t port = 0;
    for (const auto &l : started.listeners) {
        if (l.port == std::uint32_t(gatewayPort))
            port = l.boundPort;
    }
    QVERIFY(port != 0);

    Client nc;
    QVERIFY(nc.connect(port));
    const QString greeting = QString::fromStdString(nc.readUntil("Service default.\n"));
    const QRegularExpression expected(
        "^Welcome, you are connected to node [a-z0-9.-]+\\.\n"
        "Running on Pod tcp-echo-" +
        version +
        "-[bcdfghjklmnpqrstvwxz2456789]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}\\.\n"
        "In namespace default\\.\n"
        "With IP address 10\\.\\d+\\.\\d+\\.\\d+\\.\n"
        "Service default\\.\n$");
    QVERIFY2(expected.match(greeting).hasMatch(), qPrintable(greeting));
    const std::string line = "hello, app" + version.mid(1).toStdString() + "\n";
    QVERIFY(nc.send(line));
    QCOMPARE(nc.read(line.size()), line);
}

void tst_Demo::invalidChangeIsNotNeededToKeepRunning()
{
    // Re-applying the same configuration keeps a live connection and its pod.
    LoadResult loaded = loadPaths({MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo"});
    const CompileResult first = compile(loaded.set);
    EngineOptions options;
    options.ephemeralPorts = true;
    Engine engine(options);
    const ApplyResult started = engine.start(first.table);
    Client nc;
    QVERIFY(nc.connect(started.listeners[0].boundPort));
    const std::string greeting = nc.readUntil("Service default.\n");
    const CompileResult again = compile(loaded.set);
    const ApplyResult applied = engine.apply(again.table);
    QVERIFY(applied.ok());
    QCOMPARE(applied.listeners[0].boundPort, started.listeners[0].boundPort);
    QCOMPARE(engine.pods().size(), std::size_t(2));
    QVERIFY(nc.send("still\n"));
    QCOMPARE(nc.read(6), std::string("still\n"));
    Client second;
    QVERIFY(second.connect(applied.listeners[0].boundPort));
    QCOMPARE(second.readUntil("Service default.\n"), greeting); // the same pod, same name
}

QTEST_GUILESS_MAIN(tst_Demo)
#include "tst_demo.moc"
