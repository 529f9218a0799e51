// The command line's report formats as functions: JSON's escapes and UTF-8 handling, SARIF's
// file URIs and rules, the text line's resource (tst_cli runs them through the real binary).

#include "report.h"
#include "rules.h"
#include "value.h"

#include <QTest>

#include <sstream>

using namespace meshroute;
using namespace meshroute::cli;

namespace {

std::string json(const Value &value)
{
    std::ostringstream out;
    writeJson(out, value);
    return out.str();
}

} // namespace

class tst_Report : public QObject
{
    Q_OBJECT

private slots:
    void jsonStrings_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QByteArray("v3") << QByteArray("\"v3\"");
        QTest::newRow("quote and backslash") << QByteArray("a\"b\\c") << QByteArray("\"a\\\"b\\\\c\"");
        QTest::newRow("short escapes") << QByteArray("\b\f\n\r\t") << QByteArray("\"\\b\\f\\n\\r\\t\"");
        QTest::newRow("other control characters as \\u00XX")
            << QByteArray("\x01\x1f", 2) << QByteArray("\"\\u0001\\u001f\"");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QByteArray("\"a\\u0000b\"");
        QTest::newRow("DEL and slash as they are") << QByteArray("\x7f/") << QByteArray("\"\x7f/\"");
        QTest::newRow("UTF-8 passes through")
            << QByteArray("d\xC3\xA9j\xC3\xA0 \xE2\x86\x92 \xF0\x9F\x9A\x80")
            << QByteArray("\"d\xC3\xA9j\xC3\xA0 \xE2\x86\x92 \xF0\x9F\x9A\x80\"");
        QTest::newRow("U+2028 passes through")
            << QByteArray("\xE2\x80\xA8") << QByteArray("\"\xE2\x80\xA8\"");
        QTest::newRow("a stray byte becomes U+FFFD")
            << QByteArray("a\xFFz") << QByteArray("\"a\xEF\xBF\xBDz\"");
        QTest::newRow("a lone continuation byte") << QByteArray("\x80") << QByteArray("\"\xEF\xBF\xBD\"");
        QTest::newRow("a truncated sequence, then ASCII")
            << QByteArray("\xE2\x86z") << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBDz\"");
        QTest::newRow("an overlong slash")
            << QByteArray("\xC0\xAF") << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
        QTest::newRow("an overlong three-byte form")
            << QByteArray("\xE0\x80\xAF") << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
        QTest::newRow("a surrogate") << QByteArray("\xED\xA0\x80")
                                     << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80")
                                       << QByteArray("\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
        QTest::newRow("the end at the end of the text")
            << QByteArray("\xC3") << QByteArray("\"\xEF\xBF\xBD\"");
    }
    void jsonStrings()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        const std::string out = json(Value(text.toStdString()));
        QCOMPARE(QByteArray::fromStdString(out), expected + "\n");
        // Keys are strings too.
        const std::string key = json(Value::object({{text.toStdString(), nullptr}}));
        QCOMPARE(QByteArray::fromStdString(key), "{\n  " + expected + ": null\n}\n");
    }

    void validUtf8KeepsValidTextAsItIs()
    {
        const std::string text = "plain, d\xC3\xA9j\xC3\xA0, \xF0\x9F\x9A\x80";
        QCOMPARE(validUtf8(text), text);
        QCOMPARE(validUtf8("a\xFF"), std::string("a\xEF\xBF\xBD"));
    }

    void jsonNesting()
    {
        const Value value = Value::object({{"list", Array{1, "two", nullptr}},
                                           {"empty list", Array{}},
                                           {"empty object", Value::object({})},
                                           {"negative", -3}});
        QCOMPARE(json(value), std::string("{\n"
                                          "  \"list\": [\n"
                                          "    1,\n"
                                          "    \"two\",\n"
                                          "    null\n"
                                          "  ],\n"
                                          "  \"empty list\": [],\n"
                                          "  \"empty object\": {},\n"
                                          "  \"negative\": -3\n"
                                          "}\n"));
    }

    void yamlQuotesEveryString()
    {
        std::ostringstream out;
        writeYaml(out, Value::object({{"port", "5432"},
                                      {"answer", "yes"},
                                      {"none", nullptr},
                                      {"n", 7},
                                      {"items", Array{"~"}},
                                      {"empty", Array{}},
                                      {"nothing", Value::object({})}}));
        QCOMPARE(out.str(), std::string("port: \"5432\"\nanswer: \"yes\"\nnone: ~\nn: 7\nitems:\n  - \"~\"\n"
                                        "empty: []\nnothing: {}\n"));
    }

    void fileUris_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("uri");
        QTest::newRow("relative stays relative") << QByteArray("k8s/vs.yaml") << QByteArray("k8s/vs.yaml");
        QTest::newRow("absolute becomes file://")
            << QByteArray("/repo/vs.yaml") << QByteArray("file:///repo/vs.yaml");
        QTest::newRow("unreserved characters kept")
            << QByteArray("a-b_c.d~e.yaml") << QByteArray("a-b_c.d~e.yaml");
        QTest::newRow("space, percent, hash, question mark")
            << QByteArray("a b%c#d?e.yaml") << QByteArray("a%20b%25c%23d%3Fe.yaml");
        QTest::newRow("a colon cannot pose as a scheme")
            << QByteArray("c:vs.yaml") << QByteArray("c%3Avs.yaml");
        QTest::newRow("UTF-8 bytes encoded") << QByteArray("d\xC3\xA9.yaml") << QByteArray("d%C3%A9.yaml");
    }
    void fileUris()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, uri);
        QCOMPARE(QByteArray::fromStdString(fileUri(path.toStdString())), uri);
    }

    void textLineNamesTheResource_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("expected");
        QTest::newRow("namespaced")
            << "VirtualService"
            << "default"
            << "vs.yaml:35:17: error: boom [IST0101] (VirtualService default/reviews)";
        QTest::newRow("cluster-scoped") << "Namespace"
                                        << ""
                                        << "vs.yaml:35:17: error: boom [IST0101] (Namespace reviews)";
        QTest::newRow("no resource") << ""
                                     << ""
                                     << "vs.yaml:35:17: error: boom [IST0101]";
    }
    void textLineNamesTheResource()
    {
        QFETCH(QString, kind);
        QFETCH(QString, ns);
        QFETCH(QString, expected);
        Diagnostic d;
        d.code = "IST0101";
        d.message = "boom";
        d.file = "vs.yaml";
        d.position = {35, 17};
        if (!kind.isEmpty())
            d.resource = {kind.toStdString(), ns.toStdString(), "reviews"};
        QCOMPARE(QString::fromStdString(textLine(d)), expected);
    }

    void rulesForEveryCode()
    {
        const RuleInfo known = ruleInfo("IST0162");
        QCOMPARE(QString::fromStdString(known.name), "GatewayPortNotDefinedOnService");
        QCOMPARE(QString::fromStdString(known.helpUri),
                 "https://istio.io/latest/docs/reference/config/analysis/ist0162/");
        // A code this table does not know yet still makes a valid rule.
        const RuleInfo newIstio = ruleInfo("IST0999");
        QVERIFY(newIstio.name.empty());
        QVERIFY(!newIstio.description.empty());
        QCOMPARE(QString::fromStdString(newIstio.helpUri),
                 "https://istio.io/latest/docs/reference/config/analysis/ist0999/");
        const RuleInfo newOurs = ruleInfo("MR0999");
        QVERIFY(!newOurs.description.empty());
        QVERIFY(newOurs.helpUri.empty());
        QCOMPARE(QString::fromStdString(ruleInfo("MR0018").name), "SkippedServer");
    }

    // A diagnostic without a code has no rule, and its result no ruleId; one without file or
    // resource has no location.
    void sarifWithoutCodeOrPlace()
    {
        Diagnostic d;
        d.severity = Severity::Warning;
        d.message = "something";
        std::ostringstream out;
        writeJson(out, sarifLog({d}, true, "1.2.3"));
        const std::string log = out.str();
        QVERIFY(log.find("\"rules\": []") != std::string::npos);
        QVERIFY(log.find("ruleId") == std::string::npos);
        QVERIFY(log.find("locations") == std::string::npos);
        QVERIFY(log.find("\"version\": \"1.2.3\"") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(tst_Report)
#include "tst_report.moc"
