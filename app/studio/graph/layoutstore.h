#pragma once

// A person's own node positions, kept next to the YAML in a sidecar file
// (never in the manifests): `<folder>/.meshroute-layout.json`. The document's own settings
// live there too: the target cluster's ingress gateway and its Istio version and Gateway API CRDs,
// `"settings": {"ingress": "demo", "target": "istio=1.31,gateway-api=v1.6.0,..."}` (each left out
// while it is the default).

#include <QHash>
#include <QJsonObject>
#include <QPointF>
#include <QString>

namespace meshroute::studio {

class LayoutStore
{
public:
    static QString fileName(); // ".meshroute-layout.json"
    static QString pathFor(const QString &folder);

    // Positions saved in `folder`; empty when there is no sidecar or it cannot be read.
    static QHash<QString, QPointF> load(const QString &folder);
    // The document settings saved in `folder`; empty when there are none.
    static QJsonObject loadSettings(const QString &folder);
    // Write the positions and settings atomically; nothing to keep removes the sidecar.
    static bool save(const QString &folder, const QHash<QString, QPointF> &positions,
                     QString *error = nullptr, const QJsonObject &settings = {});
};

} // namespace meshroute::studio
