// compile(): a loaded configuration becomes the route table the local gateway runs.
// The rules are Istio 1.30's for an ingress gateway; see compile.h for the outline and
// ../shared/istio/README.md for the surprises. Everything skipped or decided is said
// in a diagnostic with the position of the thing concerned.

#include "compile/compilesession.h"

#include "gatewayapi/routingview.h"
#include "model/names.h"
#include "routing/binding.h"
#include "routing/selectors.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <iterator>
#include <map>
#include <set>
#include <unordered_map>

namespace meshroute {

namespace {

std::string upper(std::string text)
{
    for (char &c : text)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return text;
}

using routing::selects;

// What Istio routes a Gateway API rule to when all its backendRefs have weight 0.
constexpr const char *kZeroWeightHost = "internal.cluster.local";
constexpr const char *kZeroWeightSubset = "zero-weight";

// A Gateway server port and the servers that share it: the first owns it; more only when they
// are routed by SNI.
struct PortEntry
{
    std::vector<const routing::ServerBinding *> servers;
};

class Compiler
{
public:
    Compiler(const gatewayapi::RoutingView &view, const CompileOptions &options, Diagnostics &diagnostics)
        : m_view(view)
        , m_set(view.set())
        , m_options(options)
        , m_diagnostics(diagnostics)
    {}

    // Destinations resolved as a route's are, without building listeners. After run(), with its
    // pods and caches (hosts, DestinationRules, clusters), and without adding to its table.
    std::vector<Cluster> resolve(const std::vector<DestinationRef> &destinations)
    {
        if (!m_table) {
            m_table = std::make_shared<RouteTable>();
            makePods();
        }
        std::vector<Cluster> out;
        out.reserve(destinations.size());
        for (const DestinationRef &ref : destinations) {
            Destination d;
            d.host = ref.host;
            d.subset = ref.subset;
            d.port = ref.port;
            out.push_back(resolved(d, ref.ns));
        }
        return out;
    }

    std::shared_ptr<RouteTable> run()
    {
        m_table = std::make_shared<RouteTable>();
        m_table->gatewayLabels = m_options.gatewayLabels;
        m_table->gatewayNamespace = m_options.gatewayNamespace;
        m_table->gatewayWorkload = m_options.gatewayWorkload;
        makePods();
        routing::GatewayApiPlay play;
        play.all = !m_options.gatewayApiGateways.has_value();
        if (m_options.gatewayApiGateways)
            play.only = *m_options.gatewayApiGateways;
        m_binding = routing::bindGateways(m_set, {m_options.gatewayLabels, m_options.gatewayNamespace}, play);
        collectServers();
        for (auto &[port, entry] : m_ports)
            buildListener(port, entry);
        return m_table;
    }

private:
    const std::string &ns(const Resource &r) const { return r.effectiveNamespace(m_set.defaultNamespace); }
    std::string ref(const Resource &r) const { return ns(r) + "/" + r.name; }

    // A generated resource's diagnostic is about its origin: that resource, at the position the
    // generated one carries (its listener or parentRef).
    void report(const Resource &r, Severity severity, const char *code, Position position, Message message)
    {
        const Resource *about = &r;
        if (const gatewayapi::Origin *origin = originOf(r)) {
            about = &m_set.resources[origin->resource];
            position = r.position;
        }
        m_diagnostics.push_back(makeDiagnostic(severity, code, std::move(message), m_set.fileOf(r),
                                               position.known() ? position : r.position,
                                               about->ref(m_set.defaultNamespace)));
    }

    const gatewayapi::Origin *originOf(const Resource &r) const
    {
        if (m_set.resources.empty() || &r < &m_set.resources.front() || &r > &m_set.resources.back())
            return nullptr;
        return m_view.origin(static_cast<std::size_t>(&r - &m_set.resources.front()));
    }

    // "listener tcp-31400 of Gateway default/tcp-echo-gateway" pieces of a generated Gateway.
    struct ListenerName
    {
        std::string listener, gateway;
    };
    std::optional<ListenerName> listenerOf(const Resource &generated) const
    {
        const gatewayapi::Origin *origin = originOf(generated);
        if (!origin || origin->what != gatewayapi::Origin::What::Listener)
            return std::nullopt;
        const Resource &g = m_set.resources[origin->resource];
        const auto *spec = g.as<KubeGatewaySpec>();
        if (!spec || origin->listener >= spec->listeners.size())
            return std::nullopt;
        return ListenerName{spec->listeners[origin->listener].name, ref(g)};
    }

    // ------------------------------------------------------------ demo pods

    void makePods()
    {
        int perNode[2] = {0, 0};
        for (const Resource &r : m_set.resources) {
            const auto *spec = r.as<DeploymentSpec>();
            if (!spec)
                continue;
            const std::string hash = podTemplateHash(r, m_set.defaultNamespace);
            auto &indices = m_podsOf[&r];
            for (int k = 0; k < std::max(0, spec->replicas); ++k) {
                DemoPod pod;
                pod.name = podName(r.name, hash, k);
                pod.ns = ns(r);
                pod.deployment = r.name;
                pod.replica = k;
                const int node = static_cast<int>(m_table->pods.size() % 2);
                const int n = perNode[node]++;
                pod.node = node == 0 ? "meshroute-worker" : "meshroute-worker2";
                pod.ip =
                    "10.244." + std::to_string(node + 1 + 2 * (n / 250)) + "." + std::to_string(n % 250 + 2);
                pod.serviceAccount = spec->serviceAccountName.empty() ? "default" : spec->serviceAccountName;
                pod.labels = spec->podLabels;
                pod.ports = spec->containerPorts;
                indices.push_back(m_table->pods.size());
                m_table->pods.push_back(std::move(pod));
            }
        }
    }

    // ------------------------------------------------------------ gateways and ports

    const Server &serverOf(const routing::ServerBinding &b) const
    {
        return m_set.resources[b.gateway].as<GatewaySpec>()->servers[b.server];
    }

    static Position portPosition(const Server &server)
    {
        return server.port.position.known() ? server.port.position : server.position;
    }

    void collectServers()
    {
        for (const routing::ServerBinding &b : m_binding.servers) {
            if (b.state == routing::ServerState::NotSelected || b.state == routing::ServerState::InvalidPort)
                continue;
            const Resource &r = m_set.resources[b.gateway];
            const Server &server = serverOf(b);
            const std::uint32_t port = b.port;
            const Position where = portPosition(server);
            if (b.owner) {
                if (b.state == routing::ServerState::Served) {
                    m_ports[port].servers.push_back(&b); // TLS servers share a port by SNI
                    continue;
                }
                const routing::ServerBinding &ownerBinding = m_binding.servers[*b.owner];
                const QualifiedName &owner = ownerBinding.gatewayName;
                const std::optional<ListenerName> ownerListener =
                    listenerOf(m_set.resources[ownerBinding.gateway]);
                const std::string ownerRef =
                    ownerListener ? ownerListener->gateway : owner.ns + "/" + owner.name;
                if (const std::optional<ListenerName> listener = listenerOf(r)) {
                    // A Gateway API listener and a classic server (or another Gateway's listener):
                    // separate deployments on a cluster, one local gateway here.
                    report(r, Severity::Warning, codes::SkippedServer, where,
                           Message{"gwapi-listener-port-taken-locally",
                                   {listener->listener, listener->gateway, std::to_string(port), ownerRef}});
                    continue;
                }
                report(r, Severity::Warning, codes::SkippedServer, where,
                       Message{"server-port-taken", {std::to_string(port), ref(r), ownerRef}});
                continue;
            }
            if (b.state == routing::ServerState::HttpFamily) {
                report(r, Severity::Info, codes::HttpPortNotServed, where,
                       Message{"gateway-port-http-not-served",
                               {std::to_string(port), listenerOf(r) ? listenerOf(r)->gateway : ref(r),
                                upper(server.port.protocol)}});
            } else if (b.state == routing::ServerState::AutoPassthrough) {
                report(r, Severity::Info, codes::PortWithoutRoute, where,
                       Message{"gateway-port-auto-passthrough", {std::to_string(port), ref(r)}});
            }
            m_ports[port].servers.push_back(&b);
        }
    }

    void buildListener(std::uint32_t port, const PortEntry &entry)
    {
        const routing::ServerBinding &owner = *entry.servers.front();
        if (owner.state != routing::ServerState::Served)
            return;
        const Server &server = serverOf(owner);
        const Resource &gateway = m_set.resources[owner.gateway];
        Listener listener;
        listener.port = port;
        listener.protocol = upper(server.port.protocol);
        listener.gateway = owner.gatewayName.ns + "/" + owner.gatewayName.name;
        listener.serverName = server.name;
        listener.tlsMode = server.tls ? upper(server.tls->mode) : std::string();
        const Position where = portPosition(server);

        if (owner.family == routing::RouteFamily::TlsBySni) {
            for (const routing::ServerBinding *s : entry.servers)
                addSniRoutes(listener, *s);
            if (listener.sniRoutes.empty()) {
                if (reportListenerWithoutRoute(gateway, port))
                    return;
                report(gateway, Severity::Warning, codes::PortWithoutRoute, where,
                       Message{"gateway-port-no-listener",
                               {std::to_string(port), listener.gateway, whyNoRoute(owner, port, true)}});
                return;
            }
            m_table->listeners.push_back(std::move(listener));
            return;
        }

        for (const routing::RuleAtServer &at : owner.rules) {
            if (at.use != routing::RuleUse::Serves)
                continue;
            const Resource &vsResource = m_set.resources[at.rule.virtualService];
            const TcpRoute &rule = vsResource.as<VirtualServiceSpec>()->tcp[at.rule.rule];
            const std::size_t i = at.rule.rule;
            if (!at.matches.empty())
                reportIgnoredAttributes(vsResource, i, rule.match[at.matches.front()], listener.gateway);
            Route route;
            route.virtualService = ref(vsResource);
            route.rule = static_cast<int>(i);
            route.name = route.virtualService + " tcp[" + std::to_string(i) + "]";
            route.destinations = destinations(rule.route, vsResource, port);
            listener.route = m_table->routes.size();
            m_table->routes.push_back(std::move(route));
            m_table->listeners.push_back(std::move(listener));
            return;
        }
        if (reportListenerWithoutRoute(gateway, port))
            return;
        report(gateway, Severity::Warning, codes::PortWithoutRoute, where,
               Message{"gateway-port-no-listener",
                       {std::to_string(port), listener.gateway, whyNoRoute(owner, port, false)}});
    }

    // A generated Gateway's port without a rule: a Gateway API listener no route attaches to.
    bool reportListenerWithoutRoute(const Resource &gateway, std::uint32_t port)
    {
        const std::optional<ListenerName> listener = listenerOf(gateway);
        if (!listener)
            return false;
        report(gateway, Severity::Warning, codes::PortWithoutRoute, {},
               Message{"gwapi-listener-no-route-locally",
                       {listener->listener, listener->gateway, std::to_string(port)}});
        return true;
    }

    MessageArg whyNoRoute(const routing::ServerBinding &s, std::uint32_t port, bool tls) const
    {
        if (s.accepting.empty())
            return MessageArg::fragmentOf("fragment-no-visible-vs");
        std::string names;
        for (std::size_t v : s.accepting)
            names += (names.empty() ? "" : ", ") + ref(m_set.resources[v]);
        return MessageArg::fragmentOf("fragment-no-rule-matches-port",
                                      {tls ? "tls" : "tcp", names, std::to_string(port)});
    }

    void addSniRoutes(Listener &listener, const routing::ServerBinding &s)
    {
        const std::string gatewayRef = s.gatewayName.ns + "/" + s.gatewayName.name;
        for (const routing::RuleAtServer &at : s.rules) {
            if (at.use != routing::RuleUse::Serves && at.use != routing::RuleUse::NoSniHosts)
                continue;
            const Resource &vsResource = m_set.resources[at.rule.virtualService];
            const TlsRoute &rule = vsResource.as<VirtualServiceSpec>()->tls[at.rule.rule];
            const std::size_t i = at.rule.rule;
            for (std::size_t m : at.matches)
                reportIgnoredAttributes(vsResource, i, rule.match[m], gatewayRef, "tls");
            if (at.use != routing::RuleUse::Serves)
                continue;
            SniRoute sni;
            sni.sniHosts = at.sniHosts;
            sni.gateways = {gatewayRef};
            // Two servers of the port bound to the same rule: one route, every name.
            const std::string vsName = ref(vsResource);
            const auto same = std::find_if(
                listener.sniRoutes.begin(), listener.sniRoutes.end(), [&](const SniRoute &known) {
                    const Route &r = m_table->routes[known.route];
                    return r.virtualService == vsName && r.section == "tls" && r.rule == static_cast<int>(i);
                });
            if (same != listener.sniRoutes.end()) {
                for (std::string &h : sni.sniHosts) {
                    if (std::find(same->sniHosts.begin(), same->sniHosts.end(), h) == same->sniHosts.end())
                        same->sniHosts.push_back(std::move(h));
                }
                if (std::find(same->gateways.begin(), same->gateways.end(), gatewayRef) ==
                    same->gateways.end())
                    same->gateways.push_back(gatewayRef);
                continue;
            }
            Route route;
            route.virtualService = vsName;
            route.section = "tls";
            route.rule = static_cast<int>(i);
            route.name = route.virtualService + " tls[" + std::to_string(i) + "]";
            route.destinations = destinations(rule.route, vsResource, listener.port);
            sni.route = m_table->routes.size();
            m_table->routes.push_back(std::move(route));
            listener.sniRoutes.push_back(std::move(sni));
        }
    }

    void reportIgnoredAttributes(const Resource &vs, std::size_t rule, const L4MatchAttributes &m,
                                 const std::string &gateway, const char *family = "tcp")
    {
        std::vector<std::string> ignored;
        if (!m.destinationSubnets.empty())
            ignored.push_back("destinationSubnets");
        if (!m.sourceLabels.empty())
            ignored.push_back("sourceLabels");
        if (!m.sourceNamespace.empty())
            ignored.push_back("sourceNamespace");
        for (const std::string &field : ignored) {
            report(
                vs, Severity::Warning, codes::NoEffectAtGateway, m.position,
                Message{"match-attribute-kept",
                        {field, MessageArg::fragmentOf("fragment-rule-index", {family, std::to_string(rule)}),
                         ref(vs), gateway}});
        }
    }

    // ------------------------------------------------------------ destinations

    std::vector<WeightedCluster> destinations(const std::vector<RouteDestination> &route, const Resource &vs,
                                              std::uint32_t listenerPort)
    {
        std::vector<WeightedCluster> out;
        for (const RouteDestination &d : route) {
            WeightedCluster wc;
            if (route.size() == 1)
                wc.weight = 100; // a single destination takes everything, whatever its weight (Istio's
                                 // buildOutboundNetworkFilters: one route is one cluster, its weight unread)
            else
                wc.weight = d.weight && *d.weight > 0 ? static_cast<std::uint32_t>(*d.weight) : 0;
            wc.cluster = cluster(d.destination, ns(vs), listenerPort);
            out.push_back(wc);
        }
        return out;
    }

    struct Backing
    {
        const Resource *service = nullptr;      // Kubernetes Service
        const Resource *serviceEntry = nullptr; // or ServiceEntry
    };

    // Many destinations name the same host: each lookup below scans the set once per host.
    Backing findBacking(const std::string &host)
    {
        auto it = m_backingOfHost.find(host);
        if (it == m_backingOfHost.end())
            it = m_backingOfHost.emplace(host, lookUpBacking(host)).first;
        return it->second;
    }

    Backing lookUpBacking(const std::string &host) const
    {
        Backing b;
        std::string name, serviceNs;
        if (splitServiceHost(host, name, serviceNs)) {
            if (const Resource *s = m_set.find(Kind::Service, serviceNs, name)) {
                b.service = s;
                return b;
            }
        }
        for (const Resource &r : m_set.resources) {
            const auto *se = r.as<ServiceEntrySpec>();
            if (!se || !exportedTo(se->exportTo, ns(r), m_options.gatewayNamespace))
                continue;
            for (const std::string &h : se->hosts) {
                if (hostMatches(qualifyHost(h, ns(r)), host)) {
                    b.serviceEntry = &r;
                    return b;
                }
            }
        }
        return b;
    }

    // A destination's cluster name ("outbound|port|subset|host"), its qualified host, backing and port.
    struct ClusterKey
    {
        std::string name;
        std::string host;
        Backing backing;
        std::uint32_t port = 0;
    };

    // A destination with `listenerPort` 0 (one no listener routes to) falls back on the first port.
    ClusterKey clusterKey(const Destination &destination, const std::string &vsNamespace,
                          std::uint32_t listenerPort)
    {
        ClusterKey key;
        key.host = qualifyHost(destination.host, vsNamespace);
        key.backing = findBacking(key.host);
        const Backing &backing = key.backing;

        // The port: explicit, else the service's only port, else the listener's.
        std::uint32_t port = listenerPort;
        if (listenerPort == 0 && backing.service && !backing.service->as<ServiceSpec>()->ports.empty())
            port = backing.service->as<ServiceSpec>()->ports.front().port;
        else if (listenerPort == 0 && backing.serviceEntry &&
                 !backing.serviceEntry->as<ServiceEntrySpec>()->ports.empty())
            port = backing.serviceEntry->as<ServiceEntrySpec>()->ports.front().number;
        if (destination.port) {
            port = *destination.port;
        } else if (backing.service) {
            const auto &ports = backing.service->as<ServiceSpec>()->ports;
            if (ports.size() == 1)
                port = ports.front().port;
        } else if (backing.serviceEntry) {
            const auto &ports = backing.serviceEntry->as<ServiceEntrySpec>()->ports;
            if (ports.size() == 1)
                port = ports.front().number;
        }
        key.port = port;
        key.name = "outbound|" + std::to_string(port) + "|" + destination.subset + "|" + key.host;
        return key;
    }

    Cluster makeCluster(const ClusterKey &key, const std::string &subset)
    {
        Cluster c;
        c.name = key.name;
        c.host = key.host;
        c.subset = subset;
        c.port = key.port;
        resolveCluster(c, key.backing);
        return c;
    }

    std::size_t cluster(const Destination &destination, const std::string &vsNamespace,
                        std::uint32_t listenerPort)
    {
        const ClusterKey key = clusterKey(destination, vsNamespace, listenerPort);
        if (const auto it = m_clusterIndex.find(key.name); it != m_clusterIndex.end())
            return it->second;
        const std::size_t index = m_table->clusters.size();
        m_clusterIndex[key.name] = index;
        m_table->clusters.push_back(makeCluster(key, destination.subset));
        return index;
    }

    // A destination no listener routes to: the table's cluster of that name when it has one (a
    // cluster is a function of its name), else one resolved aside, kept for the next ask.
    const Cluster &resolved(const Destination &destination, const std::string &vsNamespace)
    {
        const ClusterKey key = clusterKey(destination, vsNamespace, 0);
        if (const auto it = m_clusterIndex.find(key.name); it != m_clusterIndex.end())
            return m_table->clusters[it->second];
        if (const auto it = m_resolvedIndex.find(key.name); it != m_resolvedIndex.end())
            return m_resolved[it->second];
        m_resolvedIndex[key.name] = m_resolved.size();
        m_resolved.push_back(makeCluster(key, destination.subset));
        return m_resolved.back();
    }

    // The Deployments and WorkloadEntries of namespace `ns`, in file order: built once, so that
    // finding a Service's endpoints is linear in its namespace's workloads, not in the set.
    const std::vector<const Resource *> &workloadsIn(const std::string &workloadNs)
    {
        if (!m_workloadsIndexed) {
            m_workloadsIndexed = true;
            for (const Resource &r : m_set.resources)
                if (r.as<DeploymentSpec>() || r.as<WorkloadEntrySpec>())
                    m_workloadsByNs[ns(r)].push_back(&r);
        }
        static const std::vector<const Resource *> none;
        const auto it = m_workloadsByNs.find(workloadNs);
        return it == m_workloadsByNs.end() ? none : it->second;
    }

    // The workloads in the Service's namespace its selector selects, found once per Service: a
    // thousand clusters of a hundred Services each filter only their Service's pods by subset.
    const std::vector<const Resource *> &selectedBy(const Resource &serviceResource)
    {
        const auto [it, added] = m_selectedBy.try_emplace(&serviceResource);
        if (added) {
            const auto &service = *serviceResource.as<ServiceSpec>();
            for (const Resource *workload : workloadsIn(ns(serviceResource))) {
                if (const auto *deployment = workload->as<DeploymentSpec>();
                    deployment && routing::serviceSelects(service, deployment->podLabels))
                    it->second.push_back(workload);
                else if (const auto *we = workload->as<WorkloadEntrySpec>();
                         we && routing::serviceSelects(service, we->labels))
                    it->second.push_back(workload);
            }
        }
        return it->second;
    }

    const Resource *findDestinationRule(const std::string &host)
    {
        auto it = m_ruleOfHost.find(host);
        if (it == m_ruleOfHost.end())
            it = m_ruleOfHost.emplace(host, lookUpDestinationRule(host)).first;
        return it->second;
    }

    // The exported DestinationRules with their qualified hosts, in file order, and the first of
    // each exact host: built once, so that looking up every host is linear in the set, not
    // quadratic.
    void indexDestinationRules()
    {
        if (m_rulesIndexed)
            return;
        m_rulesIndexed = true;
        for (const Resource &r : m_set.resources) {
            const auto *dr = r.as<DestinationRuleSpec>();
            if (!dr || !exportedTo(dr->exportTo, ns(r), m_options.gatewayNamespace))
                continue;
            m_destinationRules.emplace_back(&r, qualifyHost(dr->host, ns(r)));
            m_ruleOfExactHost.emplace(m_destinationRules.back().second, &r);
        }
    }

    const Resource *lookUpDestinationRule(const std::string &host)
    {
        indexDestinationRules();
        // An exact host wins; the first one in file order.
        if (const auto exact = m_ruleOfExactHost.find(host); exact != m_ruleOfExactHost.end())
            return exact->second;
        const Resource *best = nullptr;
        std::size_t bestLength = 0;
        for (const auto &[r, drHost] : m_destinationRules) {
            if (hostMatches(drHost, host) && (!best || drHost.size() > bestLength)) {
                best = r;
                bestLength = drHost.size();
            }
        }
        return best;
    }

    void resolveCluster(Cluster &c, const Backing &backing)
    {
        // Subset and policy from the DestinationRule.
        const Resource *drResource = findDestinationRule(c.host);
        const DestinationRuleSpec *dr = drResource ? drResource->as<DestinationRuleSpec>() : nullptr;
        const Subset *subset = nullptr;
        if (!c.subset.empty()) {
            if (dr) {
                for (const Subset &s : dr->subsets) {
                    if (s.name == c.subset)
                        subset = &s;
                }
            }
            if (!subset) {
                c.noRouteReason = NoRouteReason::UndefinedSubset;
                c.noRoute = "subset \"" + c.subset + "\" is not defined" +
                            (drResource ? " in DestinationRule " + ref(*drResource)
                                        : std::string(" (no DestinationRule for ") + c.host + ")");
            }
        }
        if (dr)
            c.policy = policyFor(*drResource, *dr, subset, c.port);

        if (!backing.service && !backing.serviceEntry) {
            // The host is the first thing wrong, even where the subset is undefined too.
            c.noRouteReason = NoRouteReason::UnknownHost;
            // Istio's placeholders for a Gateway API rule: all weights 0, or a backendRef that does
            // not resolve (RefNotPermitted, InvalidKind: an empty destination).
            if (c.host == kZeroWeightHost && c.subset == kZeroWeightSubset)
                c.noRoute = "every backendRef of the rule has weight 0: connections are refused";
            else if (c.host.empty() || c.host.front() == '.')
                c.noRoute =
                    "the backendRef does not resolve (not permitted or of an unknown kind): its share fails";
            if (c.noRoute.empty())
                c.noRoute = "unknown host " + c.host + ": no Service or ServiceEntry defines it";
            return;
        }
        if (!c.noRoute.empty())
            return;
        const Labels subsetLabels = subset ? subset->labels : Labels{};
        if (backing.service)
            endpointsFromService(c, *backing.service, subsetLabels);
        else
            endpointsFromServiceEntry(c, *backing.serviceEntry, subsetLabels);
    }

    Endpoint podEndpoint(std::size_t podIndex, std::uint32_t port) const
    {
        const DemoPod &pod = m_table->pods[podIndex];
        Endpoint e;
        e.pod = static_cast<int>(podIndex);
        e.port = port;
        e.name = pod.name;
        e.workload = pod.deployment;
        e.workloadNamespace = pod.ns;
        e.serviceAccount = pod.serviceAccount;
        e.labels = pod.labels;
        return e;
    }

    Endpoint addressEndpoint(const WorkloadEntrySpec &we, std::uint32_t port, const std::string &workload,
                             const std::string &workloadNs) const
    {
        Endpoint e;
        e.address = we.address;
        e.port = port;
        e.weight = we.weight && *we.weight > 0 ? *we.weight : 1;
        e.name = we.address + ":" + std::to_string(port);
        e.workload = workload;
        e.workloadNamespace = workloadNs;
        e.serviceAccount =
            we.serviceAccount.empty() ? (workload.empty() ? "" : "default") : we.serviceAccount;
        e.labels = we.labels;
        return e;
    }

    void endpointsFromService(Cluster &c, const Resource &serviceResource, const Labels &subsetLabels)
    {
        const auto &service = *serviceResource.as<ServiceSpec>();
        c.serviceName = serviceResource.name;
        c.serviceNamespace = ns(serviceResource);
        const ServicePort *servicePort = nullptr;
        for (const ServicePort &p : service.ports) {
            if (p.port == c.port)
                servicePort = &p;
        }
        if (!servicePort) {
            c.noRouteReason = NoRouteReason::NoServicePort;
            c.noRoute = "Service " + ref(serviceResource) + " has no port " + std::to_string(c.port);
            return;
        }
        if (service.selector.empty())
            return; // endpoints managed by hand on a cluster; none locally

        for (const Resource *workload : selectedBy(serviceResource)) {
            const Resource &r = *workload;
            if (const auto *deployment = r.as<DeploymentSpec>()) {
                if (!selects(subsetLabels, deployment->podLabels))
                    continue;
                std::uint32_t target = servicePort->targetPort.value_or(servicePort->port);
                if (!servicePort->targetPortName.empty()) {
                    target = 0;
                    for (const ContainerPort &cp : deployment->containerPorts) {
                        if (cp.name == servicePort->targetPortName)
                            target = cp.containerPort;
                    }
                    if (target == 0)
                        continue; // the pod has no port of that name: Kubernetes lists no endpoint
                }
                const auto it = m_podsOf.find(&r);
                if (it == m_podsOf.end())
                    continue;
                for (std::size_t podIndex : it->second)
                    c.endpoints.push_back(podEndpoint(podIndex, target));
            } else if (const auto *we = r.as<WorkloadEntrySpec>()) {
                if (!selects(subsetLabels, we->labels))
                    continue;
                // The WorkloadEntry's ports map (by the Service port's name) wins over targetPort.
                std::uint32_t target = servicePort->targetPort.value_or(servicePort->port);
                if (const auto p = we->ports.find(servicePort->name); p != we->ports.end())
                    target = p->second;
                else if (!servicePort->targetPortName.empty()) {
                    const auto named = we->ports.find(servicePort->targetPortName);
                    if (named == we->ports.end())
                        continue;
                    target = named->second;
                }
                if (!we->address.empty())
                    c.endpoints.push_back(addressEndpoint(*we, target, r.name, ns(r)));
            }
        }
    }

    void endpointsFromServiceEntry(Cluster &c, const Resource &seResource, const Labels &subsetLabels)
    {
        const auto &se = *seResource.as<ServiceEntrySpec>();
        c.serviceName = c.host;
        c.serviceNamespace = ns(seResource);
        const IstioPort *sePort = nullptr;
        for (const IstioPort &p : se.ports) {
            if (p.number == c.port)
                sePort = &p;
        }
        if (!sePort) {
            c.noRouteReason = NoRouteReason::NoServicePort;
            c.noRoute = "ServiceEntry " + ref(seResource) + " has no port " + std::to_string(c.port);
            return;
        }
        const std::uint32_t target = sePort->targetPort.value_or(sePort->number);
        const auto portOf = [&](const WorkloadEntrySpec &we) {
            const auto it = we.ports.find(sePort->name);
            return it != we.ports.end() ? it->second : target;
        };

        for (std::size_t i = 0; i < se.endpoints.size(); ++i) {
            const WorkloadEntrySpec &we = se.endpoints[i];
            if (!selects(subsetLabels, we.labels) || we.address.empty())
                continue;
            Endpoint e = addressEndpoint(we, portOf(we), "", ns(seResource));
            e.serviceEntry = seResource.name;
            e.serviceEntryEndpoint = static_cast<int>(i);
            c.endpoints.push_back(std::move(e));
        }
        if (se.workloadSelector) {
            for (const Resource *workload : workloadsIn(ns(seResource))) {
                const Resource &r = *workload;
                if (const auto *we = r.as<WorkloadEntrySpec>()) {
                    if (selects(*se.workloadSelector, we->labels) && selects(subsetLabels, we->labels) &&
                        !we->address.empty())
                        c.endpoints.push_back(addressEndpoint(*we, portOf(*we), r.name, ns(r)));
                } else if (const auto *deployment = r.as<DeploymentSpec>()) {
                    if (!selects(*se.workloadSelector, deployment->podLabels) ||
                        !selects(subsetLabels, deployment->podLabels))
                        continue;
                    if (const auto it = m_podsOf.find(&r); it != m_podsOf.end()) {
                        for (std::size_t podIndex : it->second)
                            c.endpoints.push_back(podEndpoint(podIndex, target));
                    }
                }
            }
        }
        const std::string resolution = upper(se.resolution);
        // Resolution NONE: Envoy forwards to the address the client dialled (an original-destination
        // cluster), which a connection to the local gateway does not carry.
        if (resolution == "NONE" && c.endpoints.empty()) {
            c.noRouteReason = NoRouteReason::ResolutionNone;
            c.noRoute =
                "ServiceEntry " + ref(seResource) + " has resolution NONE: no address to connect to locally";
            reportOnce(seResource, Severity::Warning, codes::NoLocalAddress, seResource.position,
                       Message{"service-entry-resolution-none",
                               {ref(seResource), c.host + ":" + std::to_string(c.port)}});
            return;
        }
        // DNS resolution without endpoints: the host itself is the endpoint, as Envoy resolves it.
        if (c.endpoints.empty() && se.endpoints.empty() && !se.workloadSelector &&
            (resolution == "DNS" || resolution == "DNS_ROUND_ROBIN") &&
            c.host.find('*') == std::string::npos && subsetLabels.empty()) {
            WorkloadEntrySpec host;
            host.address = c.host;
            c.endpoints.push_back(addressEndpoint(host, target, "", ns(seResource)));
        }
    }

    // ------------------------------------------------------------ policy

    struct Effective
    {
        std::optional<LoadBalancerSettings> loadBalancer;
        std::optional<TcpConnectionPool> tcp;
        std::optional<OutlierDetection> outlier;
    };

    // Istio's MergeTrafficPolicy: port-level settings replace (without inheriting), then the
    // subset's top-level fields override, then the subset's port-level settings replace.
    static void applyPortLevel(Effective &e, const TrafficPolicy &policy, std::uint32_t port)
    {
        for (const PortTrafficPolicy &p : policy.portLevelSettings) {
            if (p.port && *p.port == port) {
                e.loadBalancer = p.loadBalancer;
                e.tcp = p.tcp;
                e.outlier = p.outlierDetection;
                return;
            }
        }
    }

    ClusterPolicy policyFor(const Resource &drResource, const DestinationRuleSpec &dr, const Subset *subset,
                            std::uint32_t port)
    {
        Effective e;
        if (dr.trafficPolicy) {
            e.loadBalancer = dr.trafficPolicy->loadBalancer;
            e.tcp = dr.trafficPolicy->tcp;
            e.outlier = dr.trafficPolicy->outlierDetection;
            applyPortLevel(e, *dr.trafficPolicy, port);
        }
        if (subset && subset->trafficPolicy) {
            const TrafficPolicy &sp = *subset->trafficPolicy;
            if (sp.loadBalancer)
                e.loadBalancer = sp.loadBalancer;
            if (sp.tcp)
                e.tcp = sp.tcp;
            if (sp.outlierDetection)
                e.outlier = sp.outlierDetection;
            applyPortLevel(e, sp, port);
        }

        ClusterPolicy policy;
        if (e.loadBalancer) {
            const LoadBalancerSettings &lb = *e.loadBalancer;
            const std::string simple = upper(lb.simple);
            if (lb.consistentHash) {
                if (lb.consistentHash->useSourceIp) {
                    policy.loadBalancer = LoadBalancerKind::SourceIpHash;
                } else {
                    policy.loadBalancer = LoadBalancerKind::Random;
                    const MessageArg key = lb.consistentHash->other.empty()
                                               ? MessageArg::fragmentOf("fragment-hash-key")
                                               : MessageArg(lb.consistentHash->other);
                    reportOnce(drResource, Severity::Warning, codes::NoEffectAtGateway, lb.position,
                               Message{"consistent-hash-ignored", {key, ref(drResource)}});
                }
            } else if (simple == "ROUND_ROBIN") {
                policy.loadBalancer = LoadBalancerKind::RoundRobin;
            } else if (simple == "RANDOM") {
                policy.loadBalancer = LoadBalancerKind::Random;
            } else if (simple == "PASSTHROUGH") {
                reportOnce(drResource, Severity::Warning, codes::NoEffectAtGateway, lb.position,
                           Message{"load-balancer-passthrough", {ref(drResource)}});
            }
        }
        if (e.tcp) {
            if (e.tcp->connectTimeout && e.tcp->connectTimeout->count() > 0)
                policy.connectTimeout = *e.tcp->connectTimeout;
            if (e.tcp->maxConnections && *e.tcp->maxConnections > 0)
                policy.maxConnections = static_cast<std::uint32_t>(*e.tcp->maxConnections);
            if (e.tcp->idleTimeout)
                policy.idleTimeout = *e.tcp->idleTimeout;
        }
        if (e.outlier) {
            const OutlierDetection &o = *e.outlier;
            std::uint32_t threshold = 0;
            if (o.splitExternalLocalOriginErrors.value_or(false)) {
                threshold = o.consecutiveLocalOriginFailures.value_or(5);
            } else {
                // Connect failures count as 5xx and as gateway errors when local origin errors are not split.
                const std::uint32_t fivexx = o.consecutive5xxErrors.value_or(5);
                const std::uint32_t gatewayErrors = o.consecutiveGatewayErrors.value_or(0);
                for (std::uint32_t t : {fivexx, gatewayErrors}) {
                    if (t > 0 && (threshold == 0 || t < threshold))
                        threshold = t;
                }
            }
            policy.outlier.enabled = threshold > 0;
            policy.outlier.consecutiveFailures = threshold;
            if (o.baseEjectionTime && o.baseEjectionTime->count() > 0)
                policy.outlier.baseEjectionTime = *o.baseEjectionTime;
            if (o.maxEjectionPercent)
                policy.outlier.maxEjectionPercent = std::clamp(*o.maxEjectionPercent, 0, 100);
        }
        return policy;
    }

    void reportOnce(const Resource &r, Severity severity, const char *code, Position position,
                    Message message)
    {
        if (m_reported.insert(render(message)).second)
            report(r, severity, code, position, std::move(message));
    }

    const gatewayapi::RoutingView &m_view;
    const ResourceSet &m_set;
    const CompileOptions &m_options;
    Diagnostics &m_diagnostics;
    std::shared_ptr<RouteTable> m_table;
    std::map<const Resource *, std::vector<std::size_t>> m_podsOf;
    routing::GatewayBinding m_binding;
    std::map<std::uint32_t, PortEntry> m_ports; // by port, ascending
    std::map<std::string, std::size_t> m_clusterIndex;
    std::deque<Cluster> m_resolved; // resolve(): clusters the table lacks (a deque: references stay)
    std::map<std::string, std::size_t> m_resolvedIndex;
    bool m_workloadsIndexed = false;
    std::map<const Resource *, std::vector<const Resource *>> m_selectedBy; // Service -> its workloads
    std::unordered_map<std::string, std::vector<const Resource *>> m_workloadsByNs;
    std::map<std::string, Backing> m_backingOfHost;
    std::map<std::string, const Resource *> m_ruleOfHost;
    bool m_rulesIndexed = false;
    std::vector<std::pair<const Resource *, std::string>>
        m_destinationRules; // exported DestinationRules, qualified host
    std::unordered_map<std::string, const Resource *> m_ruleOfExactHost;
    std::set<std::string> m_reported;
};

// The Gateway API translation compile reads: the target's, so that what the cluster rejects or
// ignores is not played.
gatewayapi::Options routingOptions(const CompileOptions &options)
{
    gatewayapi::Options out;
    out.target = options.gatewayApiTarget;
    return out;
}

// Why a Gateway API resource is not played: analysis's findings for the target, not a second copy.
void addTargetDiagnostics(const ResourceSet &set, const CompileOptions &options, Diagnostics &diagnostics)
{
    if (!options.gatewayApiTarget)
        return;
    Diagnostics target = gatewayapi::targetDiagnostics(set, *options.gatewayApiTarget);
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(target.begin()),
                       std::make_move_iterator(target.end()));
}

} // namespace

std::vector<Cluster> resolveDestinations(const ResourceSet &set,
                                         const std::vector<DestinationRef> &destinations,
                                         const CompileOptions &options)
{
    Diagnostics ignored;
    const gatewayapi::RoutingView view(set, routingOptions(options));
    return Compiler(view, options, ignored).resolve(destinations);
}

struct CompileSession::Impl
{
    Impl(const ResourceSet &set, const CompileOptions &compileOptions)
        : options(compileOptions)
        , view(set, routingOptions(compileOptions))
        , compiler(view, this->options, result.diagnostics)
    {
        result.table = compiler.run();
        addTargetDiagnostics(set, compileOptions, result.diagnostics);
    }
    CompileOptions options;
    CompileResult result;
    gatewayapi::RoutingView view;
    Compiler compiler;
};

CompileSession::CompileSession(const ResourceSet &set, const CompileOptions &options)
    : m_impl(std::make_unique<Impl>(set, options))
{}

CompileSession::~CompileSession() = default;

const CompileResult &CompileSession::result() const
{
    return m_impl->result;
}

std::vector<Cluster> CompileSession::resolveDestinations(const std::vector<DestinationRef> &destinations)
{
    return m_impl->compiler.resolve(destinations);
}

CompileResult compile(const ResourceSet &set, const CompileOptions &options)
{
    CompileResult result;
    const gatewayapi::RoutingView view(set, routingOptions(options));
    Compiler compiler(view, options, result.diagnostics);
    result.table = compiler.run();
    addTargetDiagnostics(set, options, result.diagnostics);
    return result;
}

} // namespace meshroute
