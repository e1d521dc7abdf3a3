"""List strings added to extract/ (data leaves and .py string literals) since ff5e840, with dev-doc hits.
A string is flagged when it occurs in the dev docs; frequency across dev docs and in a general text sample helps judge."""
import ast, json, os, re, subprocess, sys, collections
WT='/work/wt-review'; BASE='ff5e840'
DEV='/work/shared/corpus/dev/docs'
docs={f:open(os.path.join(DEV,f),encoding='utf-8').read() for f in sorted(os.listdir(DEV))}
low={f:t.lower() for f,t in docs.items()}
def leaves(x,path=''):
    if isinstance(x,str): yield path,x
    elif isinstance(x,dict):
        for k,v in x.items():
            yield path+'/'+k+'#key',k
            yield from leaves(v,path+'/'+k)
    elif isinstance(x,list):
        for i,v in enumerate(x): yield from leaves(v,path)
def load(text,name):
    if name.endswith('.jsonl'):
        return [json.loads(l) for l in text.splitlines() if l.strip()]
    return json.loads(text)
def git_show(p):
    r=subprocess.run(['git','-C',WT,'show',f'{BASE}:{p}'],capture_output=True,text=True)
    return r.stdout if r.returncode==0 else None
out=[]
def hits(s):
    sl=s.lower()
    if len(sl)<4: return []
    pat=re.compile(r'(?<![a-z0-9])'+re.escape(sl)+r'(?![a-z0-9])')
    return [f for f,t in low.items() if pat.search(t)]
for name in sorted(os.listdir(WT+'/extract/data')):
    p='extract/data/'+name
    new=open(WT+'/'+p,encoding='utf-8').read()
    old=git_show(p)
    oldset=set(s for _,s in leaves(load(old,name))) if old else set()
    lines=new.splitlines()
    for path,s in leaves(load(new,name)):
        if s in oldset or path.endswith('comment') : continue
        h=hits(s)
        if h:
            ln=next((i+1 for i,l in enumerate(lines) if json.dumps(s)[1:-1] in l), 0)
            out.append((len(h),f'{p}:{ln}',path,s,h))
# py literals
r=subprocess.run(['git','-C',WT,'diff','--name-only',BASE,'HEAD','--','extract/'],capture_output=True,text=True)
for p in r.stdout.split():
    if not p.endswith('.py'): continue
    src=open(WT+'/'+p,encoding='utf-8').read()
    old=git_show(p) or ''
    oldlits=set()
    try:
        for n in ast.walk(ast.parse(old)):
            if isinstance(n,ast.Constant) and isinstance(n.value,str): oldlits.add(n.value)
    except Exception: pass
    for n in ast.walk(ast.parse(src)):
        if isinstance(n,ast.Constant) and isinstance(n.value,str) and n.value not in oldlits:
            s=n.value
            if len(s)>200: continue  # docstrings
            # regexes: extract word runs
            cands=[s]+re.findall(r"[A-Za-z][A-Za-z' \-]{5,}[A-Za-z]",s) if any(c in s for c in '\\|()[]?') else [s]
            for c in set(cands):
                h=hits(c)
                if h: out.append((len(h),f'{p}:{n.lineno}','py',c,h))
for n,loc,path,s,h in sorted(out,key=lambda x:(x[0],x[1])):
    print(f'{n:2d} {loc:45s} {path[:35]:35s} {s!r:50s} {",".join(x[:3] for x in h[:6])}')
