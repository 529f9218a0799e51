#include "gatewayapi/targets.h"

#include "model/positions.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

namespace meshroute::gatewayapi {
namespace {

constexpr BundleVersion v(int minor)
{
    return BundleVersion{1, minor, 0};
}

// ---------------------------------------------------------------- served versions, per kind
//
// From the CRDs of every Gateway API release (kubernetes-sigs/gateway-api config/crd/*; v1.5.1 and
// v1.6.0 are in ../shared/gateway-api/crds and tst_gatewaytargets reads them back): a version,
// the release it is first served in, and per channel whether it is. Versions served in every v1.x
// release have first = v1.0.
struct ServedVersion
{
    Kind kind;
    const char *version;
    BundleVersion first;
    bool standard;
    bool experimental;
};

// clang-format off
constexpr ServedVersion kServed[] = {
    {Kind::GatewayClass,   "v1",       v(0), true,  true},
    {Kind::GatewayClass,   "v1beta1",  v(0), true,  true},
    {Kind::KubeGateway,    "v1",       v(0), true,  true},
    {Kind::KubeGateway,    "v1beta1",  v(0), true,  true},
    {Kind::ReferenceGrant, "v1",       v(5), true,  true},
    {Kind::ReferenceGrant, "v1beta1",  v(0), true,  true},
    {Kind::TCPRoute,       "v1",       v(6), true,  true},  // TCPRoute joins the standard channel in v1.6.0
    {Kind::TCPRoute,       "v1alpha2", v(0), false, true},  // deprecated from v1.6.0, experimental only
    {Kind::TLSRoute,       "v1",       v(5), true,  true},  // TLSRoute joins the standard channel in v1.5.0
    {Kind::TLSRoute,       "v1alpha2", v(0), false, true},
    {Kind::TLSRoute,       "v1alpha3", v(4), false, true},
};
// clang-format on

// ---------------------------------------------------------------- what each Istio release watches
//
// From Istio's pkg/config/schema (gvk) and pilot/pkg/features of each release: the version its
// controller reads, whether it needs PILOT_ENABLE_ALPHA_GATEWAY_API, and (from 1.30,
// pkg/config/schema/gatewayapi/minimumversions.go) the bundle below which it skips the CRD.
struct Watched
{
    int firstIstio; // from this minor release on (until the next row of the kind)
    Kind kind;
    const char *version;
    bool needsAlpha;
    std::optional<BundleVersion> minimum;
};

// clang-format off
const Watched kWatched[] = {
    {28, Kind::GatewayClass,   "v1beta1",  false, std::nullopt},
    {29, Kind::GatewayClass,   "v1",       false, std::nullopt},
    {28, Kind::KubeGateway,    "v1beta1",  false, std::nullopt},
    {29, Kind::KubeGateway,    "v1",       false, std::nullopt},
    {28, Kind::ReferenceGrant, "v1beta1",  false, std::nullopt},
    {28, Kind::TCPRoute,       "v1alpha2", true,  std::nullopt},
    {31, Kind::TCPRoute,       "v1",       false, v(6)},
    {28, Kind::TLSRoute,       "v1alpha2", true,  std::nullopt},
    {30, Kind::TLSRoute,       "v1",       false, v(5)},
};
// clang-format on

std::string versionOf(const std::string &apiVersion)
{
    const std::size_t slash = apiVersion.find('/');
    return slash == std::string::npos ? apiVersion : apiVersion.substr(slash + 1);
}

std::string lowerPlural(const Resource &r)
{
    std::string out = r.kindName;
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out + "s." + kGatewayApiGroup;
}

std::string joined(const std::vector<std::string> &names)
{
    std::string out;
    for (const std::string &n : names)
        out += (out.empty() ? "" : ", ") + n;
    return out;
}

// The position of the value of `apiVersion` in the resource's document, else the resource's.
Position apiVersionPosition(const Resource &r)
{
    return positionAt(r, {"apiVersion"}, r.position);
}

std::optional<int> number(std::string_view text)
{
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value < 0)
        return std::nullopt;
    return value;
}

} // namespace

std::string BundleVersion::text() const
{
    return "v" + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

const char *channelName(Channel channel)
{
    return channel == Channel::Standard ? "standard" : "experimental";
}

std::string Target::istioText() const
{
    return "1." + std::to_string(istioMinor);
}

std::string Target::spec() const
{
    return "istio=" + istioText() + ",gateway-api=" + bundle.text() + ",channel=" + channelName(channel) +
           ",alpha=" + (alphaGatewayApi ? "true" : "false");
}

std::vector<BundleVersion> knownBundles()
{
    return {BundleVersion{1, 5, 1}, BundleVersion{1, 6, 0}};
}

Target defaultTarget()
{
    return Target{};
}

std::optional<BundleVersion> parseBundleVersion(std::string_view text)
{
    if (!text.empty() && text.front() == 'v')
        text.remove_prefix(1);
    std::vector<int> parts;
    while (true) {
        const std::size_t dot = text.find('.');
        const std::optional<int> n = number(text.substr(0, dot));
        if (!n)
            return std::nullopt;
        parts.push_back(*n);
        if (dot == std::string_view::npos)
            break;
        text.remove_prefix(dot + 1);
    }
    if (parts.size() != 3 || parts[0] != 1)
        return std::nullopt;
    return BundleVersion{parts[0], parts[1], parts[2]};
}

TargetParse parseTarget(std::string_view spec)
{
    Target target = defaultTarget();
    auto fail = [](std::string error) { return TargetParse{std::nullopt, std::move(error)}; };
    std::map<std::string, bool> seen;
    std::size_t start = 0;
    while (start < spec.size()) {
        const std::size_t comma = std::min(spec.find(',', start), spec.size());
        const std::string_view entry = spec.substr(start, comma - start);
        start = comma + 1;
        const std::size_t eq = entry.find('=');
        if (eq == std::string_view::npos)
            return fail("\"" + std::string(entry) +
                        "\" is not KEY=VALUE (keys: istio, gateway-api, channel, alpha)");
        const std::string key(entry.substr(0, eq));
        const std::string value(entry.substr(eq + 1));
        if (seen[key])
            return fail("\"" + key + "\" is given twice");
        seen[key] = true;
        if (key == "istio") {
            // "1.30" or "1.30.3": the minor release is what matters.
            std::string_view rest = value;
            std::optional<int> minor;
            if (rest.substr(0, 2) == "1.") {
                rest.remove_prefix(2);
                minor = number(rest.substr(0, rest.find('.')));
                const std::size_t dot = rest.find('.');
                if (minor && dot != std::string_view::npos && !number(rest.substr(dot + 1)))
                    minor.reset();
            }
            if (!minor)
                return fail("istio \"" + value + "\" is not an Istio version such as 1.30");
            if (*minor < kOldestIstioMinor || *minor > kNewestIstioMinor)
                return fail("istio " + value +
                            " is not one Meshroute knows the Gateway API behaviour of: use 1." +
                            std::to_string(kOldestIstioMinor) + " to 1." + std::to_string(kNewestIstioMinor));
            target.istioMinor = *minor;
        } else if (key == "gateway-api") {
            const std::optional<BundleVersion> bundle = parseBundleVersion(value);
            if (!bundle)
                return fail("gateway-api \"" + value +
                            "\" is not a Gateway API release such as v1.5.1 (vMAJOR.MINOR.PATCH, major 1)");
            target.bundle = *bundle;
        } else if (key == "channel") {
            if (value == "standard")
                target.channel = Channel::Standard;
            else if (value == "experimental")
                target.channel = Channel::Experimental;
            else
                return fail("channel \"" + value + "\" is not standard or experimental");
        } else if (key == "alpha") {
            if (value == "true")
                target.alphaGatewayApi = true;
            else if (value == "false")
                target.alphaGatewayApi = false;
            else
                return fail(
                    "alpha \"" + value +
                    "\" is not true or false (whether istiod has PILOT_ENABLE_ALPHA_GATEWAY_API=true)");
        } else {
            return fail("\"" + key + "\" is not a target key: use istio, gateway-api, channel or alpha");
        }
    }
    return TargetParse{target, {}};
}

std::vector<std::string> servedVersions(Kind kind, const BundleVersion &bundle, Channel channel)
{
    std::vector<std::string> out;
    for (const ServedVersion &s : kServed) {
        if (s.kind != kind || bundle < s.first)
            continue;
        if (channel == Channel::Standard ? s.standard : s.experimental)
            out.push_back(s.version);
    }
    return out;
}

bool serves(Kind kind, const std::string &version, const BundleVersion &bundle, Channel channel)
{
    const std::vector<std::string> served = servedVersions(kind, bundle, channel);
    return std::find(served.begin(), served.end(), version) != served.end();
}

IstioReading istioReading(int istioMinor, Kind kind)
{
    IstioReading out;
    for (const Watched &w : kWatched) {
        if (w.kind != kind || istioMinor < w.firstIstio)
            continue;
        out = {w.version, w.needsAlpha, w.minimum};
    }
    return out;
}

Reading readingOf(const Target &target, Kind kind, const std::string &apiVersion)
{
    Reading out;
    if (!isGatewayApiKind(kind))
        return out;
    out.served = servedVersions(kind, target.bundle, target.channel);
    out.istio = istioReading(target.istioMinor, kind);
    const std::string version = versionOf(apiVersion);
    if (std::find(out.served.begin(), out.served.end(), version) == out.served.end())
        out.verdict = Verdict::Rejected;
    else if (out.istio.minimumBundle && target.bundle < *out.istio.minimumBundle)
        out.verdict = Verdict::IgnoredOldCrd;
    else if (!serves(kind, out.istio.version, target.bundle, target.channel))
        out.verdict = Verdict::IgnoredNotServed;
    else if (out.istio.needsAlpha && !target.alphaGatewayApi)
        out.verdict = Verdict::IgnoredNeedsAlpha;
    return out;
}

bool isRead(const Target &target, const Resource &resource)
{
    return readingOf(target, resource.kind, resource.apiVersion).verdict == Verdict::Read;
}

Diagnostics targetDiagnostics(const ResourceSet &set, const Target &target)
{
    Diagnostics out;
    std::map<Kind, bool> oldCrdReported;
    const std::string istio = target.istioText();
    const std::string bundle = target.bundle.text();
    const std::string channel = channelName(target.channel);
    for (const Resource &r : set.resources) {
        const Reading reading = readingOf(target, r.kind, r.apiVersion);
        const std::string display = r.displayName(set.defaultNamespace);
        auto report = [&](Severity severity, const char *code, Message message, ResourceRef ref) {
            out.push_back(makeDiagnostic(severity, code, std::move(message), set.fileOf(r),
                                         apiVersionPosition(r), std::move(ref)));
        };
        const ResourceRef ref = r.ref(set.defaultNamespace);
        switch (reading.verdict) {
        case Verdict::Read:
            break;
        case Verdict::Rejected:
            if (reading.served.empty())
                report(Severity::Error, codes::GatewayApiNotServed,
                       Message{"gwapi-target-no-crd", {display, bundle, channel, r.kindName}}, ref);
            else
                report(Severity::Error, codes::GatewayApiNotServed,
                       Message{"gwapi-target-not-served",
                               {display, r.apiVersion, bundle, channel, joined(reading.served)}},
                       ref);
            break;
        case Verdict::IgnoredOldCrd:
            // Istio reports it once, on the CustomResourceDefinition; here at the first resource
            // of the kind, which is what the user can see of it.
            if (!oldCrdReported[r.kind]) {
                oldCrdReported[r.kind] = true;
                const BundleVersion installed = target.bundle;
                const BundleVersion &minimum = *reading.istio.minimumBundle;
                auto semver = [](const BundleVersion &b) { return b.text().substr(1); };
                report(Severity::Warning, codes::GatewayAPICRDVersionBelowMinimum,
                       Message{"ist-gateway-api-crd-below-minimum",
                               {lowerPlural(r), semver(installed), semver(minimum)}},
                       ResourceRef{"CustomResourceDefinition", "", lowerPlural(r)});
            }
            break;
        case Verdict::IgnoredNotServed:
            report(Severity::Warning, codes::GatewayApiIgnoredKind,
                   Message{"gwapi-target-ignored",
                           {istio, r.kindName, reading.istio.version, bundle, channel, display}},
                   ref);
            break;
        case Verdict::IgnoredNeedsAlpha:
            report(Severity::Warning, codes::GatewayApiNeedsAlpha,
                   Message{"gwapi-target-needs-alpha", {istio, r.kindName, display}}, ref);
            break;
        }
    }
    return out;
}

} // namespace meshroute::gatewayapi
