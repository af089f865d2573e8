#include "animationdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>

#include <algorithm>

namespace rpcscope::widgets {

using diagram::AnimationFormat;

namespace {

// Slides: 16:9 at the sizes projectors and video players expect.
const QList<QSize> kSizes = {QSize(1920, 1080), QSize(1280, 720), QSize(3840, 2160)};

} // namespace

AnimationDialog::AnimationDialog(std::pair<core::TimePoint, core::TimePoint> inView, bool hasSelectedCall,
                                 double speed, QWidget *parent)
    : QDialog(parent)
    , m_inView(inView)
{
    setObjectName(QStringLiteral("animationDialog"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    for (int i = 0; i < 4; ++i)
        m_format->addItem(QString());
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("range"));
    for (int i = 0; i < 3; ++i)
        m_range->addItem(QString());
    if (!hasSelectedCall)
        m_range->removeItem(int(Range::SelectedCall));
    m_speed = new QDoubleSpinBox(this);
    m_speed->setObjectName(QStringLiteral("speed"));
    m_speed->setRange(0.01, 10.0);
    m_speed->setDecimals(2);
    m_speed->setSingleStep(0.05);
    m_speed->setSuffix(QStringLiteral(" ×"));
    m_speed->setValue(std::clamp(speed, 0.01, 10.0));
    m_fps = new QSpinBox(this);
    m_fps->setObjectName(QStringLiteral("fps"));
    m_fps->setRange(1, 30);
    m_fps->setValue(10);
    m_size = new QComboBox(this);
    m_size->setObjectName(QStringLiteral("size"));
    for (const QSize &s : kSizes)
        m_size->addItem(QStringLiteral("%1 × %2").arg(s.width()).arg(s.height()), s);
    m_legend = new QCheckBox(this);
    m_legend->setObjectName(QStringLiteral("legend"));

    m_form = new QFormLayout;
    for (QWidget *field : std::initializer_list<QWidget *>{m_format, m_range, m_speed, m_fps, m_size}) {
        auto *label = new QLabel(this);
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    m_form->addRow(m_legend);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
    // One PNG per step has no speed or frame rate.
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        const bool moving = format() != AnimationFormat::PngSteps;
        m_speed->setEnabled(moving);
        m_fps->setEnabled(moving);
    });
    m_i18n.add([this, buttons] {
        retranslate();
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Export…"));
    });
}

void AnimationDialog::retranslate()
{
    setWindowTitle(tr("Export Animation"));
    m_format->setItemText(0, tr("Animated GIF: plays in browsers and slides"));
    m_format->setItemText(1, tr("MP4 video (H.264, needs ffmpeg)"));
    m_format->setItemText(2, tr("WebM video (VP9, needs ffmpeg)"));
    m_format->setItemText(3, tr("One PNG per step: a slide each time something new shows"));
    m_range->setItemText(int(Range::InView), tr("What is in view: %1 to %2 ms")
                                                 .arg(double(m_inView.first.count()) / 1000.0, 0, 'f', 1)
                                                 .arg(double(m_inView.second.count()) / 1000.0, 0, 'f', 1));
    m_range->setItemText(int(Range::Session), tr("The whole session"));
    if (m_range->count() > int(Range::SelectedCall))
        m_range->setItemText(int(Range::SelectedCall), tr("The selected call alone"));
    m_speed->setToolTip(tr("Virtual time per real time: 0.1 plays 100 ms of the session in one second"));
    m_legend->setText(tr("A key to every mark"));
    const std::pair<QWidget *, QString> labels[] = {{m_format, tr("&Format:")},
                                                     {m_range, tr("&Time range:")},
                                                     {m_speed, tr("&Speed:")},
                                                     {m_fps, tr("Frames a &second:")},
                                                     {m_size, tr("Si&ze:")}};
    for (const auto &[field, text] : labels)
        if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(field)))
            label->setText(text);
}

void AnimationDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QDialog::changeEvent(event);
}

AnimationFormat AnimationDialog::format() const
{
    return AnimationFormat(m_format->currentIndex());
}

AnimationDialog::Range AnimationDialog::range() const
{
    return Range(m_range->currentIndex());
}

diagram::AnimationExport AnimationDialog::animation(const diagram::AnimationExport &base) const
{
    diagram::AnimationExport a = base;
    a.speed = m_speed->value();
    a.fps = m_fps->value();
    a.size = m_size->currentData().toSize();
    a.diagram.legend = m_legend->isChecked();
    if (range() == Range::InView) {
        a.diagram.from = m_inView.first;
        a.diagram.to = m_inView.second;
    }
    if (range() != Range::SelectedCall)
        a.diagram.call.reset();
    return a;
}

QString AnimationDialog::suffix() const
{
    switch (format()) {
    case AnimationFormat::Gif: return QStringLiteral("gif");
    case AnimationFormat::Mp4: return QStringLiteral("mp4");
    case AnimationFormat::WebM: return QStringLiteral("webm");
    case AnimationFormat::PngSteps: return QStringLiteral("png");
    }
    return {};
}

QString AnimationDialog::fileFilter() const
{
    switch (format()) {
    case AnimationFormat::Gif: return tr("Animated GIF (*.gif)");
    case AnimationFormat::Mp4: return tr("MP4 video (*.mp4)");
    case AnimationFormat::WebM: return tr("WebM video (*.webm)");
    case AnimationFormat::PngSteps: return tr("PNG pictures, numbered from NAME-001.png (*.png)");
    }
    return {};
}

} // namespace rpcscope::widgets
