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
};

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
    const std::string prefix = std::string(family) + " rule ";
    std::map<std::string, std::size_t> seen; // match key -> first rule using it
    std::optional<std::size_t> catchAll;     // the first rule without match
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const RuleInfo &rule = rules[i];
        if (rule.matches.empty()) {
            if (catchAll) {
                context.report(vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                               prefix + rule.name +
                                   " is never used: only the last rule may have no match, and " + prefix +
                                   rules[*catchAll].name + " has none");
            } else {
                catchAll = i;
            }
            continue;
        }
        if (catchAll) {
            // Istio reports these too ("route without matches defined before"); their matches are not
            // compared further, nothing after the catch-all is reachable anyway.
            context.report(vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                           prefix + rule.name + " is never used: " + prefix + rules[*catchAll].name +
                               " before it has no match and takes all traffic");
            continue;
        }
        std::size_t duplicates = 0;
        for (const MatchInfo &match : rule.matches) {
            const auto [it, inserted] = seen.emplace(match.key, i);
            if (inserted)
                continue;
            ++duplicates;
            context.report(vs, Severity::Info, codes::VirtualServiceIneffectiveMatch, match.position,
                           "match " + match.name + " of " + prefix + rule.name + " is never used: " + prefix +
                               rules[it->second].name + " has the same match");
        }
        if (duplicates == rule.matches.size()) {
            context.report(vs, Severity::Warning, codes::VirtualServiceUnreachableRule, rule.position,
                           prefix + rule.name + " is never used: all its matches are used by earlier rules");
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
        context.report(vs, Severity::Warning, codes::NoEffectAtGateway,
                       context.at(vs, {"spec", family, rule, "match", index, "gateways", k}, fallback),
                       "gateway " + quoted(gateways[k]) + " in " + family + " rule #" + std::to_string(rule) +
                           " match #" + std::to_string(index) + " has no effect: " + context.display(vs) +
                           " is not bound to it (its gateways: " + joined(bound) +
                           (spec.gatewaysSet ? ")" : ", the default)") +
                           ", and match-level gateways only narrow a rule");
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
        context.report(vs, Severity::Warning, codes::NoEffectAtGateway,
                       context.at(vs, {"spec", family, rule, "match", index, field}, match.position, true),
                       std::string(field) + " of " + family + " rule #" + std::to_string(rule) + " match #" +
                           std::to_string(index) + " has no effect at Gateway " + gateway +
                           ": a gateway matches " + family + " rules on port" +
                           (std::string(family) == "tls" ? ", sniHosts" : "") + " and gateways only" +
                           (alsoMesh ? " (it still applies to sidecars through mesh)" : ""));
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
            RuleInfo rule{indexName(i, vs->http[i].name), vs->http[i].position, {}};
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
            RuleInfo rule{indexName(i), vs->tls[i].position, {}};
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
            RuleInfo rule{indexName(i), vs->tcp[i].position, {}};
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
