#pragma once

// The cluster a Gateway API configuration will meet: which Istio version reads it, which Gateway API
// CRD bundle and channel the API server serves, and whether istiod runs with
// PILOT_ENABLE_ALPHA_GATEWAY_API. The same document can be fine on one and rejected, or silently
// ignored, on another (../shared/gateway-api/README.md, "Versions and channels").
//
//   Target t = parseTarget("istio=1.30,gateway-api=v1.6.0,channel=standard").value();
//   readingOf(t, Kind::TCPRoute, "gateway.networking.k8s.io/v1").verdict == Verdict::IgnoredNotServed
//   // the trap: the API server stores the TCPRoute, but Istio 1.30 watches v1alpha2 only, which
//   // the v1.6 standard CRDs do not serve
//
// The facts are data, here and in targets.cpp: which versions each bundle and channel serve (checked
// against the CRD files by tst_gatewaytargets), which version of each kind each Istio release
// watches and whether it needs the alpha flag, and Istio's minimum bundle per CRD (IST0176).
// translate() asks readingOf() for every resource, so that a resource the cluster rejects or Istio
// ignores is neither translated nor attached, and says why (targetDiagnostics()).

#include "model/resourceset.h"

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshroute::gatewayapi {

// A Gateway API release, v<major>.<minor>.<patch> (the CRDs' bundle-version annotation).
struct BundleVersion
{
    int major = 1;
    int minor = 5;
    int patch = 1;

    std::string text() const; // "v1.5.1"
    friend auto operator<=>(const BundleVersion &, const BundleVersion &) = default;
};

enum class Channel { Standard, Experimental };

const char *channelName(Channel channel); // "standard", "experimental"

struct Target
{
    int istioMinor = 30; // Istio 1.<istioMinor>
    BundleVersion bundle;
    Channel channel = Channel::Experimental;
    bool alphaGatewayApi = true; // PILOT_ENABLE_ALPHA_GATEWAY_API=true on istiod

    std::string istioText() const; // "1.30"
    // The spec that parseTarget() reads back: "istio=1.30,gateway-api=v1.5.1,channel=experimental,alpha=true"
    std::string spec() const;
    friend bool operator==(const Target &, const Target &) = default;
};

// The Istio releases Meshroute knows the Gateway API behaviour of.
inline constexpr int kOldestIstioMinor = 28;
inline constexpr int kNewestIstioMinor = 31;

// The Gateway API releases whose CRDs Meshroute has read (../shared/gateway-api/crds, checked by
// tst_gatewaytargets), oldest first: what a person picks a bundle from. Others are reasoned from
// the facts (servedVersions) and can be named in a spec.
std::vector<BundleVersion> knownBundles();

// The cluster the bundled tutorial is written for (issue 13: "clean for Istio 1.30 with Gateway API
// v1.5.1"): its listeners take TCPRoutes, which v1.5.1 has only in the experimental channel (as
// v1alpha2), and which Istio 1.30 reads only with PILOT_ENABLE_ALPHA_GATEWAY_API; so Istio 1.30,
// v1.5.1, experimental, alpha flag set. That is also the install Istio's own Gateway API TCP task asks
// for (experimental CRDs, the alpha flag).
Target defaultTarget();

// A target spec: comma-separated key=value pairs, each key at most once, any order; a key left out
// keeps the default's value. Keys: istio (1.28 ... 1.31, "1.30.3" reads as 1.30), gateway-api
// (vMAJOR.MINOR.PATCH with MAJOR 1, the "v" optional), channel (standard|experimental), alpha
// (true|false). An empty spec is the default.
struct TargetParse
{
    std::optional<Target> target;
    std::string error; // English, one sentence, when target is empty
};
TargetParse parseTarget(std::string_view spec);
std::optional<BundleVersion> parseBundleVersion(std::string_view text);

// ---------------------------------------------------------------- the facts, as data

// The versions ("v1", "v1alpha2", ...) of `kind` the CRDs of `bundle`/`channel` serve; empty when
// the channel has no CRD for it (TCPRoute in the standard channel before v1.6). Only the Gateway
// API kinds (isGatewayApiKind); bundles Meshroute has no CRDs of are reasoned from the facts
// (a later v1.N as the latest known, an earlier one by the release each version appeared in).
std::vector<std::string> servedVersions(Kind kind, const BundleVersion &bundle, Channel channel);
bool serves(Kind kind, const std::string &version, const BundleVersion &bundle, Channel channel);

// What one Istio release does with one kind.
struct IstioReading
{
    std::string version;                        // the version Istio's controller watches ("v1alpha2")
    bool needsAlpha = false;                    // only with PILOT_ENABLE_ALPHA_GATEWAY_API=true
    std::optional<BundleVersion> minimumBundle; // below it Istio skips the CRD (IST0176, Istio >= 1.30)
};
IstioReading istioReading(int istioMinor, Kind kind);

// What the target cluster does with one resource.
enum class Verdict {
    Read,              // served and read by Istio
    Rejected,          // the API server does not serve this kind/version: the resource cannot be applied
    IgnoredNeedsAlpha, // stored, but Istio reads the kind only with PILOT_ENABLE_ALPHA_GATEWAY_API
    IgnoredOldCrd,     // stored, but the bundle is below Istio's minimum for the kind (IST0176)
    IgnoredNotServed,  // stored, but the version Istio watches is not served: ignored without a word
};

struct Reading
{
    Verdict verdict = Verdict::Read;
    IstioReading istio;
    std::vector<std::string> served; // what the bundle/channel serves of the kind
};

// `apiVersion` as written ("gateway.networking.k8s.io/v1"). Kinds outside the Gateway API: Read.
Reading readingOf(const Target &target, Kind kind, const std::string &apiVersion);

// Whether the cluster holds `resource` and Istio reads it (Verdict::Read).
bool isRead(const Target &target, const Resource &resource);

// The diagnostics of the target for the Gateway API resources of `set`, each at the resource's
// apiVersion: MR0025 rejected (error), MR0026 needs the alpha flag (warning), MR0027 ignored
// because the version Istio watches is not served (warning), IST0176 once per CRD below Istio's
// minimum (warning, at the first resource of the kind).
Diagnostics targetDiagnostics(const ResourceSet &set, const Target &target);

} // namespace meshroute::gatewayapi
