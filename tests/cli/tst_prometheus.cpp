// A real Prometheus (Debian's `prometheus`) scrapes `meshroute proxy --admin` through the
// scrape job `meshroute proxy --print-scrape-config` documents, while the test drives known
// traffic through the local gateway; then Istio's Grafana dashboards' TCP queries
// (proxy/stats/promql.h), with their variables set as a Grafana user sets them for a
// gateway, are asked through Prometheus' HTTP API: the series exist with the labels the
// queries use, and the byte and connection totals are what the test sent and received,
// connections still open included. `promtool check metrics` passes on the endpoint's text.
// Skipped (QSKIP) only when the prometheus or promtool binary is absent.

#include "../proxy/testnet.h"
#include "stats/promql.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using meshroute::proxy::DashboardQuery;
using meshroute::proxy::TemplateValue;
using testnet::Client;

namespace {

const QString kMeshroute = QStringLiteral(MESHROUTE_BINARY_DIR "/app/cli/meshroute");
const std::string kService = "tcp-echo.default.svc.cluster.local";
const std::string kGateway = "istio-ingressgateway"; // what an Istio ingress gateway reports
const std::string kGatewayNamespace = "istio-system";

// Two gateway ports: PORT1 is served by subset v1, PORT2 by subset v2 (demo pods).
QByteArray config(std::uint16_t port1, std::uint16_t port2)
{
    return QByteArray(R"(apiVersion: v1
kind: Service
metadata: {name: tcp-echo, namespace: default}
spec:
  selector: {app: tcp-echo}
  ports: [{name: tcp, port: 9000}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v1, namespace: default}
spec:
  selector: {matchLabels: {app: tcp-echo, version: v1}}
  template:
    metadata: {labels: {app: tcp-echo, version: v1}}
    spec: {containers: [{name: c, ports: [{containerPort: 9000}]}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: tcp-echo-v2, namespace: default}
spec:
  selector: {matchLabels: {app: tcp-echo, version: v2}}
  template:
    metadata: {labels: {app: tcp-echo, version: v2}}
    spec: {containers: [{name: c, ports: [{containerPort: 9000}]}]}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: tcp-echo, namespace: default}
spec:
  host: tcp-echo
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  selector: {istio: ingressgateway}
  servers:
  - {port: {number: PORT1, name: tcp-1, protocol: TCP}, hosts: ['*']}
  - {port: {number: PORT2, name: tcp-2, protocol: TCP}, hosts: ['*']}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: vs, namespace: default}
spec:
  hosts: ['*']
  gateways: [gw]
  tcp:
  - {match: [{port: PORT1}], route: [{destination: {host: tcp-echo, subset: v1}}]}
  - {match: [{port: PORT2}], route: [{destination: {host: tcp-echo, subset: v2}}]}
)")
        .replace("PORT1", QByteArray::number(port1))
        .replace("PORT2", QByteArray::number(port2));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool waitForOutput(QProcess &process, const QByteArray &text, QByteArray &seen, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!seen.contains(text)) {
        if (deadline.hasExpired() || process.state() == QProcess::NotRunning)
            return false;
        process.waitForReadyRead(50);
        seen += process.readAllStandardOutput();
        seen += process.readAllStandardError();
    }
    return true;
}

struct HttpAnswer
{
    int status = 0;
    QByteArray headers; // the header block, lines as sent
    QByteArray body;
};

// One HTTP/1.0 GET on 127.0.0.1 (the server closes after the answer).
HttpAnswer httpGet(std::uint16_t port, const QByteArray &target, int timeoutMs = 3000)
{
    HttpAnswer out;
    Client c;
    if (!c.connect(port, timeoutMs) ||
        !c.send(("GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").toStdString()))
        return out;
    bool eof = false;
    const QByteArray all = QByteArray::fromStdString(c.readToEof(timeoutMs, eof));
    const auto split = all.indexOf("\r\n\r\n");
    if (!eof || split < 0 || !all.startsWith("HTTP/1."))
        return out;
    out.headers = all.left(split);
    out.body = all.mid(split + 4);
    out.status = all.mid(9, 3).toInt();
    return out;
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The same query, totals instead of per-second rates: irate(x[1m]) becomes x.
QString totalsOf(const QString &promql)
{
    static const QRegularExpression rate(QStringLiteral(R"(irate\(([^\[]*)\[1m\]\))"));
    return QString(promql).replace(rate, QStringLiteral("\\1"));
}

// A connection through the gateway: the pod's greeting, then `payload` echoed; the bytes
// each way as the client counted them.
struct Conversation
{
    std::unique_ptr<Client> client = std::make_unique<Client>();
    std::uint64_t sent = 0;
    std::uint64_t received = 0;
};

// Sends `size` bytes (a line) and reads until their echo came back; `first`: the pod's
// greeting comes before it.
bool exchange(Conversation &c, std::size_t size, char fill, bool first)
{
    std::string payload(size - 1, fill);
    payload += '\n';
    if (!c.client->send(payload))
        return false;
    c.sent += payload.size();
    const std::string answer = c.client->readUntil(payload, 5000);
    c.received += answer.size();
    return answer.ends_with(payload) &&
           (first ? answer.size() > payload.size() : answer.size() == payload.size());
}

} // namespace

class tst_Prometheus : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void endpointIsWhatPrometheusAccepts();
    void scrapedSeriesCarryIstiosLabels();
    void dashboardQueries_data();
    void dashboardQueries();
    void rawTotalsIncludeOpenConnections_data();
    void rawTotalsIncludeOpenConnections();
    void defaultReporterPickerShowsNothingForAGateway();

private:
    // The query's result vector (fails the test on any error).
    QJsonArray query(const QString &promql);
    double scalarOf(const QString &promql, bool &found);
    std::vector<TemplateValue> variablesFor(const DashboardQuery &q) const;

    QString m_prometheus, m_promtool;
    QTemporaryDir m_dir;
    QProcess m_proxy, m_server;
    std::uint16_t m_adminPort = 0, m_prometheusPort = 0;
    QByteArray m_adminAddress;
    std::vector<Conversation> m_v1, m_v2; // the connections still open stay here
    // What the clients counted, per subset.
    std::uint64_t m_sent[2] = {}, m_received[2] = {};
    int m_opened[2] = {}, m_closed[2] = {};
};

void tst_Prometheus::initTestCase()
{
    m_prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    m_promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    if (m_prometheus.isEmpty() || m_promtool.isEmpty())
        QSKIP("prometheus or promtool is not installed (Debian: apt-get install prometheus)");
    QVERIFY(m_dir.isValid());

    // The local gateway with its admin endpoint on a port of its choosing.
    const std::uint16_t port1 = testnet::freeListenPort();
    std::uint16_t port2 = testnet::freeListenPort();
    while (port2 == port1)
        port2 = testnet::freeListenPort();
    QVERIFY(port1 != 0 && port2 != 0);
    const QString routing = m_dir.filePath(QStringLiteral("routing.yaml"));
    QVERIFY(writeFile(routing, config(port1, port2)));
    m_proxy.start(kMeshroute,
                  {QStringLiteral("proxy"), routing, QStringLiteral("--admin"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--threads"), QStringLiteral("1")});
    QByteArray seen;
    QVERIFY2(waitForOutput(m_proxy, "/stats\n", seen, 10000), seen.constData());
    const QRegularExpression admin(QStringLiteral(R"(admin http://(127\.0\.0\.1:(\d+))/stats)"));
    const auto match = admin.match(QString::fromUtf8(seen));
    QVERIFY2(match.hasMatch(), seen.constData());
    m_adminAddress = match.captured(1).toUtf8();
    m_adminPort = static_cast<std::uint16_t>(match.captured(2).toUInt());

    // Prometheus with the documented scrape job, a quick global interval, its own storage.
    QProcess print;
    print.start(kMeshroute, {QStringLiteral("proxy"), QStringLiteral("--print-scrape-config"),
                             QStringLiteral("--admin"), QString::fromUtf8(m_adminAddress)});
    QVERIFY(print.waitForFinished(10000));
    QCOMPARE(print.exitCode(), 0);
    const QByteArray job = print.readAllStandardOutput();
    QVERIFY2(job.contains("targets: [\"" + m_adminAddress + "\"]"), job.constData());
    const QString yml = m_dir.filePath(QStringLiteral("prometheus.yml"));
    QVERIFY(writeFile(
        yml, "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n  evaluation_interval: 1s\n" + job));
    QProcess check;
    check.start(m_promtool, {QStringLiteral("check"), QStringLiteral("config"), yml});
    QVERIFY(check.waitForFinished(10000));
    QVERIFY2(check.exitCode() == 0,
             (check.readAllStandardOutput() + check.readAllStandardError()).constData());

    for (int attempt = 0; attempt < 5 && m_server.state() != QProcess::Running; ++attempt) {
        m_prometheusPort = testnet::freeListenPort();
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(m_prometheus,
                       {QStringLiteral("--config.file=") + yml,
                        QStringLiteral("--storage.tsdb.path=") + m_dir.filePath(QStringLiteral("data")),
                        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(m_prometheusPort),
                        QStringLiteral("--log.level=warn")});
        QVERIFY(m_server.waitForStarted(5000));
        QDeadlineTimer ready(10000);
        while (!ready.hasExpired() && m_server.state() == QProcess::Running &&
               httpGet(m_prometheusPort, "/-/ready", 500).status != 200)
            QTest::qWait(100);
        if (m_server.state() != QProcess::Running) // the port was taken after all: another
            m_server.waitForFinished(1000);
    }
    QVERIFY2(httpGet(m_prometheusPort, "/-/ready").status == 200, m_server.readAll().constData());

    // Known traffic: three connections to v1 and two to v2; one of each stays open.
    const std::uint16_t ports[2] = {port1, port2};
    const std::size_t sizes[2][3] = {{1000, 2000, 3000}, {700, 1300, 0}};
    for (int s = 0; s < 2; ++s) {
        auto &list = s == 0 ? m_v1 : m_v2;
        for (std::size_t size : sizes[s]) {
            if (size == 0)
                continue;
            Conversation c;
            QVERIFY(c.client->connect(ports[s]));
            QVERIFY(exchange(c, size, static_cast<char>('a' + s), true));
            QVERIFY(exchange(c, size / 2, static_cast<char>('A' + s), false));
            m_sent[s] += c.sent;
            m_received[s] += c.received;
            ++m_opened[s];
            list.push_back(std::move(c));
        }
        for (std::size_t i = 0; i + 1 < list.size(); ++i) {
            list[i].client->close();
            ++m_closed[s];
        }
    }

    // Wait for a scrape that saw all of it (Prometheus scrapes every second).
    const QString closed = QStringLiteral(R"(sum(istio_tcp_connections_closed_total{reporter="source"}))");
    const QString bytes = QStringLiteral("sum(istio_tcp_sent_bytes_total)");
    const double closedCount = m_closed[0] + m_closed[1];
    const double sentBytes = static_cast<double>(m_received[0] + m_received[1]);
    QDeadlineTimer deadline(15000);
    bool found = false;
    while (!deadline.hasExpired() &&
           (scalarOf(closed, found) != closedCount || scalarOf(bytes, found) != sentBytes))
        QTest::qWait(200);
    QCOMPARE(scalarOf(closed, found), closedCount);
    QCOMPARE(scalarOf(bytes, found), sentBytes);
    // The dashboards' irate() needs two samples of every series (the first may be that one).
    const QString samples = QStringLiteral("min(count_over_time(istio_tcp_sent_bytes_total[1m]))");
    QTRY_VERIFY_WITH_TIMEOUT(scalarOf(samples, found) >= 3, 10000);
}

void tst_Prometheus::cleanupTestCase()
{
    m_v1.clear();
    m_v2.clear();
    for (QProcess *p : {&m_server, &m_proxy}) {
        if (p->state() == QProcess::NotRunning)
            continue;
        p->terminate();
        if (!p->waitForFinished(5000)) {
            p->kill();
            p->waitForFinished(2000);
        }
    }
}

QJsonArray tst_Prometheus::query(const QString &promql)
{
    const HttpAnswer a =
        httpGet(m_prometheusPort, "/api/v1/query?query=" + QUrl::toPercentEncoding(promql), 5000);
    const QJsonObject answer = QJsonDocument::fromJson(a.body).object();
    if (a.status != 200 || answer.value("status").toString() != QLatin1String("success")) {
        QTest::qFail(
            qPrintable(promql + " -> " + QString::number(a.status) + " " + QString::fromUtf8(a.body)),
            __FILE__, __LINE__);
        return {};
    }
    return answer.value("data").toObject().value("result").toArray();
}

double tst_Prometheus::scalarOf(const QString &promql, bool &found)
{
    const QJsonArray result = query(promql);
    found = result.size() == 1;
    return found ? result.at(0).toObject().value("value").toArray().at(1).toString().toDouble() : -1;
}

std::vector<TemplateValue> tst_Prometheus::variablesFor(const DashboardQuery &q) const
{
    // As a user sets the pickers for the gateway's data: reporter "source"; "All" of the
    // workload pickers (their only values here).
    std::vector<TemplateValue> v{{"qrep", {"source"}},
                                 {"service", {kService}},
                                 {"srcwl", {kGateway}},
                                 {"srcns", {kGatewayNamespace}},
                                 {"dstwl", {"tcp-echo-v1", "tcp-echo-v2"}},
                                 {"dstns", {"default"}},
                                 {"dstsvc", {kService}}};
    // The workload dashboard looks at one workload: the gateway for its client side and
    // outbound services, subset v1's workload for its server side and inbound workloads.
    const bool gatewaySide = q.name.find("client") != std::string_view::npos ||
                             q.name.find("outbound") != std::string_view::npos || q.dashboard.empty();
    v.push_back({"namespace", {gatewaySide ? kGatewayNamespace : std::string("default")}});
    v.push_back({"workload", {gatewaySide ? kGateway : std::string("tcp-echo-v1")}});
    return v;
}

void tst_Prometheus::endpointIsWhatPrometheusAccepts()
{
    const HttpAnswer a = httpGet(m_adminPort, "/stats/prometheus");
    QCOMPARE(a.status, 200);
    const QRegularExpression type(QStringLiteral(R"(^content-type: (.*)$)"),
                                  QRegularExpression::CaseInsensitiveOption |
                                      QRegularExpression::MultilineOption);
    const auto m = type.match(QString::fromUtf8(a.headers).remove(QLatin1Char('\r')));
    QVERIFY2(m.hasMatch(), a.headers.constData());
    QCOMPARE(m.captured(1), QStringLiteral("text/plain; version=0.0.4; charset=utf-8"));
    QVERIFY(a.body.contains("istio_tcp_sent_bytes_total{"));

    QProcess promtool;
    promtool.start(m_promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(promtool.waitForStarted(5000));
    promtool.write(a.body);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(10000));
    const QByteArray said = promtool.readAllStandardOutput() + promtool.readAllStandardError();
    QVERIFY2(promtool.exitCode() == 0, said.constData());
    QVERIFY2(said.trimmed().isEmpty(), said.constData()); // no lint finding either

    // Prometheus scraped it and found nothing to complain about.
    const QJsonArray up = query(QStringLiteral(R"(up{job="meshroute-local-gateway"})"));
    QCOMPARE(up.size(), 1);
    QCOMPARE(up.at(0).toObject().value("value").toArray().at(1).toString(), QStringLiteral("1"));
}

void tst_Prometheus::scrapedSeriesCarryIstiosLabels()
{
    const QJsonArray series = query(QStringLiteral("istio_tcp_sent_bytes_total"));
    QCOMPARE(series.size(), 2); // one per destination workload
    for (const QJsonValue &v : series) {
        const QJsonObject labels = v.toObject().value("metric").toObject();
        const QString version = labels.value("destination_version").toString();
        QVERIFY2(version == QLatin1String("v1") || version == QLatin1String("v2"), qPrintable(version));
        const std::map<QString, QString> expected{
            {"reporter", "source"},
            {"source_workload", fromView(kGateway)},
            {"source_workload_namespace", fromView(kGatewayNamespace)},
            {"source_cluster", "Kubernetes"},
            {"destination_service", fromView(kService)},
            {"destination_service_name", "tcp-echo"},
            {"destination_service_namespace", "default"},
            {"destination_workload", "tcp-echo-" + version},
            {"destination_workload_namespace", "default"},
            {"destination_app", "tcp-echo"},
            {"destination_canonical_service", "tcp-echo"},
            {"destination_canonical_revision", version},
            {"destination_cluster", "Kubernetes"},
            {"request_protocol", "tcp"},
            {"response_flags", "-"},
            {"connection_security_policy", "unknown"},
            {"job", "meshroute-local-gateway"},
            {"instance", QString::fromUtf8(m_adminAddress)},
        };
        for (const auto &[name, value] : expected)
            QCOMPARE(labels.value(name).toString(), value);
    }
}

void tst_Prometheus::dashboardQueries_data()
{
    QTest::addColumn<QString>("promql");
    QTest::addColumn<bool>("empty");
    QTest::addColumn<QStringList>("byLabels");
    QTest::addColumn<double>("total");
    const double sent = static_cast<double>(m_received[0] + m_received[1]); // the gateway sent the clients
    const double received = static_cast<double>(m_sent[0] + m_sent[1]);
    const double v1 = static_cast<double>(m_received[0] + m_sent[0]);
    const QRegularExpression by(QStringLiteral(R"(\) by \(([^)]*)\))"));
    for (const DashboardQuery &q : meshroute::proxy::dashboardQueries()) {
        const QString promql = QString::fromStdString(substitute(q.expr, variablesFor(q), q.dashboard));
        const std::string_view name = q.name;
        // A source reporter cannot know the security policy ("unknown", as Istio's gateway says),
        // and the destination's sidecar, not the gateway, reports "destination".
        const bool empty = name.ends_with(".mtls") || name.starts_with("service.service-workloads.");
        QStringList labels;
        if (const auto m = by.match(promql); m.hasMatch())
            labels = m.captured(1).split(QStringLiteral(", "));
        double total = -1; // no byte total to compare
        if (name == "workload.tcp-server-traffic" || name.starts_with("workload.inbound-workloads."))
            total = name == "workload.tcp-server-traffic" ? v1
                    : name.find("received") != name.npos  ? double(m_sent[0])
                                                          : double(m_received[0]);
        else if (name == "workload.tcp-client-traffic")
            total = sent + received;
        else if (name.find("received") != name.npos)
            total = name.starts_with("workload.outbound") ? sent : received;
        else if (name.find("sent") != name.npos)
            total = name.starts_with("workload.outbound") ? received : sent;
        else if (name == "meshroute.connections-open")
            total = (m_opened[0] - m_closed[0]) + (m_opened[1] - m_closed[1]);
        else if (name == "meshroute.connections-opened-rate")
            total = m_opened[0] + m_opened[1];
        else if (name.find("failures") != name.npos || name.find("no-route") != name.npos)
            total = 0;
        QTest::newRow(std::string(name).c_str()) << promql << empty << labels << (empty ? -1 : total);
    }
}

void tst_Prometheus::dashboardQueries()
{
    QFETCH(QString, promql);
    QFETCH(bool, empty);
    QFETCH(QStringList, byLabels);
    QFETCH(double, total);
    QVERIFY2(!promql.contains(QLatin1Char('$')), qPrintable(promql));
    const QJsonArray rates = query(promql);
    if (empty) {
        QVERIFY2(rates.isEmpty(), qPrintable(promql));
        QVERIFY(query(totalsOf(promql)).isEmpty());
        return;
    }
    QVERIFY2(rates.size() >= 1, qPrintable(promql));
    for (const QJsonValue &r : rates) {
        const QJsonObject metric = r.toObject().value("metric").toObject();
        QCOMPARE(metric.size(), byLabels.size());
        for (const QString &label : byLabels) {
            const QString value = metric.value(label).toString();
            if (label == QLatin1String("source_workload"))
                QCOMPARE(value, fromView(kGateway));
            else if (label == QLatin1String("source_workload_namespace"))
                QCOMPARE(value, fromView(kGatewayNamespace));
            else if (label == QLatin1String("destination_service"))
                QCOMPARE(value, fromView(kService));
            else
                QFAIL(qPrintable("unexpected label " + label));
        }
        QVERIFY(r.toObject().value("value").toArray().at(1).toString().toDouble() >= 0);
    }
    if (total < 0)
        return;
    // The totals behind the rates: what the clients counted, open connections included.
    const QJsonArray totals = query(totalsOf(promql));
    QCOMPARE(totals.size(), 1);
    QCOMPARE(totals.at(0).toObject().value("value").toArray().at(1).toString().toDouble(), total);
}

void tst_Prometheus::rawTotalsIncludeOpenConnections_data()
{
    QTest::addColumn<QString>("promql");
    QTest::addColumn<double>("expected");
    for (int s = 0; s < 2; ++s) {
        const QString filter =
            QStringLiteral(
                R"({reporter="source", destination_workload="tcp-echo-v%1", destination_version="v%1"})")
                .arg(s + 1);
        const std::string v = "v" + std::to_string(s + 1);
        QTest::newRow((v + ": bytes sent to the clients").c_str())
            << "sum(istio_tcp_sent_bytes_total" + filter + ")" << double(m_received[s]);
        QTest::newRow((v + ": bytes received from the clients").c_str())
            << "sum(istio_tcp_received_bytes_total" + filter + ")" << double(m_sent[s]);
        QTest::newRow((v + ": connections opened").c_str())
            << "sum(istio_tcp_connections_opened_total" + filter + ")" << double(m_opened[s]);
        QTest::newRow((v + ": connections closed").c_str())
            << "sum(istio_tcp_connections_closed_total" + filter + ")" << double(m_closed[s]);
    }
    QTest::newRow("open now, by the engine's own gauge")
        << QStringLiteral("sum(meshroute_cluster_connections_active)")
        << double(m_opened[0] - m_closed[0] + m_opened[1] - m_closed[1]);
}

void tst_Prometheus::rawTotalsIncludeOpenConnections()
{
    QFETCH(QString, promql);
    QFETCH(double, expected);
    QVERIFY(!m_v1.empty() && !m_v2.empty()); // one connection of each is still open
    bool found = false;
    QCOMPARE(scalarOf(promql, found), expected);
    QVERIFY(found);
}

void tst_Prometheus::defaultReporterPickerShowsNothingForAGateway()
{
    // The dashboards open with reporter "destination": a gateway's numbers appear once the
    // user picks "source", as with Istio's own gateway.
    const DashboardQuery *q = meshroute::proxy::findQuery("service.tcp-sent-bytes");
    QVERIFY(q);
    auto values = variablesFor(*q);
    values.front() = {"qrep", {"destination"}};
    QVERIFY(query(QString::fromStdString(substitute(q->expr, values, q->dashboard))).isEmpty());
    values.front() = {"qrep", {"source", "destination"}};
    QCOMPARE(query(QString::fromStdString(substitute(q->expr, values, q->dashboard))).size(), 1);
}

QTEST_GUILESS_MAIN(tst_Prometheus)
#include "tst_prometheus.moc"
