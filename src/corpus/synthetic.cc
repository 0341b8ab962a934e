#include "corpus/synthetic.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <random>
#include <vector>

namespace rasd::corpus {

std::string SyntheticJsonl(size_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  const std::vector<std::string> places = {"سراقب", "خان شيخون", "جسر الشغور", "منبج", "الباب", "عفرين", "تدمر",
                                           "دير الزور", "الرقة", "الحسكة", "درعا", "حمص", "حماة", "إدلب", "حلب"};
  const std::vector<std::string> outlets = {"شبكة الأخبار الأولى", "صحيفة المثال اليومية", "وكالة المثال للأنباء",
                                            "موقع المرآة", "إذاعة الشرق"};
  const std::vector<std::string> people = {"العقيد سامر الخطيب", "اللواء فارس العلي", "المتحدث باسم الشرطة مازن الحلبي",
                                           "مدير الدفاع المدني رائد حسون", "الناشط عمر الأحمد"};
  const std::vector<std::string> numbers = {"ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "عشرة", "12", "15", "20"};
  const std::vector<std::string> days = {"الأحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"};
  std::string out;
  std::string previous;
  for (size_t i = 0; i < n; ++i) {
    nlohmann::json j;
    char date[16];
    std::snprintf(date, sizeof date, "2023-%02d-%02d", static_cast<int>(1 + (i / 28) % 12),
                  static_cast<int>(1 + i % 28));
    j["url"] = "https://synthetic.example/" + std::to_string(seed) + "/" + std::to_string(i);
    j["date"] = date;
    j["source"] = pick(outlets);
    if (!previous.empty() && rng() % 10 == 0) {
      j["title"] = "نقلاً عن وكالات";
      j["content"] = previous;  // an exact copy in another outlet
    } else {
      const std::string& place = pick(places);
      const std::string& who = pick(people);
      std::string content;
      std::string title;
      switch (rng() % 3) {
        case 0:
          title = "قصف على " + place;
          content = "قُتل " + pick(numbers) + " مدنيين وأصيب " + pick(numbers) + " آخرون، يوم " + pick(days) +
                    "، جراء قصف مدفعي استهدف أحياء سكنية في مدينة " + place + ".\n" + "وقال " + who +
                    " إن \"القذائف سقطت على منازل المدنيين دون سابق إنذار\".\n" +
                    "وأفادت مصادر محلية بأن فرق الإسعاف نقلت المصابين إلى المشافي القريبة.";
          break;
        case 1:
          title = "حملة اعتقالات في " + place;
          content = "اعتقلت قوات الأمن " + pick(numbers) + " أشخاص خلال حملة مداهمة في مدينة " + place + " يوم " +
                    pick(days) + ".\n" + "وأوضح " + who + " أن الحملة استهدفت مطلوبين بتهم أمنية.\n" +
                    "وصادرت القوات أسلحة خفيفة وذخائر بحسب المصدر نفسه.";
          break;
        default:
          title = "احتجاجات في " + place;
          content = "تظاهر المئات من أهالي مدينة " + place + " يوم " + pick(days) +
                    " للمطالبة بتحسين الخدمات والإفراج عن المعتقلين.\n" + "وقال " + who +
                    " إن \"المطالب مشروعة ويجب الاستماع إليها\".\n" + "ورفع المحتجون لافتات تندد بارتفاع الأسعار.";
          break;
      }
      if (rng() % 8 == 0) content += "\nوتأتي هذه التطورات بعد أيام من توتر شهدته المنطقة.";
      j["title"] = title;
      j["content"] = content;
      previous = content;
    }
    out += j.dump() + "\n";
  }
  return out;
}

}  // namespace rasd::corpus
