#pragma once

#include "install/ingressgateway.h"
#include "window/settings.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QSpinBox;

namespace meshroute::studio {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;
    // The open document's setting, shown here and stored with the document (not in Preferences).
    void setIngressChoice(install::IngressChoice choice);
    install::IngressChoice ingressChoice() const;

private:
    void validate();
    QComboBox *m_language;
    QComboBox *m_theme;
    QLineEdit *m_bindAddress;
    QSpinBox *m_portOffset;
    QSpinBox *m_autosave;
    QComboBox *m_ingress;
    QDialogButtonBox *m_buttons;
};

} // namespace meshroute::studio
