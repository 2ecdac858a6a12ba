"""England's family-court geography: circuits, Designated Family Judge areas, court centres, local authorities.

Shared by the ECMS (2014-) and, later, CMS (2007-2014) generators. The 152 upper-tier local authorities
are the 2009-2019 set (the span of most of the data); each sits in the DFJ area that hears its cases.
Weights are rough resident populations in tens of thousands: they only steer how cases spread.
Wales is not here: Welsh cases are held by Cafcass Cymru, not ECMS.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    name: str
    circuit: str
    courts: tuple[str, ...]
    authorities: tuple[tuple[str, float], ...]


CIRCUITS: tuple[str, ...] = ("Midland", "North Eastern", "Northern", "South Eastern", "Western", "London")

AREAS: tuple[Area, ...] = (
    Area(
        "Birmingham",
        "Midland",
        ("Birmingham Civil and Family Justice Centre",),
        (("Birmingham", 114), ("Solihull", 21)),
    ),
    Area(
        "Coventry and Warwickshire",
        "Midland",
        ("Coventry Combined Court Centre", "Warwick Family Court"),
        (("Coventry", 35), ("Warwickshire", 55)),
    ),
    Area(
        "Wolverhampton",
        "Midland",
        (
            "Wolverhampton Combined Court Centre",
            "Dudley County Court and Family Court",
            "Walsall County Court and Family Court",
        ),
        (("Wolverhampton", 26), ("Dudley", 32), ("Sandwell", 32), ("Walsall", 28)),
    ),
    Area(
        "Stoke-on-Trent",
        "Midland",
        ("Stoke-on-Trent Combined Court", "Stafford Combined Court"),
        (("Stoke-on-Trent", 25), ("Staffordshire", 87)),
    ),
    Area(
        "West Mercia",
        "Midland",
        ("Worcester Combined Court", "Telford County Court and Family Court", "Hereford Justice Centre"),
        (("Worcestershire", 58), ("Herefordshire, County of", 19), ("Shropshire", 31), ("Telford and Wrekin", 17)),
    ),
    Area(
        "Leicester",
        "Midland",
        ("Leicester County Court and Family Court",),
        (("Leicester", 35), ("Leicestershire", 69), ("Rutland", 4)),
    ),
    Area(
        "Derby",
        "Midland",
        ("Derby Combined Court Centre", "Chesterfield County Court"),
        (("Derby", 26), ("Derbyshire", 79)),
    ),
    Area(
        "Nottingham",
        "Midland",
        ("Nottingham County Court and Family Court", "Mansfield Family Court"),
        (("Nottingham", 32), ("Nottinghamshire", 81)),
    ),
    Area(
        "Lincoln", "Midland", ("Lincoln County Court and Family Court", "Boston County Court"), (("Lincolnshire", 75),)
    ),
    Area("Northampton", "Midland", ("Northampton Combined Court",), (("Northamptonshire", 73),)),
    Area(
        "Newcastle",
        "North Eastern",
        (
            "Newcastle Civil and Family Courts and Tribunals Centre",
            "Sunderland County Court and Family Court",
            "Durham Justice Centre",
        ),
        (
            ("Newcastle upon Tyne", 30),
            ("North Tyneside", 20),
            ("South Tyneside", 15),
            ("Sunderland", 28),
            ("Gateshead", 20),
            ("Northumberland", 32),
            ("Durham", 52),
        ),
    ),
    Area(
        "Cleveland",
        "North Eastern",
        ("Middlesbrough County Court and Family Court", "Darlington County Court and Family Court"),
        (
            ("Middlesbrough", 14),
            ("Redcar and Cleveland", 14),
            ("Stockton-on-Tees", 19),
            ("Hartlepool", 9),
            ("Darlington", 11),
        ),
    ),
    Area(
        "Humberside",
        "North Eastern",
        ("Kingston-upon-Hull Combined Court Centre", "Great Grimsby Combined Court Centre"),
        (
            ("Kingston Upon Hull, City of", 26),
            ("East Riding of Yorkshire", 34),
            ("North Lincolnshire", 17),
            ("North East Lincolnshire", 16),
        ),
    ),
    Area(
        "West Yorkshire",
        "North Eastern",
        (
            "Leeds Combined Court Centre",
            "Bradford Combined Court Centre",
            "Huddersfield County Court and Family Court",
            "Wakefield Family Court",
        ),
        (("Leeds", 78), ("Bradford", 53), ("Kirklees", 43), ("Calderdale", 21), ("Wakefield", 33)),
    ),
    Area(
        "South Yorkshire",
        "North Eastern",
        ("Sheffield Family Hearing Centre", "Doncaster Justice Centre North", "Barnsley Law Courts"),
        (("Sheffield", 57), ("Doncaster", 31), ("Rotherham", 26), ("Barnsley", 24)),
    ),
    Area(
        "North Yorkshire",
        "North Eastern",
        ("York County Court and Family Court", "Harrogate Justice Centre"),
        (("York", 21), ("North Yorkshire", 60)),
    ),
    Area(
        "Greater Manchester",
        "Northern",
        (
            "Manchester Civil Justice Centre",
            "Stockport County Court and Family Court",
            "Bolton Combined Court",
            "Wigan County Court and Family Court",
        ),
        (
            ("Manchester", 54),
            ("Salford", 25),
            ("Stockport", 29),
            ("Tameside", 22),
            ("Oldham", 23),
            ("Rochdale", 22),
            ("Bury", 19),
            ("Bolton", 28),
            ("Wigan", 32),
            ("Trafford", 23),
        ),
    ),
    Area(
        "Liverpool",
        "Northern",
        ("Liverpool Civil and Family Court", "Birkenhead County Court and Family Court"),
        (("Liverpool", 48), ("Knowsley", 15), ("Sefton", 27), ("St. Helens", 18), ("Wirral", 32)),
    ),
    Area(
        "Cheshire",
        "Northern",
        ("Chester Civil Justice Centre", "Warrington County Court and Family Court", "Crewe County Court"),
        (("Cheshire East", 38), ("Cheshire West and Chester", 33), ("Warrington", 21), ("Halton", 13)),
    ),
    Area(
        "Lancashire",
        "Northern",
        ("Preston Combined Court Centre", "Blackburn Family Court", "Lancaster Courthouse", "Blackpool Family Court"),
        (("Lancashire", 119), ("Blackburn with Darwen", 15), ("Blackpool", 14)),
    ),
    Area(
        "Cumbria",
        "Northern",
        ("Carlisle Combined Court", "Barrow-in-Furness County Court and Family Court"),
        (("Cumbria", 50),),
    ),
    Area(
        "Essex",
        "South Eastern",
        (
            "Chelmsford County Court and Family Court",
            "Southend County Court and Family Court",
            "Colchester Magistrates' Court",
        ),
        (("Essex", 145), ("Southend-on-Sea", 18), ("Thurrock", 16)),
    ),
    Area(
        "Kent",
        "South Eastern",
        ("Medway County Court and Family Court", "Canterbury Combined Court Centre", "Maidstone Combined Court Centre"),
        (("Kent", 153), ("Medway", 28)),
    ),
    Area(
        "Sussex",
        "South Eastern",
        ("Brighton County Court", "Hastings County Court", "Horsham County Court and Family Court"),
        (("Brighton and Hove", 29), ("East Sussex", 55), ("West Sussex", 84)),
    ),
    Area(
        "Surrey",
        "South Eastern",
        ("Guildford County Court", "Staines County Court and Family Court"),
        (("Surrey", 118),),
    ),
    Area("Hertfordshire", "South Eastern", ("Watford County Court and Family Court",), (("Hertfordshire", 118),)),
    Area(
        "Bedfordshire and Milton Keynes",
        "South Eastern",
        ("Luton Justice Centre", "Milton Keynes County Court and Family Court", "Bedford County Court"),
        (("Luton", 21), ("Bedford", 17), ("Central Bedfordshire", 28), ("Milton Keynes", 26)),
    ),
    Area(
        "Thames Valley",
        "South Eastern",
        (
            "Oxford Combined Court Centre",
            "Reading County Court",
            "Slough County Court and Family Court",
            "Aylesbury Family Court",
        ),
        (
            ("Oxfordshire", 68),
            ("Buckinghamshire", 53),
            ("Reading", 16),
            ("West Berkshire", 16),
            ("Wokingham", 16),
            ("Bracknell Forest", 12),
            ("Windsor and Maidenhead", 15),
            ("Slough", 15),
        ),
    ),
    Area(
        "Cambridge and Peterborough",
        "South Eastern",
        ("Peterborough Combined Court Centre", "Cambridge County Court and Family Court"),
        (("Cambridgeshire", 65), ("Peterborough", 19)),
    ),
    Area("Norfolk", "South Eastern", ("Norwich Combined Court Centre", "King's Lynn Family Court"), (("Norfolk", 89),)),
    Area("Suffolk", "South Eastern", ("Ipswich County Court and Family Court",), (("Suffolk", 74),)),
    Area(
        "Central London",
        "London",
        ("Central Family Court",),
        (
            ("Camden", 24),
            ("City of London", 1),
            ("Islington", 23),
            ("Westminster", 24),
            ("Kensington and Chelsea", 16),
            ("Hammersmith and Fulham", 18),
            ("Lambeth", 32),
            ("Southwark", 31),
            ("Wandsworth", 32),
            ("Haringey", 27),
        ),
    ),
    Area(
        "East London",
        "London",
        ("East London Family Court",),
        (
            ("Tower Hamlets", 30),
            ("Newham", 34),
            ("Hackney", 27),
            ("Barking and Dagenham", 21),
            ("Havering", 25),
            ("Redbridge", 30),
            ("Waltham Forest", 27),
        ),
    ),
    Area(
        "West London",
        "London",
        ("West London Family Court", "Barnet Civil and Family Courts Centre"),
        (
            ("Ealing", 34),
            ("Hounslow", 27),
            ("Hillingdon", 30),
            ("Harrow", 25),
            ("Brent", 33),
            ("Barnet", 39),
            ("Enfield", 33),
        ),
    ),
    Area(
        "South London",
        "London",
        (
            "Croydon County Court and Family Court",
            "Bromley County Court and Family Court",
            "Kingston-upon-Thames County Court",
        ),
        (
            ("Croydon", 38),
            ("Bromley", 33),
            ("Sutton", 20),
            ("Merton", 21),
            ("Kingston upon Thames", 17),
            ("Richmond upon Thames", 19),
            ("Lewisham", 30),
            ("Greenwich", 28),
            ("Bexley", 24),
        ),
    ),
    Area(
        "Avon, North Somerset and Gloucestershire",
        "Western",
        (
            "Bristol Civil and Family Justice Centre",
            "Gloucester Family and Civil Court",
            "Weston-super-Mare County Court",
        ),
        (
            ("Bristol, City of", 46),
            ("North Somerset", 21),
            ("South Gloucestershire", 28),
            ("Bath and North East Somerset", 18),
            ("Gloucestershire", 62),
        ),
    ),
    Area(
        "Swindon", "Western", ("Swindon Combined Court", "Salisbury Law Courts"), (("Swindon", 22), ("Wiltshire", 49))
    ),
    Area(
        "Devon and Cornwall",
        "Western",
        (
            "Exeter Combined Court Centre",
            "Plymouth Combined Court",
            "Truro Combined Court",
            "Torquay and Newton Abbot County Court",
        ),
        (("Devon", 78), ("Plymouth", 26), ("Torbay", 13), ("Cornwall", 55), ("Isles of Scilly", 0.2)),
    ),
    Area(
        "Dorset",
        "Western",
        ("Bournemouth and Poole County Court and Family Court", "Weymouth Combined Court"),
        (("Dorset", 42), ("Bournemouth", 19), ("Poole", 15)),
    ),
    Area(
        "Hampshire and Isle of Wight",
        "Western",
        (
            "Portsmouth Combined Court Centre",
            "Southampton Combined Court Centre",
            "Winchester Combined Court Centre",
            "Newport (Isle of Wight) Combined Court",
        ),
        (("Hampshire", 137), ("Portsmouth", 21), ("Southampton", 25), ("Isle of Wight", 14)),
    ),
    Area("Somerset", "Western", ("Taunton Crown, County and Family Court", "Yeovil County Court"), (("Somerset", 54),)),
)
