#include "quiz.h"

#include "narration.h"

#include "wire/datagram.h"


#include <algorithm>

namespace rpcscope::session {

using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

namespace {

// How far back a premise's context is sought, and how far ahead an answer:
// a call's whole story, while a frame of a busy session stays cheap.
constexpr qsizetype kLookBack = 2000;
constexpr qsizetype kLookAhead = 20000;

bool sameCall(const Event &a, const Event &b)
{
    return a.client == b.client && a.callId == b.callId;
}

// The same datagram: a Send and what became of it.
bool sameDatagram(const Event &a, const Event &b)
{
    return a.from == b.from && a.to == b.to && sameCall(a, b) && a.attempt == b.attempt && a.datagram == b.datagram
           && a.fragment == b.fragment;
}

bool isKind(const Event &e, DatagramKind kind)
{
    return e.datagram == std::uint8_t(kind);
}

// The latest event before `index` that `pred` accepts, not looking further
// back than `stop` accepts (nor than kLookBack events); -1 if none.
template <typename Pred, typename Stop>
qsizetype latest(const trace::TraceLog::View &view, qsizetype index, Pred pred, Stop stop)
{
    for (qsizetype i = index - 1; i >= std::max<qsizetype>(0, index - kLookBack); --i) {
        if (pred(view.at(i)))
            return i;
        if (stop(view.at(i)))
            return -1;
    }
    return -1;
}

bool isCallStart(const Event &e)
{
    return e.kind == EventKind::CallStart;
}

bool isCallEnd(const Event &e)
{
    return e.kind == EventKind::CallOk || e.kind == EventKind::CallFailed;
}

// Whether the call of `e` is still open at `index`: started, not ended.
bool callOpen(const trace::TraceLog::View &view, qsizetype index, const Event &e)
{
    const auto mine = [&e](const Event &o) { return sameCall(o, e); };
    return latest(view, index, [&](const Event &o) { return mine(o) && isCallEnd(o); },
                  [&](const Event &o) { return mine(o) && isCallStart(o); })
           < 0;
}

// What became of the datagram sent at `send`: delivered, lost, or thrown
// away by the receiver's checksum, and the event that shows it.
std::optional<std::pair<QuizOutcome, qsizetype>> fate(const trace::TraceLog::View &view, qsizetype send)
{
    const Event &s = view.at(send);
    const qsizetype end = std::min(view.size(), send + kLookAhead);
    for (qsizetype i = send + 1; i < end; ++i) {
        const Event &e = view.at(i);
        if (!sameDatagram(e, s))
            continue;
        if (e.kind == EventKind::Lost)
            return std::pair(QuizOutcome::Lost, i);
        if (e.kind == EventKind::Deliver) {
            // A damaged datagram's check (or its failure to decode) follows
            // its delivery at once.
            const auto caught = [&e](const Event &c) {
                return (c.kind == EventKind::ChecksumFail || c.kind == EventKind::MalformedDropped)
                       && c.timeUs == e.timeUs && c.from == e.to;
            };
            if (i + 1 < view.size() && caught(view.at(i + 1)))
                return std::pair(QuizOutcome::Discarded, i + 1);
            return std::pair(QuizOutcome::Delivered, i);
        }
    }
    return std::nullopt;
}

bool damages(const SessionConfig &config)
{
    return config.toServer.corrupt > 0 || config.toClient.corrupt > 0;
}

QString outcomeText(QuizOutcome outcome, const QuizQuestion &q, const SessionConfig &config)
{
    const QString call = QString::number(q.callId);
    const QString client = narratedHost(q.client, config, false);
    switch (outcome) {
    case QuizOutcome::Delivered: return QuizRun::tr("It arrives.");
    case QuizOutcome::Lost: return QuizRun::tr("The network loses it on the way.");
    case QuizOutcome::Discarded:
        return QuizRun::tr("It arrives damaged, and the receiver throws it away.");
    case QuizOutcome::WaitsForever: return QuizRun::tr("Nothing: %1 waits for the reply for ever.").arg(client);
    case QuizOutcome::Resends:
        return QuizRun::tr("Its timer runs out, and %1 sends call %2 again.").arg(client, call);
    case QuizOutcome::Fails: return QuizRun::tr("%1 gives up: call %2 fails.").arg(narratedHost(q.client, config, true), call);
    case QuizOutcome::OtherReply:
        return QuizRun::tr("A reply to another of its copies arrives, and call %1 completes.").arg(call);
    case QuizOutcome::ReplyFirst: return QuizRun::tr("The reply arrives first, and call %1 completes.").arg(call);
    case QuizOutcome::TimerFirst:
        return QuizRun::tr("The timer fires first: %1 sends call %2 again although the reply is on its way.").arg(client, call);
    case QuizOutcome::Runs: return QuizRun::tr("It runs call %1.").arg(call);
    case QuizOutcome::FromCache:
        return QuizRun::tr("It answers from its reply cache, without running call %1 again.").arg(call);
    case QuizOutcome::AckedRunning: return QuizRun::tr("It acks the request: call %1 is still running.").arg(call);
    case QuizOutcome::Dropped:
        return QuizRun::tr("Nothing: the request is lost or damaged on the way, or it comes after the call is over.");
    case QuizOutcome::Refused:
        return QuizRun::tr("It refuses the request: it cannot know whether call %1 ran before the crash.").arg(call);
    }
    return {};
}

// Lost, and thrown away by a checksum where the network damages datagrams:
// what can become of a datagram besides arriving.
void addFates(QuizQuestion &q, const SessionConfig &config)
{
    q.outcomes.push_back(QuizOutcome::Lost);
    if (damages(config))
        q.outcomes.push_back(QuizOutcome::Discarded);
}

QuizQuestion question(QuizQuestion::Kind kind, qsizetype premise, const Event &e)
{
    QuizQuestion q;
    q.kind = kind;
    q.premise = premise;
    q.client = e.client;
    q.callId = e.callId;
    return q;
}

bool isFirst(const trace::TraceLog::View &view, qsizetype index, auto pred)
{
    for (qsizetype i = index - 1; i >= 0; --i)
        if (pred(view.at(i)))
            return false;
    return true;
}

std::optional<QuizQuestion> arrives(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    const Event &e = view.at(index);
    if (!isFirst(view, index, [](const Event &o) { return o.kind == EventKind::Send; }))
        return std::nullopt;
    QuizQuestion q = question(QuizQuestion::Kind::Arrives, index, e);
    q.text = e.fragment > 0
                 ? QuizRun::tr("The first piece of call %1's request is on its way to the server. Will it get there?")
                       .arg(e.callId)
                 : QuizRun::tr("Call %1's request is on its way to the server. Will it get there?").arg(e.callId);
    q.outcomes = {QuizOutcome::Delivered};
    addFates(q, config);
    return q;
}

std::optional<QuizQuestion> replyRace(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    const Event &e = view.at(index);
    if (e.fragment > 1 || !callOpen(view, index, e))
        return std::nullopt;
    const bool firstReply = isFirst(view, index, [](const Event &o) {
        return o.kind == EventKind::Send && isKind(o, DatagramKind::Reply);
    });
    const bool resent = latest(view, index, [&e](const Event &o) { return sameCall(o, e) && o.kind == EventKind::Retransmit; },
                               [&e](const Event &o) { return sameCall(o, e) && isCallStart(o); })
                        >= 0;
    if (!firstReply && !resent)
        return std::nullopt;
    QuizQuestion q = question(QuizQuestion::Kind::ReplyRace, index, e);
    q.text = QuizRun::tr("The server has sent the reply to call %1. Will it reach %2 before %2's timer runs out?")
                 .arg(QString::number(e.callId), narratedHost(e.client, config, false));
    q.outcomes = {QuizOutcome::ReplyFirst, QuizOutcome::TimerFirst};
    addFates(q, config);
    return q;
}

std::optional<QuizQuestion> afterLoss(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    const Event &e = view.at(index);
    const bool request = isKind(e, DatagramKind::Request);
    if ((!request && !isKind(e, DatagramKind::Reply)) || e.fragment != 0 || !callOpen(view, index, e))
        return std::nullopt;
    QuizQuestion q = question(QuizQuestion::Kind::AfterLoss, index, e);
    const QString call = QString::number(e.callId);
    // The call's only copy so far: what the chapter's figures show. Once it
    // has been resent, another copy may still bring the reply.
    const bool only = latest(view, index, [&e](const Event &o) { return sameCall(o, e) && o.kind == EventKind::Retransmit; },
                             [&e](const Event &o) { return sameCall(o, e) && isCallStart(o); })
                      < 0;
    if (!only)
        q.text = request ? QuizRun::tr("A copy of call %1's request (attempt %2) was lost. What will %3 do?")
                               .arg(call, QString::number(e.attempt), narratedHost(e.client, config, false))
                         : QuizRun::tr("The reply to a copy of call %1 (attempt %2) was lost. What will %3 do?")
                               .arg(call, QString::number(e.attempt), narratedHost(e.client, config, false));
    else if (request)
        q.text = QuizRun::tr("Call %1's request was lost: the server will never see it. What will %2 do?")
                     .arg(call, narratedHost(e.client, config, false));
    else
        q.text = QuizRun::tr("The reply to call %1 was lost, after the server ran the call. %2 cannot tell which was lost. "
                    "What will it do?")
                     .arg(call, narratedHost(e.client, config, true));
    q.outcomes = {QuizOutcome::WaitsForever, QuizOutcome::Resends, QuizOutcome::Fails, QuizOutcome::OtherReply};
    return q;
}

// The request a Retransmit sends, right after it.
qsizetype resentRequest(const trace::TraceLog::View &view, qsizetype index)
{
    const Event &r = view.at(index);
    for (qsizetype i = index + 1; i < std::min(view.size(), index + 64); ++i) {
        const Event &e = view.at(i);
        if (e.kind == EventKind::Send && sameCall(e, r) && e.attempt == r.attempt && e.from == r.client)
            return isKind(e, DatagramKind::Request) ? i : -1;
        if (e.timeUs != r.timeUs)
            break;
    }
    return -1;
}

std::optional<QuizQuestion> serverAction(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    const Event &e = view.at(index);
    if (!isKind(e, DatagramKind::Request))
        return std::nullopt; // a probe asks; it does not run anything
    const qsizetype send = resentRequest(view, index);
    if (send < 0 || view.at(send).fragment != 0)
        return std::nullopt;
    // After a crash the restart's own question asks this.
    if (latest(view, index, [](const Event &o) { return o.kind == EventKind::ServerRestart; },
               [&e](const Event &o) { return sameCall(o, e) && isCallStart(o); })
        >= 0)
        return std::nullopt;
    QuizQuestion q = question(QuizQuestion::Kind::ServerAction, index, e);
    q.text = QuizRun::tr("%1 sends call %2 again (attempt %3). What will the server do with it?")
                 .arg(narratedHost(e.client, config, true), QString::number(e.callId), QString::number(e.attempt));
    q.outcomes = {QuizOutcome::Runs, QuizOutcome::FromCache, QuizOutcome::AckedRunning, QuizOutcome::Dropped};
    return q;
}

std::optional<QuizQuestion> restart(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    // The call the crash interrupted: a handler that started and did not end.
    for (qsizetype i = index - 1; i >= std::max<qsizetype>(0, index - kLookBack); --i) {
        const Event &h = view.at(i);
        if (h.kind == EventKind::ServerRestart)
            break;
        if (h.kind != EventKind::HandlerStart)
            continue;
        bool ended = false;
        for (qsizetype j = i + 1; j < index && !ended; ++j)
            ended = sameCall(view.at(j), h) && (view.at(j).kind == EventKind::HandlerEnd || isCallEnd(view.at(j)));
        if (ended)
            continue;
        QuizQuestion q = question(QuizQuestion::Kind::Restart, index, h);
        q.text = QuizRun::tr("The server crashed while it ran call %1, and came back with an empty reply cache. What will "
                    "it do when %2 sends call %1 again?")
                     .arg(QString::number(h.callId), narratedHost(h.client, config, false));
        q.outcomes = {QuizOutcome::Runs, QuizOutcome::Refused, QuizOutcome::FromCache};
        return q;
    }
    return std::nullopt;
}

// What the server did with a request of the call, from `from` on: the
// first of run, answer from the cache, ack as running, refuse, or drop as
// stale (the client has already acknowledged the reply).
std::optional<std::pair<QuizOutcome, qsizetype>> serverDid(const trace::TraceLog::View &view, qsizetype from,
                                                           const QuizQuestion &q, int attempt)
{
    const qsizetype end = std::min(view.size(), from + kLookAhead);
    for (qsizetype i = from; i < end; ++i) {
        const Event &e = view.at(i);
        if (e.client != q.client || e.callId != q.callId || e.from != core::kServerHost
            || (attempt > 0 && e.attempt != attempt))
            continue;
        // Held back (ordered delivery): it runs when its turn comes, under
        // whichever copy's attempt the server holds.
        if (e.kind == EventKind::RequestHeld) {
            attempt = 0;
            continue;
        }
        switch (e.kind) {
        case EventKind::HandlerStart: return std::pair(QuizOutcome::Runs, i);
        case EventKind::CachedReplyResent: return std::pair(QuizOutcome::FromCache, i);
        case EventKind::DuplicateSuppressed: return std::pair(QuizOutcome::AckedRunning, i);
        case EventKind::Rejected: return std::pair(QuizOutcome::Refused, i);
        case EventKind::StaleDropped: return std::pair(QuizOutcome::Dropped, i);
        default: break;
        }
    }
    return std::nullopt;
}

// What the client did after `from`: resent, failed, or completed (a reply
// to another of the call's copies arrived).
std::optional<std::pair<QuizOutcome, qsizetype>> clientDid(const trace::TraceLog::View &view, qsizetype from,
                                                           const QuizQuestion &q)
{
    const qsizetype end = std::min(view.size(), from + kLookAhead);
    for (qsizetype i = from; i < end; ++i) {
        const Event &e = view.at(i);
        if (e.client != q.client || e.callId != q.callId)
            continue;
        if (e.kind == EventKind::Retransmit)
            return std::pair(QuizOutcome::Resends, i);
        if (e.kind == EventKind::CallFailed)
            return std::pair(QuizOutcome::Fails, i);
        if (e.kind == EventKind::CallOk)
            return std::pair(QuizOutcome::OtherReply, i);
    }
    return std::nullopt;
}

// Where the call ended (completed or failed) after `from`, if it has.
qsizetype callEnd(const trace::TraceLog::View &view, qsizetype from, const QuizQuestion &q)
{
    const qsizetype end = std::min(view.size(), from + kLookAhead);
    for (qsizetype i = from; i < end; ++i) {
        const Event &e = view.at(i);
        if (e.client == q.client && e.callId == q.callId && isCallEnd(e))
            return i;
    }
    return -1;
}

std::optional<std::pair<QuizOutcome, qsizetype>> settle(const trace::TraceLog::View &view, const QuizQuestion &q)
{
    const Event &p = view.at(q.premise);
    switch (q.kind) {
    case QuizQuestion::Kind::Arrives: return fate(view, q.premise);
    case QuizQuestion::Kind::AfterLoss: return clientDid(view, q.premise + 1, q);
    case QuizQuestion::Kind::ReplyRace: {
        const auto f = fate(view, q.premise);
        if (!f)
            return std::nullopt;
        // A timer that fires before the reply arrives (or before the client
        // learns it was lost or damaged) wins the race.
        for (qsizetype i = q.premise + 1; i < f->second; ++i) {
            const Event &e = view.at(i);
            if (e.kind == EventKind::Timeout && sameCall(e, p))
                return f->first == QuizOutcome::Delivered ? std::pair(QuizOutcome::TimerFirst, i) : *f;
        }
        return f->first == QuizOutcome::Delivered ? std::pair(QuizOutcome::ReplyFirst, f->second) : *f;
    }
    case QuizQuestion::Kind::ServerAction: {
        const qsizetype send = resentRequest(view, q.premise);
        if (send < 0)
            return std::nullopt;
        const auto f = fate(view, send);
        if (!f)
            return std::nullopt;
        if (f->first != QuizOutcome::Delivered)
            return std::pair(QuizOutcome::Dropped, f->second); // lost or damaged on the way
        return serverDid(view, f->second, q, p.attempt);
    }
    case QuizQuestion::Kind::Restart: {
        // The call may end first: its reply was already on the way, or
        // every retry was lost until the client gave up.
        const auto did = serverDid(view, q.premise + 1, q, 0);
        const qsizetype end = callEnd(view, q.premise + 1, q);
        if (end >= 0 && (!did || end < did->second))
            return std::pair(view.at(end).kind == EventKind::CallOk ? QuizOutcome::OtherReply : QuizOutcome::Fails, end);
        return did;
    }
    }
    return std::nullopt;
}

} // namespace

std::optional<QuizQuestion> quizQuestion(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    if (index < 0 || index >= view.size())
        return std::nullopt;
    const Event &e = view.at(index);
    std::optional<QuizQuestion> q;
    switch (e.kind) {
    case EventKind::Send:
        if (e.from != core::kServerHost && isKind(e, DatagramKind::Request))
            q = arrives(view, index, config);
        else if (e.from == core::kServerHost && isKind(e, DatagramKind::Reply))
            q = replyRace(view, index, config);
        break;
    case EventKind::Lost: q = afterLoss(view, index, config); break;
    case EventKind::Retransmit: q = serverAction(view, index, config); break;
    case EventKind::ServerRestart: q = restart(view, index, config); break;
    default: break;
    }
    if (q) {
        for (const QuizOutcome o : q->outcomes)
            q->choices << outcomeText(o, *q, config);
    }
    return q;
}

std::optional<QuizAnswer> quizAnswer(const trace::TraceLog::View &view, const QuizQuestion &question,
                                     const SessionConfig &config)
{
    if (question.premise < 0 || question.premise >= view.size())
        return std::nullopt;
    std::optional<std::pair<QuizOutcome, qsizetype>> settled = settle(view, question);
    if (!settled) {
        // What the question waits for may never come (the server's trace is
        // not shared, the request was dropped unseen): once the call is over,
        // its end is the answer, none of the choices.
        const qsizetype end = callEnd(view, question.premise + 1, question);
        if (end < 0)
            return std::nullopt;
        QuizAnswer a;
        a.outcome = view.at(end).kind == EventKind::CallOk ? QuizOutcome::OtherReply : QuizOutcome::Fails;
        a.settledBy = end;
        a.choice = -1;
        a.why = narrate(view, end, config);
        return a;
    }
    QuizAnswer a;
    a.outcome = settled->first;
    a.settledBy = settled->second;
    const auto it = std::find(question.outcomes.begin(), question.outcomes.end(), a.outcome);
    a.choice = it == question.outcomes.end() ? -1 : int(it - question.outcomes.begin());
    a.why = narrate(view, a.settledBy, config);
    return a;
}

void QuizRun::reset(qsizetype from)
{
    m_open.reset();
    m_scanned = from;
    m_pending.clear();
}

std::optional<QuizRun::Step> QuizRun::update(const trace::TraceLog::View &view, const SessionConfig &config,
                                             const std::function<bool(qsizetype)> &shown)
{
    // The trace started over (a capture replayed again): so does the quiz.
    if (view.size() < m_scanned)
        reset();
    for (; m_scanned < view.size(); ++m_scanned) {
        const EventKind kind = view.at(m_scanned).kind;
        if (kind == EventKind::Send || kind == EventKind::Lost || kind == EventKind::Retransmit
            || kind == EventKind::ServerRestart)
            m_pending.push_back(m_scanned);
    }
    if (m_open) {
        const std::optional<QuizAnswer> answer = quizAnswer(view, *m_open, config);
        if (!answer || !shown(answer->settledBy)) {
            // What the class saw while it waited is passed over.
            std::erase_if(m_pending, shown);
            return std::nullopt;
        }
        Step step{Step::What::Reveal, *m_open, *answer};
        m_open.reset();
        // Premises shown up to the answer are past; the answer's own event
        // and what follows it may prompt the next question.
        std::erase_if(m_pending, [&](qsizetype i) { return i < answer->settledBy && shown(i); });
        return step;
    }
    // Premises in log order: the earliest shown one that prompts a question.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (!shown(*it)) {
            ++it;
            continue;
        }
        const qsizetype index = *it;
        it = m_pending.erase(it);
        if (std::optional<QuizQuestion> q = quizQuestion(view, index, config)) {
            // Its answer already drawn (stepped past, or a fast speed): too late to ask.
            if (const std::optional<QuizAnswer> a = quizAnswer(view, *q, config); a && shown(a->settledBy))
                continue;
            m_open = q;
            return Step{Step::What::Ask, *q, {}};
        }
    }
    return std::nullopt;
}

QString QuizRun::text(const Step &step)
{
    const QuizQuestion &q = step.question;
    if (step.what == Step::What::Ask) {
        QStringList lines{tr("Question: %1").arg(q.text), QString()};
        for (int i = 0; i < q.choices.size(); ++i)
            lines << tr("%1. %2", "a lettered choice").arg(QChar(u'A' + i)).arg(q.choices.at(i));
        lines << QString() << tr("Press Space to play on and see.");
        return lines.join(u'\n');
    }
    const QuizAnswer &a = step.answer;
    const QString answer = a.choice >= 0 ? tr("Answer: %1. %2", "the letter and the choice")
                                               .arg(QChar(u'A' + a.choice))
                                               .arg(q.choices.at(a.choice))
                                         : tr("Answer: none of these.");
    return answer + QStringLiteral("\n\n") + a.why;
}

} // namespace rpcscope::session
