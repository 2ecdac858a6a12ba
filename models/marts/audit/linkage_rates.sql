-- SAIL linkage (ALF) rates by source system, law type, year of application and role: the matching-rate table
-- of the Cafcass Cymru data-resource paper, for any refresh and for every system. Each person counts once per
-- cell. Small numbers are suppressed (macros/suppress_small_number.sql); a cell is withheld whole when any of
-- its counts, or the people without an ALF they imply, is suppressed, so no count can be worked back.

with

england as (

    -- England's two systems share one shape: role per person-application, application, person.
    {% for system in ['ecms', 'cms'] %}
        {% if not loop.first %}union all{% endif %}
        select
            person_roles.person_id,
            person_roles.role_on_application,
            '{{ system | upper }}' as source_system,
            'England' as country,
            coalesce(applications.law_type, 'Unknown') as law_type,
            year(coalesce(applications.application_date, applications.received_date)) as application_year,
            coalesce(people.has_usable_alf, 0) as has_usable_alf,
            case when people.alf_pe is null then 0 else 1 end as has_alf
        from {{ ref('int_' ~ system ~ '__person_application_roles') }} as person_roles
        left join {{ ref('int_' ~ system ~ '__applications') }} as applications
            on person_roles.application_id = applications.application_id
        left join {{ ref('int_' ~ system ~ '__people') }} as people
            on person_roles.person_id = people.person_id
    {% endfor %}

),

cafw as (

    select
        person_id,
        role_on_application,
        law_type,
        application_year,
        has_usable_alf,
        'CAFW' as source_system,
        'Wales' as country,
        case when alf_pe is null then 0 else 1 end as has_alf
    from {{ ref('int_cafw__person_applications') }}

),

person_cells as (

    -- One row per person per cell: a person on several applications of one year and role counts once.
    select distinct
        source_system,
        country,
        law_type,
        application_year,
        role_on_application,
        person_id,
        has_usable_alf,
        has_alf
    from england
    union all
    select distinct
        source_system,
        country,
        law_type,
        application_year,
        role_on_application,
        person_id,
        has_usable_alf,
        has_alf
    from cafw

),

counts as (

    select
        source_system,
        country,
        law_type,
        application_year,
        role_on_application,
        count(*) as n_people,
        sum(has_alf) as n_with_alf,
        sum(has_usable_alf) as n_with_usable_alf
    from person_cells
    group by
        source_system,
        country,
        law_type,
        application_year,
        role_on_application

),

flagged as (

    select
        counts.*,
        case
            when
                {{ is_small_number_suppressed('n_people') }} = 1
                or {{ is_small_number_suppressed('n_with_alf') }} = 1
                or {{ is_small_number_suppressed('n_with_usable_alf') }} = 1
                or {{ is_small_number_suppressed('n_people - n_with_alf') }} = 1
                or {{ is_small_number_suppressed('n_people - n_with_usable_alf') }} = 1
                then 1
            else 0
        end as is_suppressed
    from counts

),

final as (

    select
        cast(
            source_system || '-' || law_type || '-'
            || coalesce(cast(application_year as varchar(4)), 'none') || '-' || role_on_application
            as varchar(40)
        ) as linkage_rate_key,
        cast(source_system as varchar(4)) as source_system,
        cast(country as varchar(7)) as country,
        cast(law_type as varchar(7)) as law_type,
        cast(application_year as integer) as application_year,
        cast(role_on_application as varchar(10)) as role_on_application,
        cast(case when is_suppressed = 0 then n_people end as integer) as n_people,
        cast(case when is_suppressed = 0 then n_with_alf end as integer) as n_with_alf,
        cast(case when is_suppressed = 0 then n_with_usable_alf end as integer) as n_with_usable_alf,
        cast(
            case when is_suppressed = 0 then cast(n_with_alf as decimal(12, 4)) / n_people end
            as decimal(7, 6)
        ) as alf_rate,
        cast(
            case when is_suppressed = 0 then cast(n_with_usable_alf as decimal(12, 4)) / n_people end
            as decimal(7, 6)
        ) as usable_alf_rate,
        cast(is_suppressed as smallint) as is_suppressed
    from flagged

)

select * from final
