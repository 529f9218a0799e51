#include "window/preferences.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meshroute::studio {

QString targetSummary(const gatewayapi::Target &target)
{
    const QString channel = target.channel == gatewayapi::Channel::Standard
                                ? PreferencesDialog::tr("standard")
                                : PreferencesDialog::tr("experimental");
    return PreferencesDialog::tr("Istio %1 · Gateway API %2 %3")
        .arg(QString::fromStdString(target.istioText()), QString::fromStdString(target.bundle.text()),
             channel);
}

QString targetDetails(const gatewayapi::Target &target)
{
    return (target.alphaGatewayApi
                ? PreferencesDialog::tr("istiod runs with PILOT_ENABLE_ALPHA_GATEWAY_API=true")
                : PreferencesDialog::tr("istiod runs without PILOT_ENABLE_ALPHA_GATEWAY_API")) +
           QLatin1Char('\n') +
           PreferencesDialog::tr("The cluster this document is meant for: the diagnostics, the graph, the "
                                 "local gateway and Convert follow it. Change it in Preferences.");
}

QString alphaFlagToolTip(int istioMinor)
{
    // Core's facts (gatewayapi::istioReading), not a sentence of our own: which kinds this Istio
    // release reads only with the flag, at the version it watches.
    QStringList gated;
    for (int k = 0; k <= static_cast<int>(Kind::Other); ++k) {
        const auto kind = static_cast<Kind>(k);
        if (!isGatewayApiKind(kind))
            continue;
        const gatewayapi::IstioReading reading = gatewayapi::istioReading(istioMinor, kind);
        if (reading.needsAlpha)
            gated << QStringLiteral("%1 %2").arg(QString::fromLatin1(kindName(kind)),
                                                 QString::fromStdString(reading.version));
    }
    gatewayapi::Target release;
    release.istioMinor = istioMinor;
    const QString istio = QString::fromStdString(release.istioText());
    if (gated.isEmpty())
        return PreferencesDialog::tr("Istio %1 reads every Gateway API kind it watches without this flag")
            .arg(istio);
    const QString last = gated.takeLast();
    const QString kinds =
        gated.isEmpty() ? last
                        : PreferencesDialog::tr("%1 and %2").arg(gated.join(QStringLiteral(", ")), last);
    return PreferencesDialog::tr("Istio %1 reads %2 only with this flag set").arg(istio, kinds);
}

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_bindAddress(new QLineEdit(this))
    , m_portOffset(new QSpinBox(this))
    , m_autosave(new QSpinBox(this))
    , m_ingress(new QComboBox(this))
    , m_istio(new QComboBox(this))
    , m_bundle(new QComboBox(this))
    , m_channel(new QComboBox(this))
    , m_alpha(new QCheckBox(tr("PILOT_ENABLE_ALPHA_GATEWAY_API on istiod"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Preferences"));
    m_language->addItem(tr("System default"), QString());
    for (const auto &[code, name] : availableLanguages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(preferences.language)));
    m_theme->addItem(tr("System"), static_cast<int>(Theme::System));
    m_theme->addItem(tr("Light"), static_cast<int>(Theme::Light));
    m_theme->addItem(tr("Dark"), static_cast<int>(Theme::Dark));
    m_theme->setCurrentIndex(static_cast<int>(preferences.theme));
    m_bindAddress->setText(preferences.bindAddress);
    m_portOffset->setRange(-30000, 30000);
    m_portOffset->setValue(preferences.portOffset);
    m_portOffset->setToolTip(
        tr("Added to every gateway port when the local gateway listens, for ports that are busy"));
    m_autosave->setRange(0, 3600);
    m_autosave->setSuffix(tr(" s"));
    m_autosave->setSpecialValueText(tr("off"));
    m_autosave->setValue(preferences.autosaveSeconds);

    m_ingress->setObjectName(QStringLiteral("ingressChoice"));
    m_ingress->addItem(tr("What istioctl analyze assumes (80, 443, 31400, 15443)"),
                       static_cast<int>(install::IngressChoice::Analyze));
    m_ingress->addItem(tr("Istio's default profile (15021, 80, 443)"),
                       static_cast<int>(install::IngressChoice::Default));
    m_ingress->addItem(tr("Istio's demo profile (also 31400, 15443)"),
                       static_cast<int>(install::IngressChoice::Demo));
    m_ingress->addItem(tr("The gateway Helm chart's defaults (15021, 80, 443)"),
                       static_cast<int>(install::IngressChoice::Helm));
    m_ingress->addItem(tr("The ingress gateway Service in the files"),
                       static_cast<int>(install::IngressChoice::Files));
    m_ingress->setToolTip(
        tr("Which ports the target cluster's ingress gateway Service exposes: IST0162 checks "
           "the Gateway ports against it, and its fix adds the missing ones. A Service in the "
           "files that selects the gateway is used whatever is chosen here. Kept with this "
           "document."));

    // The target cluster: every choice core knows the Gateway API behaviour of (targets.h).
    m_istio->setObjectName(QStringLiteral("istioVersion"));
    for (int minor = gatewayapi::kOldestIstioMinor; minor <= gatewayapi::kNewestIstioMinor; ++minor)
        m_istio->addItem(QStringLiteral("1.%1").arg(minor), minor);
    m_bundle->setObjectName(QStringLiteral("gatewayApiBundle"));
    for (const gatewayapi::BundleVersion &bundle : gatewayapi::knownBundles())
        m_bundle->addItem(QString::fromStdString(bundle.text()), QString::fromStdString(bundle.text()));
    m_bundle->setToolTip(tr("The Gateway API CRD bundle installed on the cluster"));
    m_channel->setObjectName(QStringLiteral("gatewayApiChannel"));
    m_channel->addItem(tr("standard"), static_cast<int>(gatewayapi::Channel::Standard));
    m_channel->addItem(tr("experimental"), static_cast<int>(gatewayapi::Channel::Experimental));
    m_alpha->setObjectName(QStringLiteral("alphaGatewayApi"));
    connect(m_istio, &QComboBox::currentIndexChanged, this,
            [this] { m_alpha->setToolTip(alphaFlagToolTip(m_istio->currentData().toInt())); });
    setGatewayApiTarget(gatewayapi::defaultTarget());
    m_alpha->setToolTip(alphaFlagToolTip(m_istio->currentData().toInt()));

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *appearanceForm = new QFormLayout(appearance);
    appearanceForm->addRow(tr("Language"), m_language);
    appearanceForm->addRow(tr("Theme"), m_theme);
    auto *gateway = new QGroupBox(tr("Local gateway"), this);
    auto *gatewayForm = new QFormLayout(gateway);
    gatewayForm->addRow(tr("Bind address"), m_bindAddress);
    gatewayForm->addRow(tr("Port offset"), m_portOffset);
    auto *documents = new QGroupBox(tr("Documents"), this);
    auto *documentForm = new QFormLayout(documents);
    documentForm->addRow(tr("Autosave every"), m_autosave);
    documentForm->addRow(tr("Ingress gateway (this document)"), m_ingress);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(appearance);
    layout->addWidget(gateway);
    layout->addWidget(documents);
    auto *target = new QGroupBox(tr("Target cluster (this document)"), this);
    target->setObjectName(QStringLiteral("targetCluster"));
    target->setToolTip(tr("What the diagnostics (MR0025-MR0027, IST0176), the graph, the local gateway "
                          "and Convert assume the Gateway API resources meet. Kept with this document."));
    auto *targetForm = new QFormLayout(target);
    targetForm->addRow(tr("Istio version"), m_istio);
    targetForm->addRow(tr("Gateway API CRDs"), m_bundle);
    targetForm->addRow(tr("Channel"), m_channel);
    targetForm->addRow(QString(), m_alpha);
    layout->addWidget(target);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_bindAddress, &QLineEdit::textChanged, this, &PreferencesDialog::validate);
}

void PreferencesDialog::validate()
{
    const bool ok = !QHostAddress(m_bindAddress->text().trimmed()).isNull();
    m_bindAddress->setStyleSheet(ok ? QString() : QStringLiteral("border: 1px solid #d93025;"));
    m_bindAddress->setToolTip(ok ? QString() : tr("Not an IPv4 or IPv6 address"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void PreferencesDialog::setIngressChoice(install::IngressChoice choice)
{
    m_ingress->setCurrentIndex(std::max(0, m_ingress->findData(static_cast<int>(choice))));
}

install::IngressChoice PreferencesDialog::ingressChoice() const
{
    return static_cast<install::IngressChoice>(m_ingress->currentData().toInt());
}

void PreferencesDialog::setGatewayApiTarget(const gatewayapi::Target &target)
{
    m_istio->setCurrentIndex(std::max(0, m_istio->findData(target.istioMinor)));
    // A bundle named in a spec but not among the known ones (the CLI's --target) is kept as it is.
    const QString bundle = QString::fromStdString(target.bundle.text());
    if (m_bundle->findData(bundle) < 0)
        m_bundle->addItem(bundle, bundle);
    m_bundle->setCurrentIndex(m_bundle->findData(bundle));
    m_channel->setCurrentIndex(std::max(0, m_channel->findData(static_cast<int>(target.channel))));
    m_alpha->setChecked(target.alphaGatewayApi);
}

gatewayapi::Target PreferencesDialog::gatewayApiTarget() const
{
    gatewayapi::Target target;
    target.istioMinor = m_istio->currentData().toInt();
    target.bundle = gatewayapi::parseBundleVersion(m_bundle->currentData().toString().toStdString())
                        .value_or(gatewayapi::defaultTarget().bundle);
    target.channel = static_cast<gatewayapi::Channel>(m_channel->currentData().toInt());
    target.alphaGatewayApi = m_alpha->isChecked();
    return target;
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.language = m_language->currentData().toString();
    p.theme = static_cast<Theme>(m_theme->currentData().toInt());
    p.bindAddress = m_bindAddress->text().trimmed();
    p.portOffset = m_portOffset->value();
    p.autosaveSeconds = m_autosave->value();
    return p;
}

} // namespace meshroute::studio
