"""The people table (one row per person, with SAIL's ALF columns) and the five characteristic tables.

Characteristics are long (0..n rows per person), each row with the SOURCE_ID it came from. A person
with two rows has them from two different sources with the same value; conflicts and unknown answers
come only from the faults, so their rates can be measured.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import lookups_ecms as lk
from .common import NULL, Coded, Frame, encrypt_ids, expand, monday_of, pick
from .ecms_families import CHILD_LIKE, GENDER_LABELS, Families

ALF_STATUS = ((1, 50.0), (4, 17.0), (39, 10.0), (35, 3.0), (99, 20.0))  # 99 = not matched: no ALF


def build_people(fams: Families, rng: np.random.Generator) -> Frame:
    m = fams.members
    n = len(m["kind"])
    dob = m["dob"]
    infant = dob > fams.date[m["fam"]] - 30  # unborn or newborn: no NHS number yet, so rarely matched
    status = np.array([s for s, _ in ALF_STATUS])[pick(rng, n, [w for _, w in ALF_STATUS])]
    status = np.where(infant & (rng.random(n) < 0.6), 99, status)
    u = rng.random(n)
    pct = np.select(
        [status == 1, status == 4, status == 39, status == 35],
        [np.ones(n), 0.95 + 0.05 * u, 0.9 + 0.1 * u, 0.5 + 0.4 * u],
        np.where(u < 0.5, np.nan, 0.5 * rng.random(n)),
    )
    seq = np.arange(n)
    wob = monday_of(dob)
    month_start = dob.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    return {
        "member": seq,
        "ALF_PE": np.where(status == 99, NULL, encrypt_ids(seq, "alf")),
        "ALF_STS_CD": status.astype(np.int64),
        "ALF_MTCH_PCT": np.round(pct, 6),
        "ALF2_PE": np.where(rng.random(n) < 0.6, encrypt_ids(seq, "alf2"), NULL),
        "GENDER": Coded(m["gender"].astype(np.int32), GENDER_LABELS),
        "WEEKOFBIRTH": wob,
        "MOB_LINKAGE": month_start,
    }


@dataclass(frozen=True)
class Characteristic:
    table: str
    type_col: str
    codes: tuple[int, ...]
    weights: tuple[float, ...]
    p_none: tuple[float, float]  # (children, adults) with no row at all
    p_two: float  # share recorded twice, by two sources
    family_share: float = 0.85  # share taking the family's value


def _weights_from_names(
    codes: list[tuple[int, str]], named: dict[str, float], default: float
) -> tuple[tuple[int, ...], tuple[float, ...]]:
    usable = [
        (i, n)
        for i, n in codes
        if i not in (lk.NATIONALITY_REFUSED, lk.NATIONALITY_UNKNOWN, lk.LANGUAGE_REFUSED, lk.LANGUAGE_UNKNOWN)
    ]
    return tuple(i for i, _ in usable), tuple(named.get(n, default) for _, n in usable)


def characteristics() -> tuple[Characteristic, ...]:
    nat_codes, nat_w = _weights_from_names(lk.nationality_codes(), lk.NATIONALITY_WEIGHTS, 0.05)
    lang_codes, lang_w = _weights_from_names(lk.language_codes(), lk.LANGUAGE_WEIGHTS, 0.08)
    eth_codes = tuple(i for i, _, w in lk.ETHNICITIES if w > 0)
    eth_w = tuple(w for _, _, w in lk.ETHNICITIES if w > 0)
    rel_codes = tuple(i for i, _, w in lk.RELIGIONS if w > 0)
    rel_w = tuple(w for _, _, w in lk.RELIGIONS if w > 0)
    return (
        Characteristic("CAFE_ECMS_ETHNICITIES", "ETHNICITYTYPE_ID", eth_codes, eth_w, (0.08, 0.18), 0.10),
        Characteristic("CAFE_ECMS_RELIGIONS", "RELIGIONTYPE_ID", rel_codes, rel_w, (0.35, 0.40), 0.05),
        Characteristic("CAFE_ECMS_NATIONALITIES", "NATIONALITYTYPE_ID", nat_codes, nat_w, (0.25, 0.30), 0.04),
        Characteristic("CAFE_ECMS_LANGUAGES", "LANGUAGETYPE_ID", lang_codes, lang_w, (0.20, 0.25), 0.04),
    )


def _sources(rng: np.random.Generator, n_rows: int, person_pos: np.ndarray, first_source: np.ndarray) -> np.ndarray:
    """Source per row: a person's second row comes from a different source than the first."""
    ids = np.array([i for i, _, _ in lk.SOURCES])
    shift = rng.integers(1, len(ids), n_rows)
    return ids[np.where(person_pos == 0, first_source, (first_source + shift) % len(ids))]


def build_characteristic(
    spec: Characteristic, fams: Families, family_code: np.ndarray, rng: np.random.Generator
) -> Frame:
    m = fams.members
    n = len(m["kind"])
    child = np.isin(m["kind"], CHILD_LIKE)
    codes = np.array(spec.codes)
    own = codes[pick(rng, n, spec.weights)]
    value = np.where(rng.random(n) < spec.family_share, family_code[m["fam"]], own)
    n_rows = np.where(rng.random(n) < np.where(child, spec.p_none[0], spec.p_none[1]), 0, 1)
    n_rows = np.where((n_rows == 1) & (rng.random(n) < spec.p_two), 2, n_rows)
    person, pos = expand(n_rows)
    first_source = pick(rng, n, [w for _, _, w in lk.SOURCES])
    return {
        "member": person,
        spec.type_col: value[person].astype(np.int64),
        "SOURCE_ID": _sources(rng, len(person), pos, first_source[person]).astype(np.int64),
    }


DISABILITY_SHARE = (0.10, 0.16)  # (children, adults) with a disability, among people with any row


def build_disabilities(fams: Families, rng: np.random.Generator) -> Frame:
    """'None' for most recorded people; one to three distinct disabilities for the rest."""
    m = fams.members
    n = len(m["kind"])
    child = np.isin(m["kind"], CHILD_LIKE)
    recorded = rng.random(n) >= np.where(child, 0.30, 0.35)
    disabled = recorded & (rng.random(n) < np.where(child, DISABILITY_SHARE[0], DISABILITY_SHARE[1]))
    how_many = np.where(disabled, pick(rng, n, [0.7, 0.2, 0.1]) + 1, recorded.astype(np.int64))
    how_many = np.where(recorded & ~disabled & (rng.random(n) < 0.03), 2, how_many)  # "None" from two sources
    person, pos = expand(how_many)
    types = [(i, w) for i, _, w in lk.DISABILITIES if w > 0]
    ids = np.array([i for i, _ in types])
    start = pick(rng, n, [w for _, w in types])
    stride = rng.integers(1, len(ids) // 2, n)  # start + k * stride (k < 3) never wraps onto itself
    code = ids[(start[person] + pos * stride[person]) % len(ids)]
    code = np.where(disabled[person], code, lk.DISABILITY_NONE)
    first_source = pick(rng, n, [w for _, _, w in lk.SOURCES])
    # One source for all of a person's disabilities; a second row of "None" comes from another source.
    source = _sources(rng, len(person), np.where(disabled[person], 0, pos), first_source[person])
    return {"member": person, "DISABILITYTYPE_ID": code.astype(np.int64), "SOURCE_ID": source.astype(np.int64)}


def family_values(spec: Characteristic, nf: int, rng: np.random.Generator) -> np.ndarray:
    return np.array(spec.codes)[pick(rng, nf, spec.weights)]
