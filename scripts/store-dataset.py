#!/usr/bin/env python3
"""Writes the seeded SEC-scale store benchmark dataset (issue 12) that every engine reads.

Goal: N documents of the SEC chunk schema (config/sec-collection.toml) whose metadata follows the
shape of EDGAR (5,000 filers with CIKs and tickers; 10-K / 10-Q / 8-K filings in SEC proportions,
chunks per filing by form; fiscal years 2001-2025; items by form; filing dates consistent with the
period), chunk-like text for BM25 (a Zipf distribution over a finance vocabulary, ~150 words per
chunk), and the 384-d vectors of the ANN dataset generator (scripts/ann-dataset.py: a seeded
mixture of Gaussian clusters, row i of base.fvecs is document i). Metadata and vectors are drawn
independently (a filter does not select a vector cluster).

Invariants: the same seed and N give byte-identical files; text words never end in "s" and are not
stop words, so every engine's tokenizer (VectorDB's plural stemmer, LanceDB's simple tokenizer) sees
the same terms and the BM25 ground truth below is exact for all of them.

Writes into OUT_DIR (base.fvecs and queries.fvecs must already be there, from ann-dataset.py):
  documents.jsonl  one SEC document per line, in base.fvecs order ("id", fields...)
  queries.jsonl    one query per line: "text" (3-5 vocabulary words), row i of queries.fvecs
  schema.toml      the collection schema (a copy of --schema, config/sec-collection.toml)
  filters.json     the four filters: name, VectorDB expressions, LanceDB SQL, matching count, fraction
  truth.json       exact top-k ids per filter, mode (vector, lexical, hybrid) and query
usage: store-dataset.py OUT_DIR [--n 100000] [--queries 50] [--k 10] [--seed 12]
"""

import argparse
import json
import pathlib
import shutil

import numpy as np

FILERS = 5_000
YEARS = range(2001, 2026)
# Filings per filer-year (EDGAR 2015-2024: ~7k 10-K, ~21k 10-Q, ~60k 8-K a year for ~7k filers) and
# mean chunks per filing (a 10-K is ~60k words, a 10-Q ~20k, an 8-K ~3k): 10-K ~45 %, 10-Q ~42 %,
# 8-K ~13 % of the chunks.
FORMS = {"10-K": (1.0, 250), "10-Q": (3.0, 78), "8-K": (6.0, 12)}
# Items and their share of a form's chunks; titles as filings print them.
ITEMS = {
    "10-K": [
        ("cover", "Cover Page", 0.01), ("1", "Business", 0.15), ("1A", "Risk Factors", 0.12),
        ("1B", "Unresolved Staff Comments", 0.005), ("1C", "Cybersecurity", 0.01), ("2", "Properties", 0.02),
        ("3", "Legal Proceedings", 0.02), ("5", "Market for Registrant's Common Equity", 0.03),
        ("7", "Management's Discussion and Analysis", 0.25), ("7A", "Quantitative and Qualitative Disclosures About Market Risk", 0.03),
        ("8", "Financial Statements and Supplementary Data", 0.285), ("9A", "Controls and Procedures", 0.02),
        ("10", "Directors, Executive Officers and Corporate Governance", 0.01), ("11", "Executive Compensation", 0.01),
        ("13", "Certain Relationships and Related Transactions", 0.005), ("14", "Principal Accountant Fees and Services", 0.005),
        ("15", "Exhibits and Financial Statement Schedules", 0.02),
    ],
    "10-Q": [
        ("cover", "Cover Page", 0.01), ("I-1", "Financial Statements", 0.44), ("I-2", "Management's Discussion and Analysis", 0.33),
        ("I-3", "Quantitative and Qualitative Disclosures About Market Risk", 0.04), ("I-4", "Controls and Procedures", 0.03),
        ("II-1", "Legal Proceedings", 0.03), ("II-1A", "Risk Factors", 0.06), ("II-2", "Unregistered Sales of Equity Securities", 0.03),
        ("II-5", "Other Information", 0.01), ("II-6", "Exhibits", 0.02),
    ],
    "8-K": [
        ("1.01", "Entry into a Material Definitive Agreement", 0.08), ("2.02", "Results of Operations and Financial Condition", 0.22),
        ("5.02", "Departure of Directors or Certain Officers", 0.17), ("5.07", "Submission of Matters to a Vote of Security Holders", 0.06),
        ("7.01", "Regulation FD Disclosure", 0.14), ("8.01", "Other Events", 0.14), ("9.01", "Financial Statements and Exhibits", 0.19),
    ],
}
FINANCE_WORDS = """revenue income margin growth cash flow liquidity capital expenditure dividend equity debt credit loan
interest rate inflation currency exchange hedge derivative swap option warrant goodwill impairment amortization
depreciation asset liability lease inventory receivable payable accrual reserve provision tax deferred valuation
allowance fair value level input market risk operational cybersecurity breach regulation compliance litigation
settlement penalty fine patent license royalty supplier customer demand pricing cost labor wage pension benefit
obligation actuarial discount return investment portfolio security bond note indenture covenant maturity
refinance facility revolver borrowing repayment acquisition merger divestiture spin joint venture subsidiary
segment geographic region international domestic export import tariff sanction trade supply chain logistic
shipment manufacturing plant capacity utilization foundry wafer semiconductor software cloud subscription
platform data center energy oil gas pipeline drilling reservoir production refining power utility grid
renewable solar wind battery vehicle automotive aircraft airline freight rail bank deposit mortgage
underwriting premium claim insurance reinsurance catastrophe pharmaceutical drug clinical trial approval
device hospital patient reimbursement medicare medicaid retail store consumer brand advertising marketing
franchise restaurant hotel travel real estate property tenant occupancy rent construction backlog contract
award government defense program research development innovation technology artificial intelligence
model customer retention churn headcount employee executive officer director board committee audit
auditor control weakness material restatement guidance outlook forecast estimate assumption judgment
uncertainty pandemic recession volatility shareholder repurchase buyback stock split offering issuance
dilution earning quarter fiscal annual period prior comparable increase decrease decline improvement
headwind tailwind backlog order booking shipment quarterly sequential organic inorganic adjusted ebitda
operating expense gross net loss profit per share basic diluted weighted average outstanding""".split()


def vocabulary(rng, size):
    """The finance words (most frequent ranks first, shuffled) then pseudo-words for the Zipf tail."""
    words = [w for w in dict.fromkeys(FINANCE_WORDS) if not w.endswith("s")]
    rng.shuffle(words)
    onsets = list("bcdfghjklmnprtvwz") + ["br", "cr", "dr", "fl", "gr", "pl", "pr", "st", "tr", "ch", "sh", "th"]
    vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
    codas = ["", "n", "r", "l", "t", "m", "x", "nd", "rt", "nt", "ck"]
    seen = set(words)
    while len(words) < size:
        syllables = rng.integers(2, 4)
        word = "".join(
            onsets[rng.integers(len(onsets))] + vowels[rng.integers(len(vowels))] for _ in range(syllables)
        ) + codas[rng.integers(len(codas))]
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


def read_fvecs(path):
    raw = np.fromfile(path, dtype=np.int32)
    dim = raw[0]
    return raw.reshape(-1, dim + 1)[:, 1:].view(np.float32)


def ticker(rng, taken):
    while True:
        length = rng.choice([1, 2, 3, 4, 4, 4, 5], 1)[0]
        symbol = "".join(chr(65 + c) for c in rng.integers(0, 26, length))
        if symbol not in taken:
            taken.add(symbol)
            return symbol


def make_filers(rng):
    ciks = rng.choice(np.arange(1_000, 2_000_000), FILERS, replace=False)
    taken = set()
    names = ["Acme", "Summit", "Northwind", "Pioneer", "Harbor", "Atlas", "Vertex", "Crescent", "Granite", "Meridian"]
    kinds = ["Holdings", "Technologies", "Energy", "Financial", "Therapeutics", "Industries", "Bancorp", "Systems"]
    filers = []
    for index, cik in enumerate(ciks):
        tickers = [ticker(rng, taken)] + ([ticker(rng, taken)] if rng.random() < 0.05 else [])
        fye = int(rng.choice([12, 12, 12, 12, 12, 12, 12, 3, 6, 9]))
        name = f"{names[index % len(names)]} {tickers[0].title()} {kinds[(index // 10) % len(kinds)]} Inc."
        filers.append({"cik": int(cik), "company": name, "tickers": tickers, "fye": fye})
    return filers


def period_end(year, month):
    day = {2: 28, 4: 30, 6: 30, 9: 30, 11: 30}.get(month, 31)
    return np.datetime64(f"{year:04d}-{month:02d}-{day:02d}")


def filings(rng, filers, n):
    """Filings in random order until they hold n chunks: (filer, form, fiscal year, report date, filing date, chunks)."""
    forms = list(FORMS)
    weights = np.array([FORMS[f][0] for f in forms])
    weights /= weights.sum()
    total = 0
    sequence = 0
    while total < n:
        filer = filers[rng.integers(FILERS)]
        year = int(rng.integers(YEARS.start, YEARS.stop))
        form = forms[rng.choice(len(forms), p=weights)]
        mean = FORMS[form][1]
        chunks = max(1, int(rng.lognormal(np.log(mean), 0.5)))
        chunks = min(chunks, n - total)
        fye = filer["fye"]
        if form == "10-K":
            report = period_end(year, fye)
            filed = report + int(rng.integers(55, 90))
        elif form == "10-Q":
            # Quarters 1-3 of the fiscal year that ends in month `fye` of `year`.
            month = year * 12 + (fye - 1) - (12 - 3 * int(rng.integers(1, 4)))
            report = period_end(month // 12, month % 12 + 1)
            filed = report + int(rng.integers(30, 45))
        else:
            report = np.datetime64(f"{year:04d}-01-01") + int(rng.integers(0, 365))
            filed = report + int(rng.integers(0, 4))
        # fiscal_year is the year of the period of report (config/sec-collection.toml).
        year = int(str(report)[:4])
        sequence += 1
        yield filer, form, year, report, filed, chunks, sequence
        total += chunks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--vocabulary", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--schema", default="config/sec-collection.toml")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    shutil.copyfile(args.schema, out / "schema.toml")
    rng = np.random.default_rng(args.seed)
    words = vocabulary(rng, args.vocabulary)
    zipf = 1.0 / np.arange(1, len(words) + 1) ** 1.07
    zipf /= zipf.sum()
    filers = make_filers(rng)

    base = read_fvecs(out / "base.fvecs")
    queries = read_fvecs(out / "queries.fvecs")[: args.queries]
    if base.shape[0] < args.n or queries.shape[0] < args.queries:
        raise SystemExit(f"{out}: base.fvecs has {base.shape[0]} rows (need {args.n}), queries {queries.shape[0]}")
    base = base[: args.n]

    cik = np.empty(args.n, dtype=np.int64)
    form = np.empty(args.n, dtype=object)
    year = np.empty(args.n, dtype=np.int64)
    item = np.empty(args.n, dtype=object)
    lengths = np.clip(rng.normal(150, 40, args.n).astype(np.int64), 40, 260)
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    tokens = rng.choice(len(words), int(offsets[-1]), p=zipf).astype(np.uint16)
    word_array = np.array(words, dtype=object)
    ids = []
    row = 0
    with open(out / "documents.jsonl", "w") as sink:
        for filer, form_name, fiscal, report, filed, chunks, sequence in filings(rng, filers, args.n):
            items = ITEMS[form_name]
            item_p = np.array([w for _, _, w in items])
            item_p /= item_p.sum()
            picks = np.sort(rng.choice(len(items), chunks, p=item_p))
            accession = f"{filer['cik']:010d}-{int(str(filed)[2:4]):02d}-{sequence % 1_000_000:06d}"
            url = (f"https://www.sec.gov/Archives/edgar/data/{filer['cik']}/{accession.replace('-', '')}/"
                   f"{filer['tickers'][0].lower()}-{str(report).replace('-', '')}.htm")
            position = 0
            ordinal = {}
            for pick in picks:
                key, title, _ = items[pick]
                ordinal[key] = ordinal.get(key, 0) + 1
                text = " ".join(word_array[tokens[offsets[row] : offsets[row + 1]]])
                document = {
                    "id": f"{accession}:{key}:{ordinal[key]}", "cik": filer["cik"], "company": filer["company"],
                    "tickers": filer["tickers"], "form": form_name, "filing_date": str(filed),
                    "report_date": str(report), "fiscal_year": fiscal, "accession": accession, "source_url": url,
                    "item": key, "item_title": title, "text": text, "char_start": position,
                    "char_end": position + len(text), "token_count": int(lengths[row]) + 2,
                }
                position += len(text) + 1
                sink.write(json.dumps(document, separators=(",", ":")) + "\n")
                ids.append(document["id"])
                cik[row], form[row], year[row], item[row] = filer["cik"], form_name, fiscal, key
                row += 1

    # Queries: 3-5 distinct words of the vocabulary's middle ranks (rare enough to discriminate).
    query_texts = []
    for _ in range(args.queries):
        count = int(rng.integers(3, 6))
        query_texts.append(" ".join(words[t] for t in rng.choice(np.arange(20, 3_000), count, replace=False)))
    with open(out / "queries.jsonl", "w") as sink:
        for text in query_texts:
            sink.write(json.dumps({"text": text}) + "\n")

    # The one-filer filter takes the filer whose chunk count is closest to the mean (N / 5,000).
    ciks, counts = np.unique(cik, return_counts=True)
    chosen = int(ciks[np.argmin(np.abs(counts - args.n / FILERS))])
    filters = [
        ("none", [], "", np.ones(args.n, dtype=bool)),
        ("cik", [f"cik={chosen}"], f"cik = {chosen}", cik == chosen),
        ("form10k_fy2020", ["form=10-K", "fiscal_year>=2020"], "form = '10-K' AND fiscal_year >= 2020",
         (form == "10-K") & (year >= 2020)),
        ("item1a", ["item=1A"], "item = '1A'", item == "1A"),
    ]
    described = []
    for name, expressions, sql, mask in filters:
        described.append({"name": name, "vectordb": expressions, "sql": sql, "count": int(mask.sum()),
                          "fraction": float(mask.mean())})
        print(f"filter {name:<16} {int(mask.sum()):>9} rows  {100 * mask.mean():7.3f} %")
    (out / "filters.json").write_text(json.dumps(described, indent=1) + "\n")

    truth = ground_truth(base, queries, query_texts, words, tokens, offsets, filters, args.k, ids)
    (out / "truth.json").write_text(json.dumps({"k": args.k, "truth": truth}) + "\n")
    print(f"wrote {args.n} documents, {args.queries} queries, ground truth for {len(filters)} filters to {out}")


def ground_truth(base, queries, query_texts, words, tokens, offsets, filters, k, ids):
    """Exact filtered top-k per mode: cosine (vectors are unit length), BM25 as VectorDB scores it
    (k1 1.2, b 0.75, idf ln(1 + (N - df + 0.5) / (df + 0.5)) over all rows), and reciprocal rank
    fusion (1 / (60 + rank)) of the exact top max(5k, 100) of both, as VectorDB's hybrid fuses."""
    n = base.shape[0]
    lengths = np.diff(offsets).astype(np.float64)
    average = lengths.mean()
    doc_of = np.repeat(np.arange(n, dtype=np.int32), np.diff(offsets))
    index = {w: i for i, w in enumerate(words)}
    depth = max(5 * k, 100)
    bm25 = []
    for text in query_texts:
        scores = np.zeros(n)
        for term in sorted(set(text.split())):
            hits = doc_of[tokens == index[term]]
            if hits.size == 0:
                continue
            docs, tf = np.unique(hits, return_counts=True)
            idf = np.log(1 + (n - docs.size + 0.5) / (docs.size + 0.5))
            scores[docs] += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[docs] / average))
        bm25.append(scores)
    similarity = queries @ base.T
    truth = {}
    for name, _, _, mask in filters:
        rows = np.nonzero(mask)[0]
        per_mode = {"vector": [], "lexical": [], "hybrid": []}
        for q in range(len(query_texts)):
            vector_order = rows[np.argsort(-similarity[q, rows], kind="stable")[:depth]]
            lexical_scores = bm25[q][rows]
            positive = rows[lexical_scores > 0]
            lexical_order = positive[np.argsort(-bm25[q][positive], kind="stable")[:depth]]
            fused = {}
            for ranking in (vector_order, lexical_order):
                for rank, r in enumerate(ranking):
                    fused[int(r)] = fused.get(int(r), 0.0) + 1.0 / (60 + rank + 1)
            hybrid = sorted(fused, key=lambda r: (-fused[r], r))[:k]
            per_mode["vector"].append([ids[r] for r in vector_order[:k]])
            per_mode["lexical"].append([ids[r] for r in lexical_order[:k]])
            per_mode["hybrid"].append([ids[r] for r in hybrid])
        truth[name] = per_mode
    return truth


if __name__ == "__main__":
    main()
