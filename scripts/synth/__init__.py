"""Synthetic SAIL-shaped Cafcass raw data (see scripts/generate_data.py).

`schema` is the table contract; `ecms` builds England ECMS tables; `faults` injects known data faults;
`writer` writes DuckDB; `pipeline.generate` ties them together.
"""
