#include "compile/routetable.h"

namespace meshroute {

const char *loadBalancerName(LoadBalancerKind kind)
{
    switch (kind) {
    case LoadBalancerKind::LeastRequest:
        return "LEAST_REQUEST";
    case LoadBalancerKind::RoundRobin:
        return "ROUND_ROBIN";
    case LoadBalancerKind::Random:
        return "RANDOM";
    case LoadBalancerKind::SourceIpHash:
        return "SOURCE_IP_HASH";
    }
    return "LEAST_REQUEST";
}

} // namespace meshroute
