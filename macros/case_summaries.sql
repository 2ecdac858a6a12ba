{#- Per-case summaries shared by every int_<system>__cases model (bodies of its CTEs). -#}

{#- One row per case_id of applications_cte (rows with a case id): the case start (earliest application date),
    the number of applications and whether any is under s31; extra_columns are further aggregates, as SQL. -#}
{% macro case_application_summary(applications_cte='applications', extra_columns=[]) -%}
    select
        case_id,
        min(application_date) as case_start_date,
        count(*) as n_applications,
        max(case when is_s31 = 1 then 1 else 0 end) as has_s31_application
        {%- for column in extra_columns %},
        {{ column }}
        {%- endfor %}
    from {{ applications_cte }}
    group by case_id
{%- endmacro %}


{#- One row per case of child_applications (the ref of int_<system>__child_applications): its distinct
    children and its latest final order date. -#}
{% macro case_child_summary(child_applications) -%}
    select
        case_id,
        count(distinct person_id) as n_children,
        max(final_order_date) as final_order_date
    from {{ child_applications }}
    where case_id is not null
    group by case_id
{%- endmacro %}
