#pragma once

#include <QPalette>
#include <QSize>

namespace rpcscope::widgets::theme {

// View > Dark Theme: a dark palette for the whole application, or the one
// it started with. The choice is remembered for the next start.
QPalette darkPalette();
void setDark(bool dark);
bool darkChosen(); // as last chosen

// Presentation mode enlarges everything a class reads by one factor: as
// large as a screen of `screen` allows while the diagram keeps room for
// its lanes and labels: 1.6 on a 1080p projector, about 1.16 at 1280×720.
double presentationScale(QSize screen);

} // namespace rpcscope::widgets::theme
