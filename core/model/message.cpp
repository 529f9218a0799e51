#include "model/message.h"

#include <algorithm>
#include <unordered_map>

// The templates are marked for Qt's lupdate (the studio translates them by id through this
// table); core has no Qt, so the marker is only a marker here.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace meshroute {
namespace {

// clang-format off
const MessageTemplate kTemplates[] = {
    // ---------------------------------------------------------------- core/model/parse.cpp
    {"value-not-mapping", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a mapping, not %2")},
    {"value-not-list", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a list, not %2")},
    {"value-not-string", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a string, not %2")},
    {"value-not-number", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a number, not %2")},
    {"value-not-integer", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be a whole number, not \"%2\"")},
    {"value-not-boolean", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 must be true or false, not %2")},
    {"value-not-duration", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not a duration (use a number with a unit: 500ms, 10s, 1m, 1h)")},
    {"value-out-of-range", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 %2 is outside %3–%4")},
    {"value-not-allowed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not one of %3")},
    {"field-required", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is required")},
    {"sni-host-outside-hosts", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not within any of spec.hosts (%3): Istio rejects it")},
    {"document-not-mapping", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document is not a Kubernetes resource (expected a mapping)")},
    {"invalid-name", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "metadata.name \"%1\" is not a valid name (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit)")},
    {"invalid-namespace", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "metadata.namespace \"%1\" is not a valid namespace name")},
    {"unknown-api-version", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 with apiVersion \"%2\" is not one Meshroute knows; it is kept as written but not checked")},
    {"removed-deployment-api", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Deployment apiVersion \"%1\" was removed in Kubernetes 1.16; use apps/v1 (it also needs spec.selector)")},
    // ---------------------------------------------------------------- core/yaml/loader.cpp
    {"input-utf16", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is UTF-16 or UTF-32 text; save it as UTF-8")},
    {"input-binary", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "binary data (byte %1): this is not a YAML text file")},
    {"input-invalid-utf8", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid UTF-8 (byte %1): this is not a YAML text file, or not saved as UTF-8")},
    {"path-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: no such file or folder")},
    {"folder-unreadable", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read the folder %1: %2")},
    {"folder-without-yaml", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the folder %1 contains no .yaml or .yml file")},
    {"file-is-folder", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: it is a folder")},
    {"file-cannot-open", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot open %1: %2")},
    {"file-cannot-read", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot read %1: %2")},
    {"file-too-large", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "refusing to read %1: it is %2 MB, more than the %3 MB limit")},
    {"stream-too-large", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "refusing to read %1: it is more than the %2 MB limit")},
    {"input-too-large", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is %1 bytes, more than the limit of %2")},
    {"text-too-large", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the text is larger than %1 bytes")},
    {"input-alias-expansion-limit", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input expands to more than %1 nodes through aliases; the document is not read")},
    {"document-alias-expansion-limit", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document expands to more than %1 nodes (alias expansion); it is not read")},
    {"document-depth-limit", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document nests deeper than %1 levels; it is not read")},
    {"document-node-limit", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document has more than %1 nodes; it is not read")},
    {"input-node-limit", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input has more than %1 nodes; the rest is not read")},
    {"document-too-deep", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document nests too deeply to be read")},
    {"document-out-of-memory", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document is too large to be read in memory")},
    {"yaml-syntax-error", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML syntax error: %1")},
    {"text-several-documents", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the text holds more than one document; one resource is expected")},
    {"list-items-not-sequence", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "items of a List must be a sequence")},
    {"document-unreadable", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the document cannot be read: %1")},
    {"input-empty", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input is empty")},
    {"input-without-resource", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the input contains no Kubernetes resource")},
    {"text-without-resource", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the text contains no resource")},
    // ---------------------------------------------------------------- core/analysis
    {"gateway-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "gateway \"%1\" not found: there is no Gateway %2")},
    {"subset-not-exported", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is defined in DestinationRule %3, which is not exported to namespace %4")},
    {"subset-not-defined-none", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not defined in DestinationRule %3 (it defines no subsets)")},
    {"subset-not-defined", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" is not defined in DestinationRule %3 (it defines %4)")},
    {"subset-host-without-rule", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" of host \"%3\" is not defined: no DestinationRule has host %4%5")},
    {"destination-port-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of host \"%2\" not found: %3 has %4")},
    {"destination-port-required", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 \"%2\" needs a port: %3 has several (%4)")},
    {"service-port-unknown-app-protocol", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Service %2 has appProtocol \"%3\", which is not a protocol Istio knows (tcp, http, http2, grpc, tls, ...)")},
    {"service-port-unnamed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Service %2 has no name and no appProtocol, so Istio has to guess its protocol; name it <protocol>[-<suffix>], e.g. \"tcp\", or set appProtocol")},
    {"service-port-unconventional-name", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Service %2 is named \"%3\", which does not follow Istio's <protocol>[-<suffix>] convention (e.g. \"%4\"), and has no appProtocol")},
    {"rule-after-catch-all-also-catch-all", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is never used: only the last rule may have no match, and %2 has none")},
    {"rule-after-catch-all", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is never used: %2 before it has no match and takes all traffic")},
    {"rule-matches-all-used", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is never used: all its matches are used by earlier rules")},
    {"match-duplicate", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "match %1 of %2 is never used: %3 has the same match")},
    {"vs-hosts-gateway-missing", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no host of %1 [%2] is served by Gateway %3: it does not exist")},
    {"vs-hosts-gateway-no-hosts", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no host of %1 [%2] is served by Gateway %3: it has no server hosts")},
    {"vs-hosts-not-served", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no host of %1 [%2] is served by Gateway %3: its server hosts are %4")},
    {"gateway-port-conflict", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 conflicts with %3: both select %4 and serve host \"%5\" on that port")},
    {"gateway-port-not-exposed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 is not exposed by %3 (ports %4), so it cannot be reached from outside the cluster")},
    {"subset-selects-no-workload", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset \"%1\" of DestinationRule %2 selects no workload: %3")},
    {"dr-host-unknown-qualified", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "host \"%1\" of DestinationRule %2 (%3) matches no Service or ServiceEntry%4")},
    {"dr-host-unknown", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "host \"%1\" of DestinationRule %2 matches no Service or ServiceEntry%3")},
    {"duplicate-resource", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is defined twice (first at %2); kubectl would keep only the last one")},
    {"weight-single-not-100", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the only destination of %1 has weight %2, but a single destination takes all traffic; write 100 or leave the weight out")},
    {"weights-all-zero", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the weights of the %1 destinations of %2 are all 0 or missing, so no destination takes traffic; Istio rejects a total of 0")},
    {"weights-not-100", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the weights of the %1 destinations of %2 total %3, not 100; Istio 1.14 and older reject this")},
    {"match-gateway-not-bound-default", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "gateway \"%1\" in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5, the default), and match-level gateways only narrow a rule")},
    {"match-gateway-not-bound", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "gateway \"%1\" in %2 match #%3 has no effect: %4 is not bound to it (its gateways: %5), and match-level gateways only narrow a rule")},
    {"match-attribute-ignored-tcp", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tcp rules on port and gateways only%5")},
    {"match-attribute-ignored-tls", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 of %2 match #%3 has no effect at Gateway %4: a gateway matches tls rules on port, sniHosts and gateways only%5")},
    {"gateway-port-without-route", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 has no route, so its connections are refused: %3")},
    // ---------------------------------------------------------------- core/compile (the local gateway)
    {"gateway-port-no-listener", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 gets no listener: %3")},
    {"gateway-port-auto-passthrough", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 is AUTO_PASSTHROUGH, routed by SNI to mesh services without a VirtualService; the local gateway does not serve it")},
    {"gateway-port-http-not-served", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 of Gateway %2 (%3) is not served by the local gateway, which runs TCP and TLS routes only")},
    {"service-entry-resolution-none", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ServiceEntry %1 has resolution NONE: Istio sends its traffic to the address the client dialled, which the local gateway cannot know, so connections routed to %2 are closed here (endpoints with resolution STATIC or DNS let the local gateway try it)")},
    {"server-port-taken", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "server on port %1 of Gateway %2 is skipped: the port is already taken by Gateway %3, which came first")},
    {"match-attribute-kept", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 of %2 of VirtualService %3 has no effect at Gateway %4: it is kept, and the rule serves every client")},
    {"consistent-hash-ignored", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "consistentHash %1 of DestinationRule %2 has no effect on TCP connections (only useSourceIp does): they are spread at random")},
    {"load-balancer-passthrough", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "loadBalancer PASSTHROUGH of DestinationRule %1 cannot be followed locally (there is no original destination): LEAST_REQUEST is used")},
    // ---------------------------------------------------------------- fragments
    {"fragment-a-mapping", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "a mapping")},
    {"fragment-a-list", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "a list")},
    {"fragment-null", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "null")},
    {"fragment-nothing", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "nothing")},
    {"fragment-rule-index", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 rule #%2")},
    {"fragment-rule-named", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 rule \"%2\"")},
    {"fragment-subset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset")},
    {"fragment-mirror-subset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "mirror subset")},
    {"fragment-destination", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "destination")},
    {"fragment-mirror", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "mirror")},
    {"fragment-expansion-hint", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "; write %1, Istio does not expand \"%2\"")},
    {"fragment-also-mesh", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", " (it still applies to sidecars through mesh)")},
    {"fragment-default-ingress-service", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the default ingress gateway Service")},
    {"fragment-ingress-service-default-profile", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the ingress gateway Service of Istio's default profile")},
    {"fragment-ingress-service-demo-profile", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the ingress gateway Service of Istio's demo profile")},
    {"fragment-ingress-service-helm-chart", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the ingress gateway Service of the gateway Helm chart's defaults")},
    {"fragment-line", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "line %1")},
    {"fragment-hash-key", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its hash key")},
    {"fragment-no-workload-selector", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload in the input belongs to %1 (selector %2)")},
    {"fragment-no-workload", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload in the input belongs to %1")},
    {"fragment-no-workload-labels", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no workload of %1 has the labels %2")},
    {"fragment-no-vs-bound", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no VirtualService is bound to the Gateway")},
    {"fragment-no-vs-host-match", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no VirtualService bound to it has a host matching the server's hosts [%1]")},
    {"fragment-no-rule-of-vs-matches-port", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no %1 rule of VirtualService %2 matches port %3 on this Gateway")},
    {"fragment-no-visible-vs", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no VirtualService visible to the gateway is bound to it with a host matching the server's hosts")},
    {"fragment-no-rule-matches-port", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no %1 rule of %2 matches port %3 on this Gateway")},
    // ---------------------------------------------------------------- fragments: yaml-cpp's parser and scanner messages (yaml-cpp/exceptions.h, ErrorMsg)
    {"yaml-directive-args", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML directives must have exactly one argument")},
    {"yaml-major-version", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "YAML major version too large")},
    {"yaml-repeated-directive", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "repeated YAML directive")},
    {"yaml-tag-directive-args", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "TAG directives must have exactly two arguments")},
    {"yaml-repeated-tag-directive", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "repeated TAG directive")},
    {"yaml-char-in-tag-handle", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning tag handle")},
    {"yaml-tag-with-no-suffix", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "tag handle with no suffix")},
    {"yaml-end-of-verbatim-tag", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of verbatim tag not found")},
    {"yaml-end-of-map", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of map not found")},
    {"yaml-end-of-map-flow", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of map flow not found")},
    {"yaml-end-of-seq", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of sequence not found")},
    {"yaml-end-of-seq-flow", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "end of sequence flow not found")},
    {"yaml-multiple-tags", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple tags to the same node")},
    {"yaml-multiple-anchors", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple anchors to the same node")},
    {"yaml-multiple-aliases", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign multiple aliases to the same node")},
    {"yaml-alias-content", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "aliases can't have any content, *including* tags")},
    {"yaml-invalid-hex", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad character found while scanning hex number")},
    {"yaml-unknown-token", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unknown token")},
    {"yaml-doc-in-scalar", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal document indicator in scalar")},
    {"yaml-eof-in-scalar", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal EOF in scalar")},
    {"yaml-char-in-scalar", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character in scalar")},
    {"yaml-tab-in-indentation", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal tab when looking for indentation")},
    {"yaml-flow-end", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal flow end")},
    {"yaml-block-entry", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal block entry")},
    {"yaml-map-key", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal map key")},
    {"yaml-map-value", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal map value")},
    {"yaml-alias-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "alias not found after *")},
    {"yaml-anchor-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "anchor not found after &")},
    {"yaml-char-in-alias", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning alias")},
    {"yaml-char-in-anchor", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "illegal character found while scanning anchor")},
    {"yaml-zero-indent-in-block", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot set zero indentation for a block scalar")},
    {"yaml-char-in-block", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected character in block scalar")},
    {"yaml-ambiguous-anchor", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot assign the same alias to multiple nodes")},
    {"yaml-unknown-anchor", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the referenced anchor is not defined")},
    {"yaml-unmatched-group-tag", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unmatched group tag")},
    {"yaml-unexpected-end-seq", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected end sequence token")},
    {"yaml-unexpected-end-map", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unexpected end map token")},
    {"yaml-single-quoted-char", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid character in single-quoted string")},
    {"yaml-invalid-anchor", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid anchor")},
    {"yaml-invalid-alias", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid alias")},
    {"yaml-invalid-tag", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid tag")},
    {"yaml-version", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad YAML version: %1")},
    {"yaml-invalid-unicode", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid unicode: %1")},
    {"yaml-invalid-escape", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "unknown escape character: %1")},
    // ---------------------------------------------------------------- proxy/engine: the local gateway's own messages
    {"engine-listen-failed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot listen on %1 for gateway %2: %3")},
    {"engine-listen-failed-offset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "cannot listen on %1 (port %2 + offset %3) for gateway %4: %5")},
    {"engine-no-tcp-route", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no tcp route serves this port")},
    {"engine-tls-termination", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "TLS termination (mode %1) is not done locally yet")},
    {"engine-port-already-served", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 is already served by another listener")},
    {"engine-already-started", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the engine was already started")},
    {"engine-not-running", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the engine is not running")},
    {"engine-pod-failed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "demo pod %1: %2")},
    {"engine-admin-failed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "admin endpoint %1: %2")},
    // ---------------------------------------------------------------- core/install: the install form's options
    {"install-namespace-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Istio namespace \"%1\" is not a valid namespace name (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit)")},
    {"install-release-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "release name \"%1\" is not valid (lower-case letters, digits and '-', at most 53, starting with a letter and ending with a letter or digit)")},
    {"install-addon-unknown", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "\"%1\" is not an addon Meshroute knows (prometheus, grafana, kiali)")},
    {"install-tracing-endpoint-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "tracing endpoint \"%1\" is not HOST:PORT (e.g. zipkin.istio-system:9411 or [fd00::1]:9411)")},
    {"install-tracing-port-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "tracing endpoint \"%1\": port \"%2\" is not a number within 1–65535")},
    {"install-sampling-out-of-range", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "sampling percentage %1 is outside 0–100")},
    {"install-range-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: \"%2\" is not a CIDR range (an IPv4 or IPv6 address with /prefix-length, e.g. 10.0.0.0/8 or fd00::/8)")},
    {"install-range-prefix-too-long", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: \"%2\" has prefix length %3, more than %4 for an %5 address")},
    {"install-range-empty-entry", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: an empty entry (two commas in a row, or a comma at an end)")},
    {"install-range-star-not-alone", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: \"*\" (every address) must be the only entry")},
    {"install-ranges-overlap", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 (to intercept) and %2 (to bypass) share addresses: those are not intercepted, because bypassing wins over intercepting")},
    {"install-port-number-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ingress gateway port \"%1\": %2 %3 is outside 1–65535")},
    {"install-port-name-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ingress gateway port %1: name \"%2\" is not a valid port name (lower-case letters, digits and '-', e.g. tcp-%1)")},
    {"install-port-protocol-invalid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ingress gateway port %1: protocol \"%2\" is not TCP, UDP or SCTP")},
    {"install-port-duplicate", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ingress gateway port %1 is listed more than once")},
    {"install-port-name-duplicate", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "ingress gateway port name \"%1\" is used by ports %2 and %3")},
    {"fragment-include-ranges", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "outbound IP ranges to intercept")},
    {"fragment-exclude-ranges", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "outbound IP ranges to bypass")},
    // ---------------------------------------------------------------- fragments: why a port cannot listen (the system's words for the usual errors)
    {"fragment-address-in-use", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Address already in use")},
    {"fragment-permission-denied", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Permission denied")},
    {"fragment-address-not-available", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Cannot assign requested address")},
    {"fragment-bad-bind-address", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad bind address")},
    {"fragment-port-out-of-range", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 after the offset is out of range")},
    {"fragment-admin-address-form", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "expected ADDRESS:PORT, e.g. 127.0.0.1:15000")},
    {"fragment-not-an-ip-address", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "not an IP address")},
    {"fragment-admin-loopback-only", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the admin endpoint listens on a loopback address only")},
    {"fragment-bad-port", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "bad port")},
    // ---------------------------------------------------------------- core/gatewayapi (Istio's status messages, then ours)
    {"gwapi-status-class-accepted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Handled by Istio controller")},
    {"gwapi-status-resource-accepted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Resource accepted")},
    {"gwapi-status-no-errors", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "No errors found")},
    {"gwapi-status-route-valid", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Route was valid")},
    {"gwapi-status-route-valid-parents", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Route was valid, bound to %1 parents")},
    {"gwapi-status-refs-resolved", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "All references resolved")},
    {"gwapi-parent-port-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 not found")},
    {"gwapi-parent-section-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "sectionName \"%1\" not found")},
    {"gwapi-parent-no-hostname", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "no hostnames matched parent hostname \"%1\"")},
    {"gwapi-parent-namespace-not-allowed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "hostnames matched parent hostname \"%1\", but namespace \"%2\" is not allowed by the parent")},
    {"gwapi-parent-kind-not-allowed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "kind %1 is not allowed")},
    {"gwapi-parent-entry-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "parent service entry: \"%1\" not found")},
    {"gwapi-parent-service-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "parent service: \"%1\" not found")},
    {"gwapi-backend-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "backend(%1) not found")},
    {"gwapi-backend-not-permitted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "backendRef %1/%2 not accessible to a %3 in namespace \"%4\" (missing a ReferenceGrant?)")},
    {"gwapi-backend-unknown-kind", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "referencing unsupported backendRef: group \"%1\" kind \"%2\"")},
    {"gwapi-backend-port-required", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port is required in backendRef")},
    {"gwapi-backend-dotted-name", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "service name invalid; the name of the Service must be used, not the hostname.")},
    {"gwapi-backend-hostname-namespace", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "namespace may not be set with Hostname type")},
    {"gwapi-listener-unsupported-protocol", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of %2: protocol \"%3\" is not supported, so Istio does not accept it [Accepted=False, UnsupportedProtocol]")},
    {"gwapi-listener-conflict", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of %2 conflicts with another listener on port %3: a TCP listener must have its port to itself [Conflicted=True, %4]")},
    {"gwapi-listener-invalid-kinds", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of %2 cannot take routes of kind %3 [ResolvedRefs=False, InvalidRouteKinds]")},
    {"gwapi-parent-gateway-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 names Gateway %2, which Istio does not handle here (it does not exist, or its class is not Istio's): no status is written for this parent")},
    {"gwapi-parent-not-accepted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is not accepted by parent %2: %3 [Accepted=False, %4]")},
    {"gwapi-backend-share-fails", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: %2; the route stays accepted and this backend's share of connections fails [ResolvedRefs=False, %3]")},
    {"gwapi-route-dropped", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: %2; Istio drops the route's rules, so it routes nothing [ResolvedRefs=False, %3]")},
    {"gwapi-gateway-unsupported-address", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: %2; Istio does not assign it those addresses [Accepted=False, UnsupportedAddress]")},
    {"gwapi-listener-port-taken-locally", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of Gateway %2 is not served by the local gateway: port %3 is already taken by Gateway %4, which came first")},
    {"gwapi-listener-no-route-locally", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of Gateway %2 (port %3) has no accepted route: the local gateway does not listen on it")},
    {"gwapi-all-weights-zero", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "every backendRef of %1 rule #%2 has weight 0: Istio refuses its connections")},
    {"gwapi-status-gateway-programmed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Resource programmed")},
    {"gwapi-status-gateway-assigned", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Resource programmed, assigned to service(s) %1")},
    {"gwapi-status-gateway-no-address", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Failed to assign to any requested addresses")},
    {"gwapi-status-gateway-not-assigned", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Failed to assign to any requested addresses: %1")},
    {"gwapi-status-gateway-partly-assigned", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Assigned to service(s) %1, but failed to assign to all requested addresses: %2")},
    {"gwapi-status-gateway-host-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "hostname \"%1\" not found")},
    {"gwapi-status-gateway-host-elsewhere", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "hostname \"%1\" not found in namespace \"%2\", but it was found in namespace(s) %3")},
    {"gwapi-status-gateway-pending", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "address pending for hostname \"%1\"")},
    {"gwapi-status-gateway-port-hint", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 not found for hostname \"%2\" (hint: the service port should be specified, not the workload port. Did you mean one of these ports: [%3]?)")},
    {"gwapi-status-gateway-port-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "port %1 not found for hostname \"%2\"")},
    {"gwapi-status-gateway-only-hostname", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "only Hostname is supported, ignoring [%1]")},
    {"gwapi-gateway-not-programmed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is not programmed: %2 [Programmed=False, %3]")},
    {"gwapi-gateway-programmed-assumes-endpoints", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is assigned to Service %2; Istio reports it Programmed only while that Service has ready endpoints on the listener ports, which the set does not show (assumed here)")},
    {"gwapi-gateway-programmed-assumes-deployment", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is an automated deployment: Istio creates its Service %2 with the listener ports itself, so it need not be in the set; its addresses and ready endpoints depend on the cluster (assumed here)")},
    {"gwapi-status-bad-tls", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Bad TLS configuration")},
    {"gwapi-status-joined", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1; %2")},
    {"gwapi-cert-wrong-kind", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, only secret is allowed")},
    {"gwapi-cert-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, secret %2 not found")},
    {"gwapi-cert-empty-keys", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, found keys \"%2\" and \"%3\", but they were empty")},
    {"gwapi-cert-missing-keys", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, found secret, but didn't have expected keys (cert and key) or (tls.crt and tls.key); found: %2")},
    {"gwapi-cert-malformed-no-cert-pem", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, the certificate is malformed: tls: failed to find any PEM data in certificate input")},
    {"gwapi-cert-malformed-no-cert-block", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, the certificate is malformed: tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [%2]")},
    {"gwapi-cert-malformed-no-key-pem", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, the certificate is malformed: tls: failed to find any PEM data in key input")},
    {"gwapi-cert-malformed-cert-as-key", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, the certificate is malformed: tls: found a certificate rather than a key in the PEM for the private key")},
    {"gwapi-cert-malformed-no-key-block", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid certificate reference %1, the certificate is malformed: tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [%2]")},
    {"gwapi-cert-not-permitted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "certificateRef %1/%2 not accessible to a Gateway in namespace \"%3\" (missing a ReferenceGrant?)")},
    {"gwapi-cert-too-many", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "TLS mode can only support up to 2 server certificates")},
    {"gwapi-cacert-too-many", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "only one caCertificateRef is supported")},
    {"gwapi-cacert-wrong-kind", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, only secret and configmap are allowed")},
    {"gwapi-cacert-configmap-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, configmap %2 not found")},
    {"gwapi-cacert-secret-not-found", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, secret %2 not found")},
    {"gwapi-cacert-empty-key", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, found key \"%2\", but it was empty")},
    {"gwapi-cacert-missing-keys", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, found secret, but didn't have expected keys cacert or ca.crt; found: %2")},
    {"gwapi-cacert-malformed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "invalid CA certificate reference %1, the bundle is malformed")},
    {"gwapi-cacert-not-permitted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "caCertificateRef %1/%2 not accessible to a Gateway in namespace \"%3\" (missing a ReferenceGrant?)")},
    {"gwapi-listener-bad-certificate", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "listener \"%1\" of %2: %3; Istio does not program the listener [ResolvedRefs=False, %4]")},
    // ---------------------------------------------------------------- core/gatewayapi/targets.cpp (the target cluster)
    {"gwapi-target-not-served", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: apiVersion %2 is not served by the Gateway API %3 %4-channel CRDs (they serve %5), so the API server rejects it")},
    {"gwapi-target-no-crd", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: the Gateway API %2 %3-channel CRDs have no %4 at all, so the API server rejects it")},
    {"gwapi-target-needs-alpha", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Istio %1 reads %2 only with PILOT_ENABLE_ALPHA_GATEWAY_API=true on istiod: set it (istioctl install --set values.pilot.env.PILOT_ENABLE_ALPHA_GATEWAY_API=true), or Istio ignores %3")},
    {"gwapi-target-ignored", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Istio %1 reads %2 only as %3, which the Gateway API %4 %5-channel CRDs do not serve: the API server stores %6, but Istio ignores it without a word (no status, no route)")},
    {"ist-gateway-api-crd-below-minimum", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Gateway API CRD \"%1\" is at version \"%2\" but Istio requires at least \"%3\"; resources of this kind will not be processed. Upgrade the Gateway API CRDs to satisfy the minimum version.")},
    // ---------------------------------------------------------------- core/gatewayapi/convert
    {"convert-not-carried", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: %2 cannot be said in %3, so the converted configuration does not carry it")},
    {"convert-not-converted", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 is not converted: %2")},
    {"convert-carried-differently", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1: %2")},
    {"fragment-target-gateway-api", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "the Gateway API")},
    {"fragment-target-istio", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Istio's classic API")},
    {"fragment-convert-not-selected", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its selector does not select the ingress gateway workload (%1), so it stays a classic Gateway")},
    {"fragment-convert-port-taken", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its server on port %1 is skipped by Istio: an earlier server has the port")},
    {"fragment-convert-http", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its server on port %1 is of the HTTP family (only TCP and TLS are converted)")},
    {"fragment-convert-tls-mode", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its server on port %1 has TLS mode %2, which no Gateway API listener says")},
    {"fragment-convert-invalid-port", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its server on port %1 is not served")},
    {"fragment-convert-no-listener", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "none of its servers or listeners can be converted")},
    {"fragment-convert-rule-unused", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "%1 rule #%2 serves no port of a converted Gateway (Istio does not use it there)")},
    {"fragment-convert-http-routes", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "its http routes (only tcp and tls routes are converted)")},
    {"fragment-convert-vs-kept", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "it is also bound to gateways that are not converted (or to mesh), so it is kept as well as converted")},
    {"fragment-convert-sni-any", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "tls rule #%1 matches every SNI name (\"*\"), and a TLSRoute must name its hostnames")},
    {"fragment-convert-credential", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "credential \"%1\" becomes a certificateRef to Secret %1 in the Gateway's namespace %2 (the classic API reads it in the ingress gateway's namespace)")},
    {"fragment-convert-credential-back", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "certificateRef %1 becomes credentialName \"%2\": the Secret must be in the ingress gateway's namespace %3")},
    {"fragment-convert-hostname-backend", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "destination %1 is not a Kubernetes Service: it becomes a backendRef of kind Hostname (networking.istio.io), which only Istio reads")},
    {"fragment-convert-unknown-host", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "destination host %1 names no Service in the files: the backendRef names Service %2")},
    {"fragment-convert-undefined-subset", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "subset \"%1\" of %2 is not defined: its share goes to Service %3, which is not written, so that share fails as it does now")},
    {"fragment-convert-port-default", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "destination %1 names no port: the backendRef takes the Service's first port, %2")},
    {"fragment-convert-folded-service-removed", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "per-version Service %1 is left out: it is subset %3 of %2 now, and nothing else names it")},
    {"fragment-convert-folded-service-kept", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "per-version Service %1 is kept beside subset %3 of %2: other resources name it")},
    {"fragment-convert-kept-host", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Service %1 stays a destination host (not a subset of %2): a DestinationRule for %2 already exists")},
    {"fragment-convert-gateway-unhandled", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "Istio does not handle this Gateway (its class is not Istio's)")},
    {"fragment-convert-mesh-parent", QT_TRANSLATE_NOOP("meshroute::studio::DiagnosticText", "parentRef #%1 names a Service (mesh routing), not an ingress Gateway")},
};
// clang-format on

const std::unordered_map<std::string_view, const char *> &byId()
{
    static const std::unordered_map<std::string_view, const char *> index = [] {
        std::unordered_map<std::string_view, const char *> out;
        for (const MessageTemplate &t : kTemplates)
            out.emplace(t.id, t.text);
        return out;
    }();
    return index;
}

} // namespace

std::span<const MessageTemplate> messageTemplates()
{
    return kTemplates;
}

const char *messageTemplate(std::string_view id)
{
    const auto &index = byId();
    const auto found = index.find(id);
    return found == index.end() ? nullptr : found->second;
}

std::string substitute(std::string_view pattern, const std::vector<std::string> &arguments)
{
    std::string out;
    out.reserve(pattern.size() + 64);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const auto n = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (n <= arguments.size()) {
                out += arguments[n - 1];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string render(const Message &message)
{
    std::vector<std::string> arguments;
    arguments.reserve(message.args.size());
    for (const MessageArg &arg : message.args)
        arguments.push_back(render(arg));
    if (const char *pattern = messageTemplate(message.id))
        return substitute(pattern, arguments);
    std::string out = message.id;
    for (const std::string &argument : arguments)
        out += " " + argument;
    return out;
}

std::string render(const MessageArg &arg)
{
    if (!arg.fragment)
        return arg.text;
    if (const char *fragment = messageTemplate(arg.text))
        return substitute(fragment, arg.params);
    std::string out = arg.text;
    for (const std::string &param : arg.params)
        out += " " + param;
    return out;
}

int placeholderCount(std::string_view pattern)
{
    bool used[10] = {};
    int highest = 0;
    for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
        if (pattern[i] == '%' && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const int n = pattern[i + 1] - '0';
            used[n] = true;
            highest = std::max(highest, n);
            ++i;
        }
    }
    for (int n = 1; n <= highest; ++n)
        if (!used[n])
            return -1;
    return highest;
}

} // namespace meshroute
