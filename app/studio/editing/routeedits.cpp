#include "editing/routeedits.h"

#include "model/names.h"
#include "routing/selectors.h"

#include <algorithm>
#include <numeric>

namespace meshroute::studio::edits {

namespace {

YAML::Node rulesOf(YAML::Node &virtualService, Section section)
{
    return virtualService["spec"][sectionKey(section)];
}

bool validRule(const YAML::Node &rules, int rule)
{
    return rules.IsSequence() && rule >= 0 && static_cast<std::size_t>(rule) < rules.size();
}

YAML::Node destinationNode(const std::string &host, const std::string &subset,
                           std::optional<std::uint32_t> port)
{
    YAML::Node destination(YAML::NodeType::Map);
    destination["host"] = host;
    if (!subset.empty())
        destination["subset"] = subset;
    if (port)
        destination["port"]["number"] = *port;
    YAML::Node entry(YAML::NodeType::Map);
    entry["destination"] = destination;
    return entry;
}

std::vector<std::int64_t> weightsOf(const YAML::Node &route)
{
    std::vector<std::int64_t> weights;
    for (std::size_t i = 0; i < route.size(); ++i) {
        std::int64_t weight = 0;
        const YAML::Node value = route[i]["weight"];
        if (value && value.IsScalar()) {
            try {
                weight = value.as<std::int64_t>();
            } catch (const YAML::Exception &) {
                weight = 0;
            }
        } else if (route.size() == 1) {
            weight = 100;
        }
        weights.push_back(weight);
    }
    return weights;
}

void setWeights(YAML::Node route, const std::vector<std::int64_t> &weights)
{
    for (std::size_t i = 0; i < route.size() && i < weights.size(); ++i)
        route[i]["weight"] = weights[i];
}

YAML::Node removeAt(const YAML::Node &sequence, std::size_t at)
{
    YAML::Node result(YAML::NodeType::Sequence);
    for (std::size_t i = 0; i < sequence.size(); ++i)
        if (i != at)
            result.push_back(sequence[i]);
    return result;
}

YAML::Node metadata(const std::string &apiVersion, const std::string &kind, const std::string &name)
{
    YAML::Node node(YAML::NodeType::Map);
    node["apiVersion"] = apiVersion;
    node["kind"] = kind;
    node["metadata"]["name"] = name;
    return node;
}

// An empty container of `like`'s type, tag and style (block or flow), to copy its entries into.
YAML::Node emptyLike(const YAML::Node &like)
{
    YAML::Node out(like.Type());
    out.SetTag(like.Tag());
    out.SetStyle(like.Style());
    return out;
}

// `virtualService` with rule `rule` of `section` replaced by a deep copy of it that `edit` changes.
// Only the path to that rule is new (the resource's map, its spec, the list of rules): everything
// else is shared with `virtualService`, not copied, so an edit costs the rule and not the rules
// beside it. That is safe because a resource's tree is never changed in place (see
// ResourceNode::fromEdit): `edit` may change the copy of the rule only, and the shared parts are
// read through const handles (yaml-cpp's non-const operator[] inserts into the node it reads).
// Each new container is put into its parent before it is filled, so that the trees' node
// registries (yaml-cpp's memory) are merged once, not once per level. No such rule: an unchanged
// copy.
template <typename Edit>
YAML::Node withRuleEdited(const YAML::Node &virtualService, Section section, int rule, Edit edit)
{
    const YAML::Node spec = virtualService["spec"];
    const char *key = sectionKey(section);
    const YAML::Node rules = spec.IsMap() ? spec[key] : YAML::Node();
    if (!virtualService.IsMap() || !validRule(rules, rule))
        return YAML::Clone(virtualService);
    const auto editFields = [](const YAML::Node &from, YAML::Node &to, const char *name, const auto &inner) {
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (!it->first.IsScalar() || it->first.Scalar() != name) {
                to.force_insert(it->first, it->second);
                continue;
            }
            YAML::Node copy = emptyLike(it->second);
            to.force_insert(it->first, copy);
            inner(it->second, copy);
        }
    };
    YAML::Node out = emptyLike(virtualService);
    editFields(virtualService, out, "spec", [&](const YAML::Node &oldSpec, YAML::Node &newSpec) {
        editFields(oldSpec, newSpec, key, [&](const YAML::Node &oldRules, YAML::Node &newRules) {
            for (std::size_t i = 0; i < oldRules.size(); ++i) {
                if (i != static_cast<std::size_t>(rule)) {
                    newRules.push_back(oldRules[i]);
                    continue;
                }
                YAML::Node copy = YAML::Clone(oldRules[i]);
                newRules.push_back(copy);
                edit(copy);
            }
        });
    });
    return out;
}

YAML::Node labelsNode(const Labels &labels)
{
    YAML::Node node(YAML::NodeType::Map);
    for (const auto &[key, value] : labels)
        node[key] = value;
    return node;
}

} // namespace

std::vector<std::int64_t> balancedWeights(std::size_t n)
{
    std::vector<std::int64_t> weights(n, 0);
    if (n == 0)
        return weights;
    const auto share = static_cast<std::int64_t>(100 / n);
    auto rest = static_cast<std::int64_t>(100 % n);
    for (std::int64_t &weight : weights) {
        weight = share + (rest > 0 ? 1 : 0);
        if (rest > 0)
            --rest;
    }
    return weights;
}

std::vector<std::int64_t> normalisedWeights(const std::vector<std::int64_t> &weights)
{
    std::int64_t total = 0;
    for (std::int64_t weight : weights)
        total += std::max<std::int64_t>(weight, 0);
    if (total <= 0)
        return balancedWeights(weights.size());
    std::vector<std::int64_t> result(weights.size());
    std::vector<std::pair<std::int64_t, std::size_t>> remainders;
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const std::int64_t scaled = std::max<std::int64_t>(weights[i], 0) * 100;
        result[i] = scaled / total;
        sum += result[i];
        remainders.emplace_back(scaled % total, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (std::size_t i = 0; sum < 100 && i < remainders.size(); ++i, ++sum)
        ++result[remainders[i].second];
    return result;
}

YAML::Node withGatewayBinding(const YAML::Node &virtualService, const std::string &gatewayRef)
{
    YAML::Node node = YAML::Clone(virtualService);
    YAML::Node gateways = node["spec"]["gateways"];
    if (gateways.IsSequence())
        for (const YAML::Node &gateway : gateways)
            if (gateway.IsScalar() && gateway.Scalar() == gatewayRef)
                return node;
    gateways.push_back(gatewayRef);
    return node;
}

YAML::Node withTcpRoute(const YAML::Node &virtualService, std::uint32_t port, const std::string &gatewayRef,
                        const std::string &host, const std::string &subset,
                        std::optional<std::uint32_t> destinationPort)
{
    YAML::Node node = withGatewayBinding(virtualService, gatewayRef);
    if (!node["spec"]["hosts"])
        node["spec"]["hosts"].push_back("*");
    YAML::Node match(YAML::NodeType::Map);
    match["port"] = port;
    match["gateways"].push_back(gatewayRef);
    YAML::Node rule(YAML::NodeType::Map);
    rule["match"].push_back(match);
    rule["route"].push_back(destinationNode(host, subset, destinationPort));
    node["spec"]["tcp"].push_back(rule);
    return node;
}

std::vector<std::string> sniHostsFor(const std::vector<std::string> &serverHosts,
                                     const std::vector<std::string> &vsHosts)
{
    std::vector<std::string> out;
    const auto add = [&out](const std::string &name) {
        if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
    };
    for (const std::string &server : serverHosts) {
        for (const std::string &vs : vsHosts) {
            if (hostMatches(vs, server))
                add(server);
            else if (hostMatches(server, vs))
                add(vs);
        }
    }
    return out.empty() ? serverHosts : out;
}

YAML::Node withTlsRoute(const YAML::Node &virtualService, std::uint32_t port, const std::string &gatewayRef,
                        const std::vector<std::string> &sniHosts, const std::string &host,
                        const std::string &subset, std::optional<std::uint32_t> destinationPort)
{
    YAML::Node node = withGatewayBinding(virtualService, gatewayRef);
    if (!node["spec"]["hosts"])
        node["spec"]["hosts"].push_back("*");
    YAML::Node match(YAML::NodeType::Map);
    match["port"] = port;
    for (const std::string &sni : sniHosts.empty() ? std::vector<std::string>{"*"} : sniHosts)
        match["sniHosts"].push_back(sni);
    match["gateways"].push_back(gatewayRef);
    YAML::Node rule(YAML::NodeType::Map);
    rule["match"].push_back(match);
    rule["route"].push_back(destinationNode(host, subset, destinationPort));
    node["spec"]["tls"].push_back(rule);
    return node;
}

YAML::Node withSplit(const YAML::Node &virtualService, Section section, int rule, const std::string &host,
                     const std::string &subset, std::optional<std::uint32_t> destinationPort)
{
    return withRuleEdited(virtualService, section, rule, [&](YAML::Node &ruleNode) {
        YAML::Node route = ruleNode["route"];
        route.push_back(destinationNode(host, subset, destinationPort));
        setWeights(route, balancedWeights(route.size()));
    });
}

YAML::Node withWeight(const YAML::Node &virtualService, Section section, int rule, int destination,
                      std::int64_t weight)
{
    return withRuleEdited(virtualService, section, rule, [&](YAML::Node &ruleNode) {
        YAML::Node route = ruleNode["route"];
        if (route.IsSequence() && destination >= 0 && static_cast<std::size_t>(destination) < route.size())
            route[static_cast<std::size_t>(destination)]["weight"] = weight;
    });
}

YAML::Node withNormalisedWeights(const YAML::Node &virtualService, Section section, int rule)
{
    return withRuleEdited(virtualService, section, rule, [](YAML::Node &ruleNode) {
        YAML::Node route = ruleNode["route"];
        if (route.IsSequence())
            setWeights(route, normalisedWeights(weightsOf(route)));
    });
}

YAML::Node withDestinationSubset(const YAML::Node &virtualService, Section section, int rule, int destination,
                                 const std::string &subset)
{
    return withRuleEdited(virtualService, section, rule, [&](YAML::Node &ruleNode) {
        YAML::Node route = ruleNode["route"];
        if (route.IsSequence() && destination >= 0 && static_cast<std::size_t>(destination) < route.size()) {
            YAML::Node target = route[static_cast<std::size_t>(destination)]["destination"];
            if (subset.empty())
                target.remove("subset");
            else
                target["subset"] = subset;
        }
    });
}

YAML::Node withoutDestination(const YAML::Node &virtualService, Section section, int rule, int destination)
{
    return withRuleEdited(virtualService, section, rule, [&](YAML::Node &ruleNode) {
        YAML::Node route = ruleNode["route"];
        if (!route.IsSequence() || destination < 0 || static_cast<std::size_t>(destination) >= route.size())
            return;
        YAML::Node rest = removeAt(route, static_cast<std::size_t>(destination));
        if (rest.size() == 1)
            rest[0].remove("weight");
        else if (rest.size() > 1)
            setWeights(rest, normalisedWeights(weightsOf(rest)));
        ruleNode["route"] = rest;
    });
}

YAML::Node withMatchPort(const YAML::Node &virtualService, Section section, int rule,
                         std::optional<std::uint32_t> port)
{
    return withRuleEdited(virtualService, section, rule, [&](YAML::Node &ruleNode) {
        YAML::Node match = ruleNode["match"];
        if (!match.IsSequence() || match.size() == 0) {
            if (!port)
                return;
            YAML::Node entry(YAML::NodeType::Map);
            entry["port"] = *port;
            ruleNode["match"].push_back(entry);
            return;
        }
        for (std::size_t i = 0; i < match.size(); ++i) {
            if (port)
                match[i]["port"] = *port;
            else
                match[i].remove("port");
        }
    });
}

YAML::Node withoutRule(const YAML::Node &virtualService, Section section, int rule)
{
    YAML::Node node = YAML::Clone(virtualService);
    YAML::Node rules = rulesOf(node, section);
    if (!validRule(rules, rule))
        return node;
    YAML::Node rest = removeAt(rules, static_cast<std::size_t>(rule));
    if (rest.size() == 0)
        node["spec"].remove(sectionKey(section));
    else
        node["spec"][sectionKey(section)] = rest;
    return node;
}

YAML::Node withRuleMoved(const YAML::Node &virtualService, Section section, int from, int to)
{
    YAML::Node node = YAML::Clone(virtualService);
    YAML::Node rules = rulesOf(node, section);
    if (!validRule(rules, from) || !validRule(rules, to) || from == to)
        return node;
    std::vector<YAML::Node> items;
    for (std::size_t i = 0; i < rules.size(); ++i)
        items.push_back(rules[i]);
    YAML::Node moving = items[static_cast<std::size_t>(from)];
    items.erase(items.begin() + from);
    items.insert(items.begin() + to, moving);
    YAML::Node reordered(YAML::NodeType::Sequence);
    for (const YAML::Node &item : items)
        reordered.push_back(item);
    node["spec"][sectionKey(section)] = reordered;
    return node;
}

YAML::Node withServerPort(const YAML::Node &gateway, int server, std::uint32_t number,
                          const std::string &protocol, const std::string &name)
{
    YAML::Node node = YAML::Clone(gateway);
    YAML::Node servers = node["spec"]["servers"];
    if (!servers.IsSequence() || server < 0 || static_cast<std::size_t>(server) >= servers.size())
        return node;
    YAML::Node port = servers[static_cast<std::size_t>(server)]["port"];
    port["number"] = number;
    port["protocol"] = protocol;
    if (!name.empty())
        port["name"] = name;
    return node;
}

YAML::Node withServer(const YAML::Node &gateway, std::uint32_t number, const std::string &protocol)
{
    YAML::Node node = YAML::Clone(gateway);
    YAML::Node server(YAML::NodeType::Map);
    server["port"]["number"] = number;
    std::string lower = protocol;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    server["port"]["name"] = lower + "-" + std::to_string(number);
    server["port"]["protocol"] = protocol;
    server["hosts"].push_back("*");
    if (protocol == "TLS")
        server["tls"]["mode"] = "PASSTHROUGH";
    node["spec"]["servers"].push_back(server);
    return node;
}

YAML::Node withoutServer(const YAML::Node &gateway, int server)
{
    YAML::Node node = YAML::Clone(gateway);
    YAML::Node servers = node["spec"]["servers"];
    if (!servers.IsSequence() || server < 0 || static_cast<std::size_t>(server) >= servers.size())
        return node;
    node["spec"]["servers"] = removeAt(servers, static_cast<std::size_t>(server));
    return node;
}

YAML::Node withSubset(const YAML::Node &destinationRule, const std::string &name, const Labels &labels)
{
    YAML::Node node = YAML::Clone(destinationRule);
    YAML::Node subset(YAML::NodeType::Map);
    subset["name"] = name;
    subset["labels"] = labelsNode(labels);
    node["spec"]["subsets"].push_back(subset);
    return node;
}

YAML::Node withSubsetLabels(const YAML::Node &destinationRule, int subset, const Labels &labels)
{
    YAML::Node node = YAML::Clone(destinationRule);
    YAML::Node subsets = node["spec"]["subsets"];
    if (subsets.IsSequence() && subset >= 0 && static_cast<std::size_t>(subset) < subsets.size())
        subsets[static_cast<std::size_t>(subset)]["labels"] = labelsNode(labels);
    return node;
}

YAML::Node withReplicas(const YAML::Node &deployment, std::int32_t replicas)
{
    YAML::Node node = YAML::Clone(deployment);
    node["spec"]["replicas"] = replicas;
    return node;
}

YAML::Node withName(const YAML::Node &resource, const std::string &name)
{
    YAML::Node node = YAML::Clone(resource);
    node["metadata"]["name"] = name;
    return node;
}

YAML::Node newGateway(const std::string &name, std::uint32_t port, const std::string &protocol)
{
    YAML::Node node = metadata("networking.istio.io/v1", "Gateway", name);
    node["spec"]["selector"]["istio"] = "ingressgateway";
    return withServer(node, port, protocol);
}

YAML::Node newVirtualService(const std::string &name, const std::string &gatewayRef)
{
    YAML::Node node = metadata("networking.istio.io/v1", "VirtualService", name);
    node["spec"]["hosts"].push_back("*");
    if (!gatewayRef.empty())
        node["spec"]["gateways"].push_back(gatewayRef);
    return node;
}

YAML::Node newDestinationRule(const std::string &name, const std::string &host)
{
    YAML::Node node = metadata("networking.istio.io/v1", "DestinationRule", name);
    node["spec"]["host"] = host;
    return node;
}

YAML::Node newService(const std::string &name, std::uint32_t port)
{
    YAML::Node node = metadata("v1", "Service", name);
    node["spec"]["selector"]["app"] = name;
    YAML::Node entry(YAML::NodeType::Map);
    entry["name"] = "tcp-" + name;
    entry["protocol"] = "TCP";
    entry["port"] = port;
    entry["targetPort"] = port;
    node["spec"]["ports"].push_back(entry);
    return node;
}

YAML::Node newDeployment(const std::string &name, const Labels &podLabels, std::uint32_t containerPort)
{
    YAML::Node node = metadata("apps/v1", "Deployment", name);
    node["spec"]["replicas"] = 1;
    node["spec"]["selector"]["matchLabels"] = labelsNode(podLabels);
    node["spec"]["template"]["metadata"]["labels"] = labelsNode(podLabels);
    YAML::Node container(YAML::NodeType::Map);
    container["name"] = name;
    container["image"] = "registry.cn-hangzhou.aliyuncs.com/wangxining/tcptest:0.1";
    YAML::Node port(YAML::NodeType::Map);
    port["containerPort"] = containerPort;
    container["ports"].push_back(port);
    node["spec"]["template"]["spec"]["containers"].push_back(container);
    return node;
}

YAML::Node newWorkloadEntry(const std::string &name, const std::string &address, const Labels &labels)
{
    YAML::Node node = metadata("networking.istio.io/v1", "WorkloadEntry", name);
    node["spec"]["address"] = address;
    node["spec"]["labels"] = labelsNode(labels);
    return node;
}

std::string unusedName(const ResourceSet &set, Kind kind, const std::string &ns, const std::string &base)
{
    std::string name = base;
    for (int n = 2; set.find(kind, ns, name); ++n)
        name = base + "-" + std::to_string(n);
    return name;
}

std::vector<std::string> dependentsOf(const ResourceSet &set, std::size_t index)
{
    std::vector<std::string> result;
    if (index >= set.resources.size())
        return result;
    const Resource &target = set.resources[index];
    const std::string &targetNs = target.effectiveNamespace(set.defaultNamespace);
    auto add = [&](const Resource &resource) {
        const std::string name = resource.displayName(set.defaultNamespace);
        if (std::find(result.begin(), result.end(), name) == result.end())
            result.push_back(name);
    };
    std::string targetHost;
    if (target.kind == Kind::Service)
        targetHost = qualifyHost(target.name, targetNs);
    else if (const auto *rule = target.as<DestinationRuleSpec>())
        targetHost = qualifyHost(rule->host, targetNs);

    for (const Resource &resource : set.resources) {
        if (&resource == &target)
            continue;
        const std::string &ns = resource.effectiveNamespace(set.defaultNamespace);
        if (const auto *vs = resource.as<VirtualServiceSpec>()) {
            if (target.kind == Kind::Gateway) {
                for (const std::string &ref : vs->effectiveGateways())
                    if (resolveGatewayRef(ref, ns) == QualifiedName{targetNs, target.name})
                        add(resource);
            }
            if (!targetHost.empty()) {
                auto uses = [&](const std::vector<RouteDestination> &route) {
                    for (const RouteDestination &destination : route)
                        if (qualifyHost(destination.destination.host, ns) == targetHost)
                            return true;
                    return false;
                };
                for (const TcpRoute &rule : vs->tcp)
                    if (uses(rule.route))
                        add(resource);
                for (const TlsRoute &rule : vs->tls)
                    if (uses(rule.route))
                        add(resource);
            }
        } else if (const auto *rule = resource.as<DestinationRuleSpec>()) {
            if (target.kind == Kind::Service && qualifyHost(rule->host, ns) == targetHost)
                add(resource);
        } else if (const auto *service = resource.as<ServiceSpec>()) {
            if (const auto *deployment = target.as<DeploymentSpec>())
                if (ns == targetNs && routing::serviceSelects(*service, deployment->podLabels))
                    add(resource);
            if (const auto *entry = target.as<WorkloadEntrySpec>())
                if (ns == targetNs && routing::serviceSelects(*service, entry->labels))
                    add(resource);
        }
    }
    return result;
}

void renameGateway(ResourceSet &set, std::size_t gateway, const std::string &newName)
{
    if (gateway >= set.resources.size() || set.resources[gateway].kind != Kind::Gateway)
        return;
    const std::string oldName = set.resources[gateway].name;
    const std::string gatewayNs = set.resources[gateway].effectiveNamespace(set.defaultNamespace);
    set.replaceNode(gateway, withName(set.resources[gateway].node, newName));

    auto fix = [&](YAML::Node list, const std::string &vsNs) {
        bool changed = false;
        if (!list.IsSequence())
            return false;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!list[i].IsScalar())
                continue;
            const std::string ref = list[i].Scalar();
            if (resolveGatewayRef(ref, vsNs) != QualifiedName{gatewayNs, oldName})
                continue;
            const auto slash = ref.find('/');
            list[i] = slash == std::string::npos ? newName : ref.substr(0, slash + 1) + newName;
            changed = true;
        }
        return changed;
    };
    for (std::size_t i = 0; i < set.resources.size(); ++i) {
        if (set.resources[i].kind != Kind::VirtualService)
            continue;
        const std::string vsNs = set.resources[i].effectiveNamespace(set.defaultNamespace);
        YAML::Node node = YAML::Clone(set.resources[i].node);
        bool changed = fix(node["spec"]["gateways"], vsNs);
        for (const char *section : {"tcp", "tls", "http"}) {
            YAML::Node rules = node["spec"][section];
            if (!rules.IsSequence())
                continue;
            for (std::size_t r = 0; r < rules.size(); ++r) {
                YAML::Node match = rules[r]["match"];
                if (!match.IsSequence())
                    continue;
                for (std::size_t m = 0; m < match.size(); ++m)
                    changed = fix(match[m]["gateways"], vsNs) || changed;
            }
        }
        if (changed)
            set.replaceNode(i, node);
    }
}

void renameSubset(ResourceSet &set, std::size_t destinationRule, int subset, const std::string &newName)
{
    if (destinationRule >= set.resources.size())
        return;
    const Resource &rule = set.resources[destinationRule];
    const auto *spec = rule.as<DestinationRuleSpec>();
    if (!spec || subset < 0 || static_cast<std::size_t>(subset) >= spec->subsets.size())
        return;
    const std::string oldName = spec->subsets[static_cast<std::size_t>(subset)].name;
    const std::string host = qualifyHost(spec->host, rule.effectiveNamespace(set.defaultNamespace));
    YAML::Node ruleNode = YAML::Clone(rule.node);
    ruleNode["spec"]["subsets"][static_cast<std::size_t>(subset)]["name"] = newName;
    set.replaceNode(destinationRule, ruleNode);

    for (std::size_t i = 0; i < set.resources.size(); ++i) {
        if (set.resources[i].kind != Kind::VirtualService)
            continue;
        const std::string vsNs = set.resources[i].effectiveNamespace(set.defaultNamespace);
        YAML::Node node = YAML::Clone(set.resources[i].node);
        bool changed = false;
        for (const char *section : {"tcp", "tls", "http"}) {
            YAML::Node rules = node["spec"][section];
            if (!rules.IsSequence())
                continue;
            for (std::size_t r = 0; r < rules.size(); ++r) {
                YAML::Node route = rules[r]["route"];
                if (!route.IsSequence())
                    continue;
                for (std::size_t d = 0; d < route.size(); ++d) {
                    YAML::Node destination = route[d]["destination"];
                    if (!destination.IsMap() || !destination["host"] || !destination["subset"])
                        continue;
                    if (qualifyHost(destination["host"].Scalar(), vsNs) == host &&
                        destination["subset"].Scalar() == oldName) {
                        destination["subset"] = newName;
                        changed = true;
                    }
                }
            }
        }
        if (changed)
            set.replaceNode(i, node);
    }
}

} // namespace meshroute::studio::edits
