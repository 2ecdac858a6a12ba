-- Children by age band at their first application (seed age_bands, in band order) and source system.
-- Counts below var small_number_threshold are suppressed (NULL).

with

counted as (

    select
        children.source_system,
        age_bands.band_order,
        coalesce(children.age_band_at_first_application, 'Age unknown') as age_band,
        count(*) as n_children
    from {{ ref('children') }} as children
    left join {{ ref('age_bands') }} as age_bands
        on children.age_band_at_first_application = age_bands.band_name
    group by
        children.source_system,
        age_bands.band_order,
        coalesce(children.age_band_at_first_application, 'Age unknown')

)

select
    source_system,
    band_order,
    age_band,
    {{ suppress_small_number('n_children') }} as n_children,
    {{ is_small_number_suppressed('n_children') }} as is_suppressed
from counted
order by
    source_system asc,
    band_order asc
