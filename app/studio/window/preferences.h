#pragma once

#include "gatewayapi/targets.h"
#include "install/ingressgateway.h"
#include "window/settings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace meshroute::studio {

// "Istio 1.30 · Gateway API v1.5.1 experimental": the target cluster in a few words (the status
// bar's), and a sentence about the alpha flag for its tooltip.
QString targetSummary(const gatewayapi::Target &target);
QString targetDetails(const gatewayapi::Target &target);
// The alpha checkbox's tooltip: which kinds Istio 1.<istioMinor> reads only behind the flag (core's
// istioReading).
QString alphaFlagToolTip(int istioMinor);

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;
    // The open document's setting, shown here and stored with the document (not in Preferences).
    void setIngressChoice(install::IngressChoice choice);
    install::IngressChoice ingressChoice() const;
    // The open document's target cluster, likewise (Document::gatewayApiTarget()).
    void setGatewayApiTarget(const gatewayapi::Target &target);
    gatewayapi::Target gatewayApiTarget() const;

private:
    void validate();
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_bindAddress;
    QSpinBox *m_portOffset;
    QSpinBox *m_autosave;
    QComboBox *m_ingress;
    QComboBox *m_istio;
    QComboBox *m_bundle;
    QComboBox *m_channel;
    QCheckBox *m_alpha;
    QDialogButtonBox *m_buttons;
};

} // namespace meshroute::studio
