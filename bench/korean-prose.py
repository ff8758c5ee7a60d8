#!/usr/bin/env python3
"""Search on real Korean prose: the Korean constitution and ten bills that the
KoNLPy package ships as corpora (public-domain legal text; fetched from PyPI
here, never committed). Each article and each bill becomes a record of a site,
which is built; then bench/search-quality.mjs measures recall and precision of
Korean queries, including nouns inside compounds (의원 in 국회의원).

    python3 bench/korean-prose.py /tmp/prose      # then read the printed JSON
"""
import json, os, re, subprocess, sys, tempfile, zipfile, glob

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/korean-prose"
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if os.path.exists(out):
    sys.exit(f"{out} exists; remove it first")
dl = tempfile.mkdtemp()
subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", dl, "konlpy==0.6.0"], check=True)
wheel = zipfile.ZipFile(glob.glob(os.path.join(dl, "*.whl"))[0])
constitution = wheel.read("konlpy/data/corpus/kolaw/constitution.txt").decode("utf-8")
bills = [wheel.read(n).decode("utf-8") for n in sorted(wheel.namelist()) if n.startswith("konlpy/data/corpus/kobill/") and n.endswith(".txt")]

docs = []
parts = re.split(r"(제\d+조(?:의\d+)?)", constitution)
for i in range(1, len(parts) - 1, 2):
    docs.append((parts[i], parts[i] + parts[i + 1]))
for i, bill in enumerate(bills):
    docs.append((f"의안 {i + 1}", bill))

os.makedirs(os.path.join(out, "content", "institutions"))
with open(os.path.join(out, "site.yaml"), "w") as f:
    f.write("title: 한국어 본문 검색 시험\nbase_url: https://prose.example.org/\nlanguages: [ko]\n")
texts = {}
for n, (title, body) in enumerate(docs):
    slug = f"doc-{n:04d}"
    clean = body.replace("\r", "").strip()
    with open(os.path.join(out, "content", "institutions", f"{slug}.md"), "w") as f:
        f.write(f"---\nname: \"{title}\"\n---\n{clean}\n")
    texts[f"/ko/institutions/{slug}/"] = f"{title}\n{clean}"
with open(os.path.join(out, "texts.json"), "w") as f:
    json.dump(texts, f, ensure_ascii=False)

# Nouns a reader of this text would look for; several sit inside longer words.
nouns = ["의원", "위원회", "국회", "대통령", "법률", "선거", "국민", "헌법", "권리", "자유", "법원", "재판",
         "정부", "국무", "예산", "지방자치", "군사", "교육", "노동", "재산", "조약", "감사", "탄핵", "임기",
         "공무원", "사법", "행정", "입법", "경제", "환경", "근로", "혼인", "언론", "종교", "평화", "통일",
         "국무총리", "대법원", "헌법재판소", "선거관리위원회", "개정", "법안", "시행", "부칙", "위원장"]
queries = [[q + ("을" if i % 4 == 0 else ""), q] for i, q in enumerate(nouns)]
with open(os.path.join(out, "queries.json"), "w") as f:
    json.dump({"ko": queries, "en": []}, f, ensure_ascii=False)
binary = os.environ.get("CLUSTERPRESS_BIN", os.path.join(repo, "target", "release", "clusterpress"))
subprocess.run([binary, "build", "--root", out], check=True)
subprocess.run(["node", os.path.join(repo, "bench", "search-quality.mjs"), out, os.path.join(out, "queries.json")], check=True)
