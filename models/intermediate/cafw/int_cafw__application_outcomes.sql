-- One row per hearing outcome and application it applies to (grain: application_id x hearing_outcome_id),
-- through the bridge HEARINGOUTCOMEAPPLICATION, with the hearing date and the category of the outcome name
-- (CAFW rows of the seed legal_output_type_categories, joined on the name: CAFW has no codes). Rows repeated
-- whole count once; an outcome whose hearing row is missing keeps a NULL date. `is_final` is CAFW's own
-- CAP_HEARINGOUTCOMEFINALNAME = 'Yes' (as public SAIL code selects final outcomes).

with

outcome_rows as (

    select distinct
        hearing_outcome_id,
        hearing_id,
        outcome_type_name,
        is_final
    from {{ ref('stg_cafw__hearing_outcomes') }}
    where hearing_outcome_id is not null

),

outcomes as (

    -- One row per outcome id even if the extract held differing rows for it: a full tie-break.
    select
        outcome_rows.*,
        row_number() over (
            partition by hearing_outcome_id
            order by
                is_final desc,
                outcome_type_name asc,
                hearing_id asc
        ) as row_rank
    from outcome_rows

),

bridge as (

    select distinct
        application_id,
        hearing_outcome_id
    from {{ ref('stg_cafw__hearing_outcome_applications') }}
    where
        application_id is not null
        and hearing_outcome_id is not null

),

hearings as (

    select
        hearing_id,
        min(hearing_date) as hearing_date
    from {{ ref('stg_cafw__hearings') }}
    where hearing_id is not null
    group by hearing_id

),

type_categories as (

    select
        category,
        is_order,
        is_final_order,
        upper(trim(legal_output_type_name)) as type_key
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'CAFW'

),

final as (

    select
        bridge.application_id,
        bridge.hearing_outcome_id,
        outcomes.hearing_id,
        outcomes.outcome_type_name,
        hearings.hearing_date as outcome_date,
        cast(coalesce(outcomes.is_final, 0) as smallint) as is_final,
        -- A name missing from the seed is a non-order `other`; a singular test names it first.
        cast(coalesce(type_categories.category, 'other') as varchar(30)) as category,
        cast(coalesce(type_categories.is_order, 0) as smallint) as is_order,
        cast(coalesce(type_categories.is_final_order, 0) as smallint) as is_final_order,
        cast(categories.hierarchy_rank as integer) as hierarchy_rank
    from bridge
    inner join outcomes
        on
            bridge.hearing_outcome_id = outcomes.hearing_outcome_id
            and outcomes.row_rank = 1
    left join hearings
        on outcomes.hearing_id = hearings.hearing_id
    left join type_categories
        on upper(outcomes.outcome_type_name) = type_categories.type_key
    left join {{ ref('legal_output_categories') }} as categories
        on coalesce(type_categories.category, 'other') = categories.category

)

select * from final
