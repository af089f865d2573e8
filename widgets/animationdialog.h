#pragma once

#include "animation.h"
#include "retranslator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QSpinBox;

namespace rpcscope::widgets {

// File > Export Animation: the playback of a time range for slides, as an
// animated GIF, MP4 or WebM, or one PNG per step. Chooses the format, the
// range (what is in view, the whole session or the selected call), the
// speed, the frame rate and the slide size; the window asks where to write
// and shows the progress.
class AnimationDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Range { InView, Session, SelectedCall };

    // `inView` is the diagram's visible time range; `hasSelectedCall` offers
    // that call alone; `speed` is the playback's own.
    AnimationDialog(std::pair<core::TimePoint, core::TimePoint> inView, bool hasSelectedCall, double speed,
                    QWidget *parent = nullptr);

    diagram::AnimationFormat format() const;
    Range range() const;
    // The settings chosen, on top of `base` (its trace, lanes and title).
    diagram::AnimationExport animation(const diagram::AnimationExport &base) const;
    // "GIF (*.gif)" and the like: the file dialog's filter and default suffix.
    QString fileFilter() const;
    QString suffix() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    Retranslator m_i18n;
    std::pair<core::TimePoint, core::TimePoint> m_inView;
    QFormLayout *m_form = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_range = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QSpinBox *m_fps = nullptr;
    QComboBox *m_size = nullptr;
    QCheckBox *m_legend = nullptr;
};

} // namespace rpcscope::widgets
