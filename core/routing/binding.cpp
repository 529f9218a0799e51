#include "routing/binding.h"

#include "routing/selectors.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace meshroute::routing {
namespace {

bool namesGateway(const std::vector<std::string> &refs, std::string_view vsNamespace,
                  const QualifiedName &gateway)
{
    return std::any_of(refs.begin(), refs.end(), [&](const std::string &ref) {
        return !isMeshGateway(ref) && resolveGatewayRef(ref, vsNamespace) == gateway;
    });
}

void addOnce(std::vector<std::size_t> &list, std::size_t value)
{
    if (list.empty() || list.back() != value)
        list.push_back(value);
}

bool familyServes(RouteFamily family, Section section)
{
    return (family == RouteFamily::Tcp && section == Section::Tcp) ||
           (family == RouteFamily::TlsBySni && section == Section::Tls);
}

class Binder
{
public:
    Binder(const ResourceSet &set, const GatewayWorkload &workload, const GatewayApiPlay &play)
        : m_set(set)
        , m_workload(workload)
        , m_play(play)
    {
        for (std::size_t i = 0; i < set.resources.size(); ++i) {
            const auto *vs = set.resources[i].as<VirtualServiceSpec>();
            if (!vs)
                continue;
            const std::string &vsNs = ns(set.resources[i]);
            for (const QualifiedName &g : boundGateways(*vs, vsNs))
                addOnce(m_boundTo[g], i);
            const auto named = [&](const auto &rules) {
                for (const auto &rule : rules) {
                    for (const auto &m : rule.match) {
                        for (const std::string &ref : m.gateways) {
                            if (!isMeshGateway(ref))
                                addOnce(m_namedBy[resolveGatewayRef(ref, vsNs)], i);
                        }
                    }
                }
            };
            named(vs->tcp);
            named(vs->tls);
            RulesByPort &index = m_rulesByPort[i];
            indexRules(index, Section::Tcp, vs->tcp);
            indexRules(index, Section::Tls, vs->tls);
        }
    }

    GatewayBinding run()
    {
        GatewayBinding out;
        std::map<std::uint32_t, std::size_t> portOwner; // port -> the server that has it
        for (std::size_t g = 0; g < m_set.resources.size(); ++g) {
            const Resource &r = m_set.resources[g];
            const auto *spec = r.as<GatewaySpec>();
            if (!spec)
                continue;
            const QualifiedName self{ns(r), r.name};
            const bool selected =
                gatewaySelects(*spec, m_workload.labels) || playsGatewayApi(m_play, spec->selector, ns(r));
            for (std::size_t s = 0; s < spec->servers.size(); ++s) {
                const Server &server = spec->servers[s];
                ServerBinding b;
                b.gateway = g;
                b.server = s;
                b.gatewayName = self;
                b.port = server.port.number;
                b.family = routeFamily(server);
                if (!selected) {
                    b.state = ServerState::NotSelected;
                } else if (b.port == 0 || b.port > 65535) {
                    b.state = ServerState::InvalidPort;
                } else if (const auto it = portOwner.find(b.port); it != portOwner.end()) {
                    // SNI-routed servers share a port (each brings its names); any other is skipped.
                    const ServerBinding &owner = out.servers[it->second];
                    b.owner = it->second;
                    b.state = owner.family == RouteFamily::TlsBySni && b.family == RouteFamily::TlsBySni
                                  ? ServerState::Served
                                  : ServerState::PortTaken;
                } else {
                    portOwner.emplace(b.port, out.servers.size());
                    b.state = b.family == RouteFamily::Http        ? ServerState::HttpFamily
                              : b.family == RouteFamily::NotServed ? ServerState::AutoPassthrough
                                                                   : ServerState::Served;
                }
                bindRules(b, server);
                out.servers.push_back(std::move(b));
            }
        }
        return out;
    }

private:
    // A VirtualService's rules by the ports their matches name, so that a Gateway with many ports
    // and a VirtualService with many rules bind in linear time.
    struct RulesByPort
    {
        std::vector<std::pair<Section, std::size_t>> anyPort; // no match, or a match without port
        std::map<std::uint32_t, std::vector<std::pair<Section, std::size_t>>> byPort;
    };

    template <typename Rules> static void indexRules(RulesByPort &index, Section section, const Rules &rules)
    {
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const auto &match = rules[i].match;
            if (match.empty() ||
                std::any_of(match.begin(), match.end(), [](const auto &m) { return !m.port; })) {
                index.anyPort.emplace_back(section, i);
                continue;
            }
            for (const auto &m : match) {
                auto &list = index.byPort[*m.port];
                if (list.empty() || list.back() != std::make_pair(section, i))
                    list.emplace_back(section, i);
            }
        }
    }

    // The rules of VirtualService `v` that may aim at `port`, in order (tcp rules, then tls).
    std::vector<std::pair<Section, std::size_t>> rulesFor(std::size_t v, std::uint32_t port) const
    {
        const RulesByPort &index = m_rulesByPort.at(v);
        std::vector<std::pair<Section, std::size_t>> out = index.anyPort;
        if (const auto it = index.byPort.find(port); it != index.byPort.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            std::sort(out.begin(), out.end());
        }
        return out;
    }

    const std::string &ns(const Resource &r) const { return r.effectiveNamespace(m_set.defaultNamespace); }

    const std::vector<std::size_t> &listed(const std::map<QualifiedName, std::vector<std::size_t>> &map,
                                           const QualifiedName &gateway) const
    {
        static const std::vector<std::size_t> none;
        const auto it = map.find(gateway);
        return it == map.end() ? none : it->second;
    }

    void bindRules(ServerBinding &b, const Server &server) const
    {
        const std::vector<std::size_t> &bound = listed(m_boundTo, b.gatewayName);
        const std::vector<std::size_t> &named = listed(m_namedBy, b.gatewayName);
        b.bound = bound;
        std::vector<std::size_t> candidates;
        std::set_union(bound.begin(), bound.end(), named.begin(), named.end(),
                       std::back_inserter(candidates));

        std::optional<RuleRef> tcpServedBy;
        for (std::size_t v : candidates) {
            const Resource &r = m_set.resources[v];
            const auto &vs = *r.as<VirtualServiceSpec>();
            const std::string &vsNs = ns(r);
            const bool isBound = std::binary_search(bound.begin(), bound.end(), v);
            const bool exported = exportedTo(vs.exportTo, vsNs, m_workload.ns);
            const bool accepted = serverAccepts(server, b.gatewayName.ns, vs.hosts, vsNs);
            if (isBound && exported && accepted)
                b.accepting.push_back(v);

            const auto visit = [&](Section section, std::size_t i, const auto &rules) {
                RuleAtServer at;
                at.rule = {v, section, i};
                bool aimed = rules[i].match.empty() && isBound;
                for (std::size_t m = 0; m < rules[i].match.size(); ++m) {
                    const auto &match = rules[i].match[m];
                    const bool portFits = !match.port || *match.port == b.port;
                    const bool gatewayFits =
                        match.gateways.empty() ? isBound : namesGateway(match.gateways, vsNs, b.gatewayName);
                    if (!portFits || !gatewayFits)
                        continue;
                    aimed = true;
                    at.matches.push_back(m);
                    if constexpr (requires { match.sniHosts; })
                        at.sniHosts.insert(at.sniHosts.end(), match.sniHosts.begin(), match.sniHosts.end());
                }
                if (!aimed)
                    return;
                if (b.state != ServerState::Served)
                    at.use = RuleUse::PortNotServed;
                else if (!familyServes(b.family, section))
                    at.use = RuleUse::WrongFamily;
                else if (!exported)
                    at.use = RuleUse::NotExported;
                else if (!isBound)
                    at.use = RuleUse::NotBound;
                else if (!accepted)
                    at.use = RuleUse::HostNotAccepted;
                else if (section == Section::Tls)
                    at.use = at.sniHosts.empty() ? RuleUse::NoSniHosts : RuleUse::Serves;
                else if (tcpServedBy) {
                    at.use = RuleUse::Shadowed;
                    at.shadowedBy = tcpServedBy;
                } else {
                    at.use = RuleUse::Serves;
                    tcpServedBy = at.rule;
                }
                b.rules.push_back(std::move(at));
            };
            for (const auto &[section, i] : rulesFor(v, b.port)) {
                if (section == Section::Tcp)
                    visit(section, i, vs.tcp);
                else
                    visit(section, i, vs.tls);
            }
        }
    }

    const ResourceSet &m_set;
    const GatewayWorkload &m_workload;
    const GatewayApiPlay &m_play;
    std::map<QualifiedName, std::vector<std::size_t>> m_boundTo; // top-level binding
    std::map<QualifiedName, std::vector<std::size_t>> m_namedBy; // match-level gateways
    std::map<std::size_t, RulesByPort> m_rulesByPort;            // by VirtualService
};

} // namespace

const char *sectionKey(Section section)
{
    return section == Section::Tcp ? "tcp" : "tls";
}

std::vector<QualifiedName> boundGateways(const VirtualServiceSpec &vs, std::string_view vsNamespace)
{
    std::vector<QualifiedName> out;
    for (const std::string &ref : vs.effectiveGateways()) {
        if (isMeshGateway(ref))
            continue;
        QualifiedName name = resolveGatewayRef(ref, vsNamespace);
        if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(std::move(name));
    }
    return out;
}

bool bindsTo(const VirtualServiceSpec &vs, std::string_view vsNamespace, const QualifiedName &gateway)
{
    return vs.gatewaysSet && namesGateway(vs.gateways, vsNamespace, gateway);
}

bool matchFits(const L4MatchAttributes &match, std::uint32_t port, std::string_view vsNamespace,
               const QualifiedName &gateway)
{
    return (!match.port || *match.port == port) &&
           (match.gateways.empty() || namesGateway(match.gateways, vsNamespace, gateway));
}

const ServerBinding *GatewayBinding::find(std::size_t gateway, std::size_t server) const
{
    const auto it =
        std::lower_bound(servers.begin(), servers.end(), std::make_tuple(gateway, server),
                         [](const ServerBinding &b, const std::tuple<std::size_t, std::size_t> &key) {
                             return std::make_tuple(b.gateway, b.server) < key;
                         });
    return it != servers.end() && it->gateway == gateway && it->server == server ? &*it : nullptr;
}

GatewayBinding bindGateways(const ResourceSet &set, const GatewayWorkload &workload,
                            const GatewayApiPlay &gatewayApi)
{
    return Binder(set, workload, gatewayApi).run();
}

} // namespace meshroute::routing

namespace meshroute::routing {

bool playsGatewayApi(const GatewayApiPlay &play, const Labels &selector, std::string_view gatewayNamespace)
{
    if (selector.size() != 1 || selector.begin()->first != kGatewayNameLabel)
        return false;
    if (play.all)
        return true;
    const std::string &name = selector.begin()->second;
    return std::any_of(play.only.begin(), play.only.end(),
                       [&](const QualifiedName &g) { return g.ns == gatewayNamespace && g.name == name; });
}

} // namespace meshroute::routing
