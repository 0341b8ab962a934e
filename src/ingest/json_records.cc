#include "ingest/json_records.h"

#include <simdjson.h>

#include <cstring>
#include <map>
#include <memory>
#include <vector>

namespace rasd::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;
using simdjson::dom::object;

std::string Scalar(element e) {
  switch (e.type()) {
    case element_type::STRING: {
      std::string_view v;
      return e.get_string().get(v) ? std::string() : std::string(v);
    }
    case element_type::INT64: return std::to_string(int64_t(e.get_int64().value_unsafe()));
    case element_type::UINT64: return std::to_string(uint64_t(e.get_uint64().value_unsafe()));
    case element_type::DOUBLE: return std::to_string(double(e.get_double().value_unsafe()));
    default: return "";
  }
}

// The first of `names` present with a non-empty value; sets *which to its name.
const element* Pick(const std::map<std::string_view, element>& fields,
                    const std::vector<std::string>& names, std::string* which) {
  for (const std::string& n : names) {
    auto it = fields.find(n);
    if (it == fields.end()) continue;
    if (it->second.is_string() && it->second.get_string().value_unsafe().empty()) continue;
    if (it->second.is_null()) continue;
    if (which) *which = n;
    return &it->second;
  }
  return nullptr;
}

std::string Join(const std::vector<std::string>& names) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s;
}

// Builds a RawDoc from one JSON object; the error names the missing field.
StatusOr<RawDoc> FromObject(object obj, const std::string& name, const std::string& record,
                            const ReadOptions& options) {
  std::map<std::string_view, element> fields;
  for (auto [key, value] : obj) fields.emplace(key, value);
  RawDoc doc;
  doc.uri = name;
  doc.record = record;
  std::string which;
  if (const element* e = Pick(fields, options.fields.text, &which)) {
    if (!e->is_string()) return Status::InvalidArgument("field '" + which + "' is not a string");
    doc.bytes = Scalar(*e);
    doc.content_type = "text/plain";
  } else if (const element* h = Pick(fields, options.fields.html, &which)) {
    if (!h->is_string()) return Status::InvalidArgument("field '" + which + "' is not a string");
    doc.bytes = Scalar(*h);
    doc.content_type = "text/html";
  } else {
    return Status::InvalidArgument("no article text (looked for fields " +
                                   Join(options.fields.text) + ", " + Join(options.fields.html) +
                                   ")");
  }
  MetadataHints& h = doc.hints;
  if (const element* e = Pick(fields, options.fields.title, &which)) {
    h.title = Scalar(*e);
    h.title_from = "json:" + which;
  }
  if (const element* e = Pick(fields, options.fields.url, nullptr)) h.url = Scalar(*e);
  if (const element* e = Pick(fields, options.fields.date, &which)) {
    h.date = Scalar(*e);
    h.date_from = "json:" + which;
  }
  if (const element* e = Pick(fields, options.fields.outlet, &which)) {
    h.outlet = Scalar(*e);
    h.outlet_from = "json:" + which;
  }
  if (const element* e = Pick(fields, options.fields.author, nullptr)) h.author = Scalar(*e);
  if (const element* e = Pick(fields, options.fields.description, nullptr)) {
    h.description = Scalar(*e);
  }
  if (const element* e = Pick(fields, options.fields.keywords, nullptr)) {
    simdjson::dom::array items;
    if (!e->get_array().get(items)) {
      for (element k : items) {
        std::string s = Scalar(k);
        if (!s.empty()) h.keywords.push_back(std::move(s));
      }
    } else if (e->is_string()) {
      std::string all = Scalar(*e);
      size_t pos = 0;
      while (pos <= all.size()) {
        size_t comma = all.find(',', pos);
        if (comma == std::string::npos) comma = all.size();
        std::string k = all.substr(pos, comma - pos);
        while (!k.empty() && k.front() == ' ') k.erase(0, 1);
        while (!k.empty() && k.back() == ' ') k.pop_back();
        if (!k.empty()) h.keywords.push_back(k);
        pos = comma + 1;
      }
    }
  }
  return doc;
}

class LineParser {
 public:
  // Parses one JSON line; returns false when the sink asked to stop.
  bool Line(const std::string& name, std::string_view line, size_t line_no,
            const ReadOptions& options, const DocSink& sink, const ErrorSink& on_error) {
    size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    if (i == line.size()) return true;  // blank lines are allowed
    std::string record = "line " + std::to_string(line_no);
    element root;
    auto err = parser_.parse(line.data(), line.size(), true).get(root);
    if (err) {
      on_error({name + " (" + record + ")",
                Status::InvalidArgument(std::string("malformed JSON: ") + simdjson::error_message(err))});
      return true;
    }
    if (!root.is_object()) {
      on_error({name + " (" + record + ")", Status::InvalidArgument("line is not a JSON object")});
      return true;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) return true;
    auto doc = FromObject(obj, name, record, options);
    if (!doc.ok()) {
      on_error({name + " (" + record + ")", doc.status()});
      return true;
    }
    return sink(std::move(*doc));
  }

 private:
  simdjson::dom::parser parser_;
};

}  // namespace

bool ReadJsonLines(const std::string& name, std::FILE* in, const ReadOptions& options,
                   const DocSink& sink, const ErrorSink& on_error) {
  LineParser parser;
  std::string line;
  std::vector<char> buf(1 << 16);
  size_t line_no = 1;
  bool too_long = false;
  size_t skipped_bytes = 0;
  auto finish_line = [&]() -> bool {
    bool go = true;
    if (too_long) {
      on_error({name + " (line " + std::to_string(line_no) + ")",
                Status::ResourceExhausted("line of " + std::to_string(skipped_bytes) +
                                          " bytes is over the record limit of " +
                                          std::to_string(options.max_record_bytes) + " bytes")});
    } else {
      go = parser.Line(name, line, line_no, options, sink, on_error);
    }
    line.clear();
    too_long = false;
    skipped_bytes = 0;
    ++line_no;
    return go;
  };
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), in)) > 0) {
    size_t pos = 0;
    while (pos < n) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + pos, '\n', n - pos));
      size_t end = nl ? static_cast<size_t>(nl - buf.data()) : n;
      size_t len = end - pos;
      if (too_long) {
        skipped_bytes += len;
      } else if (line.size() + len > options.max_record_bytes) {
        too_long = true;
        skipped_bytes = line.size() + len;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(buf.data() + pos, len);
      }
      pos = end;
      if (nl) {
        ++pos;
        if (!finish_line()) return false;
      }
    }
  }
  if (std::ferror(in)) {
    on_error({name, Status::IoError("read failed at line " + std::to_string(line_no))});
  }
  if (!line.empty() || too_long) return finish_line();
  return true;
}

bool ReadJsonLinesBytes(const std::string& name, std::string_view bytes,
                        const ReadOptions& options, const DocSink& sink,
                        const ErrorSink& on_error) {
  LineParser parser;
  size_t pos = 0, line_no = 1;
  while (pos < bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) nl = bytes.size();
    std::string_view line = bytes.substr(pos, nl - pos);
    if (line.size() > options.max_record_bytes) {
      on_error({name + " (line " + std::to_string(line_no) + ")",
                Status::ResourceExhausted("line of " + std::to_string(line.size()) +
                                          " bytes is over the record limit")});
    } else if (!parser.Line(name, line, line_no, options, sink, on_error)) {
      return false;
    }
    pos = nl + 1;
    ++line_no;
  }
  return true;
}

bool ReadJsonArray(const std::string& name, std::string_view bytes, const ReadOptions& options,
                   const DocSink& sink, const ErrorSink& on_error) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(bytes);
  element root;
  auto err = parser.parse(padded).get(root);
  if (err) {
    // A .json file may hold JSON Lines after all.
    size_t first_nl = bytes.find('\n');
    if (first_nl != std::string_view::npos && first_nl + 1 < bytes.size()) {
      simdjson::dom::parser probe;
      element first;
      if (!probe.parse(bytes.substr(0, first_nl)).get(first) && first.is_object()) {
        return ReadJsonLinesBytes(name, bytes, options, sink, on_error);
      }
    }
    on_error({name, Status::InvalidArgument(std::string("malformed JSON: ") +
                                            simdjson::error_message(err))});
    return true;
  }
  if (root.is_object()) {
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) return true;
    auto doc = FromObject(obj, name, "", options);
    if (!doc.ok()) {
      on_error({name, doc.status()});
      return true;
    }
    if (doc->bytes.size() > options.max_record_bytes) {
      on_error({name, Status::ResourceExhausted("article of " + std::to_string(doc->bytes.size()) +
                                                " bytes is over the record limit of " +
                                                std::to_string(options.max_record_bytes) + " bytes")});
      return true;
    }
    return sink(std::move(*doc));
  }
  if (!root.is_array()) {
    on_error({name, Status::InvalidArgument("JSON is neither an array of articles nor an article")});
    return true;
  }
  size_t index = 0;
  simdjson::dom::array items;
  if (root.get_array().get(items)) return true;
  for (element item : items) {
    ++index;
    std::string record = "record " + std::to_string(index);
    if (!item.is_object()) {
      on_error({name + " (" + record + ")", Status::InvalidArgument("array item is not an object")});
      continue;
    }
    simdjson::dom::object obj;
    if (item.get_object().get(obj)) continue;
    auto doc = FromObject(obj, name, record, options);
    if (!doc.ok()) {
      on_error({name + " (" + record + ")", doc.status()});
      continue;
    }
    if (doc->bytes.size() > options.max_record_bytes) {
      on_error({name + " (" + record + ")", Status::ResourceExhausted("article over the record limit")});
      continue;
    }
    if (!sink(std::move(*doc))) return false;
  }
  return true;
}

}  // namespace rasd::ingest
