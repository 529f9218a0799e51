#pragma once

// Shared by the studio suites: an isolated environment (settings, recovery files
// and the demo copy live in a temporary home) and a copy of the tutorial demo.

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

namespace studiotest {

// A TLS PASSTHROUGH port 443 next to the tutorial's: SNI v2.example.com to subset v2, any
// other *.example.com name to v1 (the tutorial's tcp-echo Service and DestinationRule).
inline const char *const kSniPassthrough = R"(apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: tls-gateway, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 443, name: tls, protocol: TLS}
    tls: {mode: PASSTHROUGH}
    hosts: ['*.example.com']
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: sni, namespace: default}
spec:
  hosts: ['*.example.com']
  gateways: [tls-gateway]
  tls:
  - match: [{port: 443, sniHosts: [v2.example.com]}]
    route: [{destination: {host: tcp-echo, port: {number: 3333}, subset: v2}}]
  - match: [{port: 443, sniHosts: ['*.example.com']}]
    route: [{destination: {host: tcp-echo, port: {number: 3333}, subset: v1}}]
)";

inline QString demoSource()
{
    return QStringLiteral(MESHROUTE_SOURCE_DIR "/resources/samples/tcp-echo");
}

// Copy the demo into `folder` (a fresh folder per test, so tests can save).
inline QString copyDemo(const QString &folder)
{
    QDir().mkpath(folder);
    const QDir source(demoSource());
    for (const QString &name : source.entryList({QStringLiteral("*.yaml")}, QDir::Files))
        QFile::copy(source.absoluteFilePath(name), QDir(folder).absoluteFilePath(name));
    return folder;
}

inline QString readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

// A generated document with `routes` tcp routes (one gateway port each) over `services`
// services, each with routes/services subsets (bench_graph's, and the graph's truth test's).
inline QString generatedRoutes(int routes, int services)
{
    QString text;
    const int perService = routes / services;
    text += QStringLiteral(
        "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: big-gateway\nspec:\n"
        "  selector:\n    istio: ingressgateway\n  servers:\n");
    for (int r = 0; r < routes; ++r)
        text +=
            QStringLiteral("    - port:\n        number: %1\n        name: tcp-%1\n        protocol: TCP\n"
                           "      hosts:\n        - \"*\"\n")
                .arg(20000 + r);
    text += QStringLiteral(
        "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: big\n"
        "spec:\n  hosts:\n    - \"*\"\n  gateways:\n    - big-gateway\n  tcp:\n");
    for (int r = 0; r < routes; ++r)
        text += QStringLiteral("    - match:\n        - port: %1\n      route:\n        - destination:\n"
                               "            host: svc-%2\n            subset: s%3\n")
                    .arg(20000 + r)
                    .arg((r * 7) % services)
                    .arg(r % perService);
    for (int s = 0; s < services; ++s) {
        text += QStringLiteral(
                    "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%1\nspec:\n  selector:\n"
                    "    app: svc-%1\n  ports:\n    - name: tcp\n      port: 9000\n")
                    .arg(s);
        text += QStringLiteral("---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n"
                               "  name: svc-%1\nspec:\n  host: svc-%1\n  subsets:\n")
                    .arg(s);
        for (int k = 0; k < perService; ++k)
            text += QStringLiteral("    - name: s%1\n      labels:\n        version: s%1\n").arg(k);
        text +=
            QStringLiteral("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-%1\nspec:\n"
                           "  replicas: 2\n  selector:\n    matchLabels:\n      app: svc-%1\n  template:\n"
                           "    metadata:\n      labels:\n        app: svc-%1\n        version: s%2\n"
                           "    spec:\n      containers:\n        - name: c\n          image: x\n")
                .arg(s)
                .arg(s % perService);
    }
    return text;
}

} // namespace studiotest

// QTEST_MAIN with the user's folders pointed into a temporary directory first.
#define STUDIO_TEST_MAIN(TestClass)                                                                          \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        QTemporaryDir home;                                                                                  \
        qputenv("XDG_CONFIG_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("config")).toUtf8());   \
        qputenv("XDG_DATA_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("data")).toUtf8());       \
        qputenv("XDG_CACHE_HOME", QDir(home.path()).absoluteFilePath(QStringLiteral("cache")).toUtf8());     \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                                                  \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                         \
        QApplication app(argc, argv);                                                                        \
        QApplication::setOrganizationName(QStringLiteral("MeshrouteTest"));                                  \
        QApplication::setApplicationName(QStringLiteral("meshroute-studio-test"));                           \
        TestClass test;                                                                                      \
        return QTest::qExec(&test, argc, argv);                                                              \
    }
