"""`vectordb export parquet` read by the analytics engines: pyarrow and DuckDB see every column with
its schema type (and nullability), the same values as `vectordb export jsonl`, ZSTD pages, several
row groups and dictionary-encoded low-cardinality strings.

Goal: an analyst can point DuckDB at the exported (or bucket-resident) Parquet files and get the
store's documents back, typed. Strategy: ingest the bundled fixtures with the hashing embedder (no
model files), export both formats, compare per column and per document.
"""

import datetime
import json
import pathlib
import random
import subprocess
import tomllib

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

REPO = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = REPO / "config" / "sec-collection.toml"

ARROW_TYPES = {
    "string": pa.string(),
    "int64": pa.int64(),
    "double": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "string_array": pa.list_(pa.field("element", pa.string(), nullable=False)),
}
DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "double": "DOUBLE",
    "bool": "BOOLEAN",
    "date": "DATE",
    "string_array": "VARCHAR[]",
}


@pytest.fixture(scope="module")
def exported(vectordb, tmp_path_factory):
    work = tmp_path_factory.mktemp("parquet")
    pipeline = work / "fixtures-hashing.toml"
    pipeline.write_text(
        f"""
[pipeline]
name = "fixtures-hashing"
[source]
kind = "edgar-archive"
root = "{REPO / 'fixtures' / 'edgar'}"
forms = ["10-K", "10-Q", "8-K"]
documents = ["primary", "EX-99*"]
[embedder]
provider = "hashing"
dimension = 32
[store]
collection = "filings"
schema = "{SCHEMA}"
"""
    )
    data = work / "data"

    def run(*arguments):
        out = subprocess.run([vectordb, *arguments, "--data-dir", str(data)], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr
        return out

    run("run", str(pipeline))
    run("export", "jsonl", "--collection", "filings", "--out", str(work / "filings.jsonl"))
    run("export", "parquet", "--collection", "filings", "--out", str(work / "filings.parquet"),
        "--vectors", "--row-group-rows", "32")
    run("export", "parquet", "--collection", "filings", "--out", str(work / "plain.parquet"))
    documents = [json.loads(line) for line in (work / "filings.jsonl").read_text().splitlines()]
    assert len(documents) > 64, "the fixtures give several row groups of 32"
    return work, documents


def fields():
    return tomllib.loads(SCHEMA.read_text())["field"]


def test_pyarrow_reads_every_column_with_its_type(exported):
    work, _ = exported
    schema = pq.read_schema(work / "filings.parquet")
    assert schema.names == ["id", *[f["name"] for f in fields()], "embedding"]
    assert schema.field("id").type == pa.string() and not schema.field("id").nullable
    for field in fields():
        column = schema.field(field["name"])
        assert column.type == ARROW_TYPES[field["type"]], field["name"]
        assert column.nullable == (not field.get("required", False)), field["name"]
    assert schema.field("embedding").type == pa.list_(pa.field("element", pa.float32(), nullable=False))
    assert "embedding" not in pq.read_schema(work / "plain.parquet").names


def test_pyarrow_values_equal_the_jsonl_export(exported):
    work, documents = exported
    rows = {row["id"]: row for row in pq.read_table(work / "filings.parquet").to_pylist()}
    assert len(rows) == len(documents)
    for document in documents:
        row = rows[document["id"]]
        for field in fields():
            name = field["name"]
            expected = document["fields"].get(name)
            value = row[name]
            if isinstance(value, datetime.date):
                value = value.isoformat()
            assert value == expected, (document["id"], name)
        assert row["embedding"] == pytest.approx(document["vector"], abs=1e-7), document["id"]


def test_the_file_uses_zstd_row_groups_and_dictionaries(exported):
    work, documents = exported
    metadata = pq.ParquetFile(work / "filings.parquet").metadata
    assert metadata.num_rows == len(documents)
    assert metadata.num_row_groups == -(-len(documents) // 32)
    assert metadata.created_by.startswith("vectordb version")
    names = [metadata.schema.column(i).path for i in range(metadata.num_columns)]
    group = metadata.row_group(0)
    assert group.num_rows == 32
    for index in range(metadata.num_columns):
        assert group.column(index).compression == "ZSTD"
    form = group.column(names.index("form"))
    assert form.has_dictionary_page and "RLE_DICTIONARY" in form.encodings
    text = group.column(names.index("text"))
    assert not text.has_dictionary_page
    cik = group.column(names.index("cik")).statistics
    assert cik.has_min_max and cik.null_count == 0


def test_duckdb_reads_the_types_and_values(exported):
    work, documents = exported
    path = str(work / "filings.parquet")
    con = duckdb.connect()
    described = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '{path}')").fetchall())
    assert described["id"] == "VARCHAR" and described["embedding"] == "FLOAT[]"
    for field in fields():
        assert described[field["name"]] == DUCKDB_TYPES[field["type"]], field["name"]

    names = [f["name"] for f in fields()]
    result = con.execute(f"SELECT id, {', '.join(names)} FROM '{path}'").fetchall()
    by_id = {row[0]: row[1:] for row in result}
    assert len(by_id) == len(documents)
    for document in documents:
        for name, value in zip(names, by_id[document["id"]]):
            if isinstance(value, datetime.date):
                value = value.isoformat()
            assert value == document["fields"].get(name), (document["id"], name)

    # An analyst's query: chunks per form and the latest filing date, against the JSONL export.
    counts = dict(con.execute(f"SELECT form, count(*) FROM '{path}' GROUP BY form").fetchall())
    expected = {}
    for document in documents:
        expected[document["fields"]["form"]] = expected.get(document["fields"]["form"], 0) + 1
    assert counts == expected
    latest = con.execute(f"SELECT max(filing_date) FROM '{path}' WHERE list_contains(tickers, 'HRSC')").fetchone()[0]
    assert latest.isoformat() == max(
        d["fields"]["filing_date"] for d in documents if "HRSC" in d["fields"].get("tickers", [])
    )


PRODUCTS_SCHEMA = """
[collection]
primary_key = "sku"
[[vector]]
name = "image"
dimension = 4
metric = "l2"
[[field]]
name = "name"
type = "string"
required = true
[[field]]
name = "price"
type = "double"
[[field]]
name = "stock"
type = "int64"
[[field]]
name = "launched"
type = "date"
[[field]]
name = "sale"
type = "bool"
[[field]]
name = "tags"
type = "string_array"
[[field]]
name = "colour"
type = "string"
required = true
default = "none"
"""


@pytest.fixture(scope="module")
def products(vectordb, tmp_path_factory):
    """A collection of every field type, imported from seeded random lines: nulls in every optional
    column, empty and absent lists, negative and large numbers, dates across two centuries, a
    300-value dictionary (9-bit indices), a default filled in; and an empty collection."""
    work = tmp_path_factory.mktemp("products")
    (work / "products.toml").write_text(PRODUCTS_SCHEMA)
    generator = random.Random(14)
    lines = []
    for index in range(2500):
        fields = {"name": f"product {index}"}
        if generator.random() < 0.7:
            fields["price"] = round(generator.uniform(-100, 100), 3)
        if generator.random() < 0.7:
            fields["stock"] = generator.randint(-(2**62), 2**62)
        if generator.random() < 0.7:
            year, month, day = generator.randint(1900, 2100), generator.randint(1, 12), generator.randint(1, 28)
            fields["launched"] = f"{year:04d}-{month:02d}-{day:02d}"
        if generator.random() < 0.7:
            fields["sale"] = generator.random() < 0.5
        if generator.random() < 0.7:
            fields["tags"] = [generator.choice(["red", "blue", "é", ""]) for _ in range(generator.randint(0, 3))]
        if generator.random() < 0.5:
            fields["colour"] = f"c{generator.randint(0, 300)}"
        vector = [generator.uniform(-1, 1) for _ in range(4)]
        lines.append(json.dumps({"id": f"sku-{index}", "fields": fields, "vector": vector}))
    (work / "products.jsonl").write_text("\n".join(lines) + "\n")
    (work / "empty.jsonl").write_text("")
    data = work / "data"

    def run(*arguments):
        out = subprocess.run([vectordb, *arguments, "--data-dir", str(data)], capture_output=True, text=True)
        assert out.returncode == 0, out.stderr

    for name in ("products", "empty"):
        run("import", str(work / f"{name}.jsonl"), "--collection", name, "--schema", str(work / "products.toml"))
        run("export", "parquet", "--collection", name, "--out", str(work / f"{name}.parquet"),
            "--vectors", "--row-group-rows", "1000")
    run("export", "jsonl", "--collection", "products", "--out", str(work / "export.jsonl"))
    documents = [json.loads(line) for line in (work / "export.jsonl").read_text().splitlines()]
    return work, documents


def test_every_field_type_reads_back_in_pyarrow_and_duckdb(products):
    work, documents = products
    path = work / "products.parquet"
    schema = pq.read_schema(path)
    assert [(f.name, f.type, f.nullable) for f in schema][:8] == [
        ("sku", pa.string(), False),
        ("name", pa.string(), False),
        ("price", pa.float64(), True),
        ("stock", pa.int64(), True),
        ("launched", pa.date32(), True),
        ("sale", pa.bool_(), True),
        ("tags", ARROW_TYPES["string_array"], True),
        ("colour", pa.string(), False),
    ]
    metadata = pq.ParquetFile(path).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [1000, 1000, 500]
    assert "RLE_DICTIONARY" in metadata.row_group(0).column(7).encodings  # colour: ~300 values

    names = ["name", "price", "stock", "launched", "sale", "tags", "colour"]
    rows = {row["sku"]: row for row in pq.read_table(path).to_pylist()}
    con = duckdb.connect()
    duck = {row[0]: row[1:] for row in con.execute(f"SELECT sku, {', '.join(names)} FROM '{path}'").fetchall()}
    assert len(rows) == len(duck) == len(documents) == 2500
    for document in documents:
        expected = [document["fields"].get(name) for name in names]
        for engine_row in ([rows[document["id"]][name] for name in names], list(duck[document["id"]])):
            got = [value.isoformat() if isinstance(value, datetime.date) else value for value in engine_row]
            assert got == expected, document["id"]
        assert rows[document["id"]]["image"] == pytest.approx(document["vector"], abs=1e-6)
    nulls = con.execute(f"SELECT count(*) - count(price), count(*) - count(tags) FROM '{path}'").fetchone()
    assert nulls == (
        sum("price" not in d["fields"] for d in documents),
        sum("tags" not in d["fields"] for d in documents),
    )


def test_an_empty_collection_is_a_valid_file_without_row_groups(products):
    work, _ = products
    path = work / "empty.parquet"
    assert pq.ParquetFile(path).metadata.num_row_groups == 0
    assert pq.read_table(path).num_rows == 0
    assert pq.read_schema(path).names[:2] == ["sku", "name"]
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{path}'").fetchone() == (0,)
