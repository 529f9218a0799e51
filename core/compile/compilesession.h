#pragma once

#include "compile/compile.h"

#include <memory>
#include <vector>

namespace meshroute {

// One compile() of a set whose pods and caches (hosts, DestinationRules, clusters, workloads by
// namespace) also answer resolveDestinations, for a caller that needs both (the studio's graph):
// the same answers as compile() and resolveDestinations() apart, without redoing the shared work.
// `set` must outlive the session.
class CompileSession
{
public:
    explicit CompileSession(const ResourceSet &set, const CompileOptions &options = {});
    ~CompileSession();
    CompileSession(const CompileSession &) = delete;
    CompileSession &operator=(const CompileSession &) = delete;

    const CompileResult &result() const;
    std::vector<Cluster> resolveDestinations(const std::vector<DestinationRef> &destinations);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace meshroute
