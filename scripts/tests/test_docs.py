"""The documentation site: every model and every mart column described, the overview page, one HTML file.

Runs `dbt docs generate --static` once on the built test database (scripts/tests/dbt_artifacts.py), so
the columns checked are the columns as built (catalog.json), not only those the YAML lists.
"""

from __future__ import annotations

import re

from dbt_artifacts import artifacts, mart_nodes_or_skip


def test_every_model_has_a_description() -> None:
    art = artifacts()
    missing = sorted(
        n["original_file_path"]
        for n in art.manifest["nodes"].values()
        if n["resource_type"] == "model" and n["package_name"] == "cafcass" and not n["description"].strip()
    )
    assert not missing, f"models without a description: {missing}"


def test_every_mart_column_as_built_has_a_description() -> None:
    art = artifacts()
    problems: list[str] = []
    for node in mart_nodes_or_skip(art.manifest):
        built = art.catalog["nodes"].get(node["unique_id"], {}).get("columns", {})
        assert built, f"{node['name']} is not in the catalog: was it built?"
        described = {name.lower(): col["description"].strip() for name, col in node["columns"].items()}
        problems += [f"{node['name']}.{name}" for name in built if not described.get(name.lower())]
        problems += [f"{node['name']}.{name} (documented, not built)" for name in described if name not in map(str.lower, built)]
    assert not problems, f"mart columns without a description: {problems}"


def test_overview_explains_layers_systems_and_every_mart() -> None:
    art = artifacts()
    overview = art.manifest["docs"]["doc.cafcass.__overview__"]["block_contents"]
    for word in ("staging", "intermediate", "marts", "audit", "ECMS", "CMS", "CAFW", "static_index.html"):
        assert word in overview, word
    for node in mart_nodes_or_skip(art.manifest):
        assert f"`{node['name']}`" in overview, f"add mart {node['name']} (and its grain) to the marts table in models/overview.md"


def test_static_site_is_one_file_that_needs_no_network() -> None:
    art = artifacts()
    html = (art.target / "static_index.html").read_text(encoding="utf-8")
    assert len(html) > 100_000 and "Opening this documentation" in html  # the manifest, overview included, is inline
    external = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//[^"]+"', html)
    assert not external, external
