// Readability-style main-text extraction over libxml2's HTML parser.
//
// One iterative walk over the DOM turns visible text into blocks and records,
// for every element, how much text, link text and punctuation it holds. The
// main content container is the element with the best text score (letters,
// commas, paragraphs, minus link density); blocks outside it, and boilerplate
// inside it (share bars, related lists, comments...), keep their text and get
// a drop reason.
#include "ingest/html_extract.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rasd/utf8.h"

namespace rasd::ingest {
namespace {

// XML_PARSE_HUGE lifts libxml2's silent cut-off at 256 levels of nesting (it
// would drop the rest of the page); depth is enforced by options.max_depth.
constexpr int kParseOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                              HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;

// Paragraph-like units shorter than this many letters do not vote for a container.
constexpr int kMinScoredLetters = 25;
// Pages have a handful of links to their legal pages; more is not worth the time.
constexpr size_t kMaxLegalLinks = 64;

struct DocFree {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocFree>;

void InitLibxmlOnce() {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
}

void IgnoreStructuredError(void*, xmlError*) {}

// libxml2 reports some errors (charset conversion) on stderr even with
// HTML_PARSE_NOERROR; silence them for this thread while parsing.
class QuietLibxml {
 public:
  QuietLibxml() : structured_(xmlStructuredError), structured_context_(xmlStructuredErrorContext) {
    xmlSetStructuredErrorFunc(nullptr, IgnoreStructuredError);
  }
  ~QuietLibxml() { xmlSetStructuredErrorFunc(structured_context_, structured_); }
  QuietLibxml(const QuietLibxml&) = delete;
  QuietLibxml& operator=(const QuietLibxml&) = delete;

 private:
  xmlStructuredErrorFunc structured_;
  void* structured_context_;
};

// ---------------------------------------------------------------------------
// Small string helpers.

std::string_view NodeName(const xmlNode* node) {
  return node->name != nullptr ? reinterpret_cast<const char*>(node->name) : "";
}

std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

std::string TextContent(const xmlNode* node) {
  xmlChar* text = xmlNodeGetContent(node);
  if (text == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(text));
  xmlFree(text);
  return out;
}

bool HasAttr(const xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Arabic and Latin letters: what the text score counts.
bool IsLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c >= 0xC0 && c <= 0x24F) return c != 0xD7 && c != 0xF7;
  if (c >= 0x621 && c <= 0x64A) return true;
  if (c >= 0x66E && c <= 0x6D3) return true;
  if (c >= 0x6EE && c <= 0x6FF) return c < 0x6F0 || c > 0x6F9;
  if (c >= 0xFB50 && c <= 0xFDFB) return true;
  if (c >= 0xFE70 && c <= 0xFEFC) return true;
  return false;
}

bool IsComma(char32_t c) { return c == ',' || c == 0x060C; }

bool EndsSentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x061F || c == 0x06D4 || c == 0x2026;
}

// Collapses runs of whitespace to one space, trims, and replaces invalid UTF-8.
std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = utf8::Next(s, &pos);
    if (c == 0xFEFF) continue;
    if (IsSpace(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    utf8::Append(c, &out);
  }
  return out;
}

// The charset a <meta> in the first 64 KiB declares, lowercased ("" when none).
std::string DeclaredCharset(std::string_view html) {
  std::string head = Lower(html.substr(0, 64 * 1024));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string::npos) end = head.size();
    std::string_view tag(head.data() + pos, end - pos);
    size_t at = tag.find("charset");
    if (at != std::string_view::npos) {
      at += 7;
      while (at < tag.size() &&
             (tag[at] == ' ' || tag[at] == '=' || tag[at] == '"' || tag[at] == '\'')) {
        ++at;
      }
      size_t stop = at;
      while (stop < tag.size() && tag[stop] != '"' && tag[stop] != '\'' && tag[stop] != ' ' &&
             tag[stop] != ';' && tag[stop] != '/') {
        ++stop;
      }
      if (stop > at) return std::string(tag.substr(at, stop - at));
    }
    pos = end;
  }
  return {};
}

bool HasUtf16Bom(std::string_view s) {
  return s.size() >= 2 &&
         ((s[0] == '\xFF' && s[1] == '\xFE') || (s[0] == '\xFE' && s[1] == '\xFF'));
}

// ---------------------------------------------------------------------------
// Element classification.

enum class TagKind : uint8_t { kInline, kBlock, kSkip, kBreak };

TagKind KindOf(std::string_view tag) {
  static constexpr std::array<std::string_view, 15> kSkip = {
      "script", "style", "noscript", "template", "svg",   "iframe", "head",    "math",
      "object", "embed", "canvas",   "video",    "audio", "select", "datalist"};
  static constexpr std::array<std::string_view, 46> kBlock = {
      "address",    "article", "aside",  "blockquote", "body",     "button", "caption", "center",
      "dd",         "details", "dialog", "dir",        "div",      "dl",     "dt",      "fieldset",
      "figcaption", "figure",  "footer", "form",       "frameset", "h1",     "h2",      "h3",
      "h4",         "h5",      "h6",     "header",     "hgroup",   "hr",     "html",    "legend",
      "li",         "main",    "menu",   "nav",        "ol",       "p",      "pre",     "section",
      "summary",    "table",   "td",     "th",         "tr",       "ul"};
  if (tag == "br") return TagKind::kBreak;
  for (std::string_view s : kSkip) {
    if (tag == s) return TagKind::kSkip;
  }
  for (std::string_view s : kBlock) {
    if (tag == s) return TagKind::kBlock;
  }
  return TagKind::kInline;
}

bool IsParagraphTag(std::string_view tag) {
  return tag == "p" || tag == "pre" || tag == "td" || tag == "th" || tag == "li" ||
         tag == "blockquote" || tag == "dd" || tag == "dt" || tag == "h1" || tag == "h2" ||
         tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" || tag == "figcaption" ||
         tag == "caption" || tag == "summary" || tag == "legend" || tag == "address";
}

// Splits a lowercased class/id string into words at every non-alphanumeric byte.
std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool alnum = i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9'));
    if (!alnum) {
      if (i > start) words.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

bool HasWord(const std::vector<std::string_view>& words,
             std::initializer_list<std::string_view> wanted) {
  for (std::string_view w : words) {
    for (std::string_view x : wanted) {
      if (w == x) return true;
    }
  }
  return false;
}

bool HasSubstring(std::string_view s, std::initializer_list<std::string_view> wanted) {
  for (std::string_view x : wanted) {
    if (Contains(s, x)) return true;
  }
  return false;
}

// The boilerplate reason that class and id words suggest, or "".
std::string_view ReasonFromClassId(std::string_view lower) {
  if (lower.empty()) return {};
  std::vector<std::string_view> words = Words(lower);
  // "commentary" is an opinion column, not a comment thread.
  std::string without_commentary(lower);
  for (size_t at; (at = without_commentary.find("commentary")) != std::string::npos;) {
    without_commentary.erase(at, 10);
  }
  if (HasSubstring(without_commentary, {"comment", "disqus"})) return "comments";
  if (HasSubstring(lower, {"share", "social", "addthis"})) return "share-buttons";
  if (HasSubstring(
          lower, {"related", "more-stories", "morestories", "more_stories", "most-read", "mostread",
                  "most_read", "most-viewed", "mostviewed", "most_viewed", "most-popular",
                  "mostpopular", "recommended", "trending", "tags", "read-also", "readalso"}) ||
      HasWord(words, {"tag", "popular"})) {
    return "related-list";
  }
  if (Contains(lower, "breadcrumb")) return "breadcrumbs";
  if (HasSubstring(lower, {"cookie", "consent", "gdpr"})) return "cookie-banner";
  if (HasSubstring(lower, {"advert", "adsbygoogle", "adsense", "sponsor"}) ||
      HasWord(words, {"ad", "ads", "adv", "adslot", "adspace", "adunit", "promo", "dfp"})) {
    return "ad";
  }
  if (HasSubstring(lower, {"newsletter", "subscribe"})) return "newsletter";
  if (HasSubstring(lower, {"pagination", "pager"})) return "pagination";
  if (HasSubstring(lower, {"navbar", "navigation"}) || HasWord(words, {"nav"})) return "nav";
  if (Contains(lower, "menu")) return "menu";
  if (Contains(lower, "caption")) return "caption";
  if (Contains(lower, "footer") || HasWord(words, {"ftr"})) return "footer";
  if (HasSubstring(lower, {"header", "masthead"}) || HasWord(words, {"hdr"})) return "header";
  if (Contains(lower, "sidebar")) return "aside";
  if (HasSubstring(lower, {"popup", "modal"})) return "popup";
  return {};
}

std::string_view ReasonFromTag(std::string_view tag) {
  if (tag == "nav") return "nav";
  if (tag == "header") return "header";
  if (tag == "footer") return "footer";
  if (tag == "aside") return "aside";
  if (tag == "form") return "form";
  if (tag == "button") return "button";
  if (tag == "menu") return "menu";
  if (tag == "dialog") return "popup";
  if (tag == "figcaption") return "caption";
  return {};
}

std::string_view ReasonFromRole(std::string_view role) {
  if (role == "navigation") return "nav";
  if (role == "banner") return "header";
  if (role == "contentinfo") return "footer";
  if (role == "complementary") return "aside";
  if (role == "menu" || role == "menubar") return "menu";
  if (role == "search") return "form";
  if (role == "dialog" || role == "alertdialog") return "popup";
  return {};
}

bool IsHidden(const xmlNode* node) {
  if (HasAttr(node, "hidden")) return true;
  if (Lower(Attr(node, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(node, "style"));
  if (style.empty()) return false;
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  return Contains(style, "display:none") || Contains(style, "visibility:hidden");
}

bool LooksLikeContent(std::string_view lower) {
  return HasSubstring(
      lower, {"article", "body", "content", "entry", "main", "post", "story", "text", "blog"});
}

// Readability-style class weight: article-ish names up, boilerplate-ish names down.
int ClassWeight(std::string_view lower_class, std::string_view lower_id) {
  int weight = 0;
  for (std::string_view s : {lower_class, lower_id}) {
    if (s.empty()) continue;
    if (!ReasonFromClassId(s).empty() || HasSubstring(s, {"widget", "outbrain", "taboola"})) {
      weight -= 25;
    }
    if (LooksLikeContent(s)) weight += 25;
  }
  return weight;
}

int TagBaseScore(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" ||
      tag == "li" || tag == "form") {
    return -3;
  }
  if (tag == "h1" || tag == "h2" || tag == "h3" || tag == "h4" || tag == "h5" || tag == "h6" ||
      tag == "th") {
    return -5;
  }
  return 0;
}

// True for links to the site's own privacy/terms/guidelines pages. Paragraphs
// that link there are the site talking about itself (comment rules, legal notes).
bool IsLegalLink(std::string_view href, std::string_view page_host) {
  std::string h = Lower(href);
  size_t scheme = h.find("://");
  std::string_view path = h;
  if (scheme != std::string::npos) {
    size_t host_begin = scheme + 3;
    size_t host_end = h.find('/', host_begin);
    std::string_view host = std::string_view(h).substr(
        host_begin, host_end == std::string::npos ? std::string::npos : host_end - host_begin);
    if (page_host.empty() || host != page_host) return false;
    path =
        host_end == std::string::npos ? std::string_view() : std::string_view(h).substr(host_end);
  } else if (h.rfind("//", 0) == 0 || h.rfind("mailto:", 0) == 0 ||
             h.rfind("javascript:", 0) == 0) {
    return false;
  }
  size_t cut = path.find_first_of("?#");
  if (cut != std::string_view::npos) path = path.substr(0, cut);
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  size_t slash = path.rfind('/');
  std::string last(slash == std::string_view::npos ? path : path.substr(slash + 1));
  size_t dot = last.find('.');
  if (dot != std::string::npos) last.resize(dot);
  std::replace(last.begin(), last.end(), '_', '-');
  static constexpr std::array<std::string_view, 16> kLegal = {"privacy",
                                                              "privacy-policy",
                                                              "privacypolicy",
                                                              "terms",
                                                              "terms-of-use",
                                                              "terms-of-service",
                                                              "terms-and-conditions",
                                                              "termsofuse",
                                                              "tos",
                                                              "conditions",
                                                              "community-guidelines",
                                                              "guidelines",
                                                              "disclaimer",
                                                              "legal",
                                                              "cookie-policy",
                                                              "copyright"};
  for (std::string_view s : kLegal) {
    if (last == s) return true;
  }
  return false;
}

std::string HostOf(std::string_view url) {
  std::string u = Lower(url);
  size_t scheme = u.find("://");
  if (scheme == std::string::npos) return {};
  size_t begin = scheme + 3;
  size_t end = u.find_first_of("/?#", begin);
  return u.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// ---------------------------------------------------------------------------
// The walk.

// A block-level element, or an inline one with a boilerplate hint; plain
// inline elements (<b>, <a>, <span>) are not recorded.
struct Element {
  int parent = -1;
  std::string_view tag;
  bool block = false;  // starts and ends a text block
  bool hidden = false;
  std::string_view hint;  // own boilerplate reason from tag, role or class/id
  bool hint_from_class = false;
  bool hint_weak = false;  // the same class/id also names content ("article-share")
  int class_weight = 0;
  std::string lower_class;

  // Totals over the element's subtree.
  int64_t letters = 0;
  int64_t link_letters = 0;
  int64_t commas = 0;
  int64_t blocks = 0;
  int64_t sentence_blocks = 0;  // blocks that end like a sentence
  int64_t paragraphs = 0;       // <p> elements
  int64_t inputs = 0;

  // Own text (blocks whose nearest block-level element is this one).
  int64_t own_letters = 0;
  int64_t own_link_letters = 0;
  int64_t own_commas = 0;

  double score = 0;
  bool candidate = false;
  bool excluded = false;  // under boilerplate: does not vote for a container
  bool is_main = false;   // the main container or a sibling included with it
  bool in_main = false;
  bool main_ancestor = false;   // the main container, an included sibling, or above one
  std::string_view own_reason;  // after main is known
  std::string_view reason;      // effective (inherited) reason
};

struct Block {
  std::string text;
  int owner = 0;
  int64_t letters = 0;
  int64_t link_letters = 0;
  int64_t commas = 0;
};

// A publication date found on an element rather than in <head>.
struct DatedElement {
  int element;
  int priority;  // as in MetadataCollector::Meta: lower wins
  std::string value;
  std::string from;
};

class Walker {
 public:
  explicit Walker(int max_depth) : max_depth_(max_depth) {}

  Status Walk(xmlDoc* doc) {
    xmlNode* root = reinterpret_cast<xmlNode*>(doc);
    xmlNode* node = doc->children;
    while (node != nullptr) {
      bool descend = Enter(node);
      if (!status_.ok()) return status_;
      if (descend && node->children != nullptr) {
        node = node->children;
        continue;
      }
      Leave(node);
      while (node->next == nullptr) {
        node = node->parent;
        if (node == nullptr || node == root) {
          Flush();
          return status_;
        }
        Leave(node);
      }
      node = node->next;
    }
    Flush();
    return status_;
  }

  std::vector<Element>& elements() { return elements_; }
  std::vector<Block>& blocks() { return blocks_; }
  std::vector<DatedElement>& dated() { return dated_; }
  std::vector<int>& legal_links() { return legal_links_; }
  void set_page_host(std::string host) { page_host_ = std::move(host); }

 private:
  struct Frame {
    const xmlNode* node;
    int element;  // the innermost recorded element, this one or an ancestor
    bool block;
    bool link;
    bool pre;
  };

  // Returns whether to descend into the node's children.
  bool Enter(xmlNode* node) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) AddText(reinterpret_cast<const char*>(node->content));
      return false;
    }
    if (node->type != XML_ELEMENT_NODE) return false;
    if (static_cast<int>(frames_.size()) >= max_depth_) {
      status_ = Status::ResourceExhausted("HTML nested deeper than " + std::to_string(max_depth_) +
                                          " elements");
      return false;
    }
    std::string_view tag = NodeName(node);
    TagKind kind = KindOf(tag);
    if (kind == TagKind::kSkip) return false;
    if (kind == TagKind::kBreak) {
      Flush();
      return false;
    }
    if ((tag == "input" || tag == "textarea") && !frames_.empty()) {
      ++elements_[frames_.back().element].inputs;
    }

    Element e;
    e.parent = frames_.empty() ? -1 : frames_.back().element;
    e.tag = tag;
    e.lower_class = Lower(Attr(node, "class"));
    std::string lower_id = Lower(Attr(node, "id"));
    e.hidden = IsHidden(node);
    e.hint = ReasonFromTag(tag);
    if (e.hint.empty()) e.hint = ReasonFromRole(Lower(Attr(node, "role")));
    if (e.hint.empty()) {
      e.hint = ReasonFromClassId(e.lower_class);
      if (e.hint.empty()) e.hint = ReasonFromClassId(lower_id);
      e.hint_from_class = !e.hint.empty();
      e.hint_weak =
          e.hint_from_class && (LooksLikeContent(e.lower_class) || LooksLikeContent(lower_id));
    }
    if (e.hidden) {
      e.hint = "hidden";
      e.hint_from_class = false;
    }
    std::string itemprop = Attr(node, "itemprop");
    std::string lower_itemprop = Lower(itemprop);
    // Boilerplate-looking inline elements (a share <span>) get blocks of their own.
    e.block = kind == TagKind::kBlock || !e.hint.empty();
    int index = e.parent;
    if (e.block || e.parent < 0) {
      e.class_weight = ClassWeight(e.lower_class, lower_id);
      if (lower_itemprop == "articlebody") e.class_weight += 25;
      if (tag == "p") e.paragraphs = 1;
      Flush();
      index = static_cast<int>(elements_.size());
      elements_.push_back(std::move(e));
    }

    bool link = tag == "a";
    if (link) {
      std::string href = Attr(node, "href");
      if (legal_links_.size() < kMaxLegalLinks && !href.empty() && IsLegalLink(href, page_host_)) {
        legal_links_.push_back(index);
      }
    }
    if (lower_itemprop == "datepublished" && tag != "meta") {
      std::string value = Attr(node, "datetime");
      if (value.empty()) value = Attr(node, "content");
      if (value.empty()) value = TextContent(node);
      value = CollapseSpace(value);
      if (!value.empty()) dated_.push_back({index, 2, std::move(value), "html:" + itemprop});
    }
    if (tag == "time") {
      std::string datetime = CollapseSpace(Attr(node, "datetime"));
      if (!datetime.empty()) dated_.push_back({index, 4, std::move(datetime), "html:time"});
    }
    bool block = elements_[index].block && (frames_.empty() || frames_.back().element != index);
    frames_.push_back({node, index, block, link, tag == "pre"});
    if (block) block_stack_.push_back(index);
    if (link) ++link_depth_;
    if (tag == "pre") ++pre_depth_;
    return true;
  }

  void Leave(xmlNode* node) {
    if (node->type != XML_ELEMENT_NODE || frames_.empty() || frames_.back().node != node) return;
    Frame frame = frames_.back();
    if (frame.block) {
      Flush();
      block_stack_.pop_back();
    }
    if (frame.link) --link_depth_;
    if (frame.pre) --pre_depth_;
    frames_.pop_back();
  }

  void AddText(std::string_view text) {
    size_t pos = 0;
    while (pos < text.size()) {
      char32_t c = utf8::Next(text, &pos);
      if (c == 0xFEFF) continue;
      if (c == '\n' && pre_depth_ > 0) {
        Flush();
        continue;
      }
      if (IsSpace(c)) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !current_.text.empty()) current_.text.push_back(' ');
      pending_space_ = false;
      utf8::Append(c, &current_.text);
      if (IsLetter(c)) {
        ++current_.letters;
        if (link_depth_ > 0) ++current_.link_letters;
      } else if (IsComma(c)) {
        ++current_.commas;
      }
    }
  }

  // Ends the current text run as a block owned by the nearest block-level element.
  void Flush() {
    pending_space_ = false;
    if (current_.text.empty()) return;
    current_.owner = block_stack_.empty() ? 0 : block_stack_.back();
    if (!elements_.empty()) blocks_.push_back(std::move(current_));
    current_ = Block();
  }

  int max_depth_;
  Status status_;
  std::vector<Element> elements_;
  std::vector<Block> blocks_;
  std::vector<Frame> frames_;
  std::vector<int> block_stack_;  // indices of the open block-level elements
  std::vector<DatedElement> dated_;
  std::vector<int> legal_links_;
  std::string page_host_;
  Block current_;
  bool pending_space_ = false;
  int link_depth_ = 0;
  int pre_depth_ = 0;
};

// ---------------------------------------------------------------------------
// Metadata.

struct DateCandidate {
  int priority;
  std::string value;
  std::string from;
};

class MetadataCollector {
 public:
  void Visit(const xmlNode* node) {
    std::string_view tag = NodeName(node);
    if (tag == "title") {
      if (!seen_title_) {
        seen_title_ = true;
        title_ = CollapseSpace(TextContent(node));
      }
      return;
    }
    if (tag == "link") {
      std::string rel = Lower(Attr(node, "rel"));
      for (std::string_view word : Words(rel)) {
        if (word == "canonical" && canonical_.empty()) {
          canonical_ = CollapseSpace(Attr(node, "href"));
        }
      }
      return;
    }
    if (tag == "meta") {
      std::string content = CollapseSpace(Attr(node, "content"));
      if (content.empty()) return;
      for (const char* attr : {"property", "name", "itemprop"}) {
        std::string key = Attr(node, attr);
        if (!key.empty()) Meta(key, content);
      }
      return;
    }
    // RDFa dates on any element (<span property="dc:date" content="...">).
    std::string property = Attr(node, "property");
    if (!property.empty() && HasAttr(node, "content")) {
      std::string lower = Lower(property);
      if (lower == "dc:date" || lower == "dcterms:date" || lower == "dcterms:created") {
        AddDate(5, CollapseSpace(Attr(node, "content")), "html:" + property);
      }
    }
  }

  // `element_dates` come from the body, the article's own first.
  void Finish(const std::vector<DateCandidate>& element_dates, MetadataHints* hints) const {
    if (!og_title_.empty()) {
      hints->title = og_title_;
      hints->title_from = "html:og:title";
    } else if (!title_.empty()) {
      hints->title = title_;
      hints->title_from = "html:title";
    }
    const DateCandidate* best = nullptr;
    for (const auto* list : {&dates_, &element_dates}) {
      for (const DateCandidate& d : *list) {
        if (best == nullptr || d.priority < best->priority) best = &d;
      }
    }
    if (best != nullptr) {
      hints->date = best->value;
      hints->date_from = best->from;
    }
    if (!site_name_.empty()) {
      hints->outlet = site_name_;
      hints->outlet_from = "html:og:site_name";
    }
    hints->url = !canonical_.empty() ? canonical_ : og_url_;
    hints->author = author_;
    hints->description = !og_description_.empty() ? og_description_ : description_;
    std::string_view keywords = !keywords_.empty() ? keywords_ : news_keywords_;
    std::string word;
    auto push = [&] {
      std::string clean = CollapseSpace(word);
      if (!clean.empty() && std::find(hints->keywords.begin(), hints->keywords.end(), clean) ==
                                hints->keywords.end()) {
        hints->keywords.push_back(std::move(clean));
      }
      word.clear();
    };
    size_t pos = 0;
    while (pos < keywords.size()) {
      size_t start = pos;
      char32_t c = utf8::Next(keywords, &pos);
      if (IsComma(c) || c == ';') {
        push();
      } else {
        word.append(keywords.substr(start, pos - start));
      }
    }
    push();
  }

  const std::string& canonical_or_og_url() const {
    return !canonical_.empty() ? canonical_ : og_url_;
  }

 private:
  void Meta(const std::string& key, const std::string& content) {
    std::string k = Lower(key);
    struct Field {
      std::string_view key;
      std::string* slot;
    };
    for (const Field& f :
         {Field{"og:title", &og_title_}, Field{"og:site_name", &site_name_},
          Field{"og:url", &og_url_}, Field{"og:description", &og_description_},
          Field{"description", &description_}, Field{"author", &author_},
          Field{"keywords", &keywords_}, Field{"news_keywords", &news_keywords_}}) {
      if (k == f.key && f.slot->empty()) *f.slot = content;
    }
    // Publication dates, best first; date_from keeps the name as the page wrote it.
    static constexpr std::array<std::pair<std::string_view, int>, 8> kDates = {{
        {"article:published_time", 0},
        {"pubdate", 1},
        {"datepublished", 2},
        {"date", 3},
        {"dc.date", 5},
        {"dc:date", 5},
        {"dcterms.date", 5},
        {"dc.date.issued", 5},
    }};
    for (const auto& [name, priority] : kDates) {
      if (k == name) AddDate(priority, content, "html:" + key);
    }
  }

  void AddDate(int priority, std::string value, std::string from) {
    if (value.empty()) return;
    for (const DateCandidate& d : dates_) {
      if (d.priority <= priority) return;
    }
    dates_.push_back({priority, std::move(value), std::move(from)});
  }

  bool seen_title_ = false;
  std::string title_, og_title_, site_name_, og_url_, canonical_, og_description_, description_,
      author_, keywords_, news_keywords_;
  std::vector<DateCandidate> dates_;
};

// Visits every element except script/style/svg content, iteratively.
template <typename Fn>
void ForEachElement(xmlDoc* doc, Fn fn) {
  xmlNode* root = reinterpret_cast<xmlNode*>(doc);
  xmlNode* node = doc->children;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_ELEMENT_NODE) {
      fn(node);
      std::string_view tag = NodeName(node);
      descend = tag != "script" && tag != "style" && tag != "svg" && tag != "template";
    }
    if (descend && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node == root) return;
    }
    node = node->next;
  }
}

// ---------------------------------------------------------------------------
// Main content selection and drop reasons.

class Extractor {
 public:
  Extractor(std::vector<Element>* elements, std::vector<Block>* blocks,
            const std::vector<int>& legal_links)
      : el_(*elements), blocks_(*blocks), legal_links_(legal_links) {}

  void Run() {
    if (el_.empty()) return;
    Aggregate();
    MarkExcluded();
    ScoreCandidates();
    ChooseMain();
    AssignReasons();
  }

 private:
  double LinkDensity(const Element& e) const {
    return e.letters > 0 ? static_cast<double>(e.link_letters) / e.letters : 0.0;
  }

  void Aggregate() {
    for (const Block& b : blocks_) {
      Element& o = el_[b.owner];
      o.own_letters += b.letters;
      o.own_link_letters += b.link_letters;
      o.own_commas += b.commas;
      o.letters += b.letters;
      o.link_letters += b.link_letters;
      o.commas += b.commas;
      o.blocks += 1;
      size_t pos = b.text.size();
      if (pos > 0) {
        char32_t last = utf8::Prev(b.text, &pos);
        if (EndsSentence(last) || last == ':' || last == '"' || last == 0xBB) o.sentence_blocks++;
      }
    }
    // Elements are in document (pre-)order, so children come after parents.
    for (size_t i = el_.size(); i-- > 1;) {
      const Element& e = el_[i];
      if (e.parent < 0) continue;
      Element& p = el_[e.parent];
      p.letters += e.letters;
      p.link_letters += e.link_letters;
      p.commas += e.commas;
      p.blocks += e.blocks;
      p.sentence_blocks += e.sentence_blocks;
      p.paragraphs += e.paragraphs;
      p.inputs += e.inputs;
    }
    total_letters_ = el_[0].letters;
  }

  // A hint on an element that holds most of the page (a <form> around the
  // whole body, a body class naming the sidebar) says nothing about its text.
  bool HintApplies(const Element& e) const {
    if (e.hint.empty()) return false;
    if (e.hint == "hidden") return true;
    return total_letters_ == 0 || e.letters * 10 <= total_letters_ * 6;
  }

  void MarkExcluded() {
    for (size_t i = 0; i < el_.size(); ++i) {
      Element& e = el_[i];
      bool parent_excluded = e.parent >= 0 && el_[e.parent].excluded;
      e.excluded = parent_excluded || (HintApplies(e) && !e.hint_weak);
    }
  }

  void Touch(int index) {
    Element& e = el_[index];
    if (!e.candidate) {
      e.candidate = true;
      e.score = TagBaseScore(e.tag) + e.class_weight;
    }
  }

  // One paragraph's vote: for its parent in full and less for ancestors above.
  void Vote(int target, int64_t letters, int64_t link_letters, int64_t commas) {
    if (letters < kMinScoredLetters) return;
    double score = (1.0 + commas + std::min<int64_t>(letters / 100, 3)) *
                   (1.0 - static_cast<double>(link_letters) / letters);
    for (int level = 0; level < 5 && target >= 0; ++level, target = el_[target].parent) {
      Touch(target);
      double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      el_[target].score += score / divider;
    }
  }

  void ScoreCandidates() {
    // A <p> (with all its <br>-separated lines) is one paragraph; text runs
    // directly inside a container are paragraphs of that container.
    for (const Element& e : el_) {
      if (e.excluded || !IsParagraphTag(e.tag)) continue;
      Vote(e.parent, e.own_letters, e.own_link_letters, e.own_commas);
    }
    for (const Block& b : blocks_) {
      const Element& owner = el_[b.owner];
      if (owner.excluded || IsParagraphTag(owner.tag)) continue;
      Vote(b.owner, b.letters, b.link_letters, b.commas);
    }
    for (Element& e : el_) {
      if (e.candidate) e.score *= 1.0 - LinkDensity(e);
    }
  }

  bool IsTopLevel(int index) const {
    std::string_view tag = el_[index].tag;
    return el_[index].parent < 0 || tag == "body" || tag == "html";
  }

  void ChooseMain() {
    std::vector<int> ranked;
    for (size_t i = 0; i < el_.size(); ++i) {
      if (el_[i].candidate) ranked.push_back(static_cast<int>(i));
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [&](int a, int b) { return el_[a].score > el_[b].score; });
    int top = -1;
    if (ranked.empty() || el_[ranked[0]].score <= 0) {
      for (size_t i = 0; i < el_.size(); ++i) {
        if (el_[i].tag == "body") {
          top = static_cast<int>(i);
          break;
        }
      }
      if (top < 0) top = 0;
      main_.push_back(top);
    } else {
      top = ranked[0];
      // Several near-best candidates under one ancestor: the article is split
      // into sections, so take the ancestor.
      std::vector<int> alternatives;
      for (size_t i = 1; i < ranked.size() && i < 5; ++i) {
        if (el_[ranked[i]].score >= 0.75 * el_[top].score) alternatives.push_back(ranked[i]);
      }
      if (alternatives.size() >= 3) {
        std::vector<uint8_t> under(el_.size(), 0);
        for (int a : alternatives) {
          for (int p = a; p >= 0; p = el_[p].parent) ++under[p];
        }
        for (int p = el_[top].parent; p >= 0 && !IsTopLevel(p); p = el_[p].parent) {
          if (under[p] >= 3) {
            top = p;
            break;
          }
        }
      }
      // Climb while a parent scores higher than what is below it.
      double last = el_[top].score;
      double threshold = last / 3;
      for (int p = el_[top].parent; p >= 0 && !IsTopLevel(p); p = el_[p].parent) {
        if (!el_[p].candidate) continue;
        if (el_[p].score < threshold) break;
        if (el_[p].score > last) {
          top = p;
          break;
        }
        last = el_[p].score;
      }
      // A wrapper that adds no text is the same container.
      while (el_[top].parent >= 0 && !IsTopLevel(el_[top].parent) &&
             el_[el_[top].parent].letters == el_[top].letters) {
        top = el_[top].parent;
      }
      main_.push_back(top);
      AddSiblings(top);
    }
    for (int m : main_) {
      el_[m].is_main = true;
      for (int i = m; i >= 0 && !el_[i].main_ancestor; i = el_[i].parent) {
        el_[i].main_ancestor = true;
      }
    }
    for (Element& e : el_) e.in_main = e.is_main || (e.parent >= 0 && el_[e.parent].in_main);
    main_letters_ = 0;
    for (int m : main_) main_letters_ += el_[m].letters;
  }

  // Readability's sibling rule: siblings that score well or read like
  // paragraphs belong to the article too.
  void AddSiblings(int top) {
    int parent = el_[top].parent;
    if (parent < 0 || IsTopLevel(parent)) return;
    double threshold = std::max(10.0, el_[top].score * 0.2);
    for (size_t i = static_cast<size_t>(parent) + 1; i < el_.size(); ++i) {
      const Element& s = el_[i];
      if (s.parent != parent || static_cast<int>(i) == top || s.excluded) continue;
      double bonus = !s.lower_class.empty() && s.lower_class == el_[top].lower_class
                         ? el_[top].score * 0.2
                         : 0.0;
      bool append = false;
      if (s.candidate && s.score + bonus >= threshold) {
        append = true;
      } else if (s.tag == "p") {
        double density = LinkDensity(s);
        if (s.letters > 80 && density < 0.25) append = true;
        if (s.letters > 0 && s.letters <= 80 && density == 0 && s.sentence_blocks > 0)
          append = true;
      }
      if (append) main_.push_back(static_cast<int>(i));
    }
  }

  // Readability's conditional cleaning, reduced to what is clearly not prose.
  std::string_view ConditionalReason(const Element& e) const {
    std::string_view tag = e.tag;
    bool container = tag == "div" || tag == "section" || tag == "ul" || tag == "ol" ||
                     tag == "dl" || tag == "table" || tag == "figure" || tag == "article";
    if (!container || e.letters == 0 || e.commas >= 10) return {};
    if (e.letters * 2 > main_letters_) return {};
    if (LinkDensity(e) > 0.5) return "link-density";
    if (e.inputs > 0 && e.inputs * 3 > e.paragraphs) return "form";
    if (e.blocks >= 4 && e.letters < 15 * e.blocks && e.sentence_blocks == 0) {
      return "low-text-density";
    }
    return {};
  }

  void AssignReasons() {
    // Own reasons. Inside the article a site header's words mean the article's
    // headline area, and a class that covers most of the article is a misnomer.
    for (Element& e : el_) {
      if (!HintApplies(e)) continue;
      if (e.in_main && !e.main_ancestor) {
        if (e.hint == "header") continue;
        if (e.hint_from_class && main_letters_ > 0 && e.letters * 2 > main_letters_) continue;
      }
      e.own_reason = e.hint;
    }
    for (Element& e : el_) {
      if (e.own_reason.empty() && e.in_main && !e.main_ancestor)
        e.own_reason = ConditionalReason(e);
    }
    // Text around links to the site's legal pages (comment rules, disclaimers).
    for (int link : legal_links_) {
      if (!el_[link].in_main || el_[link].main_ancestor) continue;
      int paragraph = link;
      while (paragraph >= 0 && !el_[paragraph].block) paragraph = el_[paragraph].parent;
      if (paragraph < 0) continue;
      // The notice and what sits right around it, never a large part of the article.
      int64_t cap = std::min<int64_t>(
          {1500, main_letters_ * 3 / 10, std::max<int64_t>(300, 3 * el_[paragraph].letters)});
      int region = -1;
      for (int i = link; i >= 0 && !el_[i].main_ancestor; i = el_[i].parent) {
        if (el_[i].letters > cap) break;
        region = i;
      }
      if (region >= 0 && el_[region].own_reason.empty()) el_[region].own_reason = "legal-notice";
    }
    for (Element& e : el_) {
      if (e.main_ancestor) {
        e.reason = {};
      } else if (!e.own_reason.empty()) {
        e.reason = e.own_reason;
      } else if (e.parent >= 0) {
        e.reason = el_[e.parent].reason;
      }
    }
  }

 public:
  std::string_view BlockReason(const Block& b) const {
    const Element& owner = el_[b.owner];
    if (!owner.reason.empty()) return owner.reason;
    if (!owner.in_main) return "outside-main-content";
    if (b.letters > 0 && b.link_letters * 2 > b.letters) return "link-density";
    return {};
  }

  bool InMain(int element) const { return el_[element].in_main; }

 private:
  std::vector<Element>& el_;
  std::vector<Block>& blocks_;
  const std::vector<int>& legal_links_;
  std::vector<int> main_;
  int64_t total_letters_ = 0;
  int64_t main_letters_ = 0;
};

}  // namespace

StatusOr<HtmlPage> ExtractHtml(std::string_view html, const HtmlOptions& options) {
  HtmlPage page;
  if (html.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted("HTML larger than 2 GiB");
  }
  if (html.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) return page;
  InitLibxmlOnce();

  // Without a declared legacy charset the page is UTF-8; libxml2 would switch
  // the whole page to Latin-1 at the first invalid byte, so replace those first.
  std::string sanitized;
  std::string charset = DeclaredCharset(html);
  bool legacy = HasUtf16Bom(html) || (!charset.empty() && charset != "utf-8" && charset != "utf8");
  if (!legacy && utf8::FindInvalid(html) != std::string_view::npos) {
    sanitized = utf8::Sanitize(html);
    html = sanitized;
  }

  QuietLibxml quiet;
  DocPtr doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, nullptr, kParseOptions));
  if (doc == nullptr) return Status::InvalidArgument("HTML could not be parsed");

  MetadataCollector meta;
  ForEachElement(doc.get(), [&](const xmlNode* node) { meta.Visit(node); });

  Walker walker(options.max_depth);
  walker.set_page_host(HostOf(meta.canonical_or_og_url()));
  RASD_RETURN_IF_ERROR(walker.Walk(doc.get()));

  Extractor extractor(&walker.elements(), &walker.blocks(), walker.legal_links());
  extractor.Run();

  std::vector<DateCandidate> element_dates;
  for (bool in_main : {true, false}) {
    for (DatedElement& d : walker.dated()) {
      if (extractor.InMain(d.element) == in_main) {
        element_dates.push_back({d.priority, std::move(d.value), std::move(d.from)});
      }
    }
  }
  meta.Finish(element_dates, &page.hints);

  page.blocks.reserve(walker.blocks().size());
  for (Block& b : walker.blocks()) {
    HtmlBlock out;
    out.drop_reason = std::string(extractor.BlockReason(b));
    out.text = std::move(b.text);
    page.blocks.push_back(std::move(out));
  }
  return page;
}

}  // namespace rasd::ingest
