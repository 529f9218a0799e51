// Rule order within one VirtualService, as Istio's validation sees it:
//  - IST0130: a rule that can never be used, because an earlier rule has no match
//    (it takes all traffic) or because every one of its matches appeared before;
//  - IST0131: a match identical to an earlier one (compared whole, without `name`).
// And MR0010: tcp/tls match attributes that mean nothing at a gateway.

#include "analysis/checks.h"

#include <algorithm>
#include <map>
#include <optional>

namespace meshroute::analysis {
namespace {

struct MatchInfo
{
    std::string key;  // canonical text, for exact duplicates
    std::string name; // "#0" or "\"name\""
    Position position;
};

struct RuleInfo
{
    std::string name; // "#0" or "\"name\""
    Position position;
    std::vector<MatchInfo> matches;
    std::string label; // the rule's `name`, empty when it has none (then it is named by its index)
};

// "tcp rule #0", "http rule \"reviews\"" in a message.
MessageArg ruleArg(const char *family, std::size_t index, const RuleInfo &rule)
{
    return rule.label.empty() ? MessageArg::fragmentOf("fragment-rule-index", {family, std::to_string(index)})
                              : MessageArg::fragmentOf("fragment-rule-named", {family, rule.label});
}

std::string indexName(std::size_t index, const std::string &name = {})
{
    return name.empty() ? "#" + std::to_string(index) : quoted(name);
}

void appendList(std::string &out, const char *field, const std::vector<std::string> &items)
{
    out += field;
    out += "=[";
    for (const std::string &item : items)
        out += quoted(item) + ",";
    out += "];";
}

std::string l4Key(const L4MatchAttributes &m)
{
    std::string key;
    appendList(key, "destinationSubnets", m.destinationSubnets);
    key += "port=" + (m.port ? std::to_string(*m.port) : std::string("-")) + ";";
    key += "sourceSubnet=" + quoted(m.sourceSubnet) + ";";
    key += "sourceLabels={" + labelsText(m.sourceLabels) + "};";
    appendList(key, "gateways", m.gateways);
    key += "sourceNamespace=" + quoted(m.sourceNamespace) + ";";
    return key;
}

void analyzeRules(Context &context, const Resource &vs, const char *family,
                  const std::vector<RuleInfo> &rules)
{
    std::map<std::string, std::size_t> seen; // match key -> first rule using it
    std::optional<std::size_t> catchAll;     // the first rule without match
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const RuleInfo &rule = rules[i];
        if (rule.matches.empty()) {
            if (catchAll) {
                context.report(
                    vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                    Message{"rule-after-catch-all-also-catch-all",
                            {ruleArg(family, i, rule), ruleArg(family, *catchAll, rules[*catchAll])}});
            } else {
                catchAll = i;
            }
            continue;
        }
        if (catchAll) {
            // Istio reports these too ("route without matches defined before"); their matches are not
            // compared further, nothing after the catch-all is reachable anyway.
            context.report(vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                           Message{"rule-after-catch-all",
                                   {ruleArg(family, i, rule), ruleArg(family, *catchAll, rules[*catchAll])}});
            continue;
        }
        std::size_t duplicates = 0;
        for (const MatchInfo &match : rule.matches) {
            const auto [it, inserted] = seen.emplace(match.key, i);
            if (inserted)
                continue;
            ++duplicates;
            context.report(vs, Severity::Info, codes::VirtualServiceIneffectiveMatch, match.position,
                           Message{"match-duplicate",
                                   {match.name, ruleArg(family, i, rule),
                                    ruleArg(family, it->second, rules[it->second])}});
        }
        if (duplicates == rule.matches.size()) {
            context.report(vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                           Message{"rule-matches-all-used", {ruleArg(family, i, rule)}});
        }
    }
}

// MR0010, first part: a match-level gateway the VirtualService is not bound to.
// Match-level `gateways` only narrow a rule; naming another gateway never binds,
// so the match never applies there. Returns the gateways the match applies at.
std::vector<std::string> matchGateways(Context &context, const Resource &vs, const VirtualServiceSpec &spec,
                                       const char *family, std::size_t rule, std::size_t index,
                                       const std::vector<std::string> &gateways, Position fallback)
{
    const std::vector<std::string> bound = spec.effectiveGateways();
    if (gateways.empty())
        return bound;
    const std::string &ns = context.ns(vs);
    std::vector<std::string> applies;
    for (std::size_t k = 0; k < gateways.size(); ++k) {
        const QualifiedName q = resolveGatewayRef(gateways[k], ns);
        const bool isBound = std::any_of(bound.begin(), bound.end(),
                                         [&](const std::string &b) { return resolveGatewayRef(b, ns) == q; });
        if (isBound) {
            applies.push_back(gateways[k]);
            continue;
        }
        context.report(
            vs, Severity::Warning, codes::NoEffectAtGateway,
            context.at(vs, {"spec", family, rule, "match", index, "gateways", k}, fallback),
            Message{spec.gatewaysSet ? "match-gateway-not-bound" : "match-gateway-not-bound-default",
                    {gateways[k],
                     MessageArg::fragmentOf("fragment-rule-index", {family, std::to_string(rule)}),
                     std::to_string(index), context.display(vs), joined(bound)}});
    }
    return applies;
}

// MR0010, second part: at a gateway a tcp or tls rule matches on port, gateways
// (and SNI) only; sidecar-only attributes are ignored there.
void checkGatewayOnlyAttributes(Context &context, const Resource &vs, const VirtualServiceSpec &spec,
                                const char *family, std::size_t rule, std::size_t index,
                                const L4MatchAttributes &match)
{
    const std::vector<std::string> applies =
        matchGateways(context, vs, spec, family, rule, index, match.gateways, match.position);
    std::string gateway;
    for (const std::string &g : applies) {
        if (!isMeshGateway(g)) {
            const QualifiedName q = resolveGatewayRef(g, context.ns(vs));
            gateway = q.ns + "/" + q.name;
            break;
        }
    }
    if (gateway.empty())
        return;
    const bool alsoMesh =
        std::any_of(applies.begin(), applies.end(), [](const std::string &g) { return isMeshGateway(g); });
    const auto flag = [&](const char *field) {
        context.report(
            vs, Severity::Warning, codes::NoEffectAtGateway,
            context.at(vs, {"spec", family, rule, "match", index, field}, match.position, true),
            Message{std::string(family) == "tls" ? "match-attribute-ignored-tls"
                                                 : "match-attribute-ignored-tcp",
                    {field, MessageArg::fragmentOf("fragment-rule-index", {family, std::to_string(rule)}),
                     std::to_string(index), gateway,
                     alsoMesh ? MessageArg::fragmentOf("fragment-also-mesh") : MessageArg()}});
    };
    if (!match.destinationSubnets.empty())
        flag("destinationSubnets");
    if (!match.sourceLabels.empty())
        flag("sourceLabels");
    if (!match.sourceNamespace.empty())
        flag("sourceNamespace");
}

} // namespace

void checkRules(Context &context)
{
    for (const Resource &r : context.set.resources) {
        const auto *vs = r.as<VirtualServiceSpec>();
        if (!vs)
            continue;

        std::vector<RuleInfo> http;
        for (std::size_t i = 0; i < vs->http.size(); ++i) {
            RuleInfo rule{indexName(i, vs->http[i].name), vs->http[i].position, {}, vs->http[i].name};
            for (std::size_t j = 0; j < vs->http[i].match.size(); ++j) {
                const HttpMatch &m = vs->http[i].match[j];
                rule.matches.push_back({m.key, indexName(j, m.name), m.position});
                matchGateways(context, r, *vs, "http", i, j, m.gateways, m.position);
            }
            http.push_back(std::move(rule));
        }
        analyzeRules(context, r, "http", http);

        std::vector<RuleInfo> tls;
        for (std::size_t i = 0; i < vs->tls.size(); ++i) {
            RuleInfo rule{indexName(i), vs->tls[i].position, {}, {}};
            for (std::size_t j = 0; j < vs->tls[i].match.size(); ++j) {
                const TlsMatch &m = vs->tls[i].match[j];
                std::string key = l4Key(m);
                appendList(key, "sniHosts", m.sniHosts);
                rule.matches.push_back({key, indexName(j), m.position});
                checkGatewayOnlyAttributes(context, r, *vs, "tls", i, j, m);
            }
            tls.push_back(std::move(rule));
        }
        analyzeRules(context, r, "tls", tls);

        std::vector<RuleInfo> tcp;
        for (std::size_t i = 0; i < vs->tcp.size(); ++i) {
            RuleInfo rule{indexName(i), vs->tcp[i].position, {}, {}};
            for (std::size_t j = 0; j < vs->tcp[i].match.size(); ++j) {
                const TcpMatch &m = vs->tcp[i].match[j];
                rule.matches.push_back({l4Key(m), indexName(j), m.position});
                checkGatewayOnlyAttributes(context, r, *vs, "tcp", i, j, m);
            }
            tcp.push_back(std::move(rule));
        }
        analyzeRules(context, r, "tcp", tcp);
    }
}

} // namespace meshroute::analysis
