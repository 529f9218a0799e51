// The demo pods' words: the tutorial server's greeting and log lines, exactly.

#include "pods/demopod.h"
#include "pods/podlog.h"

#include <QRegularExpression>
#include <QTest>

using namespace meshroute;
using namespace meshroute::proxy;

class tst_Pods : public QObject
{
    Q_OBJECT

private slots:
    void greetingIsTheTutorials();
    void rawDataAndConvertedText_data();
    void rawDataAndConvertedText();
    void connectionIdIsAUuid();
    void logIsBoundedAndSequenced();
};

void tst_Pods::greetingIsTheTutorials()
{
    DemoPod pod;
    pod.name = "tcp-echo-v1-7c775f57c9-frprp";
    pod.ns = "default";
    pod.node = "cn-beijing.i-2zeij4aznsu1dvd4mj5c";
    pod.ip = "172.16.2.90";
    pod.serviceAccount = "default";
    QCOMPARE(podGreeting(pod),
             std::string("Welcome, you are connected to node cn-beijing.i-2zeij4aznsu1dvd4mj5c.\n"
                         "Running on Pod tcp-echo-v1-7c775f57c9-frprp.\n"
                         "In namespace default.\n"
                         "With IP address 172.16.2.90.\n"
                         "Service default.\n"));
}

void tst_Pods::rawDataAndConvertedText_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QByteArray>("converted");
    QTest::newRow("tutorial v1") << QByteArray("hello, app1\n")
                                 << "[104 101 108 108 111 44 32 97 112 112 49 10]"
                                 << QByteArray("hello, app1");
    QTest::newRow("tutorial v2") << QByteArray("yes,this is app2\n")
                                 << "[121 101 115 44 116 104 105 115 32 105 115 32 97 112 112 50 10]"
                                 << QByteArray("yes,this is app2");
    QTest::newRow("crlf from telnet") << QByteArray("hi\r\n") << "[104 105 13 10]" << QByteArray("hi");
    QTest::newRow("high bytes are unsigned")
        << QByteArray("\xff\x80") << "[255 128]" << QByteArray("\xff\x80");
}

void tst_Pods::rawDataAndConvertedText()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, raw);
    QFETCH(QByteArray, converted);
    const std::span<const char> data(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    QCOMPARE(rawDataText(data), raw.toStdString());
    QCOMPARE(QByteArray::fromStdString(convertedText(data)), converted);
}

void tst_Pods::connectionIdIsAUuid()
{
    const QRegularExpression uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    const std::string a = newConnectionId();
    QVERIFY(uuid.match(QString::fromStdString(a)).hasMatch());
    QVERIFY(a != newConnectionId());
    QVERIFY(QRegularExpression(R"(^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}$)")
                .match(QString::fromStdString(logTimestamp()))
                .hasMatch());
}

void tst_Pods::logIsBoundedAndSequenced()
{
    std::atomic<std::uint64_t> sequence{0};
    PodLog log("p", 3, sequence);
    for (int i = 1; i <= 5; ++i)
        log.append("line " + std::to_string(i));
    std::vector<PodLogLine> lines;
    log.since(0, lines);
    QCOMPARE(lines.size(), std::size_t(3)); // the oldest went
    QCOMPARE(lines.front().text, std::string("line 3"));
    QCOMPARE(lines.front().seq, std::uint64_t(3));
    lines.clear();
    log.since(4, lines);
    QCOMPARE(lines.size(), std::size_t(1));
    QCOMPARE(lines.front().text, std::string("line 5"));
}

QTEST_GUILESS_MAIN(tst_Pods)
#include "tst_pods.moc"
