import random, re
ids=set()
for f in ['/work/wt-quiet/corpus/gold/gold.tsv','/work/wt-quiet/corpus/gold/heldout.tsv']:
    for line in open(f, encoding='utf-8').read().splitlines()[1:]:
        ids.add(line.split('\t')[0])
SH=re.compile(r'\w+šan(a|u|ai|as|ā|ām|os|ās|ai|ās)\b')
def rows(path, idcol, textcol):
    out=[]
    for line in open(path, encoding='utf-8').read().splitlines()[1:]:
        c=line.split('\t')
        sid, t = c[idcol], c[textcol]
        n=len(t.split())
        if sid in ids or n<6 or n>60 or not SH.search(t): continue
        out.append((sid,t))
    return out
legal=rows('/work/shared/data/legal_admin_sentences.union.tsv',1,3)
news=rows('/work/shared/data/fullstack/fullstack.news.tsv',2,3)
r=random.Random(4242)
L=r.sample(legal,40); N=r.sample(news,20)
with open('fresh.tsv','w') as f:
    for sid,t in L+N: f.write(f"{sid}\t{t}\n")
used=set(s for s,_ in L+N)
dev=[(s,t) for s,t in legal if s not in used]+[(s,t) for s,t in news if s not in used][:40]
fl=rows('/work/shared/data/fullstack/fullstack.legal.tsv',2,3)
fl=[(s,t) for s,t in fl if s not in used and s not in set(x for x,_ in dev)]; dev += fl
with open('dev.tsv','w') as f:
    for sid,t in dev: f.write(f"{sid}\t{t}\n")
print(len(legal),len(news),len(fl),len(dev))
