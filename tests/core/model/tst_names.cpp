// Names resolve as Istio resolves them.

#include "model/duration.h"
#include "model/names.h"

#include <QTest>

using namespace meshroute;

class tst_Names : public QObject
{
    Q_OBJECT

private slots:
    void qualifyHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short name gets namespace and cluster domain") << "tcp-echo"
                                                                      << "default"
                                                                      << "tcp-echo.default.svc.cluster.local";
        QTest::newRow("short name in another namespace") << "tcp-echo"
                                                         << "demo"
                                                         << "tcp-echo.demo.svc.cluster.local";
        QTest::newRow("FQDN kept") << "tcp-echo.default.svc.cluster.local"
                                   << "other"
                                   << "tcp-echo.default.svc.cluster.local";
        QTest::newRow("name.namespace is not expanded (Istio)") << "tcp-echo.other"
                                                                << "default"
                                                                << "tcp-echo.other";
        QTest::newRow("wildcard kept") << "*"
                                       << "default"
                                       << "*";
        QTest::newRow("upper case folded") << "TCP-Echo"
                                           << "default"
                                           << "tcp-echo.default.svc.cluster.local";
    }
    void qualifyHost()
    {
        QFETCH(QString, host);
        QFETCH(QString, ns);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(meshroute::qualifyHost(host.toStdString(), ns.toStdString())),
                 expected);
    }

    void gatewayRefs_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("expectedNs");
        QTest::addColumn<QString>("expectedName");
        QTest::newRow("short name is in the VirtualService's namespace") << "gw"
                                                                         << "demo"
                                                                         << "demo"
                                                                         << "gw";
        QTest::newRow("namespace/name") << "istio-system/gw"
                                        << "demo"
                                        << "istio-system"
                                        << "gw";
        QTest::newRow("legacy FQDN") << "gw.istio-system.svc.cluster.local"
                                     << "demo"
                                     << "istio-system"
                                     << "gw";
        QTest::newRow("mesh is reserved") << "mesh"
                                          << "demo"
                                          << ""
                                          << "mesh";
    }
    void gatewayRefs()
    {
        QFETCH(QString, ref);
        QFETCH(QString, ns);
        QFETCH(QString, expectedNs);
        QFETCH(QString, expectedName);
        const QualifiedName q = resolveGatewayRef(ref.toStdString(), ns.toStdString());
        QCOMPARE(QString::fromStdString(q.ns), expectedNs);
        QCOMPARE(QString::fromStdString(q.name), expectedName);
    }

    void hostMatching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("matches");
        QTest::newRow("* matches anything") << "*"
                                            << "tcp-echo.default.svc.cluster.local" << true;
        QTest::newRow("suffix wildcard matches subdomain") << "*.example.com"
                                                           << "a.example.com" << true;
        QTest::newRow("suffix wildcard does not match the bare domain") << "*.example.com"
                                                                        << "example.com" << false;
        QTest::newRow("exact") << "a.example.com"
                               << "a.example.com" << true;
        QTest::newRow("different") << "a.example.com"
                                   << "b.example.com" << false;
        QTest::newRow("narrower wildcard") << "*.example.com"
                                           << "*.a.example.com" << true;
        QTest::newRow("wider wildcard is not matched") << "*.a.example.com"
                                                       << "*.example.com" << false;
    }
    void hostMatching()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, host);
        QFETCH(bool, matches);
        QCOMPARE(hostMatches(pattern.toStdString(), host.toStdString()), matches);
    }

    void overlap()
    {
        QVERIFY(hostsOverlap("*.example.com", "a.example.com"));
        QVERIFY(hostsOverlap("a.example.com", "*.example.com"));
        QVERIFY(!hostsOverlap("a.example.com", "b.example.com"));
    }

    void serviceHosts()
    {
        std::string name, ns;
        QVERIFY(splitServiceHost("tcp-echo.default.svc.cluster.local", name, ns));
        QCOMPARE(name, std::string("tcp-echo"));
        QCOMPARE(ns, std::string("default"));
        QVERIFY(!splitServiceHost("tcp-echo.default", name, ns));
        QVERIFY(!splitServiceHost("a.b.c.svc.cluster.local", name, ns));
        QVERIFY(!splitServiceHost("example.com", name, ns));
    }

    void gatewayServerHosts()
    {
        GatewayHost h = parseGatewayHost("*", "istio-system");
        QCOMPARE(h.ns, std::string("*"));
        QCOMPARE(h.host, std::string("*"));
        h = parseGatewayHost("./foo.com", "istio-system");
        QCOMPARE(h.ns, std::string("istio-system"));
        QCOMPARE(h.host, std::string("foo.com"));
        h = parseGatewayHost("prod/foo.com", "istio-system");
        QCOMPARE(h.ns, std::string("prod"));
    }

    void exportTo()
    {
        QVERIFY(exportedTo({}, "a", "b"));
        QVERIFY(exportedTo({"*"}, "a", "b"));
        QVERIFY(exportedTo({"."}, "a", "a"));
        QVERIFY(!exportedTo({"."}, "a", "b"));
        QVERIFY(exportedTo({"b"}, "a", "b"));
        QVERIFY(!exportedTo({"~"}, "a", "a"));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << "10s" << qint64(10000);
        QTest::newRow("fractional seconds") << "1.5s" << qint64(1500);
        QTest::newRow("milliseconds") << "500ms" << qint64(500);
        QTest::newRow("hours and minutes") << "1h30m" << qint64(5400000);
        QTest::newRow("zero disables") << "0s" << qint64(0);
        QTest::newRow("not a duration") << "10" << qint64(-1);
        QTest::newRow("unknown unit") << "10d" << qint64(-1);
        QTest::newRow("garbage") << "fast" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        const auto parsed = parseDuration(text.toStdString());
        if (ms < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(qint64(parsed->count()), ms);
            QCOMPARE(parseDuration(formatDuration(*parsed))->count(), parsed->count());
        }
    }
};

QTEST_APPLESS_MAIN(tst_Names)
#include "tst_names.moc"
