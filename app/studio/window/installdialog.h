#pragma once

// Install configuration: the tutorial's Istio install form (namespace, release, addons, sidecar
// injection, tracing, outbound IP ranges) as today's Istio reads it, with a preview of the YAML that
// core/install writes, checked as you type (a bad CIDR marks its field and is named), saved atomically
// or copied.

#include "install/installconfig.h"
#include "model/resourceset.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace meshroute::studio {

class InstallDialog : public QDialog
{
    Q_OBJECT

public:
    // `set`: the routing the configuration goes with (its namespaces get the injection label).
    explicit InstallDialog(const ResourceSet &set, QWidget *parent = nullptr);

    // The ingress gateway Service ports to write (the list replaces the defaults), in place of
    // those the routing needs (install::ingressPortsToInstall for the chosen format).
    void setIngressPorts(std::vector<install::ServicePortSpec> ports);

    install::InstallOptions options() const;
    QString previewText() const;
    QString problemsText() const; // the problems shown, one a line, in the UI language
    bool saveTo(const QString &path, QString *error);

private:
    void refresh();
    void save();
    void copy();

    const ResourceSet &m_set;
    std::optional<std::vector<install::ServicePortSpec>> m_ports;
    QLineEdit *m_namespace;
    QLineEdit *m_release;
    QCheckBox *m_prometheus;
    QCheckBox *m_grafana;
    QCheckBox *m_kiali;
    QComboBox *m_injection;
    QLineEdit *m_tracing;
    QDoubleSpinBox *m_sampling;
    QLineEdit *m_include;
    QLineEdit *m_exclude;
    QComboBox *m_format;
    QLabel *m_problems;
    QPlainTextEdit *m_preview;
    QPushButton *m_save;
    QPushButton *m_copy;
};

} // namespace meshroute::studio
