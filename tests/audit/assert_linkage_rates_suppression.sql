-- Small-number suppression holds in linkage_rates: a withheld cell shows no count or rate, and a shown cell has
-- no count (nor implied count of people without a usable ALF) that the threshold should have withheld.
-- Returns the offending cells.

select
    linkage_rate_key,
    n_people,
    n_with_alf,
    n_with_usable_alf,
    is_suppressed
from {{ ref('linkage_rates') }}
where
    (
        is_suppressed = 1
        and (
            n_people is not null
            or n_with_alf is not null
            or n_with_usable_alf is not null
            or alf_rate is not null
            or usable_alf_rate is not null
        )
    )
    or (
        is_suppressed = 0
        and (
            n_people is null
            or n_with_usable_alf > n_people
            or n_with_alf < n_with_usable_alf
            or (n_people > 0 and n_people < {{ var('small_number_threshold') }})
            or (n_with_usable_alf > 0 and n_with_usable_alf < {{ var('small_number_threshold') }})
            or (
                n_people - n_with_usable_alf > 0
                and n_people - n_with_usable_alf < {{ var('small_number_threshold') }}
            )
        )
    )
