#pragma once

// What the machine-readable reports say about a diagnostic code as a rule (SARIF's
// reportingDescriptor): a name, one sentence, and where Istio documents its own codes.

#include <string>
#include <string_view>

namespace meshroute::cli {

struct RuleInfo
{
    std::string name; // PascalCase, Istio's own for IST codes ("ReferencedResourceNotFound"); may be empty
    std::string description; // one sentence; never empty
    std::string
        helpUri; // https://istio.io/latest/docs/reference/config/analysis/ist0101/ for IST codes, else empty
};

// Any code: one this table does not know yet (a new MR code) gets a generic sentence and no name.
RuleInfo ruleInfo(std::string_view code);

} // namespace meshroute::cli
