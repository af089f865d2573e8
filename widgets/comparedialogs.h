#pragma once

#include "retranslator.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"

#include <QDialog>

#include <utility>
#include <vector>

class QLabel;

namespace rpcscope::widgets {

class ControlsPanel;

// Scenario > Compare…: the session's settings twice, as A and as B, each
// in a Controls panel of its own; what differs is listed below as it is set.
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(const session::SessionConfig &base, QWidget *parent = nullptr);

    const session::SessionConfig &a() const { return m_configs[0]; }
    const session::SessionConfig &b() const { return m_configs[1]; }
    // Sets an option of one side as its panel would (for tests and presets).
    QString setOption(int side, const QString &option, const QString &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showDifferences();

    session::SessionConfig m_configs[2];
    ControlsPanel *m_panels[2] = {};
    QLabel *m_differences = nullptr;
    Retranslator m_i18n;
};

// Fork from Here…: the settings in force at the fork point, in a Controls
// panel; what is changed there is what the fork changes. Settings that
// shape a session from its start (clients, calls, service) cannot change
// at a fork, and are refused as they are set.
class ForkDialog : public QDialog
{
    Q_OBJECT

public:
    ForkDialog(const session::SessionConfig &atFork, core::TimePoint at, QWidget *parent = nullptr);

    // option, value: in the order they were set; the last value of each.
    const std::vector<std::pair<QString, QString>> &settings() const { return m_settings; }
    QString setOption(const QString &option, const QString &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSettings();

    session::SessionConfig m_start;
    session::SessionConfig m_config;
    core::TimePoint m_at;
    std::vector<std::pair<QString, QString>> m_settings;
    ControlsPanel *m_panel = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_refused = nullptr;
    Retranslator m_i18n;
};

} // namespace rpcscope::widgets
