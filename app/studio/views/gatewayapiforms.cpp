#include "views/gatewayapiforms.h"

#include "document/document.h"
#include "model/gatewayapi.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace meshroute::studio::gatewayapiforms {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(meshroute::studio::GatewayApiForms)
};

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

void markValid(QWidget *widget, bool valid, const QString &why = {})
{
    widget->setStyleSheet(valid ? QString()
                                : QStringLiteral("border: 1px solid #d93025; border-radius: 3px;"));
    widget->setToolTip(valid ? QString() : why);
}

QString pathKey(const std::vector<PathPart> &path)
{
    QStringList parts;
    for (const PathPart &part : path)
        parts << (std::holds_alternative<std::string>(part) ? q(std::get<std::string>(part))
                                                            : QString::number(std::get<std::size_t>(part)));
    return parts.join(QLatin1Char('.'));
}

// One form: the resource, the document and the apply path, and helpers adding typed fields that
// edit one path each.
class Form
{
public:
    Form(QWidget *page, QVBoxLayout *layout, Document *document, int index, Apply apply)
        : m_page(page)
        , m_layout(layout)
        , m_document(document)
        , m_index(index)
        , m_apply(std::move(apply))
    {}

    const Resource &resource() const
    {
        return m_document->set().resources[static_cast<std::size_t>(m_index)];
    }
    std::string ns() const { return resource().effectiveNamespace(m_document->set().defaultNamespace); }

    QFormLayout *group(const QString &title)
    {
        auto *box = new QGroupBox(title, m_page);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_layout->addWidget(box);
        return form;
    }

    void title(const QString &text)
    {
        auto *label = new QLabel(text, m_page);
        label->setWordWrap(true);
        m_layout->addWidget(label);
    }

    // A text field; `pattern` (optional) validates it, empty text removes the key unless `required`.
    QLineEdit *text(QFormLayout *form, const QString &label, const std::vector<PathPart> &path,
                    const std::string &current, const QString &pattern = {}, bool required = false)
    {
        auto *edit = new QLineEdit(q(current), m_page);
        edit->setObjectName(QStringLiteral("gwapi.") + pathKey(path));
        form->addRow(label, edit);
        const QRegularExpression re(pattern.isEmpty() ? QStringLiteral(".*")
                                                      : QStringLiteral("^(%1)$").arg(pattern));
        QObject::connect(edit, &QLineEdit::textEdited, edit,
                         [t = target(), edit, path, re, required, label](const QString &value) {
                             const bool ok = (value.isEmpty() && !required) ||
                                             (!value.isEmpty() && re.match(value).hasMatch());
                             markValid(edit, ok, Tr::tr("Not a valid value for %1").arg(label));
                             if (ok)
                                 set(t, path, value.toStdString(), false, label);
                         });
        return edit;
    }

    // A number field; `none` (when given) is the minimum's text and removes the key.
    QSpinBox *number(QFormLayout *form, const QString &label, const std::vector<PathPart> &path,
                     std::optional<std::int64_t> current, int minimum, int maximum, const QString &none = {})
    {
        auto *spin = new QSpinBox(m_page);
        spin->setObjectName(QStringLiteral("gwapi.") + pathKey(path));
        spin->setRange(none.isEmpty() ? minimum : minimum - 1, maximum);
        if (!none.isEmpty())
            spin->setSpecialValueText(none);
        spin->setValue(current ? static_cast<int>(*current) : spin->minimum());
        form->addRow(label, spin);
        QObject::connect(spin, &QSpinBox::valueChanged, spin,
                         [t = target(), spin, path, none, label](int value) {
                             const bool remove = !none.isEmpty() && value == spin->minimum();
                             set(t, path, remove ? std::string() : std::to_string(value), true, label);
                         });
        return spin;
    }

    // A choice; `none` (when given) is the first entry and removes `removePath`.
    QComboBox *choice(QFormLayout *form, const QString &label, const std::vector<PathPart> &path,
                      const QStringList &values, const QString &current, const QString &none = {},
                      std::vector<PathPart> removePath = {})
    {
        auto *combo = new QComboBox(m_page);
        combo->setObjectName(QStringLiteral("gwapi.") + pathKey(path));
        if (!none.isEmpty())
            combo->addItem(none, QString());
        for (const QString &v : values)
            combo->addItem(v, v);
        const int at = combo->findData(current);
        combo->setCurrentIndex(at < 0 ? 0 : at);
        form->addRow(label, combo);
        if (removePath.empty())
            removePath = path;
        QObject::connect(combo, &QComboBox::activated, combo,
                         [t = target(), combo, path, removePath, label](int i) {
                             const QString value = combo->itemData(i).toString();
                             if (value.isEmpty())
                                 set(t, removePath, {}, false, label);
                             else
                                 set(t, path, value.toStdString(), false, label);
                         });
        return combo;
    }

private:
    // Called from the fields' signals, after the Form that made them is gone: copies only.
    struct Target
    {
        Document *document;
        int index;
        Apply apply;
    };
    Target target() const { return {m_document, m_index, m_apply}; }
    static void set(const Target &t, const std::vector<PathPart> &path, const std::string &value,
                    bool isNumber, const QString &label)
    {
        const Resource &r = t.document->set().resources.at(static_cast<std::size_t>(t.index));
        t.apply(t.index, withValue(r.node, path, value, isNumber),
                Tr::tr("Change %1 of %2").arg(label, q(r.name)), QStringLiteral("gwapi.") + pathKey(path));
    }

    QWidget *m_page;
    QVBoxLayout *m_layout;
    Document *m_document;
    int m_index;
    Apply m_apply;
};

const QString kLabel = QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
const QString kName = QStringLiteral("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
const QString kHostname =
    QStringLiteral("(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
const QString kGroup = QStringLiteral("[a-z0-9.-]*");
const QString kKind = QStringLiteral("[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?");

void buildGateway(Form &form, const KubeGatewaySpec &spec)
{
    const Resource &r = form.resource();
    form.title(Tr::tr("<b>Gateway</b> %1 (Gateway API), class %2")
                   .arg(q(r.name).toHtmlEscaped(), q(spec.gatewayClassName).toHtmlEscaped()));
    for (std::size_t i = 0; i < spec.listeners.size(); ++i) {
        const GatewayListener &l = spec.listeners[i];
        const std::vector<PathPart> base{std::string("spec"), std::string("listeners"), i};
        auto at = [&](std::initializer_list<PathPart> more) {
            std::vector<PathPart> path = base;
            path.insert(path.end(), more);
            return path;
        };
        QFormLayout *group = form.group(Tr::tr("Listener %1").arg(q(l.name)));
        form.text(group, Tr::tr("Name"), at({std::string("name")}), l.name, kLabel, true);
        form.number(group, Tr::tr("Port"), at({std::string("port")}), l.port, 1, 65535);
        form.choice(group, Tr::tr("Protocol"), at({std::string("protocol")}),
                    {QStringLiteral("TCP"), QStringLiteral("TLS"), QStringLiteral("HTTP"),
                     QStringLiteral("HTTPS"), QStringLiteral("UDP")},
                    q(l.protocol));
        form.text(group, Tr::tr("Hostname"), at({std::string("hostname")}), l.hostname, kHostname);
        form.choice(group, Tr::tr("TLS mode"), at({std::string("tls"), std::string("mode")}),
                    {QStringLiteral("Terminate"), QStringLiteral("Passthrough")},
                    l.hasTls ? q(l.tlsMode.empty() ? std::string("Terminate") : l.tlsMode) : QString(),
                    Tr::tr("no TLS"), at({std::string("tls")}));
        form.choice(group, Tr::tr("Routes from"),
                    at({std::string("allowedRoutes"), std::string("namespaces"), std::string("from")}),
                    {QStringLiteral("Same"), QStringLiteral("All"), QStringLiteral("Selector")},
                    q(l.allowedRoutes.from));
    }
}

void buildRoute(Form &form, const L4RouteSpec &spec)
{
    const Resource &r = form.resource();
    form.title(Tr::tr("<b>%1</b> %2").arg(q(r.kindName), q(r.name).toHtmlEscaped()));
    for (std::size_t p = 0; p < spec.parentRefs.size(); ++p) {
        const RouteParentRef &ref = spec.parentRefs[p];
        const std::vector<PathPart> base{std::string("spec"), std::string("parentRefs"), p};
        auto at = [&](const char *key) {
            std::vector<PathPart> path = base;
            path.emplace_back(std::string(key));
            return path;
        };
        QFormLayout *group = form.group(Tr::tr("Parent %1").arg(p + 1));
        group->addRow(Tr::tr("Kind"), new QLabel(q(ref.group + "/" + ref.kind)));
        form.text(group, Tr::tr("Name"), at("name"), ref.name, kName, true);
        form.text(group, Tr::tr("Namespace"), at("namespace"), ref.ns, kLabel);
        form.text(group, Tr::tr("Section (listener)"), at("sectionName"), ref.sectionName, kLabel);
        form.number(group, Tr::tr("Port"), at("port"),
                    ref.port ? std::optional<std::int64_t>(*ref.port) : std::nullopt, 1, 65535,
                    Tr::tr("any"));
    }
    if (spec.rules.empty())
        return;
    const std::vector<RouteBackendRef> &backends = spec.rules.front().backendRefs;
    for (std::size_t b = 0; b < backends.size(); ++b) {
        const RouteBackendRef &ref = backends[b];
        const std::vector<PathPart> base{std::string("spec"), std::string("rules"), std::size_t(0),
                                         std::string("backendRefs"), b};
        auto at = [&](const char *key) {
            std::vector<PathPart> path = base;
            path.emplace_back(std::string(key));
            return path;
        };
        QFormLayout *group = form.group(Tr::tr("Backend %1").arg(b + 1));
        form.text(group, Tr::tr("Name"), at("name"), ref.name, QStringLiteral(".+"), true);
        form.text(group, Tr::tr("Namespace"), at("namespace"), ref.ns, kLabel);
        form.number(group, Tr::tr("Port"), at("port"),
                    ref.port ? std::optional<std::int64_t>(*ref.port) : std::nullopt, 1, 65535,
                    Tr::tr("none"));
        form.number(group, Tr::tr("Weight"), at("weight"), ref.weight, 0, 1000000, Tr::tr("default (1)"));
    }
}

void buildGrant(Form &form, const ReferenceGrantSpec &spec)
{
    const Resource &r = form.resource();
    form.title(
        Tr::tr("<b>ReferenceGrant</b> %1: lets the resources listed under From refer to those under To in "
               "namespace %2")
            .arg(q(r.name).toHtmlEscaped(), q(form.ns()).toHtmlEscaped()));
    for (std::size_t i = 0; i < spec.from.size(); ++i) {
        const std::vector<PathPart> base{std::string("spec"), std::string("from"), i};
        auto at = [&](const char *key) {
            std::vector<PathPart> path = base;
            path.emplace_back(std::string(key));
            return path;
        };
        QFormLayout *group = form.group(Tr::tr("From %1").arg(i + 1));
        form.text(group, Tr::tr("Group"), at("group"), spec.from[i].group, kGroup);
        form.text(group, Tr::tr("Kind"), at("kind"), spec.from[i].kind, kKind, true);
        form.text(group, Tr::tr("Namespace"), at("namespace"), spec.from[i].ns, kLabel, true);
    }
    for (std::size_t i = 0; i < spec.to.size(); ++i) {
        const std::vector<PathPart> base{std::string("spec"), std::string("to"), i};
        auto at = [&](const char *key) {
            std::vector<PathPart> path = base;
            path.emplace_back(std::string(key));
            return path;
        };
        QFormLayout *group = form.group(Tr::tr("To %1").arg(i + 1));
        form.text(group, Tr::tr("Group"), at("group"), spec.to[i].group, kGroup);
        form.text(group, Tr::tr("Kind"), at("kind"), spec.to[i].kind, kKind, true);
        form.text(group, Tr::tr("Name"), at("name"), spec.to[i].name, kName);
    }
}

} // namespace

YAML::Node withValue(const YAML::Node &document, const std::vector<PathPart> &path, const std::string &value,
                     bool number)
{
    YAML::Node root = YAML::Clone(document);
    if (path.empty())
        return root;
    YAML::Node cursor;
    cursor.reset(root);
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        YAML::Node next;
        if (const auto *key = std::get_if<std::string>(&path[i])) {
            if (value.empty() && !cursor[*key])
                return root; // removing what is not there
            next.reset(cursor[*key]);
        } else {
            const std::size_t at = std::get<std::size_t>(path[i]);
            if (!cursor.IsSequence() || at >= cursor.size())
                return root;
            next.reset(cursor[at]);
        }
        cursor.reset(next);
    }
    const auto *key = std::get_if<std::string>(&path.back());
    if (!key)
        return root;
    if (value.empty()) {
        if (cursor.IsMap())
            cursor.remove(*key);
    } else if (number) {
        cursor[*key] = std::stoll(value);
    } else {
        cursor[*key] = value;
    }
    return root;
}

bool build(QWidget *page, QVBoxLayout *layout, Document *document, int index, const Apply &apply)
{
    const Resource &r = document->set().resources[static_cast<std::size_t>(index)];
    Form form(page, layout, document, index, apply);
    if (const auto *gateway = r.kind == Kind::KubeGateway ? r.as<KubeGatewaySpec>() : nullptr) {
        buildGateway(form, *gateway);
        return true;
    }
    if (const auto *route =
            (r.kind == Kind::TCPRoute || r.kind == Kind::TLSRoute) ? r.as<L4RouteSpec>() : nullptr) {
        buildRoute(form, *route);
        return true;
    }
    if (const auto *grant = r.kind == Kind::ReferenceGrant ? r.as<ReferenceGrantSpec>() : nullptr) {
        buildGrant(form, *grant);
        return true;
    }
    return false;
}

} // namespace meshroute::studio::gatewayapiforms
