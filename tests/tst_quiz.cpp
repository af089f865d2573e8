// Predict, then reveal: every scenario asks questions whose revealed answer
// is what its trace shows, checked here against the trace by other means;
// and a quiz played along the playback clock asks before the fate shows and
// answers once it has, one question at a time.
#include "run/quiz.h"
#include "scene.h"
#include "session/scenario.h"
#include "simrun.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"

#include <QTest>

#include <set>

using namespace rpcscope;
using session::QuizOutcome;
using session::QuizQuestion;
using session::QuizRun;
using trace::Event;
using trace::EventKind;
using Kind = session::QuizQuestion::Kind;

Q_DECLARE_METATYPE(session::SessionConfig)

namespace {

using Run = testsupport::SimRun;

bool sameDatagram(const Event &a, const Event &b)
{
    return a.from == b.from && a.to == b.to && a.client == b.client && a.callId == b.callId && a.attempt == b.attempt
           && a.datagram == b.datagram && a.fragment == b.fragment;
}

bool isRequest(const Event &e)
{
    return e.datagram == std::uint8_t(wire::DatagramKind::Request);
}

// The oracle: what became of the datagram sent at `send`, read by a plain
// search of the whole trace (a loss is recorded with the send, a delivery
// when it lands, a checksum's or the decoder's catch right after it).
QuizOutcome fateOf(const trace::TraceLog::View &view, qsizetype send, qsizetype *at)
{
    for (qsizetype i = send + 1; i < view.size(); ++i) {
        const Event &e = view.at(i);
        if (!sameDatagram(e, view.at(send)))
            continue;
        *at = i;
        if (e.kind == EventKind::Lost)
            return QuizOutcome::Lost;
        if (e.kind == EventKind::Deliver) {
            const bool caught = i + 1 < view.size()
                                && (view.at(i + 1).kind == EventKind::ChecksumFail
                                    || view.at(i + 1).kind == EventKind::MalformedDropped);
            *at = caught ? i + 1 : i;
            return caught ? QuizOutcome::Discarded : QuizOutcome::Delivered;
        }
    }
    *at = -1;
    return QuizOutcome::WaitsForever;
}

qsizetype firstAfter(const trace::TraceLog::View &view, qsizetype from, const std::function<bool(const Event &)> &pred)
{
    for (qsizetype i = from; i < view.size(); ++i)
        if (pred(view.at(i)))
            return i;
    return -1;
}

// The whole quiz of a trace, played along a clock that shows each event at
// the diagram's reveal time.
std::vector<QuizRun::Step> playQuiz(const Run &run)
{
    diagram::TraceDigest digest;
    digest.update(run.view);
    std::vector<core::TimePoint> shownAt;
    for (qsizetype i = 0; i < run.view.size(); ++i)
        shownAt.push_back(diagram::revealTime(run.view.at(i), digest));
    std::vector<core::TimePoint> clock = shownAt;
    std::sort(clock.begin(), clock.end());
    clock.erase(std::unique(clock.begin(), clock.end()), clock.end());
    QuizRun quiz;
    std::vector<QuizRun::Step> steps;
    for (const core::TimePoint now : clock) {
        const auto shown = [&](qsizetype i) { return shownAt[std::size_t(i)] <= now; };
        // Several steps may fall at one instant: the window pauses on each.
        while (const std::optional<QuizRun::Step> step = quiz.update(run.view, run.config, shown)) {
            // Nothing asked or answered before the clock shows it.
            const qsizetype at = step->what == QuizRun::Step::What::Ask ? step->question.premise
                                                                        : step->answer.settledBy;
            if (!(shownAt[std::size_t(at)] <= now))
                return {};
            steps.push_back(*step);
        }
    }
    return steps;
}

} // namespace

class TestQuiz : public QObject
{
    Q_OBJECT

private slots:
    void everyScenarioAsksAndEveryAnswerIsTheTrace_data()
    {
        QTest::addColumn<session::SessionConfig>("config");
        for (const session::Scenario &s : session::scenarios())
            QTest::newRow(qPrintable(s.name)) << session::scenarioConfig(s.name);
        // Other draws of the random ones, with every datagram at risk.
        for (const char *name : {"lossy", "many-clients", "overload", "corruption", "ordered"}) {
            for (std::uint64_t seed = 2; seed <= 6; ++seed) {
                session::SessionConfig c = session::scenarioConfig(name);
                c.seed = seed;
                c.toClient.loss = std::max(c.toClient.loss, 0.1);
                c.toServer.loss = std::max(c.toServer.loss, 0.1);
                QTest::addRow("%s seed %d", name, int(seed)) << c;
            }
        }
    }

    void everyScenarioAsksAndEveryAnswerIsTheTrace()
    {
        QFETCH(session::SessionConfig, config);
        const Run run(config);
        const auto &view = run.view;
        int asked = 0;
        for (qsizetype i = 0; i < view.size(); ++i) {
            const std::optional<QuizQuestion> q = session::quizQuestion(view, i, run.config);
            if (!q)
                continue;
            ++asked;
            const Event &p = view.at(i);
            QCOMPARE(q->premise, i);
            QVERIFY2(q->choices.size() >= 2 && q->choices.size() <= 4, qPrintable(q->text));
            QCOMPARE(q->choices.size(), qsizetype(q->outcomes.size()));
            QVERIFY(!q->text.isEmpty());
            QCOMPARE(std::set(q->outcomes.begin(), q->outcomes.end()).size(), q->outcomes.size());
            for (const QString &c : q->choices)
                QVERIFY(!c.isEmpty() && !c.contains(u'%'));

            const std::optional<session::QuizAnswer> a = session::quizAnswer(view, *q, run.config);
            QVERIFY2(a, qPrintable(QStringLiteral("no answer at event %1: %2").arg(i).arg(q->text)));
            QVERIFY2(a->choice >= 0, qPrintable(QStringLiteral("event %1: %2 → %3").arg(i).arg(q->text, a->why)));
            QCOMPARE(q->outcomes[std::size_t(a->choice)], a->outcome);
            QVERIFY(a->settledBy > i);
            QVERIFY(!a->why.isEmpty());

            // The same answer, found in the trace by other means.
            qsizetype at = -1;
            switch (q->kind) {
            case Kind::Arrives:
                QCOMPARE(a->outcome, fateOf(view, i, &at));
                QCOMPARE(a->settledBy, at);
                break;
            case Kind::ReplyRace: {
                const QuizOutcome f = fateOf(view, i, &at);
                const qsizetype timeout = firstAfter(view, i + 1, [&p](const Event &e) {
                    return e.kind == EventKind::Timeout && e.client == p.client && e.callId == p.callId;
                });
                const bool timerFirst = timeout >= 0 && timeout < at;
                if (f == QuizOutcome::Delivered)
                    QCOMPARE(a->outcome, timerFirst ? QuizOutcome::TimerFirst : QuizOutcome::ReplyFirst);
                else
                    QCOMPARE(a->outcome, f);
                break;
            }
            case Kind::AfterLoss: {
                const qsizetype resend = firstAfter(view, i, [&p](const Event &e) {
                    return e.kind == EventKind::Retransmit && e.client == p.client && e.callId == p.callId;
                });
                const qsizetype failed = firstAfter(view, i, [&p](const Event &e) {
                    return e.kind == EventKind::CallFailed && e.client == p.client && e.callId == p.callId;
                });
                const qsizetype ok = firstAfter(view, i, [&p](const Event &e) {
                    return e.kind == EventKind::CallOk && e.client == p.client && e.callId == p.callId;
                });
                const auto before = [](qsizetype a, qsizetype b) { return a >= 0 && (b < 0 || a < b); };
                const QuizOutcome expected = before(resend, failed) && before(resend, ok) ? QuizOutcome::Resends
                                             : before(failed, ok)                        ? QuizOutcome::Fails
                                                                                         : QuizOutcome::OtherReply;
                QCOMPARE(a->outcome, expected);
                break;
            }
            case Kind::ServerAction: {
                const qsizetype send = firstAfter(view, i, [&p](const Event &e) {
                    return e.kind == EventKind::Send && isRequest(e) && e.client == p.client && e.callId == p.callId
                           && e.attempt == p.attempt;
                });
                QVERIFY(send > i);
                const QuizOutcome f = fateOf(view, send, &at);
                if (f != QuizOutcome::Delivered) {
                    QCOMPARE(a->outcome, QuizOutcome::Dropped);
                    QCOMPARE(a->settledBy, at);
                    break;
                }
                const qsizetype acted = firstAfter(view, at, [&p](const Event &e) {
                    return e.from == core::kServerHost && e.client == p.client && e.callId == p.callId
                           && e.attempt == p.attempt
                           && (e.kind == EventKind::HandlerStart || e.kind == EventKind::CachedReplyResent
                               || e.kind == EventKind::DuplicateSuppressed || e.kind == EventKind::Rejected
                               || e.kind == EventKind::StaleDropped);
                });
                QCOMPARE(a->settledBy, acted);
                break;
            }
            case Kind::Restart:
                QVERIFY(view.at(a->settledBy).callId == q->callId);
                break;
            }
        }
        QVERIFY2(asked > 0, "a scenario the quiz has nothing to ask about");
    }

    // The chapter's figures ask what the chapter asks.
    void theFiguresAskTheChaptersQuestions()
    {
        const Run dropped(session::scenarioConfig("dropped-reply"));
        std::vector<std::pair<Kind, QuizOutcome>> story;
        for (const QuizRun::Step &s : playQuiz(dropped))
            if (s.what == QuizRun::Step::What::Reveal)
                story.emplace_back(s.question.kind, s.answer.outcome);
        // Fig. 48.5: the request arrives, the reply is lost, the client times
        // out and resends, and the server answers from its reply cache.
        const std::vector<std::pair<Kind, QuizOutcome>> expected{
            {Kind::Arrives, QuizOutcome::Delivered},       {Kind::ReplyRace, QuizOutcome::Lost},
            {Kind::AfterLoss, QuizOutcome::Resends},       {Kind::ServerAction, QuizOutcome::FromCache},
            {Kind::ReplyRace, QuizOutcome::ReplyFirst},
        };
        QVERIFY(story.size() >= expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QCOMPARE(int(story[i].first), int(expected[i].first));
            QCOMPARE(int(story[i].second), int(expected[i].second));
        }

        const Run request(session::scenarioConfig("dropped-request"));
        const std::vector<QuizRun::Step> steps = playQuiz(request);
        QVERIFY(steps.size() >= 4);
        QCOMPARE(int(steps[1].answer.outcome), int(QuizOutcome::Lost)); // Fig. 48.4
        QCOMPARE(int(steps[3].answer.outcome), int(QuizOutcome::Resends));

        const Run restart(session::scenarioConfig("server-restart"));
        bool refused = false;
        for (const QuizRun::Step &s : playQuiz(restart))
            refused = refused
                      || (s.question.kind == Kind::Restart && s.what == QuizRun::Step::What::Reveal
                          && s.answer.outcome == QuizOutcome::Refused && s.question.callId == 2);
        QVERIFY(refused);
    }

    // Along the clock: ask, then reveal, strictly in turn, each answer
    // shown no earlier than its question, and a loss's question only once
    // its ✗ is drawn.
    void playbackAsksThenRevealsInTurn()
    {
        for (const session::Scenario &s : session::scenarios()) {
            const Run run(session::scenarioConfig(s.name));
            const std::vector<QuizRun::Step> steps = playQuiz(run);
            QVERIFY2(!steps.empty(), qPrintable(s.name));
            for (std::size_t i = 0; i < steps.size(); ++i) {
                const bool ask = steps[i].what == QuizRun::Step::What::Ask;
                QCOMPARE(ask, i % 2 == 0);
                if (!ask) {
                    QCOMPARE(steps[i].question.premise, steps[i - 1].question.premise);
                    QVERIFY(steps[i].answer.settledBy > steps[i].question.premise);
                }
                const QString text = QuizRun::text(steps[i]);
                QVERIFY(text.contains(steps[i].question.text) || !ask);
                QVERIFY(!text.contains(u'%'));
            }
        }
    }

    // A client's own trace without the server's (a remote server that does
    // not share its trace): what a question waits for may never show, and
    // the call's end answers it instead, so no question stays open. A
    // trace that starts over (a capture replayed again) starts the quiz over.
    void everyQuestionEndsAndTheQuizStartsOver()
    {
        const Run whole(session::scenarioConfig("dropped-reply"));
        trace::TraceLog clientOnly;
        for (qsizetype i = 0; i < whole.view.size(); ++i) {
            const Event &e = whole.view.at(i);
            if (e.from != core::kServerHost && !(e.kind == EventKind::Deliver && e.to == core::kServerHost))
                clientOnly.record(e);
        }
        const trace::TraceLog::View view = clientOnly.view();
        QuizRun quiz;
        int asked = 0, unanswerable = 0;
        // Shown one event at a time, in the log's order.
        for (qsizetype cursor = 0; cursor < view.size(); ++cursor) {
            const auto shown = [cursor](qsizetype i) { return i <= cursor; };
            while (const std::optional<QuizRun::Step> step = quiz.update(view, whole.config, shown)) {
                asked += step->what == QuizRun::Step::What::Ask;
                if (step->what == QuizRun::Step::What::Reveal && step->answer.choice < 0) {
                    ++unanswerable;
                    QVERIFY(QuizRun::text(*step).startsWith(QStringLiteral("Answer: none of these.")));
                    const EventKind end = view.at(step->answer.settledBy).kind;
                    QVERIFY(end == EventKind::CallOk || end == EventKind::CallFailed);
                }
            }
        }
        const auto all = [](qsizetype) { return true; };
        QVERIFY(asked > 0);
        QVERIFY(unanswerable > 0); // the first request's arrival is the server's to record
        QVERIFY(!quiz.open());

        // Replayed: the trace is cleared and grows again.
        trace::TraceLog again;
        QVERIFY(!quiz.update(again.view(), whole.config, all)); // nothing yet
        for (qsizetype i = 0; i < whole.view.size(); ++i)
            again.record(whole.view.at(i));
        // Up to the first request's send: its question comes again.
        const std::optional<QuizRun::Step> first =
            quiz.update(again.view(), whole.config, [](qsizetype i) { return i <= 1; });
        QVERIFY(first);
        QCOMPARE(int(first->question.kind), int(Kind::Arrives));
    }

    void switchedOnMidSessionAsksOnlyAboutWhatComes()
    {
        const Run run(session::scenarioConfig("dropped-reply"));
        QuizRun quiz;
        const qsizetype from = run.view.size() / 2;
        quiz.reset(from);
        const auto all = [](qsizetype) { return true; };
        while (const std::optional<QuizRun::Step> step = quiz.update(run.view, run.config, all))
            QVERIFY(step->question.premise >= from);
    }
};

QTEST_GUILESS_MAIN(TestQuiz)
#include "tst_quiz.moc"
