#include "graph/layoutstore.h"

#include "support/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace meshroute::studio {

QString LayoutStore::fileName()
{
    return QStringLiteral(".meshroute-layout.json");
}

QString LayoutStore::pathFor(const QString &folder)
{
    return QDir(folder).absoluteFilePath(fileName());
}

QHash<QString, QPointF> LayoutStore::load(const QString &folder)
{
    QHash<QString, QPointF> positions;
    if (folder.isEmpty())
        return positions;
    QFile file(pathFor(folder));
    if (!file.open(QIODevice::ReadOnly) || file.size() > (8 << 20))
        return positions;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject saved = root.value(QStringLiteral("positions")).toObject();
    for (auto it = saved.begin(); it != saved.end(); ++it) {
        const QJsonArray pair = it.value().toArray();
        if (pair.size() == 2 && pair[0].isDouble() && pair[1].isDouble())
            positions.insert(it.key(), QPointF(pair[0].toDouble(), pair[1].toDouble()));
    }
    return positions;
}

QJsonObject LayoutStore::loadSettings(const QString &folder)
{
    if (folder.isEmpty())
        return {};
    QFile file(pathFor(folder));
    if (!file.open(QIODevice::ReadOnly) || file.size() > (8 << 20))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("settings")).toObject();
}

bool LayoutStore::save(const QString &folder, const QHash<QString, QPointF> &positions, QString *error,
                       const QJsonObject &settings)
{
    if (folder.isEmpty())
        return false;
    const QString path = pathFor(folder);
    if (positions.isEmpty() && settings.isEmpty()) {
        QFile::remove(path);
        return true;
    }
    QStringList ids = positions.keys();
    std::sort(ids.begin(), ids.end());
    QJsonObject saved;
    for (const QString &id : ids) {
        const QPointF point = positions.value(id);
        saved.insert(id, QJsonArray{qRound(point.x() * 10) / 10.0, qRound(point.y() * 10) / 10.0});
    }
    QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("positions"), saved}};
    if (!settings.isEmpty())
        root.insert(QStringLiteral("settings"), settings);
    std::string message;
    if (!writeFileAtomically(path.toStdString(), QJsonDocument(root).toJson().toStdString(), message)) {
        if (error)
            *error = QString::fromStdString(message);
        return false;
    }
    return true;
}

} // namespace meshroute::studio
