// The ClientHello reader that routes TLS PASSTHROUGH ports by SNI: whole, split, large,
// malformed and non-TLS first bytes.

#include "relay/clienthello.h"
#include "tlshello.h"

#include <QTest>

#include <random>

using namespace meshroute::proxy;
using Status = ClientHelloScan::Status;

class tst_ClientHello : public QObject
{
    Q_OBJECT

private slots:
    void serverNameOfAWholeHello();
    void everyPrefixNeedsMore();
    void splitOverRecords();
    void largeHelloWithPadding();
    void helloWithoutServerName();
    void notTls_data();
    void notTls();
    void cutShortWhenComplete();
    void malformedHasNoName_data();
    void malformedHasNoName();
    void randomBytesNeverCrash();
    void helloForTryingRoutes();
};

void tst_ClientHello::serverNameOfAWholeHello()
{
    const ClientHelloScan scan = scanClientHello(testnet::clientHello("Nginx.Example.COM."));
    QCOMPARE(scan.status, Status::Done);
    QVERIFY(scan.tls);
    QCOMPARE(scan.serverName, std::string("nginx.example.com")); // lower case, no trailing dot
}

// A client that sends its hello a byte at a time: never decided early, decided on the last byte.
void tst_ClientHello::everyPrefixNeedsMore()
{
    const std::string hello = testnet::clientHello("db.example.com");
    for (std::size_t n = 0; n < hello.size(); ++n) {
        const ClientHelloScan scan = scanClientHello(std::string_view(hello).substr(0, n));
        if (scan.status != Status::NeedMore)
            QFAIL(qPrintable(QStringLiteral("decided after %1 of %2 bytes").arg(n).arg(hello.size())));
    }
    QCOMPARE(scanClientHello(hello).serverName, std::string("db.example.com"));
    // Bytes after the hello (the client's next records) do not matter.
    QCOMPARE(scanClientHello(hello + "\x14\x03\x03\x00\x01\x01").serverName, std::string("db.example.com"));
}

void tst_ClientHello::splitOverRecords()
{
    testnet::HelloOptions o;
    o.serverName = "split.example.com";
    o.recordSize = 7; // the handshake message in many small records
    const std::string hello = testnet::clientHello(o);
    QVERIFY(hello.size() > 100);
    QCOMPARE(scanClientHello(std::string_view(hello).substr(0, hello.size() - 1)).status, Status::NeedMore);
    const ClientHelloScan scan = scanClientHello(hello);
    QCOMPARE(scan.status, Status::Done);
    QCOMPARE(scan.serverName, std::string("split.example.com"));
}

// Post-quantum key shares make hellos of several KiB; this one spans two full records.
void tst_ClientHello::largeHelloWithPadding()
{
    testnet::HelloOptions o;
    o.serverName = "big.example.com";
    o.padding = 20000;
    const std::string hello = testnet::clientHello(o);
    QVERIFY(hello.size() > 16384 + 5);
    QCOMPARE(scanClientHello(std::string_view(hello).substr(0, 16389)).status, Status::NeedMore);
    QCOMPARE(scanClientHello(hello).serverName, std::string("big.example.com"));
    // Larger than the reader waits for: decided without a name.
    o.padding = kMaxClientHello;
    const std::string huge = testnet::clientHello(o);
    const ClientHelloScan scan = scanClientHello(std::string_view(huge).substr(0, kMaxClientHello));
    QCOMPARE(scan.status, Status::Done);
    QCOMPARE(scan.serverName, std::string());
}

void tst_ClientHello::helloWithoutServerName()
{
    const ClientHelloScan scan = scanClientHello(testnet::clientHello(std::string()));
    QCOMPARE(scan.status, Status::Done);
    QVERIFY(scan.tls);
    QCOMPARE(scan.serverName, std::string());
}

void tst_ClientHello::notTls_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    QTest::newRow("a line for tcp-echo") << QByteArray("hello\n");
    QTest::newRow("one byte") << QByteArray("x");
    QTest::newRow("ssl2 hello") << QByteArray::fromHex("802b0103010012000000");
    QTest::newRow("alert record") << QByteArray::fromHex("15030300020228");
    QTest::newRow("record version 2") << QByteArray::fromHex("1602010010");
}

// Decided at once: a plain TCP client on the port is not kept waiting for a hello.
void tst_ClientHello::notTls()
{
    QFETCH(QByteArray, bytes);
    const ClientHelloScan scan = scanClientHello(std::string_view(bytes.constData(), bytes.size()));
    QCOMPARE(scan.status, Status::Done);
    QVERIFY(!scan.tls);
    QCOMPARE(scan.serverName, std::string());
}

void tst_ClientHello::cutShortWhenComplete()
{
    const std::string hello = testnet::clientHello("cut.example.com");
    const std::string_view part = std::string_view(hello).substr(0, hello.size() / 2);
    QCOMPARE(scanClientHello(part).status, Status::NeedMore);
    const ClientHelloScan scan = scanClientHello(part, true); // the client sent no more
    QCOMPARE(scan.status, Status::Done);
    QCOMPARE(scan.serverName, std::string());
    QCOMPARE(scanClientHello(std::string_view(), true).status, Status::Done);
}

void tst_ClientHello::malformedHasNoName_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("name with a space") << "space";
    QTest::newRow("name with a NUL") << "nul";
    QTest::newRow("extension longer than its list") << "extension length";
    QTest::newRow("not a client hello") << "server hello";
    QTest::newRow("empty record") << "empty record";
}

void tst_ClientHello::malformedHasNoName()
{
    QFETCH(QString, damage);
    std::string hello;
    if (damage == "space") {
        hello = testnet::clientHello("a b.example.com");
    } else if (damage == "nul") {
        hello = testnet::clientHello(std::string("a\0b.example.com", 15));
    } else if (damage == "extension length") {
        hello = testnet::clientHello("x.example.com");
        // The server_name extension's length (7 bytes before the name: type, length, list
        // length, name type, name length) claims 256 bytes more than there are.
        const auto name = hello.find("x.example.com");
        QVERIFY(name != std::string::npos && name > 7);
        hello[name - 7] = '\x01';
    } else if (damage == "server hello") {
        hello = testnet::clientHello("x.example.com");
        hello[5] = '\x02';
    } else {
        hello = std::string("\x16\x03\x01\x00\x00", 5) + testnet::clientHello("x.example.com");
    }
    const ClientHelloScan scan = scanClientHello(hello, true);
    QCOMPARE(scan.status, Status::Done);
    QCOMPARE(scan.serverName, std::string());
}

// Whatever arrives, the reader answers (it is fed straight from the network).
void tst_ClientHello::randomBytesNeverCrash()
{
    std::mt19937 random(20261126);
    const std::string hello = testnet::clientHello("fuzz.example.com");
    int named = 0;
    for (int i = 0; i < 20000; ++i) {
        std::string bytes = hello;
        const int flips = 1 + static_cast<int>(random() % 4);
        for (int f = 0; f < flips; ++f)
            bytes[random() % bytes.size()] = static_cast<char>(random() & 0xff);
        bytes.resize(random() % (bytes.size() + 1));
        const ClientHelloScan scan = scanClientHello(bytes, random() % 2 == 0);
        if (!scan.serverName.empty())
            ++named;
        QVERIFY(scan.serverName.size() <= 253);
    }
    QVERIFY(named > 0); // damage elsewhere in the hello still leaves the name readable
}

// The hello the studio's client sends to try a route: well formed, read back as written.
void tst_ClientHello::helloForTryingRoutes()
{
    for (const char *name : {"v2.example.com", "a-b.c_d.example.org", ""}) {
        const std::string hello = clientHelloFor(name);
        const ClientHelloScan scan = scanClientHello(hello);
        QCOMPARE(scan.status, Status::Done);
        QVERIFY(scan.tls);
        QCOMPARE(scan.serverName, std::string(name));
        // Every prefix waits for the rest: the gateway never routes on half of it.
        QCOMPARE(scanClientHello(std::string_view(hello).substr(0, hello.size() - 1)).status,
                 Status::NeedMore);
    }
    QVERIFY(clientHelloFor("x.example.com") != clientHelloFor("x.example.com")); // a fresh random each time
}

QTEST_GUILESS_MAIN(tst_ClientHello)
#include "tst_clienthello.moc"
