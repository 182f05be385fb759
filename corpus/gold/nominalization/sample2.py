import random, re
ids=set()
for f in ['/work/wt-quiet/corpus/gold/gold.tsv','/work/wt-quiet/corpus/gold/heldout.tsv','fresh.tsv','dev.tsv']:
    for line in open(f, encoding='utf-8').read().splitlines():
        ids.add(line.split('\t')[0])
SH=re.compile(r'\w+šan(a|u|ai|as|ā|ām|os|ās)\b')
news=[]
for line in open('/work/shared/data/fullstack/fullstack.news.tsv').read().splitlines()[1:]:
    c=line.split('\t'); 
    if c[2] in ids or not (6<=len(c[3].split())<=60) or not SH.search(c[3]): continue
    news.append((c[2],c[3]))
law=open('/work/shared/data/acts/darba_aizsardzibas_likums.txt').read()
sents=[s.strip() for s in re.split(r'(?<=[.;:])\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ0-9(])', law.replace('\n',' '))]
law=[('law%d'%i,s) for i,s in enumerate(sents) if 6<=len(s.split())<=60 and SH.search(s)]
r=random.Random(777)
S=r.sample(news,25)+r.sample(law,15)
open('fresh2.tsv','w').write(''.join(f"{a}\t{b}\n" for a,b in S))
open('fresh2.txt','w').write(''.join(f"{b}\n\n" for a,b in S))
print(len(news),len(law))
