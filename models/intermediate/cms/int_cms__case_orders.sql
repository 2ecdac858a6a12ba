-- One row per CMS case with legal outputs (grain: case_id): one 0/1 flag per category of the var
-- legal_output_categories, the number of distinct outputs, the highest order by the hierarchy seed and the
-- date of the last final order. Replaces 05create_legaloutputs_cms steps 1-6 (seed-pipeline §2C.5). CMS
-- records outputs per case and hearing, not per child, so they can only be attached to every child of the
-- case (§5.15). Fixes §5.15: the category mapping is the published seed legal_output_type_categories (CMS
-- rows) instead of the private Legal_categoriesCMS file; flags are 0/1; the count is "per case", as it is.

with

outputs as (

    -- Repeated rows (equal on every column but the row id, as the Stata step 3) count once.
    select distinct
        case_id,
        case_hearing_id,
        legal_output_type_id,
        further_work_type_id,
        is_cafcass_work,
        expiry_date,
        is_final,
        hearing_date,
        avail_from_date
    from {{ ref('stg_cms__legal_outputs') }}
    where case_id is not null

),

categorised as (

    -- A type missing from the seed is a non-order `other`; a singular test fails the build first.
    select
        outputs.case_id,
        outputs.legal_output_type_id,
        outputs.hearing_date,
        cast(coalesce(type_categories.category, 'other') as varchar(30)) as category,
        cast(coalesce(type_categories.is_order, 0) as smallint) as is_order,
        cast(coalesce(type_categories.is_final_order, 0) as smallint) as is_final_order,
        categories.hierarchy_rank
    from outputs
    left join {{ ref('legal_output_type_categories') }} as type_categories
        on
            outputs.legal_output_type_id = type_categories.legal_output_type_id
            and type_categories.source_system = 'CMS'
    left join {{ ref('legal_output_categories') }} as categories
        on coalesce(type_categories.category, 'other') = categories.category

),

ranked_orders as (

    -- Ties on rank are one category; the remaining columns only make the pick independent of row order.
    select
        case_id,
        category,
        row_number() over (
            partition by case_id
            order by
                hierarchy_rank asc,
                hearing_date desc,
                legal_output_type_id asc
        ) as order_rank
    from categorised
    where is_order = 1

),

highest_orders as (

    select
        case_id,
        category as highest_order_category
    from ranked_orders
    where order_rank = 1

),

summarised as (

    select
        case_id,
        {% for category in var('legal_output_categories') %}
            max(case when category = '{{ category }}' then 1 else 0 end) as order_{{ category }},
        {% endfor %}
        count(*) as n_legal_outputs,
        max(case when is_final_order = 1 then hearing_date end) as final_order_date
    from categorised
    group by case_id

),

final as (

    select
        summarised.case_id,
        {% for category in var('legal_output_categories') %}
            cast(summarised.order_{{ category }} as smallint) as order_{{ category }},
        {% endfor %}
        cast(summarised.n_legal_outputs as integer) as n_legal_outputs,
        cast(highest_orders.highest_order_category as varchar(30)) as highest_order_category,
        summarised.final_order_date
    from summarised
    left join highest_orders
        on summarised.case_id = highest_orders.case_id

)

select * from final
