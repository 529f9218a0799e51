#pragma once

// Edits of resource documents as YAML transformations. Each function takes a
// node and returns a changed copy, leaving fields it does not know alone, so the
// document's unknown fields and their order survive. The edits of one rule of a
// VirtualService (split, weight, subset, match port, ...) copy only that rule and
// the path to it, and share the rest with the node they were given; the others
// return a deep copy. Neither the node given nor the result may be changed in
// place afterwards (a resource's tree never is).

#include "model/resourceset.h"
#include "routing/binding.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace meshroute::studio::edits {

using Section = routing::Section; // a VirtualService's tcp or tls list
using routing::sectionKey;        // "tcp", "tls"

struct RouteRef
{
    int resource = -1; // the VirtualService's index in the set
    Section section = Section::Tcp;
    int rule = -1; // index in spec.tcp / spec.tls
    friend bool operator==(const RouteRef &, const RouteRef &) = default;
};

// Weights of n destinations that share 100 as evenly as possible: 3 -> 34, 33, 33.
std::vector<std::int64_t> balancedWeights(std::size_t n);
// Weights scaled to sum to 100 keeping their proportions (largest remainder);
// all-zero or empty input gives balancedWeights.
std::vector<std::int64_t> normalisedWeights(const std::vector<std::int64_t> &weights);

// A tcp rule routing `port` of `gatewayRef` to host/subset, appended to the VirtualService;
// the gateway is added to the top-level `gateways` (the binding) when missing.
YAML::Node withTcpRoute(const YAML::Node &virtualService, std::uint32_t port, const std::string &gatewayRef,
                        const std::string &host, const std::string &subset,
                        std::optional<std::uint32_t> destinationPort);
// The SNI names a new tls rule matches for a server with `serverHosts` in a VirtualService with
// `vsHosts`: where the two overlap, the narrower of each pair, so that every name lies within the
// VirtualService's hosts (Istio rejects others) and within the server's. No overlap: the server's.
std::vector<std::string> sniHostsFor(const std::vector<std::string> &serverHosts,
                                     const std::vector<std::string> &vsHosts);
// The same for a TLS passthrough port: a tls rule matching `sniHosts` (Istio requires them).
YAML::Node withTlsRoute(const YAML::Node &virtualService, std::uint32_t port, const std::string &gatewayRef,
                        const std::vector<std::string> &sniHosts, const std::string &host,
                        const std::string &subset, std::optional<std::uint32_t> destinationPort);
// A further destination of a rule; the rule's weights rebalanced to sum to 100.
YAML::Node withSplit(const YAML::Node &virtualService, Section section, int rule, const std::string &host,
                     const std::string &subset, std::optional<std::uint32_t> destinationPort);
YAML::Node withWeight(const YAML::Node &virtualService, Section section, int rule, int destination,
                      std::int64_t weight);
YAML::Node withNormalisedWeights(const YAML::Node &virtualService, Section section, int rule);
YAML::Node withDestinationSubset(const YAML::Node &virtualService, Section section, int rule, int destination,
                                 const std::string &subset);
YAML::Node withoutDestination(const YAML::Node &virtualService, Section section, int rule, int destination);
YAML::Node withMatchPort(const YAML::Node &virtualService, Section section, int rule,
                         std::optional<std::uint32_t> port);
YAML::Node withoutRule(const YAML::Node &virtualService, Section section, int rule);
YAML::Node withRuleMoved(const YAML::Node &virtualService, Section section, int from, int to);
YAML::Node withGatewayBinding(const YAML::Node &virtualService, const std::string &gatewayRef);

// Gateways and DestinationRules.
YAML::Node withServerPort(const YAML::Node &gateway, int server, std::uint32_t number,
                          const std::string &protocol, const std::string &name);
YAML::Node withServer(const YAML::Node &gateway, std::uint32_t number, const std::string &protocol);
YAML::Node withoutServer(const YAML::Node &gateway, int server);
YAML::Node withSubset(const YAML::Node &destinationRule, const std::string &name, const Labels &labels);
YAML::Node withSubsetLabels(const YAML::Node &destinationRule, int subset, const Labels &labels);
YAML::Node withReplicas(const YAML::Node &deployment, std::int32_t replicas);
YAML::Node withName(const YAML::Node &resource, const std::string &name);

// New resources, as a person would write them.
YAML::Node newGateway(const std::string &name, std::uint32_t port, const std::string &protocol);
YAML::Node newVirtualService(const std::string &name, const std::string &gatewayRef);
YAML::Node newDestinationRule(const std::string &name, const std::string &host);
YAML::Node newService(const std::string &name, std::uint32_t port);
YAML::Node newDeployment(const std::string &name, const Labels &podLabels, std::uint32_t containerPort);
YAML::Node newWorkloadEntry(const std::string &name, const std::string &address, const Labels &labels);

// A name not yet used by a resource of `kind` in `ns`: base, base-2, base-3, ...
std::string unusedName(const ResourceSet &set, Kind kind, const std::string &ns, const std::string &base);

// What refers to resource `index` (for the delete warning): display names and why.
std::vector<std::string> dependentsOf(const ResourceSet &set, std::size_t index);

// Rename with reference fix-up: the resource and every reference to it (gateway
// references in VirtualServices; subset references for a DestinationRule subset).
void renameGateway(ResourceSet &set, std::size_t gateway, const std::string &newName);
void renameSubset(ResourceSet &set, std::size_t destinationRule, int subset, const std::string &newName);

} // namespace meshroute::studio::edits
