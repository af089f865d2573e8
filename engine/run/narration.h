#pragma once

#include "session/sessionconfig.h"
#include "trace/tracelog.h"

#include <QString>

namespace rpcscope::session {

// What a teacher would say about event `index` of `view`: one or two plain
// sentences in the chapter's own words (ack, timeout, retry, sequence counter,
// at-most-once, end-to-end argument), e.g. "The reply to call 7 was lost. To
// the client this looks exactly like a lost request, so it will time out and
// send call 7 again."
//
// Earlier events give the context that makes a sentence true (was the request
// lost or the reply? has the server already run the call?); at most a couple
// of thousand of them are looked at, so it is cheap enough to call on hover.
// Hosts are "the client" in a one-client session, "client 3" otherwise, and
// "the server". Every sentence is translated in the context "Narration". An
// index outside the view gives an empty string.
QString narrate(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config);

// A host as the narration names it: "the client" in a one-client session,
// "client 3" otherwise, "the server"; capitalised to start a sentence.
QString narratedHost(core::HostId host, const SessionConfig &config, bool startsSentence);

} // namespace rpcscope::session
