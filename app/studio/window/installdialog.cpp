#include "window/installdialog.h"

#include "support/atomicfile.h"
#include "views/diagnostictext.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSplitter>
#include <QVBoxLayout>

namespace meshroute::studio {

using install::Field;

namespace {

constexpr const char *kInvalidStyle = "QLineEdit { border: 2px solid #d93025; }";

QLineEdit *lineEdit(QWidget *parent, const QString &objectName, const QString &text = {})
{
    auto *edit = new QLineEdit(text, parent);
    edit->setObjectName(objectName);
    edit->setClearButtonEnabled(true);
    return edit;
}

} // namespace

InstallDialog::InstallDialog(const ResourceSet &set, QWidget *parent)
    : QDialog(parent)
    , m_set(set)
    , m_namespace(lineEdit(this, QStringLiteral("namespaceEdit"), QStringLiteral("istio-system")))
    , m_release(lineEdit(this, QStringLiteral("releaseEdit"), QStringLiteral("istio")))
    , m_prometheus(new QCheckBox(QStringLiteral("Prometheus"), this))
    , m_grafana(new QCheckBox(QStringLiteral("Grafana"), this))
    , m_kiali(new QCheckBox(QStringLiteral("Kiali"), this))
    , m_injection(new QComboBox(this))
    , m_tracing(lineEdit(this, QStringLiteral("tracingEdit")))
    , m_sampling(new QDoubleSpinBox(this))
    , m_include(lineEdit(this, QStringLiteral("includeEdit")))
    , m_exclude(lineEdit(this, QStringLiteral("excludeEdit")))
    , m_format(new QComboBox(this))
    , m_problems(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("&Save…"), this))
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setWindowTitle(tr("Install Configuration"));
    resize(980, 680);
    m_prometheus->setObjectName(QStringLiteral("prometheusCheck"));
    m_grafana->setObjectName(QStringLiteral("grafanaCheck"));
    m_kiali->setObjectName(QStringLiteral("kialiCheck"));
    m_injection->setObjectName(QStringLiteral("injectionCombo"));
    m_sampling->setObjectName(QStringLiteral("samplingSpin"));
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_copy->setObjectName(QStringLiteral("copyButton"));

    m_injection->addItem(tr("By namespace label"), int(install::Injection::Labels));
    m_injection->addItem(tr("In every namespace"), int(install::Injection::Default));
    m_injection->addItem(tr("Off"), int(install::Injection::Off));
    m_format->addItem(tr("IstioOperator (istioctl install -f)"), int(install::Format::Operator));
    m_format->addItem(tr("Helm values (istiod and gateway charts)"), int(install::Format::Helm));
    m_sampling->setRange(0.0, 100.0);
    m_sampling->setDecimals(2);
    m_sampling->setValue(1.0);
    m_sampling->setSuffix(QStringLiteral(" %"));
    m_tracing->setPlaceholderText(tr("none (e.g. zipkin.istio-system:9411)"));
    m_include->setPlaceholderText(tr("* (all, Istio's default)"));
    m_exclude->setPlaceholderText(tr("none"));

    m_namespace->setToolTip(
        tr("The namespace Istio is installed in: metadata.namespace and spec.namespace of the "
           "IstioOperator and values.global.istioNamespace; with Helm, the -n of every helm "
           "install."));
    m_release->setToolTip(tr("The IstioOperator's metadata.name (istioctl install -f). With Helm: the istiod "
                             "release's name; the base chart's release is NAME-base."));
    m_prometheus->setToolTip(tr("Istio no longer installs Prometheus (not since 1.7). The output names the "
                                "addon manifest of the Istio release: kubectl apply -f "
                                "samples/addons/prometheus.yaml"));
    m_grafana->setToolTip(tr("Istio no longer installs Grafana (not since 1.7). The output names the addon "
                             "manifest of the Istio release, with Istio's dashboards: kubectl apply -f "
                             "samples/addons/grafana.yaml"));
    m_kiali->setToolTip(
        tr("Istio no longer installs Kiali (not since 1.7). The output names the addon manifest "
           "of the Istio release: kubectl apply -f samples/addons/kiali.yaml. Kiali now logs in "
           "with a token or anonymously, not with a user name and password."));
    m_injection->setToolTip(
        tr("How pods get their Envoy sidecar. By namespace label: a Namespace labelled "
           "istio-injection=enabled for each namespace the document uses. In every namespace: "
           "values.sidecarInjectorWebhook.enableNamespacesByDefault: true (namespaces labelled "
           "istio-injection=disabled excepted). Off: nothing is written."));
    m_tracing->setToolTip(
        tr("A Zipkin-compatible collector as HOST:PORT (e.g. zipkin.istio-system:9411). It "
           "becomes meshConfig.enableTracing: true, a meshConfig.extensionProviders entry named "
           "zipkin, and a Telemetry resource (telemetry.istio.io/v1) that selects it. Empty: no "
           "tracing."));
    m_sampling->setToolTip(tr("The percentage of requests traced, 0–100 (default 1): the Telemetry's "
                              "randomSamplingPercentage. Used only with a tracing endpoint."));
    m_include->setToolTip(
        tr("Outbound IP ranges the sidecars intercept: comma-separated CIDRs (IPv4 or IPv6), or "
           "* for all. It becomes values.global.proxy.includeIPRanges; empty keeps Istio's "
           "default, *."));
    m_exclude->setToolTip(
        tr("Outbound IP ranges the sidecars let through directly: comma-separated CIDRs (IPv4 "
           "or IPv6). It becomes values.global.proxy.excludeIPRanges. An address in both lists "
           "is not intercepted: bypass wins."));
    m_format->setToolTip(
        tr("An IstioOperator (install.istio.io/v1alpha1) for istioctl install -f, or values "
           "files for the istiod and gateway Helm charts. The Namespace labels and the Telemetry "
           "are documents of their own either way."));

    auto *addons = new QHBoxLayout;
    addons->addWidget(m_prometheus);
    addons->addWidget(m_grafana);
    addons->addWidget(m_kiali);
    addons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Istio &namespace:"), m_namespace);
    form->addRow(tr("&Release name:"), m_release);
    form->addRow(tr("Addons:"), addons);
    form->addRow(tr("Sidecar &injection:"), m_injection);
    form->addRow(tr("&Tracing endpoint:"), m_tracing);
    form->addRow(tr("Trace &sampling:"), m_sampling);
    form->addRow(tr("Outbound ranges to &intercept:"), m_include);
    form->addRow(tr("Outbound ranges to &bypass:"), m_exclude);
    form->addRow(tr("&Format:"), m_format);

    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(m_problems);
    leftLayout->addStretch();
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({430, 550});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &InstallDialog::save);
    connect(m_copy, &QPushButton::clicked, this, &InstallDialog::copy);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    for (QLineEdit *edit : {m_namespace, m_release, m_tracing, m_include, m_exclude})
        connect(edit, &QLineEdit::textChanged, this, &InstallDialog::refresh);
    for (QCheckBox *box : {m_prometheus, m_grafana, m_kiali})
        connect(box, &QCheckBox::toggled, this, &InstallDialog::refresh);
    for (QComboBox *combo : {m_injection, m_format})
        connect(combo, &QComboBox::currentIndexChanged, this, &InstallDialog::refresh);
    connect(m_sampling, &QDoubleSpinBox::valueChanged, this, &InstallDialog::refresh);
    refresh();
}

void InstallDialog::setIngressPorts(std::vector<install::ServicePortSpec> ports)
{
    m_ports = std::move(ports);
    refresh();
}

install::InstallOptions InstallDialog::options() const
{
    install::InstallOptions options;
    options.istioNamespace = m_namespace->text().trimmed().toStdString();
    options.release = m_release->text().trimmed().toStdString();
    if (m_prometheus->isChecked())
        options.addons.push_back("prometheus");
    if (m_grafana->isChecked())
        options.addons.push_back("grafana");
    if (m_kiali->isChecked())
        options.addons.push_back("kiali");
    options.injection = static_cast<install::Injection>(m_injection->currentData().toInt());
    options.tracingEndpoint = m_tracing->text().trimmed().toStdString();
    options.samplingPercent = m_sampling->value();
    options.includeIPRanges = m_include->text().toStdString();
    options.excludeIPRanges = m_exclude->text().toStdString();
    options.format = static_cast<install::Format>(m_format->currentData().toInt());
    options.ingressPorts = m_ports ? *m_ports : install::ingressPortsToInstall(m_set, options.format);
    return options;
}

QString InstallDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString InstallDialog::problemsText() const
{
    return m_problems->text();
}

void InstallDialog::refresh()
{
    const install::InstallOptions current = options();
    const std::vector<install::OptionProblem> problems = install::validate(current);
    const auto editFor = [this](Field field) -> QLineEdit * {
        switch (field) {
        case Field::Namespace:
            return m_namespace;
        case Field::Release:
            return m_release;
        case Field::TracingEndpoint:
            return m_tracing;
        case Field::IncludeRanges:
            return m_include;
        case Field::ExcludeRanges:
            return m_exclude;
        default:
            return nullptr;
        }
    };
    QSet<QLineEdit *> invalid;
    QStringList lines;
    for (const install::OptionProblem &p : problems) {
        lines << QStringLiteral("%1: %2").arg(severityText(p.severity), messageText(p.message));
        if (p.severity == Severity::Error)
            if (QLineEdit *edit = editFor(p.field))
                invalid.insert(edit);
    }
    for (QLineEdit *edit : {m_namespace, m_release, m_tracing, m_include, m_exclude}) {
        edit->setProperty("invalid", invalid.contains(edit));
        edit->setStyleSheet(invalid.contains(edit) ? QLatin1String(kInvalidStyle) : QString());
    }
    const bool ok = !install::hasErrors(problems);
    if (!ok)
        lines << tr("The preview shows the last valid options.");
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setStyleSheet(install::hasErrors(problems) ? QStringLiteral("color: #d93025;")
                                                           : QStringLiteral("color: #b06000;"));
    m_save->setEnabled(ok);
    m_copy->setEnabled(ok);
    if (!ok)
        return; // the last good preview stays, the problems say why it is not updated
    const std::string text = install::render(
        install::buildInstallConfig(current, install::documentNamespaces(m_set, current.istioNamespace)));
    m_preview->setPlainText(QString::fromStdString(text));
}

bool InstallDialog::saveTo(const QString &path, QString *error)
{
    std::string message;
    if (!writeFileAtomically(path.toStdString(), previewText().toStdString(), message)) {
        if (error)
            *error = QString::fromStdString(message);
        return false;
    }
    return true;
}

void InstallDialog::save()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Install Configuration"),
                                                      QStringLiteral("istio-install.yaml"),
                                                      tr("YAML files (*.yaml *.yml);;All files (*)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Cannot save"), error);
}

void InstallDialog::copy()
{
    QGuiApplication::clipboard()->setText(previewText());
}

} // namespace meshroute::studio
