#include "document/recovery.h"

#include "document/document.h"
#include "support/atomicfile.h"
#include "yaml/writer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace meshroute::studio {

namespace {

bool processRunning(qint64 pid)
{
    return pid > 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

} // namespace

QString Recovery::folder()
{
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                             .absoluteFilePath(QStringLiteral("recovery"));
    QDir().mkpath(path);
    return path;
}

QString Recovery::ownFile()
{
    return QDir(folder()).absoluteFilePath(
        QStringLiteral("autosave-%1.json").arg(QCoreApplication::applicationPid()));
}

bool Recovery::write(const Document &document, QString *error)
{
    const ResourceSet &set = document.set();
    QJsonArray files;
    for (std::size_t i = 0; i < set.files.size(); ++i)
        files.append(QJsonObject{
            {QStringLiteral("path"), QString::fromStdString(set.files[i].path)},
            {QStringLiteral("text"), QString::fromStdString(renderFile(set, static_cast<int>(i)))}});
    QJsonObject root{{QStringLiteral("version"), 1},
                     {QStringLiteral("pid"), QCoreApplication::applicationPid()},
                     {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                     {QStringLiteral("openedPaths"), QJsonArray::fromStringList(document.openedPaths())},
                     {QStringLiteral("files"), files}};
    std::string message;
    if (!writeFileAtomically(ownFile().toStdString(),
                             QJsonDocument(root).toJson(QJsonDocument::Compact).toStdString(), message)) {
        if (error)
            *error = QString::fromStdString(message);
        return false;
    }
    return true;
}

void Recovery::discard()
{
    QFile::remove(ownFile());
}

QList<RecoveredDocument> Recovery::pending()
{
    QList<RecoveredDocument> result;
    QDir dir(folder());
    for (const QFileInfo &info : dir.entryInfoList({QStringLiteral("autosave-*.json")}, QDir::Files)) {
        QFile file(info.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        const qint64 pid = root.value(QStringLiteral("pid")).toInteger();
        if (pid == QCoreApplication::applicationPid() || processRunning(pid))
            continue;
        RecoveredDocument recovered;
        recovered.recoveryFile = info.absoluteFilePath();
        recovered.savedAt =
            QDateTime::fromString(root.value(QStringLiteral("savedAt")).toString(), Qt::ISODate);
        for (const QJsonValue &path : root.value(QStringLiteral("openedPaths")).toArray())
            recovered.openedPaths << path.toString();
        for (const QJsonValue &value : root.value(QStringLiteral("files")).toArray()) {
            const QJsonObject entry = value.toObject();
            recovered.files.append({entry.value(QStringLiteral("path")).toString(),
                                    entry.value(QStringLiteral("text")).toString()});
        }
        if (!recovered.files.isEmpty())
            result << recovered;
    }
    std::sort(result.begin(), result.end(),
              [](const RecoveredDocument &a, const RecoveredDocument &b) { return a.savedAt > b.savedAt; });
    return result;
}

void Recovery::remove(const RecoveredDocument &recovered)
{
    QFile::remove(recovered.recoveryFile);
}

} // namespace meshroute::studio
