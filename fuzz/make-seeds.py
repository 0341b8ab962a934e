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
# events: mode US publication date US mention spec (3 bytes: first token, length, type) US text.
# Mode bit 0 uses the shipped recognizer; otherwise the spec gives the mentions.
ev1 = ("شنت طائرات حربية، فجر الأحد، غارات جوية على قرية في ريف حماة الشمالي، ما أدى إلى مقتل خمسة مدنيين "
       "بينهم طفلان وإصابة عشرة آخرين، بحسب ما أفادت مصادر محلية.\n"
       "واعتقلت قوات الأمن ثلاثة شبان خلال مداهمة في حي الميدان بدمشق أمس.\n"
       "وقال مسؤول عسكري: «سنرد على أي هجوم يستهدف مواقعنا».\n"
       "ولم تعلن أي جهة مسؤوليتها عن التفجير الذي قد يكون استهدف رتلاً عسكرياً قرب الحدود.\n")
ev2 = ("تظاهر آلاف الطلاب، يوم الثلاثاء، أمام مقر الحكومة في العاصمة احتجاجاً على قرار رفع الرسوم، "
       "وفرّقت الشرطة المتظاهرين بالغاز المسيل للدموع واعتقلت نحو ٢٠ منهم.\n"
       "وتبنى تنظيم مسلح الهجوم على نقطة تفتيش أسفر عن مقتل جنديين.\n")
w('events', 'ner', b'\x01' + US + b'2024-03-03' + US + US + ev1.encode())
w('events', 'spec', b'\x02' + US + b'2024-03-03' + US + bytes([3, 1, 3, 10, 2, 2, 30, 0, 0, 45, 1, 1]) + US + ev1.encode())
w('events', 'protest', b'\x8b' + US + b'Tue, 12 Feb 2013 04:30:00 GMT' + US + bytes([9, 0, 3, 14, 1, 0]) + US + ev2.encode())
w('events', 'short_sentences', b'\x05' + US + US + US + (ev1 + ev2).encode())

# zip: first byte = mode (bit 0: through Reader; bits 4-6: small limit 16 << n; bit 1: small
# limit for every entry; bit 2: stop after two entries). Built with Python's zipfile.
import io, zipfile
def make_zip(entries, method=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', method) as z:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2024, 3, 3, 0, 0, 0))
            info.compress_type = method
            z.writestr(info, data)
    return b.getvalue()
zentries = [('b/article.txt', ar1.encode()), ('a.html', html.encode()), ('feed.jsonl', (json.dumps(rec, ensure_ascii=False) + '\n').encode()),
            ('notes.bin', b'\x00\x01\x02' * 50), ('dir/', b''), ('c.json', json.dumps([rec], ensure_ascii=False).encode())]
z = make_zip(zentries)
w('zip', 'direct', b'\x70' + z)
w('zip', 'reader', b'\x71' + z)
w('zip', 'stored_small', b'\x13' + make_zip(zentries[:3], zipfile.ZIP_STORED))
w('zip', 'stop_early', b'\x75' + z)
w('zip', 'bomb', b'\x00' + make_zip([('zeros.txt', b'\x00' * 200000)]))
lying = bytearray(make_zip([('a.txt', ar3.encode())], zipfile.ZIP_STORED))
import struct
struct.pack_into('<I', lying, lying.find(b'PK\x03\x04') + 22, 0x7fffffff)
struct.pack_into('<I', lying, lying.find(b'PK\x01\x02') + 24, 0x7fffffff)
w('zip', 'lying_size', b'\x71' + bytes(lying))
w('zip', 'truncated', b'\x71' + z[:len(z) * 2 // 3])

# query: the search query language (rasd search, /api/search).
for i, q in enumerate(['قوات سوريا', '"قوات سوريا الديمقراطية" -العراق', 'تحال* OR (غارة أو قصف) إدلب',
                       'داعش NOT العراق AND "دير الزور"', 'NEAR(a b) col:word ^start a+b "say ""hi"',
                       '((غارة)) و (قصف OR -x)', 'والتحال* ٢٠١٤ 2014', '- -- "" () )( OR AND NOT']):
    w('query', 'q%d' % i, q)

# http: mode US path US params US authorization US body. Mode bits 0-2: method
# (GET GET GET HEAD POST PUT DELETE OPTIONS); bit 3: path appended to endpoint (mode >> 4):
# 0 search, 1 documents/, 2 entities, 3 entities/, 4 events, 5 events/, 6 events.csv,
# 7 events.geojson, 8 events.acled.csv, 9 events.plover.json, 10 quotes, 11 timeline,
# 12 stories/, 13 stats, 14 health, 15 outlets. "@N" is stored document N; "T" the right token.
def req(mode, path=b'', params=b'', auth=b'', body=b''):
    return bytes([mode]) + US + path + US + params + US + auth + US + body
w('http', 'search', req(0x08, params='q=غارة إدلب&sort=date&limit=5&outlet=شبكة المثال&from=2024-03-01'.encode()))
w('http', 'search_copies', req(0x08, params='q="غارة جوية" OR مظاهرة&copies=1&has_quotes=1'.encode()))
w('http', 'document', req(0x18, b'@0'))
w('http', 'entities', req(0x28, params=b'type=PER&limit=10&offset=0&ambiguous=0&q=%D8'))
w('http', 'entity', req(0x38, 'إدلب'.encode()))
w('http', 'events', req(0x48, params='type=ASSAULT&place=إدلب&sort=killed&reports=1&all_modalities=1&vague=omit'.encode()))
w('http', 'event', req(0x58, b'1'))
w('http', 'events_csv', req(0x68, params=b'from=2024-01&to=2024-12-31'))
w('http', 'geojson', req(0x78))
w('http', 'acled', req(0x88, params=b'vague=low'))
w('http', 'plover', req(0x98, params=b'actor=x'))
w('http', 'quotes', req(0xa8, params='speaker=الوزير&limit=3'.encode()))
w('http', 'timeline', req(0xb8, params=b'interval=week&type=PROTEST'))
w('http', 'story', req(0xc8, b'1'))
w('http', 'stats', req(0xd8))
w('http', 'health', req(0xe8))
w('http', 'outlets', req(0xf8))
w('http', 'static', req(0x00, b'/'))
w('http', 'static_js', req(0x03, b'/app.js'))
w('http', 'post', req(0x04, b'/api/documents', b'', b'T', json.dumps({"content": ar1, "url": "https://x.example/1", "title": "عنوان", "date": "2024-03-04", "source": "مثال"}, ensure_ascii=False).encode()))
w('http', 'post_bad_token', req(0x04, b'/api/documents', b'', b'Bearer nope', b'{"content": "x"}'))
w('http', 'post_bad_body', req(0x04, b'/api/documents', b'', b'T', b'[1,2'))
w('http', 'delete', req(0x06, b'/api/stats'))
print('ok')
