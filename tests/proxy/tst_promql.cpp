// The PromQL table (proxy/stats/promql.h) against Istio's Grafana dashboards: every
// dashboard query in it is an expression of the panel it names, every TCP panel of the
// dashboards is in it, and variables are substituted as Grafana substitutes them.

#include "admin/adminhttp.h"
#include "stats/promql.h"
#include "stats/render.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace meshroute::proxy;

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

QJsonObject dashboard(std::string_view file)
{
    QFile f(QStringLiteral(MESHROUTE_SHARED_DIR "/istio/install/") + fromView(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

struct PanelTarget
{
    QString row, panel, refId, expr;
};

// Every target of every panel, with the row it sits under (rows may also nest their panels).
QList<PanelTarget> targets(const QJsonObject &dash)
{
    QList<PanelTarget> out;
    QString row;
    const auto addPanel = [&](const QJsonObject &p) {
        for (const QJsonValue &t : p.value("targets").toArray()) {
            const QJsonObject target = t.toObject();
            out.append({row, p.value("title").toString(), target.value("refId").toString(),
                        target.value("expr").toString()});
        }
    };
    for (const QJsonValue &v : dash.value("panels").toArray()) {
        const QJsonObject p = v.toObject();
        if (p.value("type").toString() == QLatin1String("row")) {
            row = p.value("title").toString();
            for (const QJsonValue &nested : p.value("panels").toArray())
                addPanel(nested.toObject());
            continue;
        }
        addPanel(p);
    }
    return out;
}

} // namespace

class tst_PromQl : public QObject
{
    Q_OBJECT

private slots:
    void dashboardEntryIsItsPanelsExpression_data();
    void dashboardEntryIsItsPanelsExpression();
    void everyTcpPanelOfTheDashboardsIsInTheTable();
    void multiValueVariablesAreTheDashboards();
    void substitutesAsGrafanaDoes_data();
    void substitutesAsGrafanaDoes();
    void ownQueriesReadRenderedFamilies();
    void scrapeConfigReadsTheServedPath();
};

void tst_PromQl::dashboardEntryIsItsPanelsExpression_data()
{
    QTest::addColumn<QString>("dashboard");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("panel");
    QTest::addColumn<QString>("refId");
    QTest::addColumn<QString>("expr");
    int rows = 0;
    for (const DashboardQuery &q : dashboardQueries()) {
        if (q.dashboard.empty())
            continue;
        QTest::newRow(std::string(q.name).c_str())
            << fromView(q.dashboard) << fromView(q.row) << fromView(q.panel) << fromView(q.refId)
            << fromView(q.expr);
        ++rows;
    }
    QVERIFY(rows >= 20);
}

void tst_PromQl::dashboardEntryIsItsPanelsExpression()
{
    QFETCH(QString, dashboard);
    QFETCH(QString, row);
    QFETCH(QString, panel);
    QFETCH(QString, refId);
    QFETCH(QString, expr);
    const QJsonObject dash = dashboard == fromView(kServiceDashboard) ? ::dashboard(kServiceDashboard)
                                                                      : ::dashboard(kWorkloadDashboard);
    QVERIFY2(!dash.isEmpty(), qPrintable(dashboard));
    bool found = false;
    for (const PanelTarget &t : targets(dash)) {
        if (t.row == row && t.panel == panel && t.refId == refId) {
            QCOMPARE(expr, t.expr);
            found = true;
        }
    }
    QVERIFY2(found, qPrintable(row + " / " + panel + " / " + refId + " is not in " + dashboard));
}

void tst_PromQl::everyTcpPanelOfTheDashboardsIsInTheTable()
{
    int tcp = 0;
    for (std::string_view file : {kServiceDashboard, kWorkloadDashboard}) {
        const QJsonObject dash = dashboard(file);
        QVERIFY(!dash.isEmpty());
        for (const PanelTarget &t : targets(dash)) {
            if (!t.expr.contains(QLatin1String("istio_tcp_")))
                continue;
            ++tcp;
            const auto &all = dashboardQueries();
            const bool inTable = std::any_of(all.begin(), all.end(), [&](const DashboardQuery &q) {
                return q.dashboard == file && fromView(q.expr) == t.expr && fromView(q.panel) == t.panel;
            });
            QVERIFY2(inTable, qPrintable(t.panel + ": " + t.expr));
        }
    }
    QCOMPARE(tcp, 20);
}

void tst_PromQl::multiValueVariablesAreTheDashboards()
{
    for (std::string_view file : {kServiceDashboard, kWorkloadDashboard}) {
        const QJsonObject dash = dashboard(file);
        const QJsonArray vars = dash.value("templating").toObject().value("list").toArray();
        QVERIFY(vars.size() >= 5);
        for (const QJsonValue &v : vars) {
            const QJsonObject var = v.toObject();
            const std::string name = var.value("name").toString().toStdString();
            const bool multi = var.value("multi").toBool() || var.value("includeAll").toBool();
            QVERIFY2(isMultiValue(file, name) == multi, name.c_str());
        }
    }
}

void tst_PromQl::substitutesAsGrafanaDoes_data()
{
    QTest::addColumn<QString>("expr");
    QTest::addColumn<QString>("dashboard");
    QTest::addColumn<QString>("expected");
    const QString service = fromView(kServiceDashboard);
    QTest::newRow("a single-value variable is written as it is")
        << R"(x{destination_service="$service"})" << service
        << R"(x{destination_service="tcp-echo.default.svc.cluster.local"})";
    QTest::newRow("one value of a multi-value variable is regex-escaped")
        << R"(x{source_workload=~"$srcwl"})" << service << R"(x{source_workload=~"a\\.b"})";
    QTest::newRow("several values become one alternation")
        << R"(x{reporter=~"$qrep"})" << service << R"q(x{reporter=~"(source|destination)"})q";
    QTest::newRow("the rate interval is filled in")
        << R"(irate(x[$__rate_interval]))" << service << R"(irate(x[1m]))";
    QTest::newRow("a variable not given stays") << R"(x{a=~"$dstns"})" << service << R"(x{a=~"$dstns"})";
    QTest::newRow("a name that only starts like a variable is not it")
        << R"(x{a="$services"})" << service << R"(x{a="$services"})";
}

void tst_PromQl::substitutesAsGrafanaDoes()
{
    QFETCH(QString, expr);
    QFETCH(QString, dashboard);
    QFETCH(QString, expected);
    const std::vector<TemplateValue> values{{"service", {"tcp-echo.default.svc.cluster.local"}},
                                            {"srcwl", {"a.b"}},
                                            {"qrep", {"source", "destination"}}};
    QCOMPARE(QString::fromStdString(substitute(expr.toStdString(), values, dashboard.toStdString())),
             expected);
}

void tst_PromQl::ownQueriesReadRenderedFamilies()
{
    const std::string text = renderPrometheus(StatsSnapshot{});
    const QRegularExpression metric(QStringLiteral(R"(\b(istio_tcp_\w+|meshroute_\w+)\b)"));
    int own = 0;
    for (const DashboardQuery &q : dashboardQueries()) {
        auto it = metric.globalMatch(fromView(q.expr));
        QVERIFY(it.hasNext());
        while (it.hasNext()) {
            const std::string name = it.next().captured(1).toStdString();
            QVERIFY2(text.find("# TYPE " + name + " counter\n") != std::string::npos, name.c_str());
        }
        own += q.dashboard.empty() ? 1 : 0;
    }
    QCOMPARE(own, 4);
}

void tst_PromQl::scrapeConfigReadsTheServedPath()
{
    const std::string config = scrapeConfig("127.0.0.1:15000");
    QVERIFY(config.find("scrape_configs:\n") != std::string::npos);
    QVERIFY(config.find("targets: [\"127.0.0.1:15000\"]") != std::string::npos);
    const std::string key = "metrics_path: ";
    const auto at = config.find(key);
    QVERIFY(at != std::string::npos);
    const std::string path = config.substr(at + key.size(), config.find('\n', at) - at - key.size());
    std::string body, contentType;
    QVERIFY2(adminResponse(path, StatsSnapshot{}, body, contentType), path.c_str());
    QCOMPARE(QString::fromStdString(contentType), QStringLiteral("text/plain; version=0.0.4; charset=utf-8"));
}

QTEST_GUILESS_MAIN(tst_PromQl)
#include "tst_promql.moc"
