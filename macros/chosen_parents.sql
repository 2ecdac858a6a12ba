{#- The choice of one mother and one father per person and application, shared by every source system
    (fixes seed-pipeline §5.14: one person chosen by a full ranking, every attribute from that person). Emits
    the CTEs parent_candidates, ranked_parents, chosen_mothers and chosen_fathers (one row per person_id,
    application_id, parent_role), to be placed in the model's with-list. It reads:
      parents                  child_person_id, parent_person_id, parent_role ('Mother'/'Father'/other),
                               parent_date_of_birth, and extra_parent_columns;
      children_cte             person_id, application_id, case_id: the rows that get a parent;
      same_application_cte     person_id, application_id, distinct: who is on which application;
      same_case_cte            person_id, case_id, distinct: who is in which case.
    Ranking: on the child's application, then in the child's case, then has a DOB, then lowest person id. The
    two lookups are distinct, so their left joins add no rows. -#}
{% macro chosen_parent_ctes(
    children_cte,
    same_application_cte,
    same_case_cte='person_cases',
    extra_parent_columns=[]
) -%}
parent_candidates as (

    -- Every mother or father of the person, once per application of the person, with the ranking facts.
    select
        {{ children_cte }}.person_id,
        {{ children_cte }}.application_id,
        parents.parent_person_id,
        parents.parent_role,
        parents.parent_date_of_birth,
        {%- for column in extra_parent_columns %}
        parents.{{ column }},
        {%- endfor %}
        case when same_application.person_id is null then 0 else 1 end as is_on_same_application,
        case when same_case.person_id is null then 0 else 1 end as is_in_same_case
    from {{ children_cte }}
    inner join parents
        on {{ children_cte }}.person_id = parents.child_person_id
    left join {{ same_application_cte }} as same_application
        on
            parents.parent_person_id = same_application.person_id
            and {{ children_cte }}.application_id = same_application.application_id
    left join {{ same_case_cte }} as same_case
        on
            parents.parent_person_id = same_case.person_id
            and {{ children_cte }}.case_id = same_case.case_id
    where parents.parent_role in ('Mother', 'Father')

),

ranked_parents as (

    select
        parent_candidates.*,
        row_number() over (
            partition by person_id, application_id, parent_role
            order by
                is_on_same_application desc,
                is_in_same_case desc,
                case when parent_date_of_birth is null then 0 else 1 end desc,
                parent_person_id asc
        ) as parent_rank
    from parent_candidates

),

chosen_mothers as (

    select * from ranked_parents
    where parent_role = 'Mother' and parent_rank = 1

),

chosen_fathers as (

    select * from ranked_parents
    where parent_role = 'Father' and parent_rank = 1

)
{%- endmacro %}
