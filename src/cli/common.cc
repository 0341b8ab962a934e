#include <cstdio>

#include "cli/commands.h"

namespace rasd::cli {

ingest::ReadOptions SourceOptions::ToReadOptions() const {
  ingest::ReadOptions r;
  r.glob = glob;
  r.format = format;
  auto prepend = [](const std::vector<std::string>& extra, std::vector<std::string>* names) {
    if (!extra.empty()) names->insert(names->begin(), extra.begin(), extra.end());
  };
  prepend(text_fields, &r.fields.text);
  prepend(title_fields, &r.fields.title);
  prepend(date_fields, &r.fields.date);
  prepend(url_fields, &r.fields.url);
  prepend(outlet_fields, &r.fields.outlet);
  r.max_record_bytes = static_cast<size_t>(max_doc_mb * 1024 * 1024);
  return r;
}

void AddSourceOptions(CLI::App* cmd, SourceOptions* o) {
  cmd->add_option("--glob", o->glob,
                  "Read only files whose name matches this pattern from directories (e.g. '*.html')");
  cmd->add_option("--format", o->format, "Input format: auto, text, html, jsonl, json, warc")
      ->check(CLI::IsMember({"auto", "text", "html", "jsonl", "json", "warc"}));
  cmd->add_option("--text-field", o->text_fields, "JSON field holding the article text (tried first)");
  cmd->add_option("--title-field", o->title_fields, "JSON field holding the title");
  cmd->add_option("--date-field", o->date_fields, "JSON field holding the publication date");
  cmd->add_option("--url-field", o->url_fields, "JSON field holding the article URL");
  cmd->add_option("--outlet-field", o->outlet_fields, "JSON field holding the outlet name");
  cmd->add_option("--max-doc-mb", o->max_doc_mb,
                  "Skip documents (and JSON lines) larger than this many MB")
      ->capture_default_str();
}

void PrintError(const std::string& name, const std::string& message) {
  std::fprintf(stderr, "rasd: %s: %s\n", name.c_str(), message.c_str());
}

}  // namespace rasd::cli
