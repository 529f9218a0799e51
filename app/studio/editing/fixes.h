#pragma once

// One-click fixes for diagnostics. A fix reads what the diagnostic says as data (its
// `messageId` and `args`, model/message.h), never its English text, so a reworded message
// cannot break one. Fixable today:
//   subset-not-defined, subset-not-defined-none    create the subset in that DestinationRule
//   weight-single-not-100, weights-not-100,
//   weights-all-zero                               normalise the VirtualService's weights to 100
//   match-gateway-not-bound(-default)              bind the VirtualService to that gateway
//   gateway-port-without-route,
//   gateway-port-no-listener                       bind the one VirtualService that names the
//                                                  Gateway in a match without being bound to it
//   gateway-port-not-exposed                       open the ingress gateway patch (IstioOperator,
//                                                  Helm values or Service patch) to save or copy;
//                                                  the document is not changed

#include "model/diagnostic.h"

#include <QString>

#include <functional>

namespace meshroute::studio {

class Document;

struct Fix
{
    QString label;               // what the fix does, in the UI language; empty: no fix
    std::function<void()> apply; // the edit, one undo step on the document (or a dialog, see above)
};

// The fix for `diagnostic` on `document` (empty when there is none). The fix keeps a pointer to
// `document`, which must outlive it.
Fix fixFor(Document &document, const Diagnostic &diagnostic);

} // namespace meshroute::studio
