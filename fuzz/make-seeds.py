#!/usr/bin/env python3
"""Writes the seed inputs under fuzz/corpus/<target>/ (all text invented for rasd).

    python3 fuzz/make-seeds.py     # rewrites the seed files; the committed ones are its output

Targets that take several arguments read them from one input split at the
byte 0x1F (see fuzz/fuzz_util.h, Fields), after a first "mode" byte where the
target says so.
"""
import os, gzip, json, zlib
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus')
US = b'\x1f'
def w(target, name, data):
    d = os.path.join(root, target); os.makedirs(d, exist_ok=True)
    if isinstance(data, str): data = data.encode('utf-8')
    open(os.path.join(d, name), 'wb').write(data)

ar1 = ("قال المتحدث باسم وزارة الصحة، الدكتور سامر خليل، إن \"الوضع تحت السيطرة\" مساء الإثنين.\n"
       "وأضاف أن نحو 25 مريضاً نُقلوا إلى مستشفى المدينة في حلب، بينهم ثلاثة أطفال.\n"
       "وبحسب مصادر محلية، فإن عشرات العائلات غادرت القرية منذ يومين.\n")
ar2 = ("الثلاثاء 22 شباط / فبراير 2021 01:43 مساءً\n"
       "افتتحت البلدية جسراً جديداً في بغداد بطول ١٢٠ متراً، وقالت إنه سيخدم 5,000 سيارة يومياً.\n"
       "اقرأ أيضاً: أمطار غزيرة على الساحل\n"
       "شارك على فيسبوك\n")
ar3 = "وأعلنت الحكومة الأردنية، يوم الأحد الماضي، عن خطة لدعم المزارعين في وادي الأردن خلال العام المقبل.\n"
ar_diac = "الدَّوْليّ وَالعِراقِيَّة أُمّ إِلى آمنة ؤ ئ ى ة ٠١٢٣ ۴۵ ، ؛ ؟ ٪ ـــــ \u200f\u200d\ufeff"
latin = "MQ9 sy24 http://example.org/a?b=1 www.test.net #وسم @user 2.5 1,500"
html = ("<!doctype html><html><head><title>عنوان الخبر</title>"
        "<meta property=\"og:site_name\" content=\"صحيفة المثال\">"
        "<meta property=\"article:published_time\" content=\"2021-02-22T13:43:00Z\"></head>"
        "<body><nav><a href=\"/\">الرئيسية</a></nav><article><h1>عنوان الخبر</h1>"
        "<p>قال الوزير إن المشروع سينتهي في آذار المقبل.</p><figure><figcaption>صورة أرشيفية</figcaption></figure>"
        "<p>وأضاف أن التكلفة تبلغ 3 ملايين دولار.</p></article>"
        "<div class=\"share\">شارك</div><footer>جميع الحقوق محفوظة</footer></body></html>")

# decode: first byte = mode (0 text/plain, 1 text/html, 0x11 html depth 16)
w('decode', 'utf8_plain', b'\x00' + ar1.encode())
w('decode', 'utf8_bom', b'\x00\xef\xbb\xbf' + ar3.encode())
w('decode', 'utf16le_bom', b'\x00\xff\xfe' + ar3.encode('utf-16-le'))
w('decode', 'utf16be_bom', b'\x00\xfe\xff' + ar3.encode('utf-16-be'))
w('decode', 'cp1256', b'\x00' + (ar1 + ar3).encode('cp1256', errors='replace'))
w('decode', 'html', b'\x01' + html.encode())
w('decode', 'html_depth', b'\x11' + ('<div>' * 40 + 'نص' + '</div>' * 40).encode())
w('decode', 'pdf', b'\x04%PDF-1.4')
w('decode', 'invalid', b'\x00abc\xc3(\xe2\x82')

w('utf8', 'arabic', ar1)
w('utf8', 'mixed', "a€𝄞ب\u0644\u0627" )
w('utf8', 'invalid', b'\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80\x80\xbf\xe2\x82a\xf0\x9f\x98')

w('normalize', 'all_folds', b'\xff' + ar_diac.encode())
w('normalize', 'none', b'\x00' + ar_diac.encode())
w('normalize', 'latin', b'\xff' + "ÉCOLE Straße ﬁ ① ＡＢＣ".encode())
w('normalize', 'article', b'\xaa' + ar1.encode())

for t in ('tokenize', 'sentences'):
    w(t, 'article', ar1)
    w(t, 'header', ar2)
    w(t, 'latin', latin)
    w(t, 'diacritics', ar_diac)
w('sentences', 'numbers', "بلغت النسبة 2.5 في المئة... ثم ارتفعت! هل تستمر؟ «نعم.» قال.")

for i, word in enumerate(["وتحالفات", "والتحالفات", "للتحالف", "التحالف", "والعراق", "لماروتو",
                          "فسيكتبونها", "بالمدارس", "كالبيت", "مستشفيات"]):
    w('stem', 'w%d' % i, word)

for i, d in enumerate(["الإثنين 22nd شباط / فبراير 2021 01:43 مساءً", "2nd, March 2024 GMT",
                       "February 21, 2025", "2023-01-30T17:04:00.000", "2015-07-21 02:51:32",
                       "22/02/2021", "٢٢ شباط ٢٠٢١", "Tue, 12 Feb 2013 04:30:00 GMT",
                       "كانون الثاني 2020", "29 فيفري 2024"]):
    w('calendar', 'd%d' % i, d)

# clean: flags US title US date US outlet US url US text
appended = ar1 + "اقرأ أيضا\n" + ("افتتح المعرض الدولي للكتاب أبوابه أمس في العاصمة بمشاركة مئات دور النشر العربية والأجنبية من عدة دول.\n" * 3)
w('clean', 'article', b'\x00' + US + "عنوان الخبر".encode() + US + b'2021-02-22' + US + "الشرق الأوسط".encode() + US + b'https://aawsat.com/x' + US + ar2.encode() + ar1.encode())
w('clean', 'appended', b'\x05' + US + US + US + US + US + appended.encode())
w('clean', 'repeated', b'\x01' + US + US + US + US + US + (ar1 + ar1 + "© جميع الحقوق محفوظة\n").encode())

w('html', 'page', b'\x00' + html.encode())
w('html', 'broken', '\x00<p>نص <b>غير <i>مغلق</p><table><tr><td>خلية<td>ثانية</table><script>var a=1;</script>')
w('html', 'meta_charset', b'\x00<html><head><meta charset="windows-1256"></head><body><p>' + "خبر عاجل".encode('cp1256') + b'</p></body></html>')

def warc_record(rtype, uri, block, ctype):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2021-02-22T13:43:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (rtype, uri, ctype, len(block))).encode()
    return head + block + b'\r\n\r\n'
body = html.encode()
http = b'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + body
gz = gzip.compress(body, mtime=0)
http_gz = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n' + gz
chunked_body = b''.join(b'%x\r\n%s\r\n' % (len(c), c) for c in (body[:100], body[100:])) + b'0\r\n\r\n'
http_chunk = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n' + chunked_body
warc = (warc_record('warcinfo', '', b'software: handmade\r\n', 'application/warc-fields') +
        warc_record('response', 'http://example.org/a', http, 'application/http; msgtype=response') +
        warc_record('response', 'http://example.org/b', http_gz, 'application/http; msgtype=response') +
        warc_record('response', 'http://example.org/c', http_chunk, 'application/http; msgtype=response') +
        warc_record('resource', 'http://example.org/d.txt', ar3.encode(), 'text/plain') +
        warc_record('response', 'http://example.org/e', b'HTTP/1.1 301 Moved\r\nLocation: /f\r\n\r\n', 'application/http'))
w('warc', 'plain', b'\x00' + warc)
w('warc', 'gzip_members', b'\x00' + b''.join(gzip.compress(warc_record('resource', 'http://example.org/%d' % i, ar3.encode(), 'text/plain'), mtime=0) for i in range(2)))
w('warc', 'truncated', b'\x00' + warc[:len(warc) // 2])
w('warc', 'small_limit', b'\x41' + warc)

rec = {"title": "عنوان", "text": ar3, "date": "2021-02-22", "source": "aawsat", "url": "https://aawsat.com/1", "keywords": ["سياسة", "اقتصاد"]}
w('json', 'jsonl', b'\x00' + (json.dumps(rec, ensure_ascii=False) + '\n' + json.dumps({"html": html, "headline": "h", "tags": "a, b"}, ensure_ascii=False) + '\nnot json\n[1]\n{"x":1}\n').encode())
w('json', 'array', b'\x01' + json.dumps([rec, {"content": "نص", "published": 20210222}, 5], ensure_ascii=False).encode())
w('json', 'object', b'\x01' + json.dumps(rec).encode())
w('json', 'body_field', b'\x04' + json.dumps({"body": ar3}).encode() + b'\n')

w('dates', 'relative', b'2021-02-22' + US + "أمس، والأسبوع الماضي، وفي أواخر آذار 2019، ثم بعد ثلاثة أيام من ذلك. الشهر المقبل. في 1442 هـ. منذ ثلاثة أيام. يناير الماضي".encode())
w('dates', 'unanchored', US + ar2.encode())
w('dates', 'english', b'March 3, 2024' + US + b'On Tuesday, February 21, 2025 at 10:30, and in the 1990s, Q1 2021.')

w('numbers', 'counts', b'\x00' + "قتل اثنين من الإرهابيين وأصيب 50 جندياً، ونحو ثلاثة آلاف مدني، وما بين 100 ألف إلى 300 ألف نازح، وجنديين، والعشرات من الجرحى. الطابق الأول. 2.5%، 1,500 دولار.".encode())
w('numbers', 'acled', b'\x01' + "عشرات القتلى ومئات الجرحى وآلاف المهجرين، العشرات من المسلحين، أكثر من ٢٠ قتيلاً".encode())

w('quotes', 'article', ar1)
w('quotes', 'styles', "قال الوزير: «سنعمل بجد». وتابع: “هذا هو الطريق”. مشيراً إلى أن الخطة جاهزة. ووفقاً لـ مصدر دبلوماسي أميركي، فإن المحادثات توقفت. وقال المبعوث الأميركي إيان مكاري إن الحل قريب. وأضاف المسؤول الأميركي أنه متفائل.")

w('ner', 'article', ar1 + ar3)
w('ner', 'roles', "التقى العقيد واين ماروتو المتحدث باسم التحالف الدولي بوزير الخارجية العراقي في بغداد، بينما أعلنت الأمم المتحدة وتنظيم داعش ... في دمشق وحمص والموصل.")

w('analyze', 'text', b'\x00' + US + US + US + US + US + (ar2 + ar1).encode())
w('analyze', 'html', b'\x01' + US + "عنوان".encode() + US + b'2021-02-22T13:43:00Z' + US + b'http://example.org/a' + US + US + html.encode())
w('analyze', 'json_all', b'\x70' + US + US + b'Tue, 12 Feb 2013 04:30:00 GMT' + US + b'https://aawsat.com/x' + US + b'aawsat' + US + appended.encode())
w('analyze', 'bad_hints', b'\x00' + US + b'\xff\xfe title' + US + b'\xc0\xaf' + US + b'http://\xe2\x82' + US + b'\x80' + US + ar3.encode())
print('ok')
