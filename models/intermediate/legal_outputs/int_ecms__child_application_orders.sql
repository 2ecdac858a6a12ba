-- One row per person and application that has legal outputs (grain: application_id x person_id): one 0/1
-- flag per category of the var legal_output_categories, the number of outputs, the highest order by the
-- hierarchy seed and the date of the last final order. Replaces 015create_legaloutputs steps 7-8
-- (seed-pipeline §2.6). Fixes §5.11/§5.15: flags are 0/1 (not 1/empty), every category has a column
-- whether or not it occurs, and the count and highest order that Stata computed and discarded are kept.

with

outputs as (

    select * from {{ ref('int_ecms__legal_outputs') }}

),

ranked_orders as (

    -- The highest order: lowest hierarchy rank among the outputs that are orders; ties on rank are one
    -- category, so the remaining columns only make the pick independent of row order.
    select
        application_id,
        person_id,
        category,
        row_number() over (
            partition by application_id, person_id
            order by
                hierarchy_rank asc,
                ordered_date desc,
                legal_output_type_id asc
        ) as order_rank
    from outputs
    where is_order = 1

),

highest_orders as (

    select
        application_id,
        person_id,
        category as highest_order_category
    from ranked_orders
    where order_rank = 1

),

summarised as (

    select
        application_id,
        person_id,
        {% for category in var('legal_output_categories') %}
            max(case when category = '{{ category }}' then 1 else 0 end) as order_{{ category }},
        {% endfor %}
        count(*) as n_legal_outputs,
        max(case when is_final_order = 1 then ordered_date end) as final_order_date
    from outputs
    group by
        application_id,
        person_id

),

final as (

    select
        summarised.application_id,
        summarised.person_id,
        {% for category in var('legal_output_categories') %}
            cast(summarised.order_{{ category }} as smallint) as order_{{ category }},
        {% endfor %}
        cast(summarised.n_legal_outputs as integer) as n_legal_outputs,
        cast(highest_orders.highest_order_category as varchar(30)) as highest_order_category,
        summarised.final_order_date
    from summarised
    left join highest_orders
        on
            summarised.application_id = highest_orders.application_id
            and summarised.person_id = highest_orders.person_id

)

select * from final
