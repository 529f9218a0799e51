#pragma once

// The system's reason for a failed socket call, as a message argument: a fragment for the usual
// errors (so that the studio translates them), else the system's own words, as written.

#include "model/message.h"

#include <boost/system/error_code.hpp>

namespace meshroute::proxy {

inline MessageArg systemReason(const boost::system::error_code &ec)
{
    namespace errc = boost::system::errc;
    if (ec == errc::address_in_use)
        return MessageArg::fragmentOf("fragment-address-in-use");
    if (ec == errc::permission_denied)
        return MessageArg::fragmentOf("fragment-permission-denied");
    if (ec == errc::address_not_available)
        return MessageArg::fragmentOf("fragment-address-not-available");
    return ec.message();
}

} // namespace meshroute::proxy
