"""Person-to-person relationships inside each family, as ECMS holds them: one row per direction.

RELATIONSHIPTYPE_ID says what the related person is to the anchor person (child -> mother: 1 Parent;
mother -> child: 9 Child). Sibling types are gender-specific, chosen by the related person's gender.
"""

from __future__ import annotations

import numpy as np

from . import lookups_ecms as lk
from .common import NULL, Coded, Frame, pairs_within
from .ecms_families import (
    AUNT_UNCLE,
    CHILD,
    CHILD_LIKE,
    FATHER_A,
    FATHER_B,
    FATHER_C,
    FEMALE,
    FRIEND,
    GRANDMOTHER,
    MALE,
    MOTHER,
    NEWBORN,
    PARTNER,
    SIB_STEP,
    SINGLE_ADULTS,
    SLOT_A,
    SLOT_B,
    SLOT_C,
    SLOT_PARTNER,
    Families,
)

NATURAL = (lk.REL_BROTHER, lk.REL_SISTER)
HALF = (lk.REL_HALF_BROTHER, lk.REL_HALF_SISTER)
STEP = (lk.REL_STEP_BROTHER, lk.REL_STEP_SISTER)
PR_HAS, PR_NONE, PR_BY_ORDER = 1, 2, 3


def _gendered(pair: tuple[int, int] | np.ndarray, gender: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Male form for men, female form for women, either where gender is unknown."""
    brother, sister = (pair[0], pair[1]) if isinstance(pair, tuple) else (pair[:, 0], pair[:, 1])
    female = np.where(np.isin(gender, (FEMALE, MALE)), gender == FEMALE, rng.random(len(gender)) < 0.5)
    return np.where(female, sister, brother)


class _Rows:
    """Collects directed relationship rows."""

    def __init__(self) -> None:
        self.parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def one_way(self, anchor: np.ndarray, related: np.ndarray, rel_type: int | np.ndarray) -> None:
        ok = (anchor >= 0) & (related >= 0)
        t = np.broadcast_to(np.asarray(rel_type, dtype=np.int64), anchor.shape)
        self.parts.append((anchor[ok], related[ok], t[ok]))

    def both(self, a: np.ndarray, b: np.ndarray, a_to_b: int | np.ndarray, b_to_a: int | np.ndarray) -> None:
        self.one_way(a, b, a_to_b)
        self.one_way(b, a, b_to_a)

    def frame(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return tuple(np.concatenate([p[k] for p in self.parts]) for k in range(3))  # type: ignore[return-value]


def build_relationships(fams: Families, rng: np.random.Generator) -> Frame:
    m = fams.members
    nf = len(fams.law)
    kind, fam, slot, gender = m["kind"], m["fam"], m["slot"], m["gender"]
    single = {}
    for k in SINGLE_ADULTS:
        single[k] = np.full(nf, -1, dtype=np.int64)
        idx = np.flatnonzero(kind == k)
        single[k][fam[idx]] = idx

    rows = _Rows()
    child_like = np.flatnonzero(np.isin(kind, CHILD_LIKE))
    own = child_like[kind[child_like] != SIB_STEP]
    step = child_like[kind[child_like] == SIB_STEP]
    rows.both(own, single[MOTHER][fam[own]], lk.REL_PARENT, lk.REL_CHILD)
    rows.both(step, single[MOTHER][fam[step]], lk.REL_STEP_PARENT, lk.REL_STEP_CHILD)
    s = slot[child_like]
    f = fam[child_like]
    father = np.select(
        [s == SLOT_A, s == SLOT_B, s == SLOT_C, s == SLOT_PARTNER],
        [single[FATHER_A][f], single[FATHER_B][f], single[FATHER_C][f], single[PARTNER][f]],
        -1,
    )
    rows.both(child_like, father, lk.REL_PARENT, lk.REL_CHILD)
    rows.both(own, single[PARTNER][fam[own]], lk.REL_STEP_PARENT, lk.REL_STEP_CHILD)

    i, j = pairs_within(fam[child_like])
    a, b = child_like[i], child_like[j]
    one_step = (kind[a] == SIB_STEP) != (kind[b] == SIB_STEP)
    kinds = np.where(
        one_step[:, None], np.array(STEP), np.where((slot[a] == slot[b])[:, None], np.array(NATURAL), np.array(HALF))
    )
    rows.one_way(a, b, _gendered(kinds, gender[b], rng))

    mother = single[MOTHER]
    rows.both(own, single[GRANDMOTHER][fam[own]], lk.REL_GRANDPARENT, lk.REL_GRANDCHILD)
    rows.both(mother, single[GRANDMOTHER], lk.REL_PARENT, lk.REL_CHILD)
    aunt = single[AUNT_UNCLE]
    rows.both(own, aunt[fam[own]], lk.REL_AUNT_UNCLE, lk.REL_NIECE_NEPHEW)
    aunt_g = gender[np.maximum(aunt, 0)]
    rows.both(mother, aunt, _gendered(NATURAL, aunt_g, rng), lk.REL_SISTER)

    together = rng.random(nf) < 0.3
    rows.both(
        mother,
        single[FATHER_A],
        np.where(together, lk.REL_PARTNER, lk.REL_EX_PARTNER),
        np.where(together, lk.REL_PARTNER, lk.REL_EX_PARTNER),
    )
    rows.both(mother, single[FATHER_B], lk.REL_EX_PARTNER, lk.REL_EX_PARTNER)
    rows.both(mother, single[FATHER_C], lk.REL_PARTNER, lk.REL_PARTNER)
    rows.both(mother, single[PARTNER], lk.REL_PARTNER, lk.REL_PARTNER)
    children = np.flatnonzero(np.isin(kind, (CHILD, NEWBORN)))
    rows.both(children, single[FRIEND][fam[children]], lk.REL_NOT_RELATED, lk.REL_NOT_RELATED)
    rows.both(mother, single[FRIEND], 21, 21)  # family friend

    anchor, related, rel_type = rows.frame()
    return relationship_frame(anchor, related, rel_type, kind[related], rng)


def relationship_frame(
    anchor: np.ndarray, related: np.ndarray, rel_type: np.ndarray, related_kind: np.ndarray, rng: np.random.Generator
) -> Frame:
    """The table's columns for directed rows; parental responsibility only on parent-type rows."""
    n = len(anchor)
    father_pr = np.where(rng.random(n) < 0.85, PR_HAS, PR_NONE)
    pr = np.select(
        [
            (rel_type == lk.REL_PARENT) & (related_kind == MOTHER),
            rel_type == lk.REL_PARENT,
            rel_type == lk.REL_STEP_PARENT,
        ],
        [PR_HAS, father_pr, np.where(rng.random(n) < 0.1, PR_BY_ORDER, PR_NONE)],
        NULL,
    )
    return {
        "member": anchor,
        "related": related,
        "RELATIONSHIPTYPE_ID": rel_type,
        "PARENTALRESPONSIBILITYTYPE_ID": pr,
        "RELATIONSHIPMALE": gendered_labels(rel_type, male=True),
        "RELATIONSHIPFEMALE": gendered_labels(rel_type, male=False),
    }


def gendered_labels(rel_type: np.ndarray, male: bool) -> Coded:
    """The lookup's male or female wording for each row's type, as a coded text column."""
    words = [r.male if male else r.female for r in lk.RELATIONSHIP_TYPES]
    labels = tuple(dict.fromkeys(words))
    code_of_type = np.full(max(r.id for r in lk.RELATIONSHIP_TYPES) + 1, -1, dtype=np.int32)
    for r, w in zip(lk.RELATIONSHIP_TYPES, words):
        code_of_type[r.id] = labels.index(w)
    return Coded(code_of_type[rel_type], labels)
