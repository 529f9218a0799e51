// Pod names the way Kubernetes makes them for a Deployment's ReplicaSet:
// "<deployment>-<pod-template-hash>-<suffix>", where the hash is the FNV-32a of the
// pod template written in Kubernetes' "safe" alphabet (no vowels, no look-alikes),
// and the suffix five characters of the same alphabet. Ours are deterministic, so a
// demo pod keeps its name from run to run and across hot applies.

#include "compile/compile.h"

#include <cstdint>
#include <string_view>

namespace meshroute {

namespace {

constexpr std::string_view kSafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

std::uint32_t fnv32a(std::string_view text)
{
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

std::uint64_t fnv64a(std::string_view text)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace

std::string podTemplateHash(const Resource &deployment, const std::string &defaultNamespace)
{
    const auto templateHash = [&deployment](bool &hasTemplate) {
        std::string text;
        try {
            const YAML::Node tmpl = deployment.node["spec"]["template"];
            text = tmpl ? YAML::Dump(tmpl) : std::string();
        } catch (...) {
            text.clear();
        }
        hasTemplate = !text.empty();
        return hasTemplate ? fnv32a(text) : 0u;
    };
    bool hasTemplate = false;
    std::uint32_t hash = 0;
    const auto *spec = deployment.as<DeploymentSpec>();
    if (spec && spec->podTemplate) {
        // Dumped once per parsed spec: the node does not change under a spec parsed from it.
        PodTemplateMemo &memo = *spec->podTemplate;
        std::call_once(memo.once, [&] { memo.hash = templateHash(memo.hasTemplate); });
        hasTemplate = memo.hasTemplate;
        hash = memo.hash;
    } else {
        hash = templateHash(hasTemplate);
    }
    if (!hasTemplate)
        hash = fnv32a(deployment.effectiveNamespace(defaultNamespace) + "/" + deployment.name);
    // As Kubernetes does: the decimal hash, each digit mapped into the safe alphabet.
    const std::string digits = std::to_string(hash);
    std::string out;
    for (char c : digits)
        out += kSafeAlphabet[static_cast<std::size_t>(static_cast<unsigned char>(c)) % kSafeAlphabet.size()];
    return out;
}

std::string podName(const std::string &deployment, const std::string &templateHash, int replica)
{
    std::uint64_t h = fnv64a(deployment + "/" + templateHash + "/" + std::to_string(replica));
    std::string suffix;
    for (int i = 0; i < 5; ++i) {
        suffix += kSafeAlphabet[h % kSafeAlphabet.size()];
        h /= kSafeAlphabet.size();
    }
    return deployment + "-" + templateHash + "-" + suffix;
}

} // namespace meshroute
