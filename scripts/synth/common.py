"""Helpers shared by every generator module: columnar frames, random streams, ids, dates, groups.

Tables are built as plain dicts of equal-length numpy arrays (a `Frame`) so every step stays vectorised.
Conventions: integer and date columns are int64 (dates = days since 1970-01-01) with `NULL` as the
missing marker; floats use NaN; flags are bool; repeated text is a `Coded` column.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

import numpy as np

NULL = np.iinfo(np.int64).min


@dataclass(frozen=True)
class Coded:
    """A text column held as codes into `labels` (-1 = NULL), written to the database as a dictionary."""

    codes: np.ndarray
    labels: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.codes)


Column = np.ndarray | Coded
Frame = dict[str, Column]


def nrows(frame: Frame) -> int:
    return len(next(iter(frame.values())))


def take(frame: Frame, idx: np.ndarray) -> Frame:
    return {k: Coded(v.codes[idx], v.labels) if isinstance(v, Coded) else v[idx] for k, v in frame.items()}


def concat(frames: list[Frame]) -> Frame:
    """Stack frames with the same columns (Coded columns must share their labels)."""
    out: Frame = {}
    for key, first in frames[0].items():
        if isinstance(first, Coded):
            out[key] = Coded(np.concatenate([f[key].codes for f in frames]), first.labels)  # type: ignore[union-attr]
        else:
            out[key] = np.concatenate([f[key] for f in frames])
    return out


def stream(seed: int, name: str) -> np.random.Generator:
    """An independent random stream per (seed, stage), so changing one stage leaves the others unchanged."""
    return np.random.default_rng([seed, zlib.crc32(name.encode())])


def encrypt_ids(seq: np.ndarray, salt: str) -> np.ndarray:
    """Distinct 11-digit, random-looking ids for 0..n-1, like SAIL's project-encrypted keys.

    An odd multiplier is a bijection modulo 2**36, so ids never collide within one salt.
    """
    key = zlib.crc32(salt.encode())
    mult = (key << 4) | 0x9E3779B1 | 1
    return 10**10 + ((seq.astype(np.int64) * mult + key) & (2**36 - 1))


def day(iso: str) -> int:
    return (dt.date.fromisoformat(iso) - dt.date(1970, 1, 1)).days


def day_from_yyyymmdd(text: str) -> int:
    return day(f"{text[:4]}-{text[4:6]}-{text[6:]}")


def monday_of(days: np.ndarray) -> np.ndarray:
    # 1970-01-01 was a Thursday, so (d + 3) % 7 is 0 on Mondays.
    return days - (days + 3) % 7


def year_of(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970


def with_year(days: np.ndarray, years: np.ndarray) -> np.ndarray:
    """Same month and day in another year (29 February becomes 28 February)."""
    d = days.astype("datetime64[D]")
    month_start = d.astype("datetime64[M]")
    months = month_start.astype(np.int64) % 12
    dom = (d - month_start).astype(np.int64)
    dom = np.where((months == 1) & (dom == 28), 27, dom)
    new_month = ((years - 1970) * 12 + months).astype("datetime64[M]")
    return new_month.astype("datetime64[D]").astype(np.int64) + dom


def pick(rng: np.random.Generator, n: int, weights: np.ndarray | list[float]) -> np.ndarray:
    """n draws of an index into `weights` (weights need not sum to 1)."""
    w = np.asarray(weights, dtype=float)
    return rng.choice(len(w), size=n, p=w / w.sum())


def exact_subset(rng: np.random.Generator, n: int, rate: float) -> np.ndarray:
    """round(rate * n) distinct sorted positions: faults hit an exact share, so tests can be tight."""
    k = min(n, int(round(rate * n)))
    return np.sort(rng.choice(n, size=k, replace=False)) if k else np.empty(0, dtype=np.int64)


def expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For parents with `counts` children each: (parent index, position 0..count-1) per child row."""
    counts = counts.astype(np.int64)
    parent = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return parent, np.arange(len(parent)) - starts[parent]


def pairs_within(groups: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """All ordered pairs (i, j), i != j, of row indices sharing a group id. `groups` must be sorted."""
    first = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if len(groups) else np.zeros(0, dtype=np.int64)
    sizes = np.diff(np.r_[first, len(groups)])
    member_size = np.repeat(sizes, sizes)
    member_first = np.repeat(first, sizes)
    pos = np.arange(len(groups)) - member_first
    i, k = expand(member_size - 1)
    other = k + (k >= pos[i])
    return i, member_first[i] + other


def present(values: np.ndarray, n: int) -> np.ndarray:
    """Boolean mask over 0..n-1: which positions occur in `values` (cheaper than np.unique)."""
    mask = np.zeros(n, dtype=bool)
    mask[values[values < n]] = True
    return mask


def cumsum_within(values: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Running total of `values` restarting at each group (`groups` sorted)."""
    total = np.cumsum(values)
    first = np.searchsorted(groups, groups)
    return total - (total[first] - values[first])
