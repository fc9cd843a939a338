# Generates data/pmqa/pmqa-4.0-2567.json and data/sample/pmqa_1-6-2567.json from seed 001.
import re, json, sys, os, zipfile, io
# usage: SEED_001=…/001_….txt python3 tools/pmqa-seed-generate.py REPO_ROOT
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pmqa-seed-parse.py')).read().split("json.dump")[0])
OUT = sys.argv[1]
NOISE=re.compile(r'^(ประเด็นการพัฒนา :|การดำเนินงานที่ควรมุ่งเน้นให้ความสำคัญ :|http://164\.115|รางวัล  :|ประเภทรางวัล  :|หน่วยงาน  :|หัวข้อ คะแนน|คะแนนรวม 500)')
urls = {}
for l in L:
    m = re.search(r'attachment68/3831/(\d)/(\d)/(\d)/(\d)/(.*)$', l)
    if m: urls[(f'{m.group(1)}.{m.group(2)}.{m.group(3)}', int(m.group(4)))] = m.group(5).strip()
def thai(ch): return '\u0e00' <= ch <= '\u0e7f'
START = re.compile(r'^(\s|[-•●▪]|\(?\d+(,\d+)*[.)]|\(\d+\))')
def clean(lines):
    # same rule as phaen_pmqa_paste_clean(): seed lines are double spaced, so blank lines are
    # only line ends; a line starting with white space, a bullet or a number opens a paragraph
    lines = [l.rstrip() for l in lines if l.strip() and not NOISE.match(l)]
    paras = []
    for l in lines:
        if paras and not START.match(l):
            prev = paras[-1]; nxt = l.strip()
            sep = '' if (thai(prev[-1]) and thai(nxt[0])) else ' '
            paras[-1] = prev + sep + nxt
        else:
            paras.append(l.strip())
    return '\n'.join(re.sub(r' {2,}', ' ', p) for p in paras)
fw = {"id": "pmqa-4.0-2567", "year": 2567,
      "title": "การประเมินสถานะหน่วยงานภาครัฐในการเป็นระบบราชการ 4.0",
      "award_type": "การประเมินสถานะหน่วยงานภาครัฐในการเป็นระบบราชการ 4.0",
      "source": "Seed 001: the application of สำนักงานปลัดกระทรวงการคลัง, data of พ.ศ. 2565–2567 (attachment68). Categories 1–6 as printed: 3 topics per category, every topic printed with 500 in the คะแนน column (whether a maximum or a self-score is not stated). '*' marks the 34 statements that carry an evidence slot (หลักฐาน - ไฟล์แนบ); the seed does not define it.",
      "narrative_limit": 3000,
      "narrative_limit_note": "Neither seed states a limit; 8 of the 32 narratives of seed 001 exceed 3,000 characters.",
      "levels": [], "categories": []}
app = {"note": "Seed 001: สป.กค.'s PMQA 4.0 self-assessment, categories 1–6 (statements, evidence file names, narratives and the stated character counts). Which statements were ticked does not survive in the seed; every printed statement is claimed here. The narratives are the extracted text with page footers and attachment addresses removed and hard line breaks joined (phaen_pmqa_paste_clean); 'stated_count' is the count the seed prints. Evidence files are placeholders bearing the seed's file names: their content is not in the seed. Five starred statements have an empty slot in the seed (2.3.1 (2), 2.3.2 (2, 3), 6.2.1 (3, 4)).",
       "units": [{"abbr": "สป.กค.", "name": "สำนักงานปลัดกระทรวงการคลัง", "parent": None}],
       "pmqa_assessments": [{"unit": "สป.กค.", "fiscal_year": 2567, "edition": "pmqa-4.0-2567", "sub_items": []}]}
files = []
for c in cats:
    cat = {"number": c['number'], "title": c['title'], "topics": []}
    for t in c['topics']:
        top = {"code": t['number'], "title": t['title'].replace('\u0e4d\u0e32', '\u0e33'), "points": 500, "sub_items": []}
        for s in t['sub_items']:
            title = [x for x in s['title'] if not x.startswith('http')]
            si = {"code": s['number'], "title": ' '.join(title) if s['number'] != '1.1.1' else title[0]}
            if s['number'] == '1.1.1': si["note"] = title[1]
            si["statements"] = [{"text": x['text'], **({"starred": True} if x['starred'] else {})} for x in s['statements']]
            top['sub_items'].append(si)
            ev = []
            for j, x in enumerate(s['statements']):
                if x['starred']:
                    name = urls.get((s['number'], j + 1)) or x.get('evidence')
                    if name:
                        ev.append({"statement": j + 1, "name": name, "file": "evidence/pmqa/" + name})
                        files.append((s['number'], j + 1, name))
            app["pmqa_assessments"][0]["sub_items"].append({
                "code": s['number'], "claimed": list(range(1, len(s['statements']) + 1)),
                "evidence": ev, "narrative": clean(s['narrative_lines']), "stated_count": s['count']})
        cat['topics'].append(top)
    fw['categories'].append(cat)
levels = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'pmqa-seed-003-levels.json'), encoding='utf-8'))
fw['levels'] = levels['levels']
fw['levels_source'] = levels['note']
for c in fw['categories']:
    for t in c['topics']:
        l = levels['topics'][t['code']]
        t['guideline'] = l['guideline']
        t['levels'] = {k: l[k] for k in ('basic', 'advance', 'significance')}
        t['sub_items'] = t.pop('sub_items')
json.dump(fw, open(OUT + '/data/pmqa/pmqa-4.0-2567.json', 'w'), ensure_ascii=False, indent=1)
json.dump(app, open(OUT + '/data/sample/pmqa_1-6-2567.json', 'w'), ensure_ascii=False, indent=1)
os.makedirs(OUT + '/data/sample/evidence/pmqa', exist_ok=True)
def pdf(text):
    stream = f"BT /F1 12 Tf 56 780 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = b"%PDF-1.4\n"; offs = []
    for i, o in enumerate(objs):
        offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    return out
def docx(text):
    b = io.BytesIO(); z = zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED)
    def put(name, data):
        z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)
    put('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    put('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    put('word/document.xml', f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>')
    z.close(); return b.getvalue()
for code, st, name in files:
    text = f"Placeholder for the evidence of PMQA 4.0 sub-item {code}, statement {st} (seed 001 gives the file name only)"
    data = docx(text) if name.endswith('.docx') else pdf(text)
    open(OUT + '/data/sample/evidence/pmqa/' + name, 'wb').write(data)
print(len(files))
