-- The rows dq_reconciliation calls kept are the rows of the models they feed: people = int_ecms__people,
-- applications (all kept reasons) = int_ecms__applications, persons on applications and legal outputs =
-- their rows in child_applications (ECMS); and, counted another way (distinct keys instead of row numbers),
-- cases = distinct case ids, characteristics = distinct persons, relationships = distinct (person, related
-- person, group). Returns each table whose kept count differs.

with

kept as (

    select
        table_name,
        sum(n_rows) as n_kept
    from {{ ref('dq_reconciliation') }}
    where
        source_name = 'ecms'
        and outcome = 'kept'
    group by table_name

),

child_applications as (

    select
        application_id,
        person_id
    from {{ ref('child_applications') }}
    where source_system = 'ECMS'

),

output_pairs as (

    select distinct
        outputs.application_id,
        outputs.person_id,
        outputs.case_id,
        outputs.legal_output_type_id,
        outputs.ordered_date,
        outputs.is_fpr_rule_16_4
    from {{ ref('int_ecms__legal_outputs') }} as outputs
    inner join child_applications
        on
            outputs.application_id = child_applications.application_id
            and outputs.person_id = child_applications.person_id

),

relatives as (

    -- one per person, related person and group, as int_ecms__child_families reads them
    select distinct
        relationships.person_id,
        relationships.related_person_id,
        coalesce(type_groups.relationship_group, 'extended_family') as relationship_group
    from {{ ref('stg_ecms__person_relationships') }} as relationships
    left join {{ ref('relationship_type_groups') }} as type_groups
        on
            relationships.relationship_type_id = type_groups.relationship_type_id
            and type_groups.source_system = 'ECMS'
    where
        relationships.person_id is not null
        and relationships.related_person_id is not null
        and relationships.person_id <> relationships.related_person_id
        and relationships.relationship_type_id is not null

),

model_counts as (

    select
        cast('people' as varchar(40)) as table_name,
        count(*) as n_model_rows
    from {{ ref('int_ecms__people') }}
    union all
    select
        cast('applications' as varchar(40)) as table_name,
        count(*) as n_model_rows
    from {{ ref('int_ecms__applications') }}
    union all
    select
        cast('persons_on_applications' as varchar(40)) as table_name,
        count(*) as n_model_rows
    from child_applications
    union all
    select
        cast('legal_outputs' as varchar(40)) as table_name,
        count(*) as n_model_rows
    from output_pairs
    union all
    select
        cast('cases' as varchar(40)) as table_name,
        count(distinct case_id) as n_model_rows
    from {{ ref('stg_ecms__cases') }}
    {% for table_name in ['ethnicities', 'religions', 'nationalities', 'languages', 'disabilities'] %}
        union all
        select
            cast('{{ table_name }}' as varchar(40)) as table_name,
            count(distinct person_id) as n_model_rows
        from {{ ref('stg_ecms__' ~ table_name) }}
    {% endfor %}
    union all
    select
        cast('person_relationships' as varchar(40)) as table_name,
        count(*) as n_model_rows
    from relatives

)

select
    model_counts.table_name,
    model_counts.n_model_rows,
    kept.n_kept
from model_counts
left join kept
    on model_counts.table_name = kept.table_name
where coalesce(kept.n_kept, 0) <> model_counts.n_model_rows
