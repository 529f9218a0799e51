#include "window/ingresspatchdialog.h"

#include "document/document.h"
#include "support/atomicfile.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace meshroute::studio {

IngressPatchDialog::IngressPatchDialog(const Document &document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_form(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Expose Gateway ports on the ingress gateway"));
    m_form->addItem(tr("IstioOperator overlay (istioctl install -f)"),
                    static_cast<int>(install::PatchForm::Operator));
    m_form->addItem(tr("gateway Helm chart values (helm upgrade -f)"),
                    static_cast<int>(install::PatchForm::Helm));
    m_form->addItem(tr("Service patch (kubectl patch --type merge)"),
                    static_cast<int>(install::PatchForm::Service));
    m_form->setToolTip(
        tr("The IstioOperator overlay and the Helm values last; a patch of the live Service is "
           "undone by the next istioctl install or helm upgrade"));
    m_summary->setWordWrap(true);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setObjectName(QStringLiteral("ingressPatchText"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copyButton = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    QPushButton *saveButton = buttons->addButton(tr("Save As…"), QDialogButtonBox::ActionRole);
    connect(copyButton, &QPushButton::clicked, this, &IngressPatchDialog::copy);
    connect(saveButton, &QPushButton::clicked, this, &IngressPatchDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &QComboBox::currentIndexChanged, this, &IngressPatchDialog::refresh);

    auto *form = new QFormLayout;
    form->addRow(tr("Form"), m_form);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 520);
    refresh();
}

void IngressPatchDialog::setForm(install::PatchForm form)
{
    m_form->setCurrentIndex(std::max(0, m_form->findData(static_cast<int>(form))));
}

install::PatchForm IngressPatchDialog::form() const
{
    return static_cast<install::PatchForm>(m_form->currentData().toInt());
}

QString IngressPatchDialog::text() const
{
    return m_text->toPlainText();
}

void IngressPatchDialog::refresh()
{
    const install::IngressGateway ingress = m_document.ingressGateway();
    const std::vector<install::ServicePortSpec> ports =
        install::ingressServicePorts(m_document.set(), ingress);
    QStringList missing;
    for (const install::NeededPort &needed : install::missingIngressPorts(m_document.set(), ingress))
        missing << QString::number(needed.number);
    const QString assumed =
        QString::fromLatin1(install::ingressChoiceName(ingress.choice).data(),
                            static_cast<int>(install::ingressChoiceName(ingress.choice).size()));
    m_summary->setText(
        missing.isEmpty()
            ? tr("Every Gateway port is exposed on the ingress gateway (%1) already.").arg(assumed)
            : tr("Exposes port(s) %1 on the ingress gateway (%2), repeating the ports it has. "
                 "Save it as a file for the cluster; the routing is not changed.")
                  .arg(missing.join(QStringLiteral(", ")), assumed));
    m_text->setPlainText(QString::fromStdString(install::ingressPatch(form(), ingress, ports)));
}

void IngressPatchDialog::copy()
{
    QApplication::clipboard()->setText(text());
}

bool IngressPatchDialog::saveTo(const QString &path, QString *error) const
{
    std::string message;
    if (writeFileAtomically(path.toStdString(), text().toStdString(), message))
        return true;
    if (error)
        *error = QString::fromStdString(message);
    return false;
}

void IngressPatchDialog::save()
{
    const QString name =
        QStringLiteral("ingress-%1.yaml")
            .arg(QString::fromLatin1(install::patchFormName(form()).data(),
                                     static_cast<int>(install::patchFormName(form()).size())));
    const QString path = QFileDialog::getSaveFileName(this, tr("Save the ingress gateway patch"), name,
                                                      tr("YAML files (*.yaml *.yml)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, windowTitle(), error);
}

} // namespace meshroute::studio
