#include "views/inspector.h"

#include "document/document.h"
#include "editing/documentedits.h"
#include "graph/graphmodel.h"
#include "model/names.h"
#include "views/gatewayapiforms.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace meshroute::studio {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

QString labelsText(const Labels &labels)
{
    QStringList parts;
    for (const auto &[key, value] : labels)
        parts << q(key) + QLatin1Char('=') + q(value);
    return parts.join(QStringLiteral(", "));
}

// "app=tcp-echo, version=v1" -> labels; false when a part is not key=value.
bool parseLabels(const QString &text, Labels &labels)
{
    static const QRegularExpression key(
        QStringLiteral("^([a-zA-Z0-9.-]+/)?[a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?$"));
    static const QRegularExpression value(QStringLiteral("^([a-zA-Z0-9]([-a-zA-Z0-9_.]*[a-zA-Z0-9])?)?$"));
    labels.clear();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        const auto eq = trimmed.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return false;
        const QString k = trimmed.left(eq).trimmed();
        const QString v = trimmed.mid(eq + 1).trimmed();
        if (!key.match(k).hasMatch() || !value.match(v).hasMatch())
            return false;
        labels[k.toStdString()] = v.toStdString();
    }
    return true;
}

void markValid(QWidget *widget, bool valid, const QString &why = {})
{
    widget->setStyleSheet(valid ? QString()
                                : QStringLiteral("border: 1px solid #d93025; border-radius: 3px;"));
    widget->setToolTip(valid ? QString() : why);
}

int mergeIdFor(const QString &field)
{
    return static_cast<int>(qHash(field) & 0x3fffffff) + 1;
}

const QStringList &protocols()
{
    static const QStringList list{QStringLiteral("TCP"),   QStringLiteral("TLS"),   QStringLiteral("HTTP"),
                                  QStringLiteral("HTTPS"), QStringLiteral("HTTP2"), QStringLiteral("GRPC"),
                                  QStringLiteral("MONGO")};
    return list;
}

} // namespace

Inspector::Inspector(Document *document, QWidget *parent)
    : QScrollArea(parent)
    , m_document(document)
{
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    // Only a change of what the page shows rebuilds it: an edit elsewhere keeps its widgets.
    connect(m_document, &Document::resourcesChanged, this, [this](const DocumentDelta &delta) {
        if (!m_applying && shows(delta))
            rebuild();
    });
    connect(m_document, &Document::documentReset, this, &Inspector::clear);
    clear();
}

void Inspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && !m_applying)
        rebuild();
    QScrollArea::changeEvent(event);
}

QWidget *Inspector::newPage()
{
    m_page = new QWidget;
    m_layout = new QVBoxLayout(m_page);
    m_layout->setContentsMargins(8, 8, 8, 8);
    m_layout->setSpacing(10);
    // The previous page may be the sender of the change that rebuilds: delete it later.
    if (QWidget *old = takeWidget()) {
        old->hide();
        old->deleteLater();
    }
    setWidget(m_page);
    return m_page;
}

QFormLayout *Inspector::addGroup(const QString &title)
{
    auto *box = new QGroupBox(title, m_page);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_layout->addWidget(box);
    return form;
}

void Inspector::clear()
{
    m_resources.clear();
    m_route = {};
    newPage();
    auto *hint = new QLabel(tr("Select a gateway, route, destination or workload to edit it here."), m_page);
    hint->setWordWrap(true);
    hint->setEnabled(false);
    m_layout->addWidget(hint);
    m_layout->addStretch(1);
}

void Inspector::inspectResource(int index)
{
    m_route = {};
    m_resources = {index};
    rebuild();
}

void Inspector::inspectRoute(const edits::RouteRef &route)
{
    m_route = route;
    m_resources = {route.resource};
    rebuild();
}

void Inspector::inspectNode(const GraphNode &node)
{
    if (node.kind == NodeKind::Route && node.route.resource >= 0) { // else a Gateway API route
        inspectRoute(node.route);
        return;
    }
    m_route = {};
    m_resources = node.resources;
    if (m_resources.isEmpty()) {
        newPage();
        auto *label = new QLabel(
            QStringLiteral("<b>%1</b><br>%2").arg(node.title.toHtmlEscaped(), node.subtitle.toHtmlEscaped()),
            m_page);
        label->setWordWrap(true);
        m_layout->addWidget(label);
        m_layout->addStretch(1);
        return;
    }
    rebuild();
}

bool Inspector::shows(const DocumentDelta &delta) const
{
    if (delta.isStructural())
        return true; // indices may have moved
    for (int index : delta.modified)
        if (m_resources.contains(index))
            return true;
    // A route's page lists the subsets of its destinations' DestinationRules.
    if (m_route.resource >= 0)
        for (const ResourceRef &ref : delta.modifiedRefs)
            if (ref.kind == "DestinationRule")
                return true;
    return false;
}

void Inspector::rebuild()
{
    const ResourceSet &set = m_document->set();
    for (int index : std::as_const(m_resources))
        if (index < 0 || index >= static_cast<int>(set.resources.size())) {
            clear();
            return;
        }
    if (m_resources.isEmpty()) {
        clear();
        return;
    }
    newPage();
    if (m_route.resource >= 0) {
        buildRoute(m_route);
    } else {
        for (int index : std::as_const(m_resources)) {
            switch (set.resources[static_cast<std::size_t>(index)].kind) {
            case Kind::Gateway:
                buildGateway(index);
                break;
            case Kind::DestinationRule:
                buildDestinationRule(index);
                break;
            case Kind::Deployment:
                buildDeployment(index);
                break;
            case Kind::Service:
                buildService(index);
                break;
            default:
                // The Gateway API kinds' forms: views/gatewayapiforms.h.
                if (!gatewayapiforms::build(m_page, m_layout, m_document, index,
                                            [this](int i, const YAML::Node &node, const QString &text,
                                                   const QString &field) { apply(i, node, text, field); }))
                    buildSummary(index);
                break;
            }
        }
    }
    m_layout->addStretch(1);
}

void Inspector::apply(int index, const YAML::Node &node, const QString &text, const QString &field)
{
    m_applying = true;
    m_document->replaceResource(static_cast<std::size_t>(index), node, text,
                                mergeIdFor(field + QString::number(index)));
    m_applying = false;
}

bool Inspector::validateName(QLineEdit *edit)
{
    static const QRegularExpression name(
        QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"));
    const bool ok = edit->text().size() <= 253 && name.match(edit->text()).hasMatch();
    markValid(
        edit, ok,
        tr("A name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit"));
    return ok;
}

// ------------------------------------------------------------------ route

void Inspector::buildRoute(const edits::RouteRef &route)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(route.resource)];
    const auto *vs = resource.as<VirtualServiceSpec>();
    if (!vs) {
        buildSummary(route.resource);
        return;
    }
    const bool tcp = route.section == edits::Section::Tcp;
    const std::size_t ruleCount = tcp ? vs->tcp.size() : vs->tls.size();
    if (route.rule < 0 || static_cast<std::size_t>(route.rule) >= ruleCount) {
        buildSummary(route.resource);
        return;
    }
    const auto r = static_cast<std::size_t>(route.rule);
    const std::vector<RouteDestination> &destinations = tcp ? vs->tcp[r].route : vs->tls[r].route;
    std::optional<std::uint32_t> port;
    QStringList gateways;
    QStringList sni;
    if (tcp) {
        if (!vs->tcp[r].match.empty())
            port = vs->tcp[r].match.front().port;
        for (const TcpMatch &match : vs->tcp[r].match)
            for (const std::string &gateway : match.gateways)
                gateways << q(gateway);
    } else {
        if (!vs->tls[r].match.empty())
            port = vs->tls[r].match.front().port;
        for (const TlsMatch &match : vs->tls[r].match) {
            for (const std::string &gateway : match.gateways)
                gateways << q(gateway);
            for (const std::string &host : match.sniHosts)
                sni << q(host);
        }
    }
    const int index = route.resource;
    const QString vsName = q(resource.name);
    const edits::Section section = route.section;
    const int rule = route.rule;

    auto *title = new QLabel(
        tr("<b>%1 rule %2</b> of VirtualService %3")
            .arg(tcp ? QStringLiteral("tcp") : QStringLiteral("tls"))
            .arg(rule + 1)
            .arg((q(resource.effectiveNamespace(set.defaultNamespace)) + QLatin1Char('/') + q(resource.name))
                     .toHtmlEscaped()),
        m_page);
    title->setWordWrap(true);
    m_layout->addWidget(title);

    QFormLayout *match = addGroup(tr("Match"));
    auto *portSpin = new QSpinBox(m_page);
    portSpin->setObjectName(QStringLiteral("matchPort"));
    portSpin->setRange(0, 65535);
    portSpin->setSpecialValueText(tr("any port"));
    portSpin->setValue(port ? static_cast<int>(*port) : 0);
    match->addRow(tr("Port"), portSpin);
    connect(portSpin, &QSpinBox::valueChanged, this, [this, index, section, rule, vsName](int value) {
        const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
        std::optional<std::uint32_t> newPort;
        if (value > 0)
            newPort = static_cast<std::uint32_t>(value);
        apply(index, edits::withMatchPort(node, section, rule, newPort),
              tr("Change match port of %1").arg(vsName), QStringLiteral("port%1").arg(rule));
    });
    auto *gatewayLabel = new QLabel(
        gateways.isEmpty() ? tr("all bound gateways") : gateways.join(QStringLiteral(", ")), m_page);
    gatewayLabel->setWordWrap(true);
    match->addRow(tr("Gateways"), gatewayLabel);
    if (!tcp)
        match->addRow(tr("SNI hosts"), new QLabel(sni.join(QStringLiteral(", ")), m_page));

    QFormLayout *targets = addGroup(tr("Destinations"));
    auto *totalLabel = new QLabel(m_page);
    totalLabel->setObjectName(QStringLiteral("weightTotal"));
    auto *normalise = new QPushButton(tr("Normalise to 100"), m_page);
    // The total follows every weight edit (the form is not rebuilt while the person types).
    auto updateTotal = [this, index, section, rule, totalLabel, normalise] {
        const auto *spec =
            m_document->set().resources[static_cast<std::size_t>(index)].as<VirtualServiceSpec>();
        if (!spec)
            return;
        const auto at = static_cast<std::size_t>(rule);
        const auto &weighted =
            section == edits::Section::Tcp ? spec->tcp.at(at).route : spec->tls.at(at).route;
        std::int64_t sum = 0;
        for (const RouteDestination &destination : weighted)
            sum += destination.weight ? *destination.weight : (weighted.size() == 1 ? 100 : 0);
        const bool off = weighted.size() > 1 && sum != 100;
        totalLabel->setText(tr("Total: %1").arg(sum));
        totalLabel->setStyleSheet(off ? QStringLiteral("color: #d93025;") : QString());
        normalise->setEnabled(off);
    };
    for (std::size_t d = 0; d < destinations.size(); ++d) {
        const RouteDestination &destination = destinations[d];
        const int dest = static_cast<int>(d);
        auto *row = new QWidget(m_page);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        auto *subset = new QComboBox(row);
        subset->setObjectName(QStringLiteral("subset-%1").arg(d));
        subset->setEditable(true);
        subset->addItem(QString());
        const std::string host =
            qualifyHost(destination.destination.host, resource.effectiveNamespace(set.defaultNamespace));
        for (const Resource &other : set.resources)
            if (const auto *otherRule = other.as<DestinationRuleSpec>())
                if (qualifyHost(otherRule->host, other.effectiveNamespace(set.defaultNamespace)) == host)
                    for (const Subset &s : otherRule->subsets)
                        subset->addItem(q(s.name));
        subset->setCurrentText(q(destination.destination.subset));
        subset->setToolTip(tr("Subset of %1").arg(q(destination.destination.host)));
        auto *weight = new QSpinBox(row);
        weight->setObjectName(QStringLiteral("weight-%1").arg(d));
        weight->setRange(0, 100);
        weight->setSuffix(QStringLiteral(" %"));
        const std::int64_t value =
            destination.weight ? *destination.weight : (destinations.size() == 1 ? 100 : 0);
        weight->setValue(static_cast<int>(value));
        weight->setToolTip(tr("Share of new connections"));
        auto *remove = new QToolButton(row);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this destination"));
        remove->setEnabled(destinations.size() > 1);
        rowLayout->addWidget(subset, 1);
        rowLayout->addWidget(weight);
        rowLayout->addWidget(remove);
        auto *hostLabel = new QLabel(q(destination.destination.host), m_page);
        hostLabel->setToolTip(q(host));
        targets->addRow(hostLabel, row);

        connect(
            weight, &QSpinBox::valueChanged, this,
            [this, index, section, rule, dest, vsName, updateTotal](int w) {
                const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
                apply(index, edits::withWeight(node, section, rule, dest, w),
                      tr("Set weight in %1").arg(vsName), QStringLiteral("weight%1/%2").arg(rule).arg(dest));
                updateTotal();
            });
        connect(
            subset, &QComboBox::currentTextChanged, this,
            [this, index, section, rule, dest, vsName](const QString &name) {
                const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
                apply(index,
                      edits::withDestinationSubset(node, section, rule, dest, name.trimmed().toStdString()),
                      tr("Change subset in %1").arg(vsName),
                      QStringLiteral("subset%1/%2").arg(rule).arg(dest));
            });
        connect(remove, &QToolButton::clicked, this, [this, index, section, rule, dest, vsName] {
            const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
            m_document->replaceResource(static_cast<std::size_t>(index),
                                        edits::withoutDestination(node, section, rule, dest),
                                        tr("Remove destination from %1").arg(vsName));
        });
    }
    updateTotal();
    connect(normalise, &QPushButton::clicked, this, [this, index, section, rule, vsName] {
        const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
        m_document->replaceResource(static_cast<std::size_t>(index),
                                    edits::withNormalisedWeights(node, section, rule),
                                    tr("Normalise weights in %1").arg(vsName));
    });
    auto *totalRow = new QWidget(m_page);
    auto *totalLayout = new QHBoxLayout(totalRow);
    totalLayout->setContentsMargins(0, 0, 0, 0);
    totalLayout->addWidget(totalLabel, 1);
    totalLayout->addWidget(normalise);
    targets->addRow(totalRow);

    QFormLayout *order = addGroup(tr("Rule"));
    auto *buttons = new QWidget(m_page);
    auto *buttonLayout = new QHBoxLayout(buttons);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    auto *up = new QPushButton(tr("Move up"), buttons);
    auto *down = new QPushButton(tr("Move down"), buttons);
    auto *remove = new QPushButton(tr("Delete rule"), buttons);
    up->setEnabled(rule > 0);
    down->setEnabled(static_cast<std::size_t>(rule) + 1 < ruleCount);
    buttonLayout->addWidget(up);
    buttonLayout->addWidget(down);
    buttonLayout->addWidget(remove);
    order->addRow(buttons);
    auto *why = new QLabel(tr("The first rule that matches a port serves it."), m_page);
    why->setWordWrap(true);
    why->setEnabled(false);
    order->addRow(why);
    auto move = [this, index, section, rule, vsName](int to) {
        const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
        m_route = {index, section, to};
        m_document->replaceResource(static_cast<std::size_t>(index),
                                    edits::withRuleMoved(node, section, rule, to),
                                    tr("Reorder rules of %1").arg(vsName));
    };
    connect(up, &QPushButton::clicked, this, [move, rule] { move(rule - 1); });
    connect(down, &QPushButton::clicked, this, [move, rule] { move(rule + 1); });
    connect(remove, &QPushButton::clicked, this, [this, index, section, rule, vsName] {
        const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
        m_route = {};
        m_resources = {index};
        m_document->replaceResource(static_cast<std::size_t>(index), edits::withoutRule(node, section, rule),
                                    tr("Delete rule of %1").arg(vsName));
    });
}

// ------------------------------------------------------------------ gateway

void Inspector::buildGateway(int index)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    const auto *spec = resource.as<GatewaySpec>();
    const QString gatewayName = q(resource.name);
    QFormLayout *form = addGroup(tr("Gateway"));
    auto *name = new QLineEdit(gatewayName, m_page);
    name->setObjectName(QStringLiteral("gatewayName"));
    form->addRow(tr("Name"), name);
    form->addRow(tr("Namespace"), new QLabel(q(resource.effectiveNamespace(set.defaultNamespace)), m_page));
    form->addRow(tr("Selector"), new QLabel(labelsText(spec->selector), m_page));
    connect(name, &QLineEdit::textEdited, this, [name] { validateName(name); });
    connect(name, &QLineEdit::editingFinished, this, [this, index, name, gatewayName] {
        // editingFinished also comes with focus changes: rename only what is still named otherwise.
        const auto &resources = m_document->set().resources;
        if (!validateName(name) || name->text() == gatewayName ||
            index >= static_cast<int>(resources.size()) ||
            name->text().toStdString() == resources[static_cast<std::size_t>(index)].name)
            return;
        const std::string newName = name->text().toStdString();
        m_document->editSet(tr("Rename gateway %1 to %2").arg(gatewayName, name->text()),
                            [&](ResourceSet &after) {
                                edits::renameGateway(after, static_cast<std::size_t>(index), newName);
                            });
    });

    QFormLayout *servers = addGroup(tr("Ports"));
    for (std::size_t s = 0; s < spec->servers.size(); ++s) {
        const Server &server = spec->servers[s];
        const int serverIndex = static_cast<int>(s);
        auto *row = new QWidget(m_page);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *number = new QSpinBox(row);
        number->setObjectName(QStringLiteral("portNumber-%1").arg(s));
        number->setRange(1, 65535);
        number->setValue(static_cast<int>(server.port.number));
        auto *protocol = new QComboBox(row);
        protocol->addItems(protocols());
        protocol->setCurrentText(q(server.port.protocol));
        auto *portName = new QLineEdit(q(server.port.name), row);
        portName->setPlaceholderText(tr("name"));
        auto *remove = new QToolButton(row);
        remove->setText(QStringLiteral("✕"));
        remove->setToolTip(tr("Remove this port"));
        layout->addWidget(number);
        layout->addWidget(protocol);
        layout->addWidget(portName, 1);
        layout->addWidget(remove);
        servers->addRow(tr("Port %1").arg(s + 1), row);
        auto commit = [this, index, serverIndex, number, protocol, portName,
                       gatewayName](const QString &field) {
            const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
            apply(index,
                  edits::withServerPort(node, serverIndex, static_cast<std::uint32_t>(number->value()),
                                        protocol->currentText().toStdString(),
                                        portName->text().toStdString()),
                  tr("Change port of %1").arg(gatewayName), field + QString::number(serverIndex));
        };
        connect(number, &QSpinBox::valueChanged, this, [commit] { commit(QStringLiteral("number")); });
        connect(protocol, &QComboBox::currentTextChanged, this,
                [commit] { commit(QStringLiteral("protocol")); });
        connect(portName, &QLineEdit::editingFinished, this, [this, commit, portName, index, serverIndex] {
            const auto *current =
                m_document->set().resources[static_cast<std::size_t>(index)].as<GatewaySpec>();
            if (current && static_cast<std::size_t>(serverIndex) < current->servers.size() &&
                portName->text().toStdString() !=
                    current->servers[static_cast<std::size_t>(serverIndex)].port.name)
                commit(QStringLiteral("name"));
        });
        connect(remove, &QToolButton::clicked, this, [this, index, serverIndex, gatewayName] {
            const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
            m_document->replaceResource(static_cast<std::size_t>(index),
                                        edits::withoutServer(node, serverIndex),
                                        tr("Remove port from %1").arg(gatewayName));
        });
    }
    auto *add = new QPushButton(tr("Add port"), m_page);
    servers->addRow(add);
    connect(add, &QPushButton::clicked, this, [this, index, gatewayName] {
        const Resource &gateway = m_document->set().resources[static_cast<std::size_t>(index)];
        std::uint32_t next = 31400;
        if (const auto *gatewaySpec = gateway.as<GatewaySpec>())
            for (const Server &server : gatewaySpec->servers)
                next = std::max(next, server.port.number + 1);
        m_document->replaceResource(static_cast<std::size_t>(index),
                                    edits::withServer(gateway.node, next, "TCP"),
                                    tr("Add port %1 to %2").arg(next).arg(gatewayName));
    });
}

// ------------------------------------------------------------------ destination rule

void Inspector::buildDestinationRule(int index)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    const auto *spec = resource.as<DestinationRuleSpec>();
    const QString ruleName = q(resource.name);
    QFormLayout *form = addGroup(tr("DestinationRule %1").arg(ruleName));
    form->addRow(tr("Host"), new QLabel(q(spec->host), m_page));
    auto *balancer = new QComboBox(m_page);
    balancer->setObjectName(QStringLiteral("loadBalancer"));
    balancer->addItems({tr("default"), QStringLiteral("ROUND_ROBIN"), QStringLiteral("LEAST_REQUEST"),
                        QStringLiteral("LEAST_CONN"), QStringLiteral("RANDOM"),
                        QStringLiteral("PASSTHROUGH")});
    if (spec->trafficPolicy && spec->trafficPolicy->loadBalancer &&
        !spec->trafficPolicy->loadBalancer->simple.empty())
        balancer->setCurrentText(q(spec->trafficPolicy->loadBalancer->simple));
    form->addRow(tr("Load balancer"), balancer);
    connect(balancer, &QComboBox::currentIndexChanged, this, [this, index, balancer, ruleName](int choice) {
        YAML::Node node = YAML::Clone(m_document->set().resources[static_cast<std::size_t>(index)].node);
        if (choice == 0) {
            if (node["spec"]["trafficPolicy"] && node["spec"]["trafficPolicy"]["loadBalancer"])
                node["spec"]["trafficPolicy"]["loadBalancer"].remove("simple");
        } else {
            node["spec"]["trafficPolicy"]["loadBalancer"]["simple"] = balancer->currentText().toStdString();
        }
        apply(index, node, tr("Change load balancer of %1").arg(ruleName), QStringLiteral("lb"));
    });

    QFormLayout *subsets = addGroup(tr("Subsets"));
    for (std::size_t s = 0; s < spec->subsets.size(); ++s) {
        const Subset &subset = spec->subsets[s];
        const int subsetIndex = static_cast<int>(s);
        const QString oldName = q(subset.name);
        auto *row = new QWidget(m_page);
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto *name = new QLineEdit(oldName, row);
        name->setObjectName(QStringLiteral("subsetName-%1").arg(s));
        name->setMaximumWidth(90);
        auto *labels = new QLineEdit(labelsText(subset.labels), row);
        labels->setObjectName(QStringLiteral("subsetLabels-%1").arg(s));
        labels->setPlaceholderText(tr("key=value, ..."));
        layout->addWidget(name);
        layout->addWidget(labels, 1);
        subsets->addRow(row);
        connect(name, &QLineEdit::textEdited, this, [name] { validateName(name); });
        connect(name, &QLineEdit::editingFinished, this, [this, index, subsetIndex, name, oldName] {
            const auto &resources = m_document->set().resources;
            if (!validateName(name) || name->text() == oldName || index >= static_cast<int>(resources.size()))
                return;
            const auto *rule = resources[static_cast<std::size_t>(index)].as<DestinationRuleSpec>();
            if (!rule || static_cast<std::size_t>(subsetIndex) >= rule->subsets.size() ||
                rule->subsets[static_cast<std::size_t>(subsetIndex)].name == name->text().toStdString())
                return;
            const std::string newName = name->text().toStdString();
            m_document->editSet(
                tr("Rename subset %1 to %2").arg(oldName, name->text()), [&](ResourceSet &after) {
                    edits::renameSubset(after, static_cast<std::size_t>(index), subsetIndex, newName);
                });
        });
        connect(labels, &QLineEdit::textEdited, this, [labels] {
            Labels parsed;
            markValid(labels, parseLabels(labels->text(), parsed),
                      tr("Labels are key=value pairs separated by commas"));
        });
        connect(labels, &QLineEdit::editingFinished, this, [this, index, subsetIndex, labels, ruleName] {
            Labels parsed;
            if (!parseLabels(labels->text(), parsed))
                return;
            // Compare with the document, not the form: editingFinished repeats on focus changes.
            const auto *current =
                m_document->set().resources[static_cast<std::size_t>(index)].as<DestinationRuleSpec>();
            if (!current || static_cast<std::size_t>(subsetIndex) >= current->subsets.size() ||
                current->subsets[static_cast<std::size_t>(subsetIndex)].labels == parsed)
                return;
            const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
            apply(index, edits::withSubsetLabels(node, subsetIndex, parsed),
                  tr("Change subset labels of %1").arg(ruleName),
                  QStringLiteral("labels%1").arg(subsetIndex));
        });
    }
    auto *add = new QPushButton(tr("Add subset"), m_page);
    subsets->addRow(add);
    connect(add, &QPushButton::clicked, this,
            [this, index] { m_document->apply(edits::addSubset(m_document->set(), index)); });
}

// ------------------------------------------------------------------ workloads and the rest

void Inspector::buildDeployment(int index)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    const auto *spec = resource.as<DeploymentSpec>();
    const QString name = q(resource.name);
    QFormLayout *form = addGroup(tr("Deployment %1").arg(name));
    auto *replicas = new QSpinBox(m_page);
    replicas->setObjectName(QStringLiteral("replicas"));
    replicas->setRange(0, 1000);
    replicas->setValue(spec->replicas);
    form->addRow(tr("Replicas"), replicas);
    form->addRow(tr("Pod labels"), new QLabel(labelsText(spec->podLabels), m_page));
    QStringList ports;
    for (const ContainerPort &port : spec->containerPorts)
        ports << QStringLiteral("%1/%2").arg(port.containerPort).arg(q(port.protocol));
    form->addRow(tr("Container ports"), new QLabel(ports.join(QStringLiteral(", ")), m_page));
    connect(replicas, &QSpinBox::valueChanged, this, [this, index, name](int value) {
        const YAML::Node &node = m_document->set().resources[static_cast<std::size_t>(index)].node;
        apply(index, edits::withReplicas(node, value), tr("Scale %1").arg(name), QStringLiteral("replicas"));
    });
}

void Inspector::buildService(int index)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    const auto *spec = resource.as<ServiceSpec>();
    QFormLayout *form = addGroup(tr("Service %1").arg(q(resource.name)));
    form->addRow(tr("Selector"), new QLabel(labelsText(spec->selector), m_page));
    QStringList ports;
    for (const ServicePort &port : spec->ports)
        ports << QStringLiteral("%1 → %2 (%3)")
                     .arg(port.port)
                     .arg(port.targetPort ? QString::number(*port.targetPort) : q(port.targetPortName))
                     .arg(q(port.name));
    auto *portLabel = new QLabel(ports.join(QLatin1Char('\n')), m_page);
    form->addRow(tr("Ports"), portLabel);
    form->addRow(tr("Type"), new QLabel(q(spec->type), m_page));
    auto *yaml = new QPushButton(tr("Edit in YAML"), m_page);
    connect(yaml, &QPushButton::clicked, this, [this, index] { emit showYamlRequested(index); });
    form->addRow(yaml);
}

void Inspector::buildSummary(int index)
{
    const ResourceSet &set = m_document->set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    QFormLayout *form = addGroup(q(resource.kindName.empty() ? kindName(resource.kind) : resource.kindName));
    form->addRow(tr("Name"), new QLabel(q(resource.name), m_page));
    form->addRow(tr("Namespace"), new QLabel(q(resource.effectiveNamespace(set.defaultNamespace)), m_page));
    form->addRow(tr("API version"), new QLabel(q(resource.apiVersion), m_page));
    form->addRow(tr("Labels"), new QLabel(labelsText(resource.labels), m_page));
    form->addRow(tr("File"), new QLabel(q(set.fileOf(resource)), m_page));
    if (const auto *entry = resource.as<WorkloadEntrySpec>()) {
        form->addRow(tr("Address"), new QLabel(q(entry->address), m_page));
        form->addRow(tr("Workload labels"), new QLabel(labelsText(entry->labels), m_page));
    }
    auto *yaml = new QPushButton(tr("Edit in YAML"), m_page);
    connect(yaml, &QPushButton::clicked, this, [this, index] { emit showYamlRequested(index); });
    form->addRow(yaml);
}

} // namespace meshroute::studio
