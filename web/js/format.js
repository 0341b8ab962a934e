// Arabic labels for the codes the API returns, and number/date formatting.

export const ENTITY_TYPES = {
  PER: 'شخص',
  ORG: 'منظمة',
  GPE: 'دولة أو مدينة',
  LOC: 'مكان',
  NORP: 'جنسية أو جماعة',
  MISC: 'أخرى',
};

export const EVENT_TYPES = {
  AGREE: 'اتفاق',
  CONSULT: 'تشاور',
  SUPPORT: 'دعم',
  CONCEDE: 'تنازل',
  COOPERATE: 'تعاون',
  AID: 'مساعدة',
  RETREAT: 'انسحاب',
  REQUEST: 'طلب',
  ACCUSE: 'اتهام',
  REJECT: 'رفض',
  THREATEN: 'تهديد',
  PROTEST: 'احتجاج',
  SANCTION: 'عقوبات',
  MOBILIZE: 'حشد',
  COERCE: 'إكراه',
  ASSAULT: 'اعتداء',
};

export const EVENT_MODES = {
  abduction: 'خطف',
  accuse: 'اتهام',
  aerial: 'غارة جوية',
  agree: 'اتفاق',
  aid: 'مساعدة',
  'armed-clash': 'اشتباك مسلح',
  arrest: 'اعتقال',
  assassination: 'اغتيال',
  attack: 'هجوم',
  bombing: 'تفجير',
  curfew: 'حظر تجول',
  demonstrate: 'تظاهر',
  deploy: 'نشر قوات',
  deport: 'ترحيل',
  exercise: 'مناورة',
  killing: 'قتل',
  meet: 'لقاء',
  protest: 'احتجاج',
  raid: 'مداهمة',
  reject: 'رفض',
  release: 'إفراج',
  request: 'طلب',
  sanction: 'عقوبة',
  security: 'إجراء أمني',
  seize: 'مصادرة',
  shelling: 'قصف',
  support: 'دعم',
  threaten: 'تهديد',
  withdraw: 'انسحاب',
};

export const MODALITIES = {
  asserted: 'مؤكَّد',
  negated: 'منفي',
  future: 'مستقبلي',
  hypothetical: 'افتراضي',
};

export const REMOVED_REASONS = {
  title: 'العنوان',
  'repeated-title': 'عنوان مكرر',
  caption: 'تعليق صورة',
  'share-buttons': 'أزرار المشاركة',
  'read-also-link': 'اقرأ أيضاً',
  'read-also': 'اقرأ أيضاً',
  'related-links': 'روابط ذات صلة',
  'related-list': 'قائمة مواضيع',
  'publication-date': 'تاريخ النشر',
  'outlet-signature': 'توقيع الوسيلة',
  'source-line': 'سطر المصدر',
  'author-line': 'سطر الكاتب',
  'outlet-prefix': 'بادئة الوسيلة',
  'embedded-tweet': 'تغريدة مضمّنة',
  'content-warning': 'تحذير المحتوى',
  footer: 'تذييل',
  'timestamp-list': 'قائمة أوقات',
  'tag-list': 'كلمات مفتاحية',
  'page-tail': 'ذيل الصفحة',
  'repeated-lead': 'مقدمة مكررة',
  'repeated-body': 'نص مكرر',
  'repeated-line': 'سطر مكرر',
  'repeated-text': 'نص مكرر في السطر',
  'outside-main-content': 'خارج المحتوى الرئيسي',
  nav: 'قائمة تنقل',
  menu: 'قائمة',
  header: 'ترويسة',
  aside: 'هامش',
  form: 'نموذج',
  button: 'زر',
  comments: 'تعليقات',
  breadcrumbs: 'مسار التنقل',
  'cookie-banner': 'شريط الكوكيز',
  ad: 'إعلان',
  newsletter: 'نشرة بريدية',
  pagination: 'ترقيم الصفحات',
  popup: 'نافذة منبثقة',
  hidden: 'محتوى مخفي',
  'link-density': 'كثافة روابط',
  'low-text-density': 'نص قليل',
  'legal-notice': 'تنبيه قانوني',
};

export const SPEAKER_KINDS = {
  named: 'مسمّى',
  anonymous: 'مجهول',
  organization: 'جهة',
  pronoun: 'ضمير',
  unknown: 'غير معروف',
};

export const COUNT_ROLES = {
  killed: 'قتلى',
  injured: 'جرحى',
  arrested: 'معتقلون',
  operations: 'عمليات',
  missing: 'مفقودون',
  displaced: 'نازحون',
};

// "ترجمة (CODE)" or just the code when there is no translation.
export function labelled(map, code) {
  if (code === null || code === undefined || code === '') return '—';
  const ar = map[code];
  return ar ? `${ar} (${code})` : String(code);
}

export function short(map, code) {
  return (code && map[code]) || code || '—';
}

const numFmt = new Intl.NumberFormat('ar-u-nu-latn');
export function num(n) {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return numFmt.format(n);
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['بايت', 'ك.ب', 'م.ب', 'غ.ب'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${numFmt.format(Math.round(v * 10) / 10)} ${units[i]}`;
}

// An ISO date or date-time as "2015-07-21" or "2015-07-21 02:51".
export function isoDate(value) {
  if (!value) return '—';
  return String(value).replace('T', ' ').replace(/:00$/, '');
}

export function dayOf(value) {
  return value ? String(value).slice(0, 10) : '';
}

export function percent(x) {
  if (x === null || x === undefined) return '—';
  return `${Math.round(x * 100)}٪`;
}

// A count value with its high bound: "41" or "10–20".
export function countValue(c) {
  if (!c) return '—';
  let s = c.value === null || c.value === undefined ? '?' : num(c.value);
  if (c.high !== undefined && c.high !== null && c.high !== c.value) s += '–' + num(c.high);
  if (c.approximate) s = '~' + s;
  return s;
}

export function plural(n, one, two, few, many) {
  if (n === 1) return one;
  if (n === 2) return two;
  if (n >= 3 && n <= 10) return `${num(n)} ${few}`;
  return `${num(n)} ${many}`;
}

// A date value as the API gives it ("2024-06-02", "2024-06-02T06:00",
// "2024-03-01/2024-03-10") made readable: "2024-06-02 06:00 – 11:00".
export function when(value) {
  if (!value) return '';
  const parts = String(value).split('/').map((p) => p.replace('T', ' '));
  if (parts.length === 2) {
    const [a, b] = parts;
    if (a.length > 10 && b.length > 10 && a.slice(0, 10) === b.slice(0, 10)) return `${a} – ${b.slice(11)}`;
    return `${a} – ${b}`;
  }
  return parts[0];
}
