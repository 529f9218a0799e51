#pragma once

// IST0162's fix, "expose port N on the ingress gateway": the configuration that exposes every
// Gateway port the document needs on the target cluster's ingress gateway Service, as the user
// chooses it (IstioOperator overlay, gateway Helm chart values, or a Service merge patch), to
// save or copy. Core writes it (install/ingressgateway.h); the routing is not touched: the fix
// is a separate file for the cluster.

#include "install/ingressgateway.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace meshroute::studio {

class Document;

class IngressPatchDialog : public QDialog
{
    Q_OBJECT

public:
    IngressPatchDialog(const Document &document, QWidget *parent = nullptr);

    void setForm(install::PatchForm form);
    install::PatchForm form() const;
    QString text() const; // the YAML shown
    // Writes text() to `path`; false (and a reason) when it cannot.
    bool saveTo(const QString &path, QString *error = nullptr) const;

private:
    void refresh();
    void copy();
    void save();

    const Document &m_document;
    QComboBox *m_form;
    QLabel *m_summary;
    QPlainTextEdit *m_text;
};

} // namespace meshroute::studio
