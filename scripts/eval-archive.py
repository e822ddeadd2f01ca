#!/usr/bin/env python3
"""Lays out the 18 sample HTML filings of ../shared/edgar-samples/html/ as an EDGAR archive.

The development question set (eval/dev-questions.jsonl) is scored against a collection that a new user
would build: the samples under EDGAR's own paths, ingested by `vectordb run` with the default settings.
This script writes that archive:

  OUT/submissions/CIK##########.json                          data.sec.gov submissions responses
  OUT/Archives/edgar/data/{cik}/{accession without dashes}/   one folder per filing, the sample as its
                                                              primary document (a hard link, else a copy)

The filer facts below (EDGAR company names, tickers, CIKs, dates) are EDGAR's for these filings. Six
samples carry no accession number in their file name or the manifest; they get one in the filer's own
range with a sequence of 9xxxxx, which no real filing of theirs uses. The Buckle EX-99.1 press release is
laid out as the exhibit it is, in its 8-K's folder, so the run ingests it as that filing's EX-99.1.

usage: eval-archive.py OUT [--samples ../shared/edgar-samples]
"""

import argparse
import json
import os
import pathlib
import shutil
import sys

# file, EDGAR name, cik, tickers, form, filing date, report date, accession
FILINGS = [
    ("10-K/aapl-20240928_10-K_0000320193-24-000123.htm", "Apple Inc.", 320193, ["AAPL"], "10-K",
     "2024-11-01", "2024-09-28", "0000320193-24-000123"),
    ("10-K/commonwealth-income-growth-fund-v_10-K_0001376474-16-000635.htm", "COMMONWEALTH INCOME & GROWTH FUND V",
     1253347, [], "10-K", "2016-03-30", "2015-12-31", "0001376474-16-000635"),
    ("10-K/gainsco_10-K_0001193125-10-073212.htm", "GAINSCO INC", 786344, ["GANS"], "10-K",
     "2010-03-31", "2009-12-31", "0001193125-10-073212"),
    ("10-K/medicis_10-K_0000950153-99-001234.htm", "MEDICIS PHARMACEUTICAL CORP", 859368, ["MRX"], "10-K",
     "1999-09-28", "1999-06-30", "0000950153-99-001234"),
    ("10-K/wfc_10-K_2025-02-25.htm", "WELLS FARGO & COMPANY/MN", 72971, ["WFC"], "10-K",
     "2025-02-25", "2024-12-31", "0000072971-25-900001"),
    ("10-Q/nvda_10-Q_2025-08-27.htm", "NVIDIA CORP", 1045810, ["NVDA"], "10-Q",
     "2025-08-27", "2025-07-27", "0001045810-25-900001"),
    ("10-Q/orcl_10-Q_period-2024-08-31.htm", "ORACLE CORP", 1341439, ["ORCL"], "10-Q",
     "2024-09-10", "2024-08-31", "0001341439-24-900001"),
    ("10-Q/riot_10-Q_0001558370-23-014305.htm", "Riot Platforms, Inc.", 1167419, ["RIOT"], "10-Q",
     "2023-08-02", "2023-06-30", "0001558370-23-014305"),
    ("20-F/aegon_20-F_0000928385-01-500187.htm", "AEGON NV", 769218, ["AEG"], "20-F",
     "2001-04-02", "2000-12-31", "0000928385-01-500187"),
    ("20-F/loncor_20-F_0001062993-16-008650.htm", "Loncor Gold Inc.", 1472619, ["LONCF"], "20-F",
     "2016-03-30", "2015-12-31", "0001062993-16-008650"),
    ("6-K/royal-philips_6-K_2023-01-30.htm", "Koninklijke Philips N.V.", 313216, ["PHG"], "6-K",
     "2023-01-30", "2023-01-30", "0000313216-23-900001"),
    ("8-K/buckle_8-K_2024-11-22.htm", "BUCKLE INC", 885245, ["BKE"], "8-K",
     "2024-11-22", "2024-11-22", "0000885245-24-900001"),
    ("8-K/jpm-20260624_8-K_0000019617-26-000241.htm", "JPMORGAN CHASE & CO", 19617, ["JPM"], "8-K",
     "2026-06-24", "2026-06-24", "0000019617-26-000241"),
    ("8-K/lge-ku_8-K_0001104659-03-004925.htm", "LOUISVILLE GAS & ELECTRIC CO /KY/", 60549, [], "8-K",
     "2003-03-25", "2003-03-25", "0001104659-03-004925"),
    ("8-K/nexpoint-capital_8-K_2023-12-20.htm", "NexPoint Capital, Inc.", 1588272, [], "8-K",
     "2023-12-20", "2023-12-20", "0001588272-23-900001"),
    ("8-K/premier-financial-bancorp_8-K_0000887919-21-000012.htm", "PREMIER FINANCIAL BANCORP INC", 887919,
     ["PFBI"], "8-K", "2021-03-29", "2021-03-29", "0000887919-21-000012"),
    ("8-K/sophiris_8-K_0001437749-16-028287.htm", "Sophiris Bio Inc.", 1563855, ["SPHS"], "8-K",
     "2016-03-23", "2016-03-23", "0001437749-16-028287"),
]

# Exhibits, laid beside their filing's primary document (accession of a row above): the pipeline reads their
# type from the file name (`..._ex99-1.htm` is EX-99.1) and ingests them with the filing (`[source] documents`).
EXHIBITS = [
    ("8-K/buckle_8-K_2024-11-22_ex99-1.htm", 885245, "0000885245-24-900001"),
]

COLUMNS = ["accessionNumber", "filingDate", "reportDate", "acceptanceDateTime", "form", "items", "size", "isXBRL",
           "isInlineXBRL", "primaryDocument", "primaryDocDescription"]


def link(source, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target.unlink()
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--samples", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared/edgar-samples"))
    args = parser.parse_args()
    samples = pathlib.Path(args.samples) / "html"
    out = pathlib.Path(args.out)
    if not samples.is_dir():
        print(f"eval-archive: no samples at {samples}", file=sys.stderr)
        return 2
    filers = {}
    for file, name, cik, tickers, form, filed, report, accession in FILINGS:
        source = samples / file
        if not source.is_file():
            print(f"eval-archive: missing sample {source}", file=sys.stderr)
            return 2
        document = pathlib.Path(file).name
        link(source, out / "Archives/edgar/data" / str(cik) / accession.replace("-", "") / document)
        filer = filers.setdefault(cik, {"name": name, "tickers": tickers, "rows": []})
        accepted = f"{filed}T16:30:00.000Z"
        filer["rows"].append([accession, filed, report, accepted, form, "", source.stat().st_size, 0, 0, document, form])
    for file, cik, accession in EXHIBITS:
        source = samples / file
        if not source.is_file():
            print(f"eval-archive: missing sample {source}", file=sys.stderr)
            return 2
        link(source, out / "Archives/edgar/data" / str(cik) / accession.replace("-", "") / pathlib.Path(file).name)
    (out / "submissions").mkdir(parents=True, exist_ok=True)
    for cik, filer in filers.items():
        rows = sorted(filer["rows"], key=lambda row: row[1], reverse=True)
        recent = {column: [row[index] for row in rows] for index, column in enumerate(COLUMNS)}
        response = {"cik": str(cik), "entityType": "operating", "name": filer["name"], "tickers": filer["tickers"],
                    "exchanges": [], "formerNames": [], "filings": {"recent": recent, "files": []}}
        path = out / "submissions" / f"CIK{cik:010d}.json"
        path.write_text(json.dumps(response, separators=(",", ":")) + "\n")
    print(f"eval-archive: {len(FILINGS)} filings ({len(EXHIBITS)} exhibits) of {len(filers)} filers under {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
