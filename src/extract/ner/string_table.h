// A flat hash table from strings to small values, looked up by string_view
// without allocating (internal to ner: the gazetteer's word sets, the
// document context's per-word counts). Open addressing, linear probing;
// keys are compared in full.
#ifndef RASD_EXTRACT_NER_STRING_TABLE_H_
#define RASD_EXTRACT_NER_STRING_TABLE_H_

#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::ner {

template <typename V>
class StringTable {
 public:
  // The value of `key`, or nullptr.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == h && Key(s) == key) return &s.value;
    }
  }
  bool Contains(std::string_view key) const { return Find(key) != nullptr; }

  // The value of `key`, inserted value-initialized when new. The key's bytes
  // are copied unless `stable` says they outlive the table.
  V& operator[](std::string_view key) { return Insert(key, false); }
  V& Insert(std::string_view key, bool stable) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    const uint64_t h = Hash(key);
    size_t i = h & mask_;
    for (; slots_[i].hash != 0; i = (i + 1) & mask_) {
      if (slots_[i].hash == h && Key(slots_[i]) == key) return slots_[i].value;
    }
    Slot& s = slots_[i];
    s.hash = h;
    if (stable) {
      s.data = key.data();
    } else {
      s.offset = arena_.size();
      arena_.append(key);
    }
    s.size = key.size();
    ++size_;
    return s.value;
  }
  size_t size() const { return size_; }

  // Room for `n` keys: references Insert returns stay valid until then.
  void Reserve(size_t n) {
    while (slots_.size() < 2 * (n + 1)) Grow();
  }

  // Empties the table, keeping its memory.
  void Clear() {
    for (Slot& s : slots_) s = Slot{};
    arena_.clear();
    size_ = 0;
  }

 private:
  struct Slot {
    uint64_t hash = 0;           // 0 = empty
    const char* data = nullptr;  // a stable key; else the key is at `offset` in arena_
    size_t offset = 0, size = 0;
    V value{};
  };
  static uint64_t Hash(std::string_view s) { return XXH3_64bits(s.data(), s.size()) | 1; }
  std::string_view Key(const Slot& s) const {
    return s.data ? std::string_view(s.data, s.size)
                  : std::string_view(arena_).substr(s.offset, s.size);
  }
  void Grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(old.empty() ? 16 : 2 * old.size());
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      size_t i = s.hash & mask_;
      while (slots_[i].hash != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }

  std::vector<Slot> slots_;
  std::string arena_;
  size_t mask_ = 0, size_ = 0;
};

}  // namespace rasd::ner

#endif  // RASD_EXTRACT_NER_STRING_TABLE_H_
