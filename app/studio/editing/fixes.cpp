#include "editing/fixes.h"

#include "document/document.h"
#include "editing/routeedits.h"
#include "model/names.h"
#include "window/ingresspatchdialog.h"

#include <QApplication>
#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace meshroute::studio {

namespace {

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

bool isOneOf(const std::string &id, std::initializer_list<const char *> ids)
{
    return std::any_of(ids.begin(), ids.end(), [&](const char *candidate) { return id == candidate; });
}

// The argument `i` as written (empty for a fragment or a missing argument).
std::string textArg(const Diagnostic &diagnostic, std::size_t i)
{
    if (i >= diagnostic.args.size() || diagnostic.args[i].fragment)
        return {};
    return diagnostic.args[i].text;
}

// The resource of `kind` that "ns/name" names.
int findResource(const ResourceSet &set, Kind kind, const std::string &ref)
{
    const auto slash = ref.find('/');
    if (slash == std::string::npos)
        return -1;
    const std::string ns = ref.substr(0, slash);
    const std::string name = ref.substr(slash + 1);
    for (std::size_t i = 0; i < set.resources.size(); ++i) {
        const Resource &r = set.resources[i];
        if (r.kind == kind && r.name == name && r.effectiveNamespace(set.defaultNamespace) == ns)
            return static_cast<int>(i);
    }
    return -1;
}

Fix bindGateway(Document &document, int index, const std::string &ref)
{
    Document *doc = &document;
    return {
        QCoreApplication::translate("meshroute::studio::Fixes", "Bind to gateway %1").arg(q(ref)),
        [doc, index, ref] {
            const Resource &target = doc->set().resources[static_cast<std::size_t>(index)];
            doc->replaceResource(
                static_cast<std::size_t>(index), edits::withGatewayBinding(target.node, ref),
                QCoreApplication::translate("meshroute::studio::Fixes", "Bind to gateway %1").arg(q(ref)));
        }};
}

// A gateway port without a route, while exactly one VirtualService names the gateway in a match
// without being bound to it: bind that one.
Fix bindTheNamingVirtualService(Document &document, const Resource &gatewayResource)
{
    const ResourceSet &set = document.set();
    const QualifiedName gateway{gatewayResource.effectiveNamespace(set.defaultNamespace),
                                gatewayResource.name};
    std::vector<std::pair<int, std::string>> candidates;
    for (std::size_t i = 0; i < set.resources.size(); ++i) {
        const auto *spec = set.resources[i].as<VirtualServiceSpec>();
        if (!spec)
            continue;
        const std::string ns = set.resources[i].effectiveNamespace(set.defaultNamespace);
        const std::vector<std::string> bound = spec->effectiveGateways();
        std::set<std::string> named;
        for (const TcpRoute &rule : spec->tcp)
            for (const TcpMatch &match : rule.match)
                named.insert(match.gateways.begin(), match.gateways.end());
        for (const TlsRoute &rule : spec->tls)
            for (const TlsMatch &match : rule.match)
                named.insert(match.gateways.begin(), match.gateways.end());
        for (const std::string &ref : named)
            if (resolveGatewayRef(ref, ns) == gateway &&
                std::find(bound.begin(), bound.end(), ref) == bound.end())
                candidates.emplace_back(static_cast<int>(i), ref);
    }
    if (candidates.size() != 1)
        return {};
    return bindGateway(document, candidates.front().first, candidates.front().second);
}

} // namespace

Fix fixFor(Document &document, const Diagnostic &diagnostic)
{
    const int index = document.resourceOfDiagnostic(diagnostic);
    if (index < 0)
        return {};
    const ResourceSet &set = document.set();
    const Resource &resource = set.resources[static_cast<std::size_t>(index)];
    const std::string &id = diagnostic.messageId;
    Document *doc = &document;

    if (resource.kind == Kind::Gateway &&
        isOneOf(id, {"gateway-port-without-route", "gateway-port-no-listener"}))
        return bindTheNamingVirtualService(document, resource);
    if (resource.kind == Kind::Gateway && id == "gateway-port-not-exposed") {
        // {port, Gateway, Service, its ports}: a separate file for the cluster, never an edit.
        const std::string port = textArg(diagnostic, 0);
        if (port.empty())
            return {};
        return {
            QCoreApplication::translate("meshroute::studio::Fixes", "Expose port %1 on the ingress gateway…")
                .arg(q(port)),
            [doc] {
                IngressPatchDialog dialog(*doc, QApplication::activeWindow());
                dialog.exec();
            }};
    }
    if (!resource.as<VirtualServiceSpec>())
        return {};

    if (isOneOf(id, {"weight-single-not-100", "weights-not-100", "weights-all-zero"})) {
        return {QCoreApplication::translate("meshroute::studio::Fixes", "Normalise weights to 100"),
                [doc, index] {
                    doc->editSet(QCoreApplication::translate("meshroute::studio::Fixes", "Normalise weights"),
                                 [index](ResourceSet &after) {
                                     const auto i = static_cast<std::size_t>(index);
                                     YAML::Node node = YAML::Clone(after.resources[i].node);
                                     const auto *spec = after.resources[i].as<VirtualServiceSpec>();
                                     for (std::size_t r = 0; r < spec->tcp.size(); ++r)
                                         node = edits::withNormalisedWeights(node, edits::Section::Tcp,
                                                                             static_cast<int>(r));
                                     for (std::size_t r = 0; r < spec->tls.size(); ++r)
                                         node = edits::withNormalisedWeights(node, edits::Section::Tls,
                                                                             static_cast<int>(r));
                                     after.replaceNode(i, node);
                                 });
                }};
    }
    if (isOneOf(id, {"subset-not-defined", "subset-not-defined-none"})) {
        // {which, subset, DestinationRule ns/name, ...}: the subset the route names, in the rule
        // that lacks it.
        const std::string subset = textArg(diagnostic, 1);
        const int rule = findResource(set, Kind::DestinationRule, textArg(diagnostic, 2));
        if (subset.empty() || rule < 0)
            return {};
        return {QCoreApplication::translate("meshroute::studio::Fixes", "Create subset %1").arg(q(subset)),
                [doc, rule, subset] {
                    const Resource &target = doc->set().resources[static_cast<std::size_t>(rule)];
                    doc->replaceResource(
                        static_cast<std::size_t>(rule),
                        edits::withSubset(target.node, subset, {{"version", subset}}),
                        QCoreApplication::translate("meshroute::studio::Fixes", "Create subset %1")
                            .arg(q(subset)));
                }};
    }
    if (isOneOf(id, {"match-gateway-not-bound", "match-gateway-not-bound-default"})) {
        // {gateway as written, rule, match, VirtualService, its gateways}
        const std::string gateway = textArg(diagnostic, 0);
        if (gateway.empty())
            return {};
        return bindGateway(document, index, gateway);
    }
    return {};
}

} // namespace meshroute::studio
