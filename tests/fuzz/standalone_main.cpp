// Runs a fuzz target without libFuzzer: every file of its corpus once, then
// a fixed number of inputs mutated from them (bit flips, interesting
// values, inserted and erased bytes, truncation, splices of two corpus
// entries, random bytes), all drawn from one seed, so a run is the same
// every time and a failure reproduces from the command line it printed.
//
// Why hand-written: libFuzzer comes with clang (-fsanitize=fuzzer), while
// the ordinary build and CI use g++, which has no fuzzing engine. Linking
// each target with this small driver keeps the targets building in every
// build, replays the committed corpus and its regression inputs on every
// CI run, and checks the invariants on a bounded number of fresh inputs.
// The open-ended search is `./rpcscope.sh fuzz`, with libFuzzer.
//
//   fuzz_TARGET [--runs N] [--seed S] [--max-len BYTES] PATH...
//
// A PATH is a file or a folder of files (the corpus). On a crash the input
// is written to ./crash-<target> and the seed and run are printed.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {

using Bytes = std::vector<std::uint8_t>;

// splitmix64: small, fast and the same on every platform.
class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : std::size_t(next() % n); }

private:
    std::uint64_t m_state;
};

// What the crash handler needs, set before each run.
const Bytes *g_current = nullptr;
char g_crashPath[512];
char g_crashNote[1024];

// Kept ready before each run: the handler cannot format anything.
void setCrashNote(const std::string &note)
{
    const std::size_t n = std::min(note.size(), sizeof g_crashNote - 1);
    std::memcpy(g_crashNote, note.data(), n);
    g_crashNote[n] = '\0';
}

void writeAll(int fd, const void *data, std::size_t size)
{
    const auto *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = ::write(fd, p, size);
        if (n <= 0)
            return;
        p += n;
        size -= std::size_t(n);
    }
}

// Only async-signal-safe calls: the process is in an unknown state.
extern "C" void onCrash(int signal)
{
    if (g_current) {
        const int fd = ::open(g_crashPath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd >= 0) {
            writeAll(fd, g_current->data(), g_current->size());
            ::close(fd);
        }
        writeAll(2, g_crashNote, std::strlen(g_crashNote));
    }
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

Bytes readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void mutate(Bytes &b, const std::vector<Bytes> &corpus, Rng &rng, std::size_t maxLen)
{
    static const std::uint8_t interesting[] = {0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x10, 0x40};
    const int count = 1 + int(rng.below(4));
    for (int i = 0; i < count; ++i) {
        switch (rng.below(9)) {
        case 0: // flip a bit
            if (!b.empty())
                b[rng.below(b.size())] ^= std::uint8_t(1u << rng.below(8));
            break;
        case 1: // a random byte
            if (!b.empty())
                b[rng.below(b.size())] = std::uint8_t(rng.next());
            break;
        case 2: // an interesting value
            if (!b.empty())
                b[rng.below(b.size())] = interesting[rng.below(sizeof interesting)];
            break;
        case 3: { // insert random bytes
            const std::size_t at = rng.below(b.size() + 1);
            const std::size_t n = 1 + rng.below(8);
            for (std::size_t k = 0; k < n; ++k)
                b.insert(b.begin() + std::ptrdiff_t(at), std::uint8_t(rng.next()));
            break;
        }
        case 4: // erase a range
            if (!b.empty()) {
                const std::size_t at = rng.below(b.size());
                const std::size_t n = 1 + rng.below(std::min<std::size_t>(b.size() - at, 16));
                b.erase(b.begin() + std::ptrdiff_t(at), b.begin() + std::ptrdiff_t(at + n));
            }
            break;
        case 5: // truncate
            b.resize(rng.below(b.size() + 1));
            break;
        case 6: { // splice: this one's front, another's back
            const Bytes &other = corpus[rng.below(corpus.size())];
            const std::size_t keep = rng.below(b.size() + 1);
            const std::size_t from = rng.below(other.size() + 1);
            b.resize(keep);
            b.insert(b.end(), other.begin() + std::ptrdiff_t(from), other.end());
            break;
        }
        case 7: // a 16-bit big-endian field (a length) nudged
            if (b.size() >= 2) {
                const std::size_t at = rng.below(b.size() - 1);
                const int v = (b[at] << 8 | b[at + 1]) + int(rng.below(33)) - 16;
                b[at] = std::uint8_t(v >> 8);
                b[at + 1] = std::uint8_t(v);
            }
            break;
        default: { // overwrite a run with random bytes
            if (!b.empty()) {
                const std::size_t at = rng.below(b.size());
                const std::size_t n = 1 + rng.below(std::min<std::size_t>(b.size() - at, 32));
                for (std::size_t k = 0; k < n; ++k)
                    b[at + k] = std::uint8_t(rng.next());
            }
            break;
        }
        }
    }
    if (b.size() > maxLen)
        b.resize(maxLen);
}

int usage(const char *program)
{
    std::fprintf(stderr, "usage: %s [--runs N] [--seed S] [--max-len BYTES] PATH...\n", program);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    const std::string target = std::filesystem::path(argv[0]).filename().string();
    long long runs = 0;
    std::uint64_t seed = 1;
    std::size_t maxLen = 64 * 1024;
    std::vector<std::filesystem::path> files;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--runs" && hasValue)
            runs = std::atoll(argv[++i]);
        else if (arg == "--seed" && hasValue)
            seed = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--max-len" && hasValue)
            maxLen = std::size_t(std::atoll(argv[++i]));
        else if (arg.starts_with("-"))
            return usage(argv[0]);
        else if (std::filesystem::is_directory(arg)) {
            for (const auto &entry : std::filesystem::directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
        } else if (std::filesystem::is_regular_file(arg)) {
            files.emplace_back(arg);
        } else {
            std::fprintf(stderr, "%s: no such file or folder: %s\n", target.c_str(), arg.c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end()); // directory order differs between machines

    for (const int s : {SIGABRT, SIGSEGV, SIGBUS, SIGFPE, SIGILL})
        std::signal(s, onCrash);
    const std::string crashPath = "crash-" + target.substr(0, sizeof g_crashPath - 8);
    std::memcpy(g_crashPath, crashPath.c_str(), crashPath.size() + 1);

    const auto started = std::chrono::steady_clock::now();
    std::vector<Bytes> corpus;
    for (const auto &path : files) {
        corpus.push_back(readFile(path));
        setCrashNote(target + ": crashed on corpus file " + path.string() + " (copied to ./" + g_crashPath + ")\n");
        g_current = &corpus.back();
        LLVMFuzzerTestOneInput(corpus.back().data(), corpus.back().size());
    }
    if (corpus.empty())
        corpus.emplace_back();

    Rng rng(seed);
    Bytes input;
    for (long long run = 0; run < runs; ++run) {
        input = corpus[rng.below(corpus.size())];
        mutate(input, corpus, rng, maxLen);
        setCrashNote(target + ": crashed on mutated input " + std::to_string(run) + " of --seed "
                     + std::to_string(seed) + " (written to ./" + g_crashPath + "; run it with " + target + " ./"
                     + g_crashPath + ")\n");
        g_current = &input;
        LLVMFuzzerTestOneInput(input.data(), input.size());
    }
    g_current = nullptr;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::printf("%s: %zu corpus files and %lld mutated inputs (seed %llu) in %.2f s\n", target.c_str(),
                files.size(), runs, static_cast<unsigned long long>(seed), seconds);
    return 0;
}
