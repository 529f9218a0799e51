#pragma once

// The individual checks analyze() runs, one concern per file.

#include "analysis/context.h"

namespace meshroute::analysis {

void checkDuplicateNames(Context &context);  // MR0008 (duplicates.cpp)
void checkGatewayBindings(Context &context); // IST0101 gateway, IST0132 (bindings.cpp)
void checkDestinations(Context &context);    // IST0101 subset and port, IST0112, MR0009 (destinations.cpp)
void checkRules(Context &context);           // IST0130, IST0131, MR0010 (rules.cpp)
void checkConflictingGateways(Context &context); // IST0145 (gateways.cpp)
void checkIngressServicePorts(Context &context); // IST0162 (gateways.cpp)
void checkPortsWithoutRoute(Context &context);   // MR0011 (coverage.cpp)
void checkDestinationRules(Context &context);    // IST0173, IST0174 (destinationrules.cpp)
void checkServicePortNames(Context &context);    // IST0118 (services.cpp)

} // namespace meshroute::analysis
