#pragma once

#include "session/sessionconfig.h"
#include "trace/tracelog.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace rpcscope::session {

// Predict, then reveal: questions a class can answer before the diagram
// shows what happened. A question is prompted by an event the diagram has
// just shown (its premise: a request leaves, a reply is lost, a client
// resends, the server crashes) and settled by a later event of the same
// trace (the datagram arrives or is lost, the timer fires, the server
// answers from its cache). Both are read from the trace the engine wrote,
// as the narration is, so the revealed answer is always what the engine did.
//
// What can happen next is a fixed list of outcomes; a question offers two
// to four of them, and its answer is the one the trace shows.

enum class QuizOutcome : std::uint8_t {
    Delivered,      // the datagram reaches its receiver
    Lost,           // the network loses it
    Discarded,      // it arrives damaged and the receiver throws it away (checksum or decoding)
    WaitsForever,   // (never happens: a client does not wait for ever)
    Resends,        // the client's timer fires and it sends the request again
    Fails,          // the call ends in error
    OtherReply,     // the reply to another copy of the call arrives: it completes
    ReplyFirst,     // the reply arrives before the client's timer fires
    TimerFirst,     // the timer fires although the reply is on its way
    Runs,           // the server runs the call
    FromCache,      // the server answers from its reply cache, not running it again
    AckedRunning,   // the server acks: the call is still running
    Refused,        // the server refuses the request
    Dropped,        // a request the server never acts on: lost or damaged on the way, or stale
};

struct QuizQuestion
{
    enum class Kind : std::uint8_t {
        Arrives,      // the session's first datagram: will it get there?
        AfterLoss,    // a request or reply was lost: what will the client do?
        ReplyRace,    // a reply is on its way: will it beat the client's timer?
        ServerAction, // a request is sent again: what will the server do with it?
        Restart,      // the server crashed during a call: what becomes of the call's retry?
    };
    Kind kind = Kind::Arrives;
    qsizetype premise = -1; // the event whose showing prompts the question
    core::HostId client = 0;
    std::uint32_t callId = 0;
    QString text;
    std::vector<QuizOutcome> outcomes; // what the choices say, in order
    QStringList choices;               // two to four, one per outcome
};

struct QuizAnswer
{
    // Index into the choices; -1: none of them happened (what the question
    // waited for never came, and the call ended: its end is the answer).
    int choice = -1;
    QuizOutcome outcome{};   // what happened
    qsizetype settledBy = -1; // the event that shows it
    QString why;             // the narration of that event
};

// The question event `index` prompts, if it prompts one. Its sentences are
// translated in QuizRun's context.
std::optional<QuizQuestion> quizQuestion(const trace::TraceLog::View &view, qsizetype index,
                                         const SessionConfig &config);

// The question's answer, once `view` holds the event that settles it.
std::optional<QuizAnswer> quizAnswer(const trace::TraceLog::View &view, const QuizQuestion &question,
                                     const SessionConfig &config);

// The quiz as playback meets it: asks one question at a time, as soon as its
// premise is shown, and reveals its answer when the settling event is shown.
// Premises shown while a question is open are passed over, so the class
// answers one thing at a time. Widget-free; the window pauses on each step.
class QuizRun
{
    Q_DECLARE_TR_FUNCTIONS(rpcscope::session::QuizRun)

public:
    struct Step
    {
        enum class What : std::uint8_t { Ask, Reveal };
        What what = What::Ask;
        QuizQuestion question;
        QuizAnswer answer; // with Reveal
    };

    // Starts over, looking only at events from `from` on (a quiz switched
    // on mid-session asks about what comes next, not what is past).
    void reset(qsizetype from = 0);
    // Looks at the events of `view` shown since the last call (`shown` says
    // which are): the question to ask or the answer to reveal now, if any.
    std::optional<Step> update(const trace::TraceLog::View &view, const SessionConfig &config,
                               const std::function<bool(qsizetype)> &shown);
    const std::optional<QuizQuestion> &open() const { return m_open; }

    // The step in words for the narration pane: the question with lettered
    // choices, or the answer and why.
    static QString text(const Step &step);

private:
    std::optional<QuizQuestion> m_open;
    qsizetype m_scanned = 0;
    std::vector<qsizetype> m_pending; // premises not shown yet (a loss before its ✗)
};

} // namespace rpcscope::session
