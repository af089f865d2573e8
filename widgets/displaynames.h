#pragma once

// The engine's fixed words in the GUI's language live with the diagram,
// which the command line draws too; the widgets use them under their old name.
#include "../diagram/displaynames.h"

namespace rpcscope::widgets {
namespace displaynames = diagram::displaynames;
}
