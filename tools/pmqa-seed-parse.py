# Parses seed 001 (สป.กค.'s PMQA 4.0 application) into categories, topics, sub-items, statements
# and narratives; used by pmqa-seed-generate.py.
import re, json, sys, unicodedata
import os
# Seed 001's Thai marks are PDF Private Use Area glyphs (DOMAIN-pmqa.md §6).
PUA = {0xF701:'ิ',0xF702:'ี',0xF703:'ึ',0xF704:'ื',0xF705:'่',0xF70A:'่',0xF706:'้',0xF70B:'้',0xF714:'้',0xF70C:'๊',0xF708:'๋',0xF70E:'์',0xF710:'ั',0xF712:'็',0xF70F:'ญ'}
L = ''.join(PUA.get(ord(c), c) for c in open(os.environ.get('SEED_001', '/work/shared/seeds/001_ecea0f88084f6b83.txt'), encoding='utf-8').read()).split('\n')
# L[i] is line i+1
expected = {
 '1.1.1':5,'1.1.2':3,'1.2.1':6,'1.3.1':5,'2.1.1':8,'2.2.1':2,'2.2.2':5,'2.3.1':3,'2.3.2':3,'2.3.3':1,
 '3.1.1':3,'3.1.2':2,'3.2.1':4,'3.2.2':1,'3.3.1':3,'3.3.2':3,'3.3.3':1,'4.1.1':2,'4.1.2':5,'4.2.1':3,'4.2.2':4,'4.3.1':4,
 '5.1.1':5,'5.1.2':3,'5.2.1':3,'5.2.2':2,'5.3.1':4,'6.1.1':3,'6.1.2':2,'6.2.1':5,'6.3.1':1,'6.3.2':2}
cats=[]; cur_cat=None; cur_topic=None
i=0
N=3130
sub_re=re.compile(r'^([1-6]\.[1-9]\.[1-9]) (.*)$')
top_re=re.compile(r'^([1-6]\.[1-9]) (.*) 500\s*$')
cat_re=re.compile(r'^หมวด ([1-6]) (.*?)\s*$')
NOISE=re.compile(r'^(ประเด็นการพัฒนา :|การดำเนินงานที่ควรมุ่งเน้นให้ความสำคัญ :|http://164\.115|รางวัล  :|ประเภทรางวัล  :|หน่วยงาน  :|หัวข้อ คะแนน|คะแนนรวม 500)')
subs=[]
while i < N:
    s=L[i]
    m=cat_re.match(s)
    if m:
        cur_cat={'number':int(m.group(1)),'title':m.group(2).strip(),'topics':[]}; cats.append(cur_cat); i+=1; continue
    m=top_re.match(s)
    if m and not sub_re.match(s):
        cur_topic={'number':m.group(1),'title':m.group(2).strip(),'points':500,'sub_items':[]}; cur_cat['topics'].append(cur_topic); i+=1; continue
    m=sub_re.match(s)
    if m:
        key=m.group(1); title=[m.group(2).strip()]; i+=1
        while L[i].strip()!='มี ประเด็น':
            if L[i].strip(): title.append(L[i].strip())
            i+=1
        i+=1
        stmts=[]; buf=[]
        exp=expected[key]
        while len(stmts)<exp or (i<N and L[i].startswith('หลักฐาน - ไฟล์แนบ')) or (i<N and not L[i].strip() and L[i+1].startswith('หลักฐาน')):
            t=L[i]
            if not t.strip() and not buf: i+=1; continue
            if t.startswith('หลักฐาน - ไฟล์แนบ'):
                # file name may wrap until ']'
                ev=t
                while '[' in ev and ']' not in ev:
                    i+=1
                    if L[i].strip(): ev+=L[i].strip()
                mm=re.search(r'\[(.*)\]',ev); name=mm.group(1).strip() if mm else ''
                stmts[-1]['evidence']=name; i+=1; continue
            if not t.strip(): i+=1; continue
            buf.append(t.strip())
            if t.endswith('  ') or (i+1==2047) :
                txt=' '.join(buf); buf=[]
                star = '*' in txt
                txt=txt.replace('*','').strip()
                txt=re.sub(r'\s+',' ',txt)
                stmts.append({'text':txt,'starred':star,'line':i+1-len(buf)})
            i+=1
        # narrative
        nar=[]
        while not L[i].lstrip().startswith('(จำนวนอักขระ'):
            nar.append(L[i]); i+=1
        cnt=int(re.search(r'(\d+)',L[i]).group(1)); cline=i+1; i+=1
        subs.append(key)
        cur_topic['sub_items'].append({'number':key,'title':title,'statements':stmts,'narrative_lines':nar,'count':cnt,'count_line':cline})
        continue
    i+=1
json.dump(cats,open('/tmp/pm/parsed.json','w'),ensure_ascii=False,indent=1)
tot=0;star=0
for c in cats:
    for t in c['topics']:
        for s in t['sub_items']:
            n=len(s['statements']); st=[k+1 for k,x in enumerate(s['statements']) if x['starred']]
            ev=[x.get('evidence') for x in s['statements'] if x['starred']]
            tot+=n; star+=len(st)
            print(s['number'],n,st,ev, s['count'], len(s['title']))
print(len(subs),tot,star)
