// The predicted status of the Gateway API resources, as YAML (what `kubectl get -o yaml` would
// show under `status` once Istio has seen them).

#include "gatewayapi/translate.h"

#include <algorithm>

namespace meshroute::gatewayapi {
namespace {

YAML::Node conditions(const std::vector<Condition> &list)
{
    YAML::Node out(YAML::NodeType::Sequence);
    for (const Condition &c : list) {
        YAML::Node n;
        n["message"] = render(c.message);
        n["reason"] = c.reason;
        n["status"] = c.status;
        n["type"] = c.type;
        out.push_back(n);
    }
    return out;
}

YAML::Node header(const Resource &r, const std::string &defaultNamespace)
{
    YAML::Node n;
    n["apiVersion"] = r.apiVersion;
    n["kind"] = r.kindName;
    n["metadata"]["name"] = r.name;
    if (r.kind != Kind::GatewayClass)
        n["metadata"]["namespace"] = r.effectiveNamespace(defaultNamespace);
    return n;
}

// A condition's status is the string "True" or "False" (as kubectl prints it); plain, YAML 1.1
// would read a boolean, so those values are quoted.
std::string emit(const YAML::Node &node)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out << node;
    std::string text = out.c_str();
    if (!text.empty() && text.back() != '\n')
        text += '\n';
    std::string quoted;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        std::string line = text.substr(pos, eol - pos);
        for (const char *value : {"True", "False"}) {
            const std::string plain = std::string("status: ") + value;
            if (line.size() >= plain.size() &&
                line.compare(line.size() - plain.size(), plain.size(), plain) == 0)
                line.replace(line.size() - plain.size() + 8, std::string(value).size(),
                             std::string("\"") + value + "\"");
        }
        quoted += line + "\n";
        pos = eol + 1;
    }
    return quoted;
}

} // namespace

std::string statusYaml(const ResourceSet &set, const Translation &translation)
{
    // Emitted as they are made: a YAML::Node must not be assigned (sorting would), it rewrites the node it
    // refers to.
    std::vector<std::pair<std::size_t, std::string>> docs;
    for (const GatewayClassStatus &c : translation.gatewayClasses) {
        YAML::Node n = header(set.resources[c.resource], set.defaultNamespace);
        n["status"]["conditions"] = conditions(c.conditions);
        docs.emplace_back(c.resource, emit(n));
    }
    for (const GatewayStatus &g : translation.gateways) {
        YAML::Node n = header(set.resources[g.resource], set.defaultNamespace);
        if (!g.addresses.empty()) {
            YAML::Node addresses(YAML::NodeType::Sequence);
            for (const GatewayAddress &a : g.addresses) {
                YAML::Node an;
                an["type"] = a.type;
                an["value"] = a.value;
                addresses.push_back(an);
            }
            n["status"]["addresses"] = addresses;
        }
        n["status"]["conditions"] = conditions(g.conditions);
        YAML::Node listeners(YAML::NodeType::Sequence);
        for (const ListenerStatus &l : g.listeners) {
            YAML::Node ln;
            ln["attachedRoutes"] = l.attachedRoutes;
            ln["conditions"] = conditions(l.conditions);
            ln["name"] = l.name;
            YAML::Node kinds(YAML::NodeType::Sequence);
            for (const GroupKind &k : l.supportedKinds) {
                YAML::Node kn;
                kn["group"] = k.group;
                kn["kind"] = k.kind;
                kinds.push_back(kn);
            }
            ln["supportedKinds"] = kinds;
            listeners.push_back(ln);
        }
        n["status"]["listeners"] = listeners;
        docs.emplace_back(g.resource, emit(n));
    }
    for (const RouteStatus &r : translation.routes) {
        const Resource &route = set.resources[r.resource];
        YAML::Node n = header(route, set.defaultNamespace);
        YAML::Node parents(YAML::NodeType::Sequence);
        const YAML::Node refs = route.node["spec"]["parentRefs"];
        for (const RouteParentStatus &p : r.parents) {
            YAML::Node pn;
            pn["conditions"] = conditions(p.conditions);
            pn["controllerName"] = "istio.io/gateway-controller";
            pn["parentRef"] = YAML::Clone(refs[p.parentRef]);
            parents.push_back(pn);
        }
        n["status"]["parents"] = parents;
        docs.emplace_back(r.resource, emit(n));
    }
    std::stable_sort(docs.begin(), docs.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::string out;
    for (const auto &[index, text] : docs) {
        if (!out.empty())
            out += "---\n";
        out += text;
    }
    return out;
}

} // namespace meshroute::gatewayapi
