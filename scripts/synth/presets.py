"""Run configuration: presets, true England volumes per year, and the options the CLI passes in."""

from __future__ import annotations

from dataclasses import dataclass, field

# New cases per financial year (April to March), England, as Cafcass counts them (data-resource.md 4.2).
# Public law = s31 care applications / 0.70, because s31 is about 70 % of new public-law cases;
# 2020-2022 are interpolated between the published points; the last year holds for later refreshes.
ECMS_VOLUMES: dict[int, tuple[int, int]] = {
    2013: (15_200, 45_600),
    2014: (15_900, 34_100),
    2015: (18_300, 37_400),
    2016: (20_900, 40_500),
    2017: (20_300, 41_800),
    2018: (19_400, 43_900),
    2019: (18_600, 45_700),
    2020: (17_500, 43_000),
    2021: (16_500, 40_500),
    2022: (16_200, 39_500),
    2023: (15_900, 39_100),
}
ECMS_START = "2014-01-01"  # first application dates held in ECMS extracts

# CMS (England, April 2007 to 2014), same units (data-resource.md 4.2): public = s31 applications / 0.70;
# private 2007/08 and 2013/14 are published (39,432; 45,605), the years between interpolated.
CMS_VOLUMES: dict[int, tuple[int, int]] = {
    2007: (9_000, 39_400),
    2008: (9_300, 41_000),
    2009: (12_600, 42_500),
    2010: (13_100, 43_500),
    2011: (14_600, 44_000),
    2012: (15_900, 44_500),
    2013: (15_200, 45_600),
}

PRESETS: dict[str, float] = {
    "national": 1.0,  # true volumes: ~590k cases for 2014 to January 2024
    "small": 0.005,  # same shape at 0.5 %: a few seconds, for tests and CI
}


@dataclass(frozen=True)
class Config:
    preset: str = "small"
    seed: int = 42
    scale: float = 1.0  # multiplies the preset's volumes
    project: str = "1661"
    ecms_refresh_date: str = "20240111"  # YYYYMMDD suffix of the ECMS tables (CMS and Wales get their own)
    cafw_refresh_date: str = "20230622"  # YYYYMMDD suffix of the Cafcass Cymru (CAFW_CAFCASS_*) tables
    cms_refresh_date: str = "20191220"  # YYYYMMDD suffix of the CMS data tables and dated CMS lookups
    fault_rates: dict[str, float] = field(default_factory=dict)

    @property
    def volume_factor(self) -> float:
        return PRESETS[self.preset] * self.scale

    @property
    def data_schema(self) -> str:
        return f"SAIL{self.project}V"

    @property
    def ref_schema(self) -> str:
        return "SAILCAFEREFV"
