-- One row per distinct ECMS legal output (person x application x type x date x r16.4 flag x case), with
-- its category from the seeds. Replaces 015create_legaloutputs steps 1-6 (seed-pipeline §2.6). Fixes §5.15:
-- the category mapping is a published seed instead of the private Legal_categories file, no position-based
-- name overwrites are needed (the join is on the type id), and the order flag, final flag and hierarchy
-- rank are kept for the per-child summaries.

with

outputs as (

    -- Repeated rows (equal on every column but the row id, as the Stata step 3) count once.
    select distinct
        person_id,
        application_id,
        case_id,
        legal_output_type_id,
        ordered_date,
        is_fpr_rule_16_4
    from {{ ref('stg_ecms__legal_outputs') }}
    where
        person_id is not null
        and application_id is not null

),

type_categories as (

    select
        legal_output_type_id,
        category,
        is_order,
        is_final_order
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'ECMS'

),

final as (

    select
        outputs.person_id,
        outputs.application_id,
        outputs.case_id,
        outputs.legal_output_type_id,
        output_types.legal_output_type_name,
        outputs.ordered_date,
        outputs.is_fpr_rule_16_4,
        -- A type missing from the seed is a non-order `other`; a singular test fails the build first.
        cast(coalesce(type_categories.category, 'other') as varchar(30)) as category,
        cast(coalesce(type_categories.is_order, 0) as smallint) as is_order,
        cast(coalesce(type_categories.is_final_order, 0) as smallint) as is_final_order,
        cast(categories.hierarchy_rank as integer) as hierarchy_rank
    from outputs
    left join {{ ref('stg_ecms__legal_output_types') }} as output_types
        on outputs.legal_output_type_id = output_types.legal_output_type_id
    left join type_categories
        on outputs.legal_output_type_id = type_categories.legal_output_type_id
    left join {{ ref('legal_output_categories') }} as categories
        on coalesce(type_categories.category, 'other') = categories.category

)

select * from final
