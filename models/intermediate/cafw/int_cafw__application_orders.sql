-- One row per application with hearing outcomes (grain: application_id): one 0/1 flag per category of the
-- var legal_output_categories, the number of outcomes, the highest order by the hierarchy seed and the date
-- of the last final outcome, as int_ecms__child_application_orders does per child. CAFW records outcomes per
-- application (not per child), so every child on the application gets them.

with

outcomes as (

    select * from {{ ref('int_cafw__application_outcomes') }}

),

ranked_orders as (

    select
        application_id,
        category,
        row_number() over (
            partition by application_id
            order by
                hierarchy_rank asc,
                outcome_date desc,
                hearing_outcome_id asc
        ) as order_rank
    from outcomes
    where is_order = 1

),

highest_orders as (

    select
        application_id,
        category as highest_order_category
    from ranked_orders
    where order_rank = 1

),

summarised as (

    select
        application_id,
        {% for category in var('legal_output_categories') %}
            max(case when category = '{{ category }}' then 1 else 0 end) as order_{{ category }},
        {% endfor %}
        count(*) as n_legal_outputs,
        max(case when is_final = 1 then outcome_date end) as final_order_date
    from outcomes
    group by application_id

),

final as (

    select
        summarised.application_id,
        {% for category in var('legal_output_categories') %}
            cast(summarised.order_{{ category }} as smallint) as order_{{ category }},
        {% endfor %}
        cast(summarised.n_legal_outputs as integer) as n_legal_outputs,
        cast(highest_orders.highest_order_category as varchar(30)) as highest_order_category,
        summarised.final_order_date
    from summarised
    left join highest_orders
        on summarised.application_id = highest_orders.application_id

)

select * from final
