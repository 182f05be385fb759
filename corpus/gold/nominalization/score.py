import json, sys, collections
d=json.load(open(sys.argv[1])); diags=d['files'][0]['diagnostics']
by=collections.defaultdict(list)
for g in diags:
    if g['category']!='nominalization' or g['rule']=='NM003': continue
    s=(g['range']['start']['line']+1)//2
    by[s].append((g['rule'],g['text']))
ann=[l.rstrip('\n').split('\t') for l in open(sys.argv[2] if len(sys.argv)>2 and not sys.argv[2].startswith('-') else 'fresh.ann')]
cnt=collections.Counter(); covered=set()
for s,w,lab,note in ann:
    s=int(s); hits=[r for r,t in by[s] if w in t]
    if hits: covered.add((s,w))
    cnt[(lab, bool(hits))]+=1
    if '-v' in sys.argv[1:]: print(s,w,lab,'FLAG '+','.join(hits) if hits else '-', note)
# flags about no annotated word
for s,l in sorted(by.items()):
    for r,t in l:
        if not any(w in t for (ss,w) in covered if ss==s): print('UNANNOTATED FLAG',s,r,t)
for lab in 'Y?FN':
    print(lab,'flagged',cnt[(lab,True)],'of',cnt[(lab,True)]+cnt[(lab,False)])
