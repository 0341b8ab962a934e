// Ingest: one reader thread, analysis workers, and the writer (the calling
// thread) writing results in input order. At most a fixed number of inputs
// are in flight, so memory stays bounded whatever the corpus size.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "corpus/codec.h"
#include "corpus/impl.h"
#include "corpus/prepared.h"
#include "corpus/writer.h"

namespace rasd::corpus {
namespace {

using Clock = std::chrono::steady_clock;

// Size on disk of the sources when they are all plain files (0 when any is
// compressed or a stream: then no ETA can be given).
size_t TotalBytes(const std::vector<std::string>& sources) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  auto add = [&](const fs::path& p) -> bool {
    std::string ext = p.extension().string();
    if (ext == ".zip" || ext == ".gz" || ext == ".zst") return false;
    total += fs::file_size(p, ec);
    return !ec;
  };
  for (const std::string& s : sources) {
    if (s == "-") return 0;
    if (fs::is_directory(s, ec)) {
      for (auto it = fs::recursive_directory_iterator(s, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && !add(it->path())) return 0;
      }
    } else if (!add(s)) {
      return 0;
    }
  }
  return total;
}

// A short, countable form of a skip reason ("empty document", "no article text").
std::string ReasonKey(const std::string& message) {
  size_t end = message.find_first_of("(:");
  std::string key = message.substr(0, end);
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key.empty() ? message : key;
}

class Run {
 public:
  using Producer = std::function<void(const ingest::DocSink&, const ingest::ErrorSink&)>;

  Run(store::Db* db, std::string path, bool read_only, const IngestOptions& options)
      : db_(db), path_(std::move(path)), read_only_(read_only), options_(options), analyzer_(options.analyze) {}

  StatusOr<IngestSummary> Go(const Producer& produce, size_t total_bytes) {
    if (read_only_) return Status::InvalidArgument(path_ + ": opened read-only");
    Writer writer(db_, options_);
    RASD_RETURN_IF_ERROR(writer.Start());
    // The reader skips analysis of inputs already stored unchanged, through its own connection.
    std::unique_ptr<store::Db> check;
    std::unique_ptr<store::Stmt> check_stmt;
    if (path_ != ":memory:" && !path_.empty()) {
      auto c = Connect(path_, true);
      if (c.ok()) {
        check = std::move(*c);
        check_stmt = std::make_unique<store::Stmt>(check.get(), "SELECT raw_hash FROM sources WHERE key=?1");
      }
    }
    int threads = options_.threads > 0 ? options_.threads
                                       : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Room for a slow document at the head of the order while the others go on.
    max_inflight_ = static_cast<size_t>(threads) * 64 + 16;
    const auto start = Clock::now();

    std::thread reader([&] {
      produce(
          [&](RawDoc&& raw) {
            auto job = std::make_unique<Prepared>();
            job->raw_hash = HashHex(raw.bytes);
            if (check_stmt) {
              check_stmt->Reset();
              check_stmt->Bind(1, SourceKey(raw));
              job->known_unchanged = check_stmt->Step() && check_stmt->Text(0) == job->raw_hash;
              check_stmt->Reset();
            }
            return Push(std::move(job), std::move(raw));
          },
          [&](const ingest::ReadError& e) {
            auto job = std::make_unique<Prepared>();
            job->name = e.name;
            job->error = e.status.message();
            Push(std::move(job), RawDoc());
          });
      std::lock_guard<std::mutex> lock(mu_);
      reading_done_ = true;
      jobs_cv_.notify_all();
      done_cv_.notify_all();
    });
    std::vector<std::thread> workers;
    for (int i = 0; i < threads; ++i) workers.emplace_back([&] { Work(); });

    IngestSummary summary;
    Status status;
    auto last_progress = Clock::now();
    while (true) {
      std::unique_ptr<Prepared> p;
      {
        std::unique_lock<std::mutex> lock(mu_);
        done_cv_.wait(lock, [&] { return done_.count(next_) > 0 || (reading_done_ && next_ == issued_); });
        auto it = done_.find(next_);
        if (it == done_.end()) break;
        p = std::move(it->second);
        done_.erase(it);
        ++next_;
        space_cv_.notify_all();
      }
      summary.read += 1;
      summary.bytes += p->bytes;
      if (!p->error.empty()) {
        summary.skipped += 1;
        summary.skip_reasons[ReasonKey(p->error)] += 1;
        if (options_.on_skip) options_.on_skip(p->name, p->error);
      } else {
        status = writer.Write(p.get(), &summary);
        if (!status.ok()) break;
      }
      if (options_.progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
        last_progress = Clock::now();
        Progress pr;
        pr.documents = summary.ingested + summary.updated + summary.unchanged;
        pr.bytes = summary.bytes;
        pr.total_bytes = total_bytes;
        pr.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        options_.progress(pr);
      }
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
      jobs_cv_.notify_all();
      space_cv_.notify_all();
    }
    reader.join();
    for (auto& t : workers) t.join();
    if (!status.ok()) return status;
    RASD_RETURN_IF_ERROR(writer.Commit());
    RASD_RETURN_IF_ERROR(writer.Finish());
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (options_.progress) {
      Progress pr;
      pr.documents = summary.ingested + summary.updated + summary.unchanged;
      pr.bytes = pr.total_bytes = summary.bytes;
      pr.seconds = summary.seconds;
      options_.progress(pr);
    }
    return summary;
  }

 private:
  struct Job {
    std::unique_ptr<Prepared> p;
    RawDoc raw;
  };

  // Queues one input; false when the run is stopping.
  bool Push(std::unique_ptr<Prepared> p, RawDoc raw) {
    std::unique_lock<std::mutex> lock(mu_);
    space_cv_.wait(lock, [&] { return stop_ || issued_ - next_ < max_inflight_; });
    if (stop_) return false;
    p->seq = issued_++;
    if (!p->error.empty()) {
      done_[p->seq] = std::move(p);
      done_cv_.notify_one();
    } else {
      jobs_.push_back({std::move(p), std::move(raw)});
      jobs_cv_.notify_one();
    }
    return true;
  }

  void Work() {
#ifdef __linux__
    // The writer is the one serial stage: analysis threads yield the cores to
    // it (a nice of 10 for this thread alone), so it never waits behind them.
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        jobs_cv_.wait(lock, [&] { return stop_ || !jobs_.empty() || reading_done_; });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Prepare(analyzer_, options_.dedupe, std::move(job.raw), job.p.get());
      {
        std::lock_guard<std::mutex> lock(mu_);
        size_t seq = job.p->seq;
        done_[seq] = std::move(job.p);
        done_cv_.notify_one();
      }
    }
  }

  store::Db* db_;
  std::string path_;
  bool read_only_;
  const IngestOptions& options_;
  Analyzer analyzer_;
  std::mutex mu_;
  std::condition_variable jobs_cv_, done_cv_, space_cv_;
  std::deque<Job> jobs_;
  std::map<size_t, std::unique_ptr<Prepared>> done_;
  size_t issued_ = 0, next_ = 0, max_inflight_ = 64;
  bool reading_done_ = false, stop_ = false;
};

}  // namespace

StatusOr<IngestSummary> Corpus::Ingest(const std::vector<std::string>& sources, const IngestOptions& options) {
  ingest::Reader reader(options.read);
  Run run(impl_->db.get(), impl_->path, impl_->read_only, options);
  return run.Go([&](const ingest::DocSink& sink,
                    const ingest::ErrorSink& on_error) { reader.Read(sources, sink, on_error); },
                TotalBytes(sources));
}

StatusOr<IngestSummary> Corpus::IngestDocs(std::vector<RawDoc> docs, const IngestOptions& options) {
  Run run(impl_->db.get(), impl_->path, impl_->read_only, options);
  size_t total = 0;
  for (const RawDoc& d : docs) total += d.bytes.size();
  return run.Go(
      [&](const ingest::DocSink& sink, const ingest::ErrorSink&) {
        for (RawDoc& d : docs) {
          if (!sink(std::move(d))) return;
        }
      },
      total);
}

}  // namespace rasd::corpus
