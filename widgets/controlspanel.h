#pragma once

#include "retranslator.h"
#include "session/sessionconfig.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QSlider;

namespace rpcscope::widgets {

// The session's settings as sliders with spin boxes and menus, named and
// defaulted exactly as rpcscope-cli's options (the session option table).
// Every edit is reported by option name and CLI value text; the owner
// decides whether it applies now or at the next reset.
class ControlsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ControlsPanel(QWidget *parent = nullptr);

    // Shows `config` without reporting any change.
    void showConfig(const session::SessionConfig &config);
    // Marks a control whose change waits for the next reset.
    void setPending(const QString &option, bool pending);

Q_SIGNALS:
    void optionChanged(const QString &option, const QString &value);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Numeric
    {
        QSlider *slider;
        QDoubleSpinBox *spin;
        double scale; // shown = option value * scale (probabilities as percent)
        double min, max; // what the slider covers, in shown units
    };
    // `label` and `suffix` are marked with QT_TR_NOOP: translated here, and again on each language change.
    void addNumeric(QFormLayout *form, const char *option, const char *label, double min, double max,
                    double step, int decimals, const char *suffix, double scale = 1.0);
    void addChoice(QFormLayout *form, const char *option, const char *label); // its words: optionChoices()

    QHash<QString, Numeric> m_numeric;
    QHash<QString, QComboBox *> m_choices;
    QHash<QString, QWidget *> m_labels;
    bool m_showing = false;
    Retranslator m_i18n;
};

} // namespace rpcscope::widgets
