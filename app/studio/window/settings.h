#pragma once

// Preferences kept in QSettings, and applying them: theme and language.

#include <QString>
#include <QStringList>

class QApplication;
class QTranslator;

namespace meshroute::studio {

enum class Theme { System, Light, Dark };

struct Preferences
{
    QString language; // "" follows the system, else "en" or "zh_CN"
    QString bindAddress = QStringLiteral("127.0.0.1");
    int portOffset = 0; // added to every gateway port on the local gateway
    Theme theme = Theme::System;
    int autosaveSeconds = 60; // 0 disables autosave

    static Preferences load();
    void save() const;
};

namespace settingsKeys {
inline constexpr const char *language = "ui/language";
inline constexpr const char *theme = "ui/theme";
inline constexpr const char *bindAddress = "gateway/bindAddress";
inline constexpr const char *portOffset = "gateway/portOffset";
inline constexpr const char *autosave = "document/autosaveSeconds";
inline constexpr const char *recent = "document/recent";
inline constexpr const char *lastDocument = "document/last";
inline constexpr const char *started = "app/startedBefore";
inline constexpr const char *geometry = "window/geometry";
inline constexpr const char *state = "window/state";
} // namespace settingsKeys

// The languages the program ships: code and native name.
QList<QPair<QString, QString>> availableLanguages();
// Install the catalogue for `language` ("" = system locale) into the application; returns the code used.
QString installTranslation(QApplication &app, const QString &language);
// Apply the theme: the Fusion style with a light or dark palette, or the platform's for System.
void applyTheme(QApplication &app, Theme theme);
bool isDarkTheme(const QApplication &app);

// Recently opened documents (each a list of paths), most recent first.
QList<QStringList> recentDocuments();
void addRecentDocument(const QStringList &paths);

} // namespace meshroute::studio
