#include <cctype>

#include "rasd/search.h"
#include "rasd/text.h"
#include "rasd/utf8.h"

namespace rasd::search {
namespace {

enum class Kind { kWord, kPhrase, kPrefix, kAnd, kOr, kNot, kOpen, kClose };

struct Item {
  Kind kind;
  std::string text;
  bool negated = false;  // "-word"
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out += "\"";
  return out;
}

// Words of a phrase or word as the index sees them (punctuation dropped).
std::vector<std::string> Terms(std::string_view s) {
  std::vector<std::string> out;
  text::ForEachToken(s, [&](const text::Token& t) {
    if (t.kind == text::TokenKind::kPunct) return;
    if (!t.stem.empty()) out.push_back(t.stem);
  });
  return out;
}

}  // namespace

std::string IndexTerm(std::string_view word) {
  auto terms = Terms(word);
  return terms.empty() ? "" : terms.front();
}

StatusOr<ParsedQuery> Parse(std::string_view q) {
  if (q.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
  }
  if (utf8::FindInvalid(q) != std::string_view::npos) return Status::InvalidArgument("the query is not valid UTF-8");
  for (char c : q) {
    if (static_cast<unsigned char>(c) < 0x20 && !IsSpace(c)) {
      return Status::InvalidArgument("the query contains a control character");
    }
  }
  // 1. Lex.
  std::vector<Item> items;
  size_t i = 0;
  while (i < q.size()) {
    if (IsSpace(q[i])) {
      ++i;
      continue;
    }
    if (q[i] == '(' || q[i] == ')') {
      items.push_back({q[i] == '(' ? Kind::kOpen : Kind::kClose, ""});
      ++i;
      continue;
    }
    bool negated = false;
    if (q[i] == '-' && i + 1 < q.size() && !IsSpace(q[i + 1])) {
      negated = true;
      ++i;
    }
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos) return Status::InvalidArgument("a phrase is missing its closing quote (\")");
      items.push_back({Kind::kPhrase, std::string(q.substr(i + 1, close - i - 1)), negated});
      i = close + 1;
      continue;
    }
    size_t j = i;
    while (j < q.size() && !IsSpace(q[j]) && q[j] != '(' && q[j] != ')' && q[j] != '"') ++j;
    std::string w(q.substr(i, j - i));
    i = j;
    if (!negated && (w == "AND" || w == "و")) {
      items.push_back({Kind::kAnd, ""});
    } else if (!negated && (w == "OR" || w == "أو" || w == "او")) {
      items.push_back({Kind::kOr, ""});
    } else if (!negated && w == "NOT") {
      items.push_back({Kind::kNot, ""});
    } else if (w.size() > 1 && w.back() == '*') {
      w.pop_back();
      items.push_back({Kind::kPrefix, w, negated});
    } else {
      items.push_back({Kind::kWord, w, negated});
    }
  }
  // 2. Translate, checking the structure as we go.
  ParsedQuery out;
  int depth = 0;
  bool need_operand = true;   // start of query, after an operator or "("
  bool any_positive = false;
  std::string expr;
  auto operand = [&](const std::string& fts, bool negated) -> Status {
    if (fts.empty()) return Status::Ok();  // a word of punctuation only: ignored
    if (!need_operand) {
      expr += negated ? " NOT " : " AND ";
    } else if (negated) {
      if (expr.empty() || expr.back() == '(') return Status::InvalidArgument("a query cannot start with an excluded word");
      if (expr.ends_with(" OR ")) return Status::InvalidArgument("OR cannot be followed by an excluded word");
      if (expr.ends_with(" AND ")) expr.resize(expr.size() - 5);
      expr += " NOT ";
    }
    expr += fts;
    need_operand = false;
    if (!negated) any_positive = true;
    return Status::Ok();
  };
  for (size_t k = 0; k < items.size(); ++k) {
    const Item& it = items[k];
    switch (it.kind) {
      case Kind::kWord: {
        // The word goes to FTS5 as written (quoted), where the rasd tokenizer
        // analyses it exactly as it analysed the indexed text.
        auto terms = Terms(it.text);
        std::string fts = terms.empty() ? "" : Quote(it.text);
        if (!it.negated) {
          for (const auto& t : terms) out.highlight.push_back(t);
        }
        RASD_RETURN_IF_ERROR(operand(fts, it.negated));
        break;
      }
      case Kind::kPhrase: {
        auto terms = Terms(it.text);
        if (terms.empty()) break;
        if (!it.negated) {
          for (const auto& t : terms) out.highlight.push_back(t);
        }
        RASD_RETURN_IF_ERROR(operand(Quote(it.text), it.negated));
        break;
      }
      case Kind::kPrefix: {
        // A prefix is normalized and stripped of clitics, not stemmed.
        std::string norm = text::NormalizeKey(it.text);
        text::Clitics c = text::SplitProclitics(norm);
        size_t skip = 2 * static_cast<size_t>(c.prefix_chars) + (c.article ? 4 : 0);
        if (skip < norm.size() && norm.size() - skip >= 2) norm = norm.substr(skip);
        std::string clean;
        for (char ch : norm) {
          if (ch != '"' && ch != '*' && !IsSpace(ch)) clean.push_back(ch);
        }
        if (clean.empty()) break;
        if (!it.negated) out.highlight.push_back(clean + "*");
        RASD_RETURN_IF_ERROR(operand(Quote(clean) + " *", it.negated));
        break;
      }
      case Kind::kAnd:
      case Kind::kOr:
      case Kind::kNot:
        if (need_operand) return Status::InvalidArgument("an operator (AND, OR, NOT) needs a word before it");
        if (k + 1 == items.size() || items[k + 1].kind == Kind::kClose) {
          return Status::InvalidArgument("an operator (AND, OR, NOT) needs a word after it");
        }
        if (it.kind == Kind::kNot) {
          // Fold "a NOT b" into the negated form of the next operand.
          if (items[k + 1].kind == Kind::kOpen) return Status::InvalidArgument("NOT applies to a word or phrase, not a group");
          const_cast<Item&>(items[k + 1]).negated = true;
          break;
        }
        expr += it.kind == Kind::kAnd ? " AND " : " OR ";
        need_operand = true;
        break;
      case Kind::kOpen:
        if (!need_operand) expr += " AND ";
        expr += "(";
        ++depth;
        need_operand = true;
        break;
      case Kind::kClose:
        if (depth == 0) return Status::InvalidArgument("a closing parenthesis has no opening one");
        if (need_operand) return Status::InvalidArgument("empty parentheses or an operator before ')'");
        expr += ")";
        --depth;
        break;
    }
  }
  if (depth != 0) return Status::InvalidArgument("a parenthesis is not closed");
  if (!any_positive) return Status::InvalidArgument("the query has no word to search for");
  if (need_operand) return Status::InvalidArgument("the query ends with an operator");
  out.fts = expr;
  return out;
}

}  // namespace rasd::search
