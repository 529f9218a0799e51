#include "window/preferences.h"

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

PreferencesDialog::PreferencesDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_bindAddress(new QLineEdit(this))
    , m_portOffset(new QSpinBox(this))
    , m_autosave(new QSpinBox(this))
    , m_ingress(new QComboBox(this))
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
