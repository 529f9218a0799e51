// The admin endpoint over real HTTP: /stats as JSON, /stats/prometheus parsed back
// line by line, Istio's standard TCP metrics with their labels, live while open.

#include "admin/adminserver.h"
#include "engine/engine.h"
#include "prometheustext.h"
#include "stats/render.h"
#include "tablebuilder.h"
#include "testnet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <map>

using namespace meshroute;
using namespace meshroute::proxy;
using testnet::Client;
using testnet::Sample;
using testnet::TableBuilder;
using testnet::waitFor;

namespace {

struct HttpReply
{
    int status = 0;
    std::string headers;
    std::string body;
};

HttpReply httpGet(std::uint16_t port, const std::string &target)
{
    HttpReply reply;
    Client c;
    if (!c.connect(port))
        return reply;
    c.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    bool eof = false;
    const std::string all = c.readToEof(5000, eof);
    const auto split = all.find("\r\n\r\n");
    if (split == std::string::npos)
        return reply;
    reply.headers = all.substr(0, split);
    reply.body = all.substr(split + 4);
    reply.status = std::atoi(all.c_str() + 9);
    return reply;
}

} // namespace

class tst_Admin : public QObject
{
    Q_OBJECT

private slots:
    void prometheusHasIstioTcpMetricsLiveAndAfterClose();
    void statsJson();
    void unknownPathAndLoopbackOnly();
    void requestParsing_data();
    void requestParsing();
    void errorCountsAreShown();
};

void tst_Admin::requestParsing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("statuses"); // of the responses, in order
    QTest::addColumn<QString>("end");      // open, closed or incomplete
    QTest::newRow("keep-alive pipeline")
        << QByteArray("GET /stats HTTP/1.1\r\n\r\nHEAD /metrics?x HTTP/1.1\r\n\r\n") << "200 200"
        << "open";
    QTest::newRow("not GET, then close") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
                                                       "GET /x HTTP/1.1\r\nConnection: close\r\n\r\n")
                                         << "405 404"
                                         << "closed";
    QTest::newRow("HTTP/1.0 closes") << QByteArray("GET / HTTP/1.0\r\n\r\nGET / HTTP/1.0\r\n\r\n") << "200"
                                     << "closed";
    QTest::newRow("garbage") << QByteArray("\x01\x02 nonsense\r\n\r\n") << ""
                             << "closed";
    QTest::newRow("half a request") << QByteArray("GET /stats HTTP/1.1\r\nHost: x\r\n") << ""
                                    << "incomplete";
    QTest::newRow("header over the limit")
        << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(9000, 'a') + "\r\n\r\n") << ""
        << "closed";
}

void tst_Admin::requestParsing()
{
    // The server's own parsing and answers, over bytes a client sends on one connection.
    QFETCH(QByteArray, bytes);
    QFETCH(QString, statuses);
    QFETCH(QString, end);
    const AdminExchange exchange =
        adminExchange(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                      [] { return StatsSnapshot{}; });
    QStringList seen;
    for (const AdminTurn &turn : exchange.turns)
        seen << QString::number(turn.status);
    QCOMPARE(seen.join(' '), statuses);
    QCOMPARE(QString(exchange.incomplete ? "incomplete" : exchange.closed ? "closed" : "open"), end);
}

void tst_Admin::errorCountsAreShown()
{
    StatsSnapshot s;
    s.errors.acceptFailures = 7;
    s.errors.acceptPauses = 2;
    s.errors.handlerExceptions = 1;
    const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(renderJson(s))).object();
    QCOMPARE(json["errors"].toObject()["accept_failures"].toInt(), 7);
    QCOMPARE(json["errors"].toObject()["accept_pauses"].toInt(), 2);
    QCOMPARE(json["errors"].toObject()["handler_exceptions"].toInt(), 1);
    std::multimap<std::string, Sample> samples;
    std::string error;
    QVERIFY2(testnet::parsePrometheus(renderPrometheus(s), samples, error), error.c_str());
    QCOMPARE(samples.find("meshroute_accept_failures_total")->second.value, 7.0);
    QCOMPARE(samples.find("meshroute_accept_pauses_total")->second.value, 2.0);
    QCOMPARE(samples.find("meshroute_handler_exceptions_total")->second.value, 1.0);
}

void tst_Admin::prometheusHasIstioTcpMetricsLiveAndAfterClose()
{
    TableBuilder b;
    const auto v1 = b.pod("tcp-echo-v1-7c775f57c9-frprp", "tcp-echo-v1", "v1");
    const auto c1 = b.cluster("v1", {TableBuilder::podEndpoint(*b.table, v1)});
    b.listener(31400, "default/tcp-echo-gateway", b.route("default/tcp-echo tcp[0]", {{c1, 100}}));
    b.table->gatewayNamespace = "istio-system";
    b.table->gatewayWorkload = "istio-ingressgateway";
    b.table->gatewayLabels = {{"istio", "ingressgateway"}, {"app", "istio-ingressgateway"}};

    EngineOptions options;
    options.ephemeralPorts = true;
    options.threads = 2;
    options.admin = "127.0.0.1:0";
    Engine engine(options);
    const ApplyResult started = engine.start(b.table);
    QVERIFY(started.ok());
    const std::string admin = engine.adminAddress();
    QVERIFY(admin.starts_with("127.0.0.1:"));
    const auto adminPort = static_cast<std::uint16_t>(std::stoi(admin.substr(10)));

    Client client;
    QVERIFY(client.connect(started.listeners[0].boundPort));
    const std::string greeting = client.readUntil("Service default.\n");
    QVERIFY(client.send("hello\n"));
    QCOMPARE(client.read(6), std::string("hello\n"));

    const auto istioSample = [&](const std::string &metric) -> std::optional<Sample> {
        const HttpReply reply = httpGet(adminPort, "/stats/prometheus");
        if (reply.status != 200)
            return std::nullopt;
        std::multimap<std::string, Sample> samples;
        std::string error;
        if (!parsePrometheus(reply.body, samples, error)) {
            qWarning("%s", error.c_str());
            return std::nullopt;
        }
        const auto range = samples.equal_range(metric);
        if (std::distance(range.first, range.second) != 1)
            return std::nullopt;
        return range.first->second;
    };

    // While the connection is open.
    QVERIFY(waitFor([&] {
        const auto s = istioSample("istio_tcp_sent_bytes_total");
        return s && s->value == double(greeting.size() + 6);
    }));
    const auto opened = istioSample("istio_tcp_connections_opened_total");
    QVERIFY(opened);
    QCOMPARE(opened->value, 1.0);
    const std::map<std::string, std::string> expected{
        {"reporter", "source"},
        {"source_workload", "istio-ingressgateway"},
        {"source_workload_namespace", "istio-system"},
        {"source_app", "istio-ingressgateway"},
        {"destination_workload", "tcp-echo-v1"},
        {"destination_workload_namespace", "default"},
        {"destination_app", "tcp-echo"},
        {"destination_version", "v1"},
        {"destination_service", "tcp-echo.default.svc.cluster.local"},
        {"destination_service_name", "tcp-echo"},
        {"destination_service_namespace", "default"},
        {"destination_canonical_service", "tcp-echo"},
        {"destination_canonical_revision", "v1"},
        {"destination_principal", "spiffe://cluster.local/ns/default/sa/default"},
        {"request_protocol", "tcp"},
        {"response_flags", "-"},
    };
    for (const auto &[k, v] : expected)
        QCOMPARE(opened->labels.at(k), v);
    QCOMPARE(istioSample("istio_tcp_received_bytes_total")->value, 6.0);
    QCOMPARE(istioSample("istio_tcp_connections_closed_total")->value, 0.0);

    client.close();
    QVERIFY(waitFor([&] {
        const auto s = istioSample("istio_tcp_connections_closed_total");
        return s && s->value == 1.0;
    }));

    // Our own counters and the latency histogram parse too.
    const HttpReply reply = httpGet(adminPort, "/stats/prometheus");
    QVERIFY(reply.headers.find("text/plain; version=0.0.4") != std::string::npos);
    std::multimap<std::string, Sample> samples;
    std::string error;
    QVERIFY2(parsePrometheus(reply.body, samples, error), error.c_str());
    const auto listenerBytes = samples.find("meshroute_listener_bytes_from_client_total");
    QVERIFY(listenerBytes != samples.end());
    QCOMPARE(listenerBytes->second.value, 6.0);
    QCOMPARE(listenerBytes->second.labels.at("port"), std::string("31400"));
    QCOMPARE(samples.find("meshroute_cluster_connect_latency_seconds_count")->second.value, 1.0);
    int buckets = 0;
    for (auto [it, end] = samples.equal_range("meshroute_cluster_connect_latency_seconds_bucket"); it != end;
         ++it)
        ++buckets;
    QCOMPARE(buckets, int(kLatencyBuckets));
}

void tst_Admin::statsJson()
{
    testnet::Backend echo(testnet::Backend::echo());
    TableBuilder b;
    const auto c = b.cluster("v1", {TableBuilder::address(echo.port())});
    b.listener(31400, "default/gw", b.route("json", {{c, 100}}));
    EngineOptions options;
    options.ephemeralPorts = true;
    options.admin = "127.0.0.1:0";
    Engine engine(options);
    const ApplyResult started = engine.start(b.table);
    Client client;
    QVERIFY(client.connect(started.listeners[0].boundPort) && client.send("abc") && client.read(3) == "abc");

    const auto adminPort = static_cast<std::uint16_t>(std::stoi(engine.adminAddress().substr(10)));
    QVERIFY(waitFor([&] {
        const HttpReply reply = httpGet(adminPort, "/stats");
        const auto json = QJsonDocument::fromJson(QByteArray::fromStdString(reply.body)).object();
        const auto cluster = json["clusters"].toArray().at(0).toObject();
        return reply.status == 200 &&
               cluster["name"].toString() == "outbound|3333|v1|tcp-echo.default.svc.cluster.local" &&
               cluster["stats"].toObject()["bytes_to_client"].toInt() == 3 &&
               cluster["stats"].toObject()["connections_active"].toInt() == 1 &&
               json["listeners"].toArray().at(0).toObject()["port"].toInt() == 31400;
    }));
}

void tst_Admin::unknownPathAndLoopbackOnly()
{
    {
        EngineOptions options;
        options.ephemeralPorts = true;
        options.admin = "127.0.0.1:0";
        Engine engine(options);
        engine.start(std::make_shared<RouteTable>());
        const auto adminPort = static_cast<std::uint16_t>(std::stoi(engine.adminAddress().substr(10)));
        QCOMPARE(httpGet(adminPort, "/nope").status, 404);
        QCOMPARE(httpGet(adminPort, "/stats").status, 200);
    }
    {
        EngineOptions options;
        options.admin = "0.0.0.0:0";
        Engine engine(options);
        const ApplyResult started = engine.start(std::make_shared<RouteTable>());
        QCOMPARE(started.errors.size(), std::size_t(1));
        QVERIFY(started.errors[0].find("loopback") != std::string::npos);
        QVERIFY(engine.adminAddress().empty());
    }
}

QTEST_GUILESS_MAIN(tst_Admin)
#include "tst_admin.moc"
