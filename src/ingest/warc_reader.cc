#include "ingest/warc_reader.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::ingest {
namespace {

constexpr size_t kInputChunk = 256 << 10;  // raw (compressed) bytes per file read
constexpr size_t kOutputChunk = 64 << 10;  // decoded bytes per refill of the record buffer
constexpr size_t kMaxHeaderLine = 32 << 10;
constexpr size_t kMaxHeaderBlock = 256 << 10;
// A response block may exceed max_record_bytes by this much: its HTTP head.
constexpr size_t kMaxHttpHead = 64 << 10;
constexpr uint64_t kMaxContentLength = uint64_t{1} << 50;
// zlib counts in uInt; larger inputs and outputs are fed in pieces of this size.
constexpr size_t kMaxZlibStep = size_t{1} << 30;

// ---------------------------------------------------------------------------
// Small string helpers.

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexDigit(char c) {
  if (IsDigit(c)) return c - '0';
  c = Lower(c);
  return (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
}

// `s` shortened and with control and non-ASCII bytes escaped, for error messages.
std::string Printable(std::string_view s, size_t max = 60) {
  std::string out;
  for (size_t i = 0; i < s.size() && i < max; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7f) {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    }
  }
  if (s.size() > max) out += "...";
  return out;
}

std::string LimitText(size_t limit) {
  return "the limit of " + std::to_string(limit) + " bytes (max_record_bytes)";
}

// Splits a comma-separated header value into lower-cased tokens.
std::vector<std::string> Tokens(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view token = Trim(value.substr(0, comma));
    if (!token.empty()) out.push_back(Lower(token));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Content types.

// Guesses the type of a payload that came without one.
std::string SniffMediaType(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  if (head.find('\0') != std::string_view::npos) return "application/octet-stream";
  std::string lower = Lower(head);
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (lower.find(tag) != std::string::npos) return "text/html";
  }
  return "text/plain";
}

// "text/html" for any HTML media type, "text/plain" for plain text, otherwise
// the bare lower-cased media type (the caller skips what it cannot decode).
std::string MediaType(std::string_view content_type, std::string_view payload) {
  std::string media = Lower(Trim(content_type.substr(0, content_type.find(';'))));
  if (media.empty()) return SniffMediaType(payload);
  if (media.find("html") != std::string::npos) return "text/html";
  return media;
}

// ---------------------------------------------------------------------------
// Where the raw bytes come from: a file read in chunks, or memory.

class RawInput {
 public:
  explicit RawInput(std::FILE* file) : file_(file), buf_(kInputChunk) {}
  explicit RawInput(std::string_view bytes) : mem_(bytes) {}

  // The next piece of input; empty at the end or after a read error.
  std::string_view Next() {
    std::string_view piece;
    if (file_ != nullptr) {
      size_t n = std::fread(buf_.data(), 1, buf_.size(), file_);
      if (n == 0 && std::ferror(file_)) {
        status_ = Status::IoError("read error at byte " + std::to_string(offset_) + ": " +
                                  std::strerror(errno));
      }
      piece = std::string_view(buf_.data(), n);
    } else {
      piece = mem_.substr(0, kInputChunk);
      mem_.remove_prefix(piece.size());
    }
    offset_ += piece.size();
    return piece;
  }
  const Status& status() const { return status_; }
  uint64_t offset() const { return offset_; }  // bytes handed out so far

 private:
  std::FILE* file_ = nullptr;
  std::string_view mem_;
  std::vector<char> buf_;
  uint64_t offset_ = 0;
  Status status_;
};

// ---------------------------------------------------------------------------
// The WARC bytes: the raw input as is, or inflated when it starts as gzip
// (any number of concatenated members).

class WarcStream {
 public:
  explicit WarcStream(RawInput* input) : input_(input) {}
  ~WarcStream() {
    if (z_init_) inflateEnd(&z_);
  }
  WarcStream(const WarcStream&) = delete;
  WarcStream& operator=(const WarcStream&) = delete;

  // Copies up to `n` decoded bytes into `out`. 0 means the end of the stream,
  // which is an error when !status().ok().
  size_t Read(char* out, size_t n) {
    if (done_ || n == 0) return 0;
    if (mode_ == Mode::kUnknown && !Detect()) return 0;
    return mode_ == Mode::kPlain ? ReadPlain(out, n) : ReadGzip(out, n);
  }
  const Status& status() const { return status_; }

 private:
  enum class Mode { kUnknown, kPlain, kGzip };

  // File offset of the first byte of pending_.
  uint64_t PendingOffset() const { return input_->offset() - pending_.size(); }

  bool Refill() {
    pending_ = input_->Next();
    if (pending_.empty() && !input_->status().ok()) Fail(input_->status());
    return !pending_.empty();
  }

  void Fail(Status status) {
    if (status_.ok()) status_ = std::move(status);
    done_ = true;
  }

  bool Detect() {
    if (!Refill()) {
      done_ = true;
      return false;
    }
    auto byte = [&](size_t i) {
      return i < pending_.size() ? static_cast<uint8_t>(pending_[i]) : 0;
    };
    if (byte(0) == 0x28 && byte(1) == 0xb5 && byte(2) == 0x2f && byte(3) == 0xfd) {
      Fail(Status::Unsupported("zstd-compressed WARC files are not supported"));
      return false;
    }
    if (byte(0) == 0x1f && byte(1) == 0x8b) {
      if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
        Fail(Status::Internal("cannot initialise zlib"));
        return false;
      }
      z_init_ = true;
      mode_ = Mode::kGzip;
    } else {
      mode_ = Mode::kPlain;
    }
    return true;
  }

  size_t ReadPlain(char* out, size_t n) {
    if (pending_.empty() && !Refill()) {
      done_ = true;
      return 0;
    }
    size_t k = std::min(n, pending_.size());
    std::memcpy(out, pending_.data(), k);
    pending_.remove_prefix(k);
    return k;
  }

  size_t ReadGzip(char* out, size_t n) {
    n = std::min(n, kMaxZlibStep);
    z_.next_out = reinterpret_cast<Bytef*>(out);
    z_.avail_out = static_cast<uInt>(n);
    while (z_.avail_out == n && !done_) {
      if (pending_.empty() && !Refill()) {
        if (in_member_ && status_.ok()) {
          Fail(Status::InvalidArgument("truncated gzip stream at byte " +
                                       std::to_string(input_->offset())));
        }
        done_ = true;
        break;
      }
      if (!in_member_) {
        // Some writers pad the file with zero bytes after the last member.
        while (!pending_.empty() && pending_.front() == '\0') pending_.remove_prefix(1);
        if (pending_.empty()) continue;
        in_member_ = true;
      }
      size_t given = std::min(pending_.size(), kMaxZlibStep);
      z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(pending_.data()));
      z_.avail_in = static_cast<uInt>(given);
      int ret = inflate(&z_, Z_NO_FLUSH);
      size_t used = given - z_.avail_in;
      pending_.remove_prefix(used);
      if (ret == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&z_);
      } else if (ret == Z_BUF_ERROR && used == 0) {
        Fail(Status::InvalidArgument("gzip stream stalled at byte " +
                                     std::to_string(PendingOffset())));
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        Fail(Status::InvalidArgument("corrupt gzip stream at byte " +
                                     std::to_string(PendingOffset()) + ": " +
                                     (z_.msg != nullptr ? z_.msg : "inflate failed")));
      }
    }
    return n - z_.avail_out;
  }

  RawInput* input_;
  std::string_view pending_;  // raw bytes not yet decoded
  Mode mode_ = Mode::kUnknown;
  z_stream z_{};
  bool z_init_ = false;
  bool in_member_ = false;
  bool done_ = false;
  Status status_;
};

// ---------------------------------------------------------------------------
// HTTP payload decoding.

// Inflates `in` (gzip, or zlib/raw deflate) into `out`, never holding more
// than limit + 1 bytes. A stream cut short (WARC-Truncated, a dropped
// connection) is kept as far as it goes.
Status InflateBounded(std::string_view in, int window_bits, size_t limit, std::string* out) {
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("cannot initialise zlib");
  std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&z, inflateEnd);
  out->clear();
  size_t produced = 0;
  size_t cap = std::min(limit + 1, std::max<size_t>(in.size() * 4, kOutputChunk));
  out->resize(cap);
  for (;;) {
    if (produced == out->size()) {
      if (produced > limit) break;
      out->resize(std::min(limit + 1, out->size() * 2));
    }
    size_t room = std::min(out->size() - produced, kMaxZlibStep);
    size_t given = std::min(in.size(), kMaxZlibStep);
    z.next_out = reinterpret_cast<Bytef*>(out->data() + produced);
    z.avail_out = static_cast<uInt>(room);
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(given);
    int ret = inflate(&z, Z_NO_FLUSH);
    produced += room - z.avail_out;
    in.remove_prefix(given - z.avail_in);
    if (ret == Z_STREAM_END || ret == Z_BUF_ERROR) break;  // done, or cut short
    if (ret != Z_OK && ret != Z_BUF_ERROR) {
      out->clear();
      return Status::InvalidArgument(std::string("corrupt compressed HTTP payload: ") +
                                     (z.msg != nullptr ? z.msg : "inflate failed"));
    }
    if (in.empty() && z.avail_out != 0) break;  // all input used, cut short
  }
  if (produced > limit) {
    out->clear();
    out->shrink_to_fit();
    return Status::ResourceExhausted("decompressed HTTP payload is over " + LimitText(limit));
  }
  out->resize(produced);
  return Status::Ok();
}

// Undoes the chunked transfer coding in place. Returns false, leaving `body`
// alone, when it does not start with a chunk-size line (some archivers store
// the body already decoded). A body cut short keeps the chunks it has.
bool Dechunk(std::string* body) {
  std::string& b = *body;
  size_t r = 0, w = 0;
  bool first = true;
  while (r < b.size()) {
    size_t eol = b.find('\n', r);
    if (eol == std::string::npos) {
      if (first) return false;
      break;
    }
    std::string_view line(b.data() + r, eol - r);
    line = Trim(line.substr(0, line.find(';')));
    uint64_t size = 0;
    bool valid = !line.empty() && line.size() <= 15;
    for (char c : line) {
      int digit = HexDigit(c);
      if (digit < 0) {
        valid = false;
        break;
      }
      size = size * 16 + static_cast<uint64_t>(digit);
    }
    if (!valid) {
      if (first) return false;
      break;
    }
    first = false;
    r = eol + 1;
    if (size == 0) break;  // the last chunk; trailers are dropped
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, b.size() - r));
    std::memmove(b.data() + w, b.data() + r, take);
    w += take;
    r += take;
    if (take < size) break;
    if (r < b.size() && b[r] == '\r') ++r;
    if (r < b.size() && b[r] == '\n') ++r;
  }
  b.resize(w);
  return true;
}

struct HttpHead {
  int status = 0;
  std::string content_type;
  std::string content_encoding;
  std::string transfer_encoding;
  size_t body_begin = 0;
};

void AppendHeader(std::string* to, std::string_view value) {
  if (!to->empty()) *to += ", ";
  *to += value;
}

// Parses the HTTP response head that starts at `begin` in `block`.
Status ParseHttpHead(std::string_view block, size_t begin, HttpHead* head) {
  *head = HttpHead{};
  size_t pos = begin;
  bool status_line = true;
  std::string* last = nullptr;
  for (;;) {
    if (pos - begin > kMaxHttpHead) {
      return Status::InvalidArgument("HTTP head is over " + std::to_string(kMaxHttpHead) +
                                     " bytes");
    }
    size_t eol = block.find('\n', pos);
    std::string_view line = block.substr(pos, eol == std::string_view::npos ? eol : eol - pos);
    pos = eol == std::string_view::npos ? block.size() : eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (status_line) {
      status_line = false;
      // "HTTP/1.1 200 OK"; the reason phrase is optional.
      size_t space = line.find(' ');
      std::string_view code = space == std::string_view::npos
                                  ? std::string_view()
                                  : Trim(line.substr(space + 1)).substr(0, 4);
      if (code.size() == 4 && code[3] == ' ') code.remove_suffix(1);
      if (!line.starts_with("HTTP/") || code.size() != 3 || !IsDigit(code[0]) ||
          !IsDigit(code[1]) || !IsDigit(code[2])) {
        return Status::InvalidArgument("bad HTTP status line '" + Printable(line) + "'");
      }
      head->status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
    } else if (line.empty()) {
      break;
    } else if (line.front() == ' ' || line.front() == '\t') {
      if (last != nullptr) *last += " " + std::string(Trim(line));
    } else {
      size_t colon = line.find(':');
      last = nullptr;
      if (colon != std::string_view::npos) {
        std::string_view name = Trim(line.substr(0, colon));
        std::string_view value = Trim(line.substr(colon + 1));
        if (IEquals(name, "Content-Type") && head->content_type.empty()) {
          head->content_type = value;
          last = &head->content_type;
        } else if (IEquals(name, "Content-Encoding")) {
          AppendHeader(&head->content_encoding, value);
          last = &head->content_encoding;
        } else if (IEquals(name, "Transfer-Encoding")) {
          AppendHeader(&head->transfer_encoding, value);
          last = &head->transfer_encoding;
        }
      }
    }
    if (pos >= block.size()) break;  // a head without a body
  }
  head->body_begin = pos;
  return Status::Ok();
}

// Undoes one content or transfer coding of `body`. Unknown names are
// ignored: servers send bogus ones ("utf-8", "none") on plain bodies.
Status Undo(const std::string& coding, size_t limit, std::string* body) {
  int window_bits = 0;
  if (coding == "gzip" || coding == "x-gzip") {
    // A body that is not gzip was stored already decoded.
    if (body->size() < 2 || static_cast<uint8_t>((*body)[0]) != 0x1f ||
        static_cast<uint8_t>((*body)[1]) != 0x8b) {
      return Status::Ok();
    }
    window_bits = 16 + MAX_WBITS;
  } else if (coding == "deflate") {
    // Servers send either zlib-wrapped or raw deflate under this name.
    unsigned b0 = body->size() >= 2 ? static_cast<uint8_t>((*body)[0]) : 0;
    unsigned b1 = body->size() >= 2 ? static_cast<uint8_t>((*body)[1]) : 0;
    bool zlib_wrapped = (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
    window_bits = zlib_wrapped ? MAX_WBITS : -MAX_WBITS;
  } else if (coding == "br" || coding == "zstd" || coding == "compress" || coding == "x-compress") {
    return Status::Unsupported("HTTP coding '" + coding + "' is not supported");
  } else {
    return Status::Ok();
  }
  std::string out;
  RASD_RETURN_IF_ERROR(InflateBounded(*body, window_bits, limit, &out));
  *body = std::move(out);
  return Status::Ok();
}

// Turns an HTTP response block into its payload. Sets *skip for responses
// that carry no document (redirects, errors, 304s).
Status DecodeHttpResponse(std::string* block, size_t limit, std::string* media, bool* skip) {
  HttpHead head;
  RASD_RETURN_IF_ERROR(ParseHttpHead(*block, 0, &head));
  // "100 Continue" heads precede the real one.
  for (int i = 0; i < 8 && head.status >= 100 && head.status < 200 && head.status != 101 &&
                  head.body_begin < block->size();
       ++i) {
    RASD_RETURN_IF_ERROR(ParseHttpHead(*block, head.body_begin, &head));
  }
  if (head.status < 200 || head.status > 299) {
    *skip = true;
    return Status::Ok();
  }
  block->erase(0, head.body_begin);
  std::vector<std::string> transfer = Tokens(head.transfer_encoding);
  if (!transfer.empty() && transfer.back() == "chunked") {
    transfer.pop_back();
    Dechunk(block);
  }
  for (auto it = transfer.rbegin(); it != transfer.rend(); ++it) {
    RASD_RETURN_IF_ERROR(Undo(*it, limit, block));
  }
  std::vector<std::string> content = Tokens(head.content_encoding);
  for (auto it = content.rbegin(); it != content.rend(); ++it) {
    RASD_RETURN_IF_ERROR(Undo(*it, limit, block));
  }
  if (block->size() > limit) {
    return Status::ResourceExhausted("HTTP payload of " + std::to_string(block->size()) +
                                     " bytes is over " + LimitText(limit));
  }
  *media = MediaType(head.content_type, *block);
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// Record parsing.

struct WarcHeader {
  std::string type;
  std::string target_uri;
  std::string date;
  std::string content_type;
  std::string content_length;
  bool has_content_length = false;
};

bool IsVersionLine(std::string_view line) {
  // "WARC/1.0", "WARC/1.1" (and the older "WARC/0.18").
  return line.size() >= 6 && line.starts_with("WARC/") && IsDigit(line[5]);
}

bool ParseLength(std::string_view text, uint64_t* out) {
  if (text.empty() || text.size() > 19) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (!IsDigit(c)) return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  if (v > kMaxContentLength) return false;
  *out = v;
  return true;
}

class Parser {
 public:
  Parser(const std::string& name, WarcStream* stream, const WarcOptions& options,
         const DocSink& sink, const ErrorSink& on_error)
      : name_(name),
        stream_(stream),
        limit_(std::min<uint64_t>(options.max_record_bytes, kMaxContentLength)),
        sink_(sink),
        on_error_(on_error) {}

  bool Run() {
    for (;;) {
      if (!SkipLineEnds()) {
        if (!stream_->status().ok()) Report(record_ + 1, stream_->status());
        return true;
      }
      ++record_;
      uint64_t start = Offset();
      switch (ReadRecord()) {
        case Step::kNext:
          break;
        case Step::kStop:
          return true;
        case Step::kSinkStopped:
          return false;
        case Step::kResync:
          if (!Resync(start)) {
            if (!stream_->status().ok()) Report(record_ + 1, stream_->status());
            return true;
          }
          break;
      }
    }
  }

 private:
  enum class Step { kNext, kResync, kStop, kSinkStopped };
  enum class Line { kOk, kEnd, kTooLong };

  void Report(uint64_t record, Status status) {
    on_error_({name_ + " (record " + std::to_string(record) + ")", std::move(status)});
  }

  // Offset in the decoded stream of the next unread byte.
  uint64_t Offset() const { return base_ + pos_; }
  size_t Avail() const { return buf_.size() - pos_; }

  // Appends decoded bytes to the buffer; false at the end of the stream.
  // Keeps one consumed byte so Resync can see the line end before pos_.
  bool More() {
    if (pos_ > 1) {
      buf_.erase(0, pos_ - 1);
      base_ += pos_ - 1;
      pos_ = 1;
    }
    size_t old = buf_.size();
    buf_.resize(old + kOutputChunk);
    size_t got = stream_->Read(buf_.data() + old, kOutputChunk);
    buf_.resize(old + got);
    return got > 0;
  }

  bool Fill(size_t n) {
    while (Avail() < n) {
      if (!More()) return false;
    }
    return true;
  }

  // Skips CR and LF between records; false at the end of the stream.
  bool SkipLineEnds() {
    for (;;) {
      if (Avail() == 0 && !More()) return false;
      char c = buf_[pos_];
      if (c != '\r' && c != '\n') return true;
      ++pos_;
    }
  }

  // Reads one line without its line end into *line.
  Line ReadLine(std::string* line, size_t max) {
    size_t scanned = 0;
    for (;;) {
      size_t nl = std::string_view(buf_).find('\n', pos_ + scanned);
      if (nl != std::string::npos) {
        if (nl - pos_ > max) return Line::kTooLong;
        line->assign(buf_, pos_, nl - pos_);
        if (!line->empty() && line->back() == '\r') line->pop_back();
        pos_ = nl + 1;
        return Line::kOk;
      }
      if (Avail() > max) return Line::kTooLong;
      scanned = Avail();
      if (!More()) return Line::kEnd;
    }
  }

  // Reads exactly n bytes into *out; false (with what there was) at the end.
  bool ReadExact(size_t n, std::string* out) {
    out->resize(n);
    size_t have = std::min(n, Avail());
    std::memcpy(out->data(), buf_.data() + pos_, have);
    pos_ += have;
    if (have < n) {
      base_ += buf_.size();
      buf_.clear();
      pos_ = 0;
    }
    while (have < n) {
      size_t got = stream_->Read(out->data() + have, n - have);
      if (got == 0) break;
      have += got;
      base_ += got;
    }
    out->resize(have);
    return have == n;
  }

  // Discards n bytes with a bounded buffer; returns how many there were.
  uint64_t Skip(uint64_t n) {
    uint64_t done = std::min<uint64_t>(n, Avail());
    pos_ += static_cast<size_t>(done);
    if (done == n) return done;
    // The buffer is used up; the rest goes through a fixed scratch buffer.
    base_ += buf_.size();
    buf_.clear();
    pos_ = 0;
    std::vector<char> scratch(kOutputChunk);
    while (done < n) {
      size_t want = static_cast<size_t>(std::min<uint64_t>(n - done, scratch.size()));
      size_t got = stream_->Read(scratch.data(), want);
      if (got == 0) break;
      done += got;
      base_ += got;
    }
    return done;
  }

  // After a block: expects CRLF CRLF. Accepts, leniently, any run of line
  // ends followed by the next record or the end of the stream.
  bool ReadTrailer() {
    if (Fill(4) && std::string_view(buf_).substr(pos_, 4) == "\r\n\r\n") {
      pos_ += 4;
      return true;
    }
    if (!SkipLineEnds()) return true;
    Fill(6);
    return IsVersionLine(std::string_view(buf_).substr(pos_, 6));
  }

  // Moves to the next line that starts a WARC record after `record_start`;
  // false when there is none.
  bool Resync(uint64_t record_start) {
    static constexpr std::string_view kMark = "\nWARC/";
    for (;;) {
      std::string_view v(buf_);
      size_t from = pos_ > 0 ? pos_ - 1 : 0;
      for (size_t i = v.find(kMark, from); i != std::string_view::npos; i = v.find(kMark, i + 1)) {
        size_t w = i + 1;
        if (base_ + w <= record_start) continue;
        if (w + 5 >= v.size()) break;  // cannot see the version digit yet
        if (IsDigit(v[w + 5])) {
          pos_ = w;
          return true;
        }
      }
      if (v.size() > kMark.size() + 1) {
        pos_ = std::max(pos_, v.size() - kMark.size() - 1);
      }
      if (!More()) {
        pos_ = buf_.size();
        return false;
      }
    }
  }

  Step Truncated(const std::string& what) {
    if (!stream_->status().ok()) {
      Report(record_, stream_->status());
    } else {
      Report(record_, Status::InvalidArgument("truncated record: " + what));
    }
    return Step::kStop;
  }

  Step Bad(const std::string& what) {
    Report(record_, Status::InvalidArgument(what));
    return Step::kResync;
  }

  Step ReadRecord() {
    std::string line;
    switch (ReadLine(&line, kMaxHeaderLine)) {
      case Line::kOk:
        break;
      case Line::kEnd:
        return Truncated("the input ends inside the WARC version line");
      case Line::kTooLong:
        return Bad("expected a WARC/1.x version line, found a line over " +
                   std::to_string(kMaxHeaderLine) + " bytes");
    }
    if (!IsVersionLine(line)) {
      return Bad("expected a WARC/1.x version line, found '" + Printable(line) + "'");
    }
    WarcHeader h;
    size_t header_bytes = 0;
    std::string* last = nullptr;
    for (;;) {
      switch (ReadLine(&line, kMaxHeaderLine)) {
        case Line::kOk:
          break;
        case Line::kEnd:
          return Truncated("the input ends inside the WARC header");
        case Line::kTooLong:
          return Bad("WARC header line over " + std::to_string(kMaxHeaderLine) + " bytes");
      }
      if (line.empty()) break;
      header_bytes += line.size();
      if (header_bytes > kMaxHeaderBlock) {
        return Bad("WARC header over " + std::to_string(kMaxHeaderBlock) + " bytes");
      }
      if (line.front() == ' ' || line.front() == '\t') {
        if (last != nullptr) *last += " " + std::string(Trim(line));
        continue;
      }
      size_t colon = line.find(':');
      if (colon == std::string::npos) {
        return Bad("bad WARC header line '" + Printable(line) + "'");
      }
      std::string_view name = Trim(std::string_view(line).substr(0, colon));
      std::string_view value = Trim(std::string_view(line).substr(colon + 1));
      last = nullptr;
      if (IEquals(name, "WARC-Type")) {
        last = &h.type;
      } else if (IEquals(name, "WARC-Target-URI")) {
        last = &h.target_uri;
      } else if (IEquals(name, "WARC-Date")) {
        last = &h.date;
      } else if (IEquals(name, "Content-Type")) {
        last = &h.content_type;
      } else if (IEquals(name, "Content-Length")) {
        if (h.has_content_length && value != h.content_length) {
          return Bad("conflicting Content-Length headers");
        }
        h.has_content_length = true;
        last = &h.content_length;
      }
      if (last != nullptr) *last = value;
    }
    uint64_t length = 0;
    if (!h.has_content_length) return Bad("WARC header has no Content-Length");
    if (!ParseLength(h.content_length, &length)) {
      return Bad("bad Content-Length '" + Printable(h.content_length) + "'");
    }

    std::string type = Lower(h.type);
    bool response = type == "response";
    // wget stores its own log and arguments as resources under metadata:// URIs.
    bool wanted = response || (type == "resource" && !IStartsWith(h.target_uri, "metadata:"));
    size_t limit = limit_;
    // The HTTP head of a response does not count against the payload limit.
    uint64_t block_limit = response ? uint64_t{limit} + kMaxHttpHead : limit;
    std::string length_text = std::to_string(length);
    if (!wanted || length > block_limit) {
      if (wanted) {
        Report(record_, Status::ResourceExhausted("record block of " + length_text +
                                                  " bytes is over " + LimitText(limit)));
      }
      if (Skip(length) < length) {
        return Truncated("Content-Length is " + length_text + " but the input ends first");
      }
      if (!ReadTrailer()) {
        return Bad("the block does not end where Content-Length " + length_text + " says");
      }
      return Step::kNext;
    }

    RawDoc doc;
    if (!ReadExact(static_cast<size_t>(length), &doc.bytes)) {
      return Truncated("Content-Length is " + length_text + " but the input ends after " +
                       std::to_string(doc.bytes.size()) + " bytes");
    }
    if (!ReadTrailer()) {
      return Bad("the block does not end where Content-Length " + length_text + " says");
    }

    std::string_view warc_media =
        Trim(std::string_view(h.content_type).substr(0, h.content_type.find(';')));
    bool http = response && (IStartsWith(warc_media, "application/http") ||
                             (warc_media.empty() && doc.bytes.starts_with("HTTP/")));
    if (http) {
      bool skip = false;
      Status status = DecodeHttpResponse(&doc.bytes, limit, &doc.content_type, &skip);
      if (!status.ok()) {
        Report(record_, std::move(status));
        return Step::kNext;
      }
      if (skip) return Step::kNext;
    } else {
      // Without an HTTP head the whole block is the payload: hold it to the limit.
      if (doc.bytes.size() > limit) {
        Report(record_, Status::ResourceExhausted("record block of " + length_text + " bytes is over " +
                                                  LimitText(limit)));
        return Step::kNext;
      }
      doc.content_type = MediaType(h.content_type, doc.bytes);
    }

    doc.uri = name_;
    doc.record = "record " + std::to_string(record_);
    std::string_view uri = h.target_uri;
    // WARC 1.0 drafts wrote the target URI in angle brackets.
    if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') {
      uri = uri.substr(1, uri.size() - 2);
    }
    doc.hints.url = uri;
    if (!h.date.empty()) {
      doc.hints.date = h.date;
      doc.hints.date_from = "warc:WARC-Date";
    }
    return sink_(std::move(doc)) ? Step::kNext : Step::kSinkStopped;
  }

  const std::string& name_;
  WarcStream* stream_;
  size_t limit_;
  const DocSink& sink_;
  const ErrorSink& on_error_;
  std::string buf_;  // decoded bytes; [pos_, size) not yet read
  size_t pos_ = 0;
  uint64_t base_ = 0;  // stream offset of buf_[0]
  uint64_t record_ = 0;
};

}  // namespace

bool ReadWarcFile(const std::string& path, const WarcOptions& options, const DocSink& sink,
                  const ErrorSink& on_error) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) {
    on_error({path, Status::IoError("cannot open " + path + ": " + std::strerror(errno))});
    return true;
  }
  RawInput input(file.get());
  WarcStream stream(&input);
  return Parser(path, &stream, options, sink, on_error).Run();
}

bool ReadWarcBytes(const std::string& name, std::string_view bytes, const WarcOptions& options,
                   const DocSink& sink, const ErrorSink& on_error) {
  RawInput input(bytes);
  WarcStream stream(&input);
  return Parser(name, &stream, options, sink, on_error).Run();
}

}  // namespace rasd::ingest
