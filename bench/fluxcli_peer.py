"""The Python tool's way of loading a fluxcli sales file, as a peer for the benchmarks.

Usage: python3 bench/fluxcli_peer.py FILE WORK_DIR

Reads FILE (ID, Date, Product, Qty, Price, Store_ID) with pandas, cleans messy prices and
dates the way a pandas user would, drops the rows that cannot be cleaned, then upserts the
rest into a SQLite database in WORK_DIR (table `sales`) and recomputes the daily per-store
rollup (`daily_store_sales`) of every day it touched. Prints one JSON line:
{"rows_read": …, "rows_accepted": …, "seconds": …}.
"""

import json
import os
import sqlite3
import sys
import time
import warnings

import pandas as pd

# pandas 2 wants format="mixed" for a column of mixed date formats; 1.x infers it per value.
MIXED_DATES = {"format": "mixed"} if int(pd.__version__.split(".")[0]) >= 2 else {}

SCHEMA = """
CREATE TABLE IF NOT EXISTS sales (
  id TEXT PRIMARY KEY,
  sold_at TEXT NOT NULL,
  day TEXT NOT NULL,
  product TEXT NOT NULL,
  qty INTEGER NOT NULL,
  price REAL NOT NULL,
  amount REAL NOT NULL,
  store_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS daily_store_sales (
  day TEXT NOT NULL,
  store_id TEXT NOT NULL,
  lines INTEGER NOT NULL,
  qty INTEGER NOT NULL,
  amount REAL NOT NULL,
  PRIMARY KEY (day, store_id)
);
"""

UPSERT = """
INSERT INTO sales (id, sold_at, day, product, qty, price, amount, store_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET sold_at = excluded.sold_at, day = excluded.day, product = excluded.product,
  qty = excluded.qty, price = excluded.price, amount = excluded.amount, store_id = excluded.store_id
"""


def clean_prices(raw: pd.Series) -> pd.Series:
    """$1,200.00, USD 500, 500 dollars and 1.200,50 become numbers; anything else NaN."""
    text = raw.fillna("").astype(str).str.strip()
    decimal_comma = text.str.fullmatch(r"\d{1,3}(?:\.\d{3})*,\d{1,2}")
    text = text.mask(decimal_comma, text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False))
    text = text.str.replace(r"(?i)^usd\s*|\s*dollars$|[$,\s]", "", regex=True)
    return pd.to_numeric(text, errors="coerce")


def clean_dates(raw: pd.Series) -> pd.Series:
    """Parsed month first and day first: where the two disagree (03/04/2025) the date is ambiguous, NaT."""
    text = raw.fillna("").astype(str).str.strip()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        month_first = pd.to_datetime(text, errors="coerce", **MIXED_DATES)
        day_first = pd.to_datetime(text, errors="coerce", dayfirst=True, **MIXED_DATES)
    return month_first.where(month_first == day_first)


def load(file: str, work_dir: str) -> dict:
    started = time.perf_counter()
    frame = pd.read_csv(file, dtype=str, keep_default_na=False)
    rows_read = len(frame)
    frame["sold_at"] = clean_dates(frame["Date"])
    frame["price"] = clean_prices(frame["Price"])
    frame["qty"] = pd.to_numeric(frame["Qty"].str.strip(), errors="coerce")
    frame = frame.dropna(subset=["sold_at", "price", "qty"])
    frame = frame[(frame["qty"] > 0) & (frame["qty"] % 1 == 0) & (frame["price"] >= 0) & (frame["ID"] != "")]
    frame = frame.assign(
        qty=frame["qty"].astype("int64"),
        amount=(frame["qty"] * frame["price"]).round(4),
        day=frame["sold_at"].dt.strftime("%Y-%m-%d"),
        sold_at=frame["sold_at"].dt.strftime("%Y-%m-%d %H:%M:%S"),
    )
    rows = list(frame[["ID", "sold_at", "day", "Product", "qty", "price", "amount", "Store_ID"]].itertuples(index=False, name=None))

    connection = sqlite3.connect(os.path.join(work_dir, "fluxcli.sqlite"))
    try:
        connection.executescript(SCHEMA)
        with connection:
            ids = json.dumps(frame["ID"].tolist())
            # A sale that moves to another day changes its old day's rollup too.
            moved_from = connection.execute(
                "SELECT DISTINCT day FROM sales WHERE id IN (SELECT value FROM json_each(?))", (ids,)
            ).fetchall()
            touched = json.dumps(sorted(set(frame["day"]) | {day for (day,) in moved_from}))
            connection.executemany(UPSERT, rows)
            connection.execute("DELETE FROM daily_store_sales WHERE day IN (SELECT value FROM json_each(?))", (touched,))
            connection.execute(
                """INSERT INTO daily_store_sales (day, store_id, lines, qty, amount)
                   SELECT day, store_id, count(*), sum(qty), round(sum(amount), 4) FROM sales
                   WHERE day IN (SELECT value FROM json_each(?)) GROUP BY day, store_id""",
                (touched,),
            )
    finally:
        connection.close()
    return {"rows_read": rows_read, "rows_accepted": len(rows), "seconds": round(time.perf_counter() - started, 3)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: fluxcli_peer.py FILE WORK_DIR")
    print(json.dumps(load(sys.argv[1], sys.argv[2])))
