// The install configuration dialog (window/installdialog): each option typed into the form shows in the
// preview as core writes it, a bad CIDR marks its field and is named as you type, ranges in both lists
// warn, Save and Copy write the preview, and the form speaks the UI language.

#include "studiotest.h"

#include "install/installconfig.h"
#include "window/installdialog.h"
#include "window/mainwindow.h"
#include "window/settings.h"
#include "yaml/loader.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using namespace meshroute;
using namespace meshroute::studio;

namespace {

QLineEdit *edit(InstallDialog &dialog, const char *name)
{
    return dialog.findChild<QLineEdit *>(QLatin1String(name));
}

void typeInto(QLineEdit *field, const QString &text)
{
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Delete);
    QTest::keyClicks(field, text);
}

ResourceSet demoSet()
{
    return loadPaths({studiotest::demoSource().toStdString()}).set;
}

QApplication *application()
{
    return qobject_cast<QApplication *>(QCoreApplication::instance());
}

} // namespace

class TestInstallDialog : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installTranslation(*application(), QStringLiteral("en")); }

    void formToPreview_data()
    {
        QTest::addColumn<QString>("field"); // object name of the widget
        QTest::addColumn<QString>("value"); // text typed, item index, checked or spin value
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("namespace") << "namespaceEdit"
                                   << "mesh-system"
                                   << QStringList{"  namespace: mesh-system\n",
                                                  "    istioNamespace: mesh-system\n"};
        QTest::newRow("release") << "releaseEdit"
                                 << "tcp-echo-mesh" << QStringList{"  name: tcp-echo-mesh\n"};
        QTest::newRow("prometheus") << "prometheusCheck"
                                    << "true"
                                    << QStringList{"#   kubectl apply -f samples/addons/prometheus.yaml\n"};
        QTest::newRow("grafana") << "grafanaCheck"
                                 << "true"
                                 << QStringList{"#   kubectl apply -f samples/addons/grafana.yaml\n"};
        QTest::newRow("kiali") << "kialiCheck"
                               << "true"
                               << QStringList{"#   kubectl apply -f samples/addons/kiali.yaml\n",
                                              "with a token"};
        QTest::newRow("injection in every namespace")
            << "injectionCombo"
            << "1" << QStringList{"      enableNamespacesByDefault: true\n"};
        QTest::newRow("tracing") << "tracingEdit"
                                 << "zipkin.istio-system:9411"
                                 << QStringList{"    enableTracing: true\n", "kind: Telemetry\n",
                                                "    randomSamplingPercentage: 1\n"};
        QTest::newRow("include ranges")
            << "includeEdit"
            << "10.0.0.0/8,fd00::/8" << QStringList{"        includeIPRanges: 10.0.0.0/8,fd00::/8\n"};
        QTest::newRow("exclude ranges")
            << "excludeEdit"
            << "169.254.169.254/32" << QStringList{"        excludeIPRanges: 169.254.169.254/32\n"};
        QTest::newRow("helm") << "formatCombo"
                              << "1"
                              << QStringList{"# ---- istiod-values.yaml: helm install istio istio/istiod",
                                             "# ---- gateway-values.yaml"};
    }

    void formToPreview()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QStringList, expected);
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        const QString before = dialog.previewText();
        QVERIFY(before.contains("kind: IstioOperator"));
        QVERIFY(before.contains("    istio-injection: enabled\n")); // the demo's namespace, labelled
        QObject *widget = dialog.findChild<QObject *>(field);
        QVERIFY(widget);
        if (auto *line = qobject_cast<QLineEdit *>(widget))
            typeInto(line, value);
        else if (auto *box = qobject_cast<QCheckBox *>(widget))
            box->setChecked(value == "true");
        else if (auto *combo = qobject_cast<QComboBox *>(widget))
            combo->setCurrentIndex(value.toInt());
        QVERIFY(dialog.problemsText().isEmpty());
        const QString preview = dialog.previewText();
        for (const QString &text : expected)
            QVERIFY2(preview.contains(text), qPrintable(text + " not in:\n" + preview));
        QVERIFY(preview != before);
        // The preview is core's output for the form's options, nothing of the dialog's own.
        const install::InstallOptions options = dialog.options();
        QCOMPARE(preview, QString::fromStdString(install::render(install::buildInstallConfig(
                              options, install::documentNamespaces(set, options.istioNamespace)))));
    }

    void samplingReachesTheTelemetry()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        typeInto(edit(dialog, "tracingEdit"), "zipkin:9411");
        dialog.findChild<QDoubleSpinBox *>("samplingSpin")->setValue(12.5);
        QVERIFY(dialog.previewText().contains("    randomSamplingPercentage: 12.5\n"));
    }

    // Without an explicit list, the ports are those the routing needs for the chosen format.
    void theRoutingsGatewayPortsAreWrittenForEachFormat()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        auto *format = dialog.findChild<QComboBox *>("formatCombo");
        for (int i = 0; i < format->count(); ++i) {
            format->setCurrentIndex(i);
            const install::InstallOptions options = dialog.options();
            QCOMPARE(options.ingressPorts, install::ingressPortsToInstall(set, options.format));
            const QString preview = dialog.previewText();
            QVERIFY2(preview.contains("- name: tcp-31401\n"), qPrintable(preview));
            QVERIFY2(preview.contains("- name: tcp-31400\n"), qPrintable(preview));
            QVERIFY2(preview.contains("- name: status-port\n"), qPrintable(preview));
        }
    }

    void ingressPortsAreWritten()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        install::ServicePortSpec status;
        status.name = "status-port";
        status.port = status.targetPort = 15021;
        install::ServicePortSpec tcp;
        tcp.name = "tcp-31401";
        tcp.port = tcp.targetPort = 31401;
        dialog.setIngressPorts({status, tcp});
        const QString preview = dialog.previewText();
        QVERIFY2(preview.contains("      - name: istio-ingressgateway\n        enabled: true\n"),
                 qPrintable(preview));
        QVERIFY2(preview.contains("              - name: tcp-31401\n                port: 31401\n"),
                 qPrintable(preview));
    }

    void aBadRangeIsMarkedAndNamedAsYouType()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        QLineEdit *include = edit(dialog, "includeEdit");
        auto *save = dialog.findChild<QPushButton *>("saveButton");
        auto *copy = dialog.findChild<QPushButton *>("copyButton");
        QTest::keyClicks(include, "10.0.0.0/8,fd00::1::/64");
        QCOMPARE(include->property("invalid").toBool(), true);
        QVERIFY(dialog.problemsText().contains(
            R"(error: outbound IP ranges to intercept: "fd00::1::/64" is not a CIDR range)"));
        QVERIFY(!save->isEnabled());
        QVERIFY(!copy->isEnabled());
        QCOMPARE(edit(dialog, "excludeEdit")->property("invalid").toBool(), false);
        // Fixed: the mark and the message go, the preview follows.
        typeInto(include, "10.0.0.0/8,fd00::/64");
        QCOMPARE(include->property("invalid").toBool(), false);
        QVERIFY(dialog.problemsText().isEmpty());
        QVERIFY(save->isEnabled());
        QVERIFY(dialog.previewText().contains("includeIPRanges: 10.0.0.0/8,fd00::/64\n"));
        // A bad IPv4 range in the bypass list marks that field.
        typeInto(edit(dialog, "excludeEdit"), "10.0.0.0/33");
        QCOMPARE(edit(dialog, "excludeEdit")->property("invalid").toBool(), true);
        QCOMPARE(include->property("invalid").toBool(), false);
        QVERIFY(dialog.problemsText().contains("\"10.0.0.0/33\" has prefix length 33"));
    }

    void rangesInBothListsWarn()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        typeInto(edit(dialog, "includeEdit"), "10.0.0.0/8");
        typeInto(edit(dialog, "excludeEdit"), "10.1.0.0/16");
        QCOMPARE(
            dialog.problemsText(),
            QStringLiteral("warning: 10.0.0.0/8 (to intercept) and 10.1.0.0/16 (to bypass) share addresses: "
                           "those are not intercepted, because bypassing wins over intercepting"));
        QCOMPARE(edit(dialog, "excludeEdit")->property("invalid").toBool(), false);
        QVERIFY(dialog.findChild<QPushButton *>("saveButton")->isEnabled());
        QVERIFY(dialog.previewText().contains("bypass wins"));
    }

    void saveAndCopyWriteThePreview()
    {
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        typeInto(edit(dialog, "tracingEdit"), "zipkin:9411");
        QTemporaryDir dir;
        const QString path = dir.filePath("istio-install.yaml");
        QString error;
        QVERIFY2(dialog.saveTo(path, &error), qPrintable(error));
        QCOMPARE(studiotest::readAll(path), dialog.previewText());
        QVERIFY(!dialog.saveTo(dir.filePath("missing/folder/x.yaml"), &error));
        QVERIFY(!error.isEmpty());
        QTest::mouseClick(dialog.findChild<QPushButton *>("copyButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog.previewText());
        // What is saved is a YAML stream.
        QVERIFY(YAML::LoadAll(dialog.previewText().toStdString()).size() == 3);
    }

    void tooltipsAndProblemsInChinese()
    {
        QCOMPARE(installTranslation(*application(), QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        const ResourceSet set = demoSet();
        InstallDialog dialog(set);
        static const QRegularExpression han(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
        for (const char *name :
             {"namespaceEdit", "releaseEdit", "prometheusCheck", "grafanaCheck", "kialiCheck",
              "injectionCombo", "tracingEdit", "samplingSpin", "includeEdit", "excludeEdit", "formatCombo"}) {
            auto *widget = dialog.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(widget, name);
            QVERIFY2(widget->toolTip().contains(han),
                     qPrintable(QLatin1String(name) + ": " + widget->toolTip()));
        }
        QVERIFY(dialog.findChild<QWidget *>("prometheusCheck")
                    ->toolTip()
                    .contains("samples/addons/prometheus.yaml"));
        typeInto(edit(dialog, "includeEdit"), "10.0.0.0/99");
        QVERIFY2(dialog.problemsText().contains(han), qPrintable(dialog.problemsText()));
        QVERIFY(dialog.problemsText().contains("10.0.0.0/99"));
    }

    void theFileMenuOpensIt()
    {
        MainWindow window;
        auto *action = window.findChild<QAction *>(QStringLiteral("actionInstallConfig"));
        QVERIFY(action);
        auto *file = window.menuBar()->findChild<QMenu *>(QStringLiteral("menuFile"));
        QVERIFY(file && file->actions().contains(action));
        bool shown = false;
        QTimer::singleShot(0, &window, [&window, &shown] {
            if (auto *dialog = window.findChild<InstallDialog *>()) {
                shown = dialog->isVisible();
                dialog->reject();
            }
        });
        action->trigger();
        QVERIFY(shown);
        QVERIFY(!window.findChild<InstallDialog *>());
    }
};

STUDIO_TEST_MAIN(TestInstallDialog)
#include "tst_installdialog.moc"
