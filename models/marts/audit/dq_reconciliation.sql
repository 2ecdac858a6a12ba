-- Where every raw row went (grain: source table x reason). Each row of each raw ECMS table is counted once,
-- under the first reason that applies in the order the intermediate models apply their rules: excluded (a
-- key missing, not a child), an exact duplicate, a repeat under another row id, merged into another row of
-- its key by a named rule, or kept. Replaces Stata's unreported `tab _merge` / `duplicates drop` with one
-- table; the data test assert_dq_reconciliation_balances proves rows in = the sum over reasons for every
-- table, against a direct count of the source. Reason codes and their meaning: seed dq_reasons.
-- Rows are read from the staging views (one per raw row, cast only); lookups straight from their sources.

{%- set people_columns = ['person_id', 'person_id_text', 'alf_pe', 'alf_sts_cd', 'alf_mtch_pct', 'alf2_pe',
    'gender_text', 'week_of_birth', 'birth_month_for_linkage', 'avail_from_date'] -%}
{%- set application_columns = ['application_id', 'case_id', 'application_type_id', 'court_court_level_id',
    'revocation_applicant_type_id', 'application_reason_id', 'application_date', 'received_date', 'notified_date',
    'completed_date', 'application_completed_date', 'new_application_date', 'avail_from_date'] -%}
{%- set case_columns = ['case_id', 'court_court_level_id', 'law_type_id', 'local_authority_id', 'court_form_id',
    'case_status_id', 'harm_text', 'has_harm', 'received_date', 'closed_date', 'reopened_date', 'avail_from_date'] -%}
{%- set role_columns = ['person_on_application_row_id', 'person_id', 'person_id_text', 'application_id',
    'is_subject', 'is_respondent', 'is_applicant', 'is_other', 'is_subject_party', 'is_other_party',
    'avail_from_date'] -%}
{%- set relationship_columns = ['person_relationship_row_id', 'person_id', 'person_id_text', 'related_person_id',
    'related_person_id_text', 'relationship_type_id', 'parental_responsibility_type_id', 'relationship_male_name',
    'relationship_female_name', 'avail_from_date'] -%}
{%- set relationship_columns_qualified = [] -%}
{%- for col in relationship_columns -%}
    {%- do relationship_columns_qualified.append('relationships.' ~ col) -%}
{%- endfor -%}
{%- set output_columns = ['legal_output_row_id', 'person_id', 'person_id_text', 'application_id', 'case_id',
    'legal_output_type_id', 'is_fpr_rule_16_4', 'ordered_date', 'avail_from_date'] -%}
{%- set output_read_columns = ['person_id', 'application_id', 'case_id', 'legal_output_type_id', 'ordered_date',
    'is_fpr_rule_16_4'] -%}
{%- set characteristics = {
    'ethnicities': 'ethnicity',
    'religions': 'religion',
    'nationalities': 'nationality',
    'languages': 'language',
    'disabilities': 'disability'
} %}

with

{% for table_name, c in characteristics.items() -%}
{{ dq_characteristic_ctes(
    table_name=table_name,
    c=c,
    rows_relation=ref('stg_ecms__' ~ table_name),
    raw_table_name=source('ecms', table_name).identifier
) }}

{% endfor -%}

child_applications as (

    select
        application_id,
        person_id
    from {{ ref('child_applications') }}
    where source_system = 'ECMS'

),

child_application_ids as (

    select distinct application_id
    from child_applications

),

-- people: int_ecms__people keeps one row per person id

people_copies as (

    select
        people.*,
        {{ dq_row_number(people_columns, people_columns) }} as copy_rank
    from {{ ref('stg_ecms__people') }} as people

),

people_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('people' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'people').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when person_id is null then 'null_person_id'
            when copy_rank > 1 then 'exact_duplicate_row'
            when
                {{ dq_row_number(['person_id'], ['copy_rank'] + people_columns) }} > 1
                then 'several_rows_per_person_id'
            else 'kept'
        end as reason_code
    from people_copies

),

-- applications: int_ecms__applications keeps one row per application id

application_copies as (

    select
        applications.*,
        {{ dq_row_number(application_columns, application_columns) }} as copy_rank
    from {{ ref('stg_ecms__applications') }} as applications

),

application_ranked as (

    select
        application_copies.application_id,
        application_copies.copy_rank,
        {{ dq_row_number(['application_id'], ['copy_rank'] + application_columns) }} as key_rank
    from application_copies

),

application_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('applications' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'applications').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when application_ranked.application_id is null then 'null_application_id'
            when application_ranked.copy_rank > 1 then 'exact_duplicate_row'
            when application_ranked.key_rank > 1 then 'several_rows_per_application_id'
            when child_application_ids.application_id is not null then 'kept'
            when applications.n_persons_on_application = 0 then 'kept_no_person_on_application'
            else 'kept_no_child_on_application'
        end as reason_code
    from application_ranked
    left join child_application_ids
        on application_ranked.application_id = child_application_ids.application_id
    left join {{ ref('int_ecms__applications') }} as applications
        on application_ranked.application_id = applications.application_id

),

-- cases: int_ecms__cases keeps one row per case id

case_copies as (

    select
        cases.*,
        {{ dq_row_number(case_columns, case_columns) }} as copy_rank
    from {{ ref('stg_ecms__cases') }} as cases

),

case_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('cases' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'cases').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when case_id is null then 'null_case_id'
            when copy_rank > 1 then 'exact_duplicate_row'
            when {{ dq_row_number(['case_id'], ['copy_rank'] + case_columns) }} > 1 then 'several_rows_per_case_id'
            else 'kept'
        end as reason_code
    from case_copies

),

-- persons on applications: one role per person and application (int_ecms__person_application_roles), then
-- child_applications keeps subjects and the under-18s

role_copies as (

    select
        role_rows.*,
        {{ dq_row_number(role_columns, role_columns) }} as copy_rank
    from {{ ref('stg_ecms__persons_on_applications') }} as role_rows

),

role_ranked as (

    select
        application_id,
        person_id,
        copy_rank,
        {{ dq_row_number(['application_id', 'person_id'], ['copy_rank'] + role_columns) }} as key_rank
    from role_copies

),

role_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('persons_on_applications' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'persons_on_applications').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when role_ranked.application_id is null or role_ranked.person_id is null
                then 'null_person_or_application_id'
            when role_ranked.copy_rank > 1 then 'exact_duplicate_row'
            when role_ranked.key_rank > 1 then 'several_role_rows_per_person_application'
            when child_applications.person_id is not null then 'kept'
            when people.date_of_birth is null or applications.application_date is null then 'not_a_child_age_unknown'
            when {{ days_between('people.date_of_birth', 'applications.application_date') }} < 0
                then 'not_a_child_unborn'
            else 'not_a_child_adult'
        end as reason_code
    from role_ranked
    left join child_applications
        on
            role_ranked.application_id = child_applications.application_id
            and role_ranked.person_id = child_applications.person_id
    left join {{ ref('int_ecms__applications') }} as applications
        on role_ranked.application_id = applications.application_id
    left join {{ ref('int_ecms__people') }} as people
        on role_ranked.person_id = people.person_id

),

-- person relationships: family counts read each (person, related person, relationship group) once

relationship_type_groups as (

    select
        relationship_type_id,
        relationship_group
    from {{ ref('relationship_type_groups') }}
    where source_system = 'ECMS'

),

relationship_copies as (

    select
        relationships.*,
        -- NULL for a row without a type, so excluded rows never share a key with kept ones
        case
            when relationships.relationship_type_id is not null
                then coalesce(relationship_type_groups.relationship_group, 'extended_family')
        end as relationship_group,
        {{ dq_row_number(relationship_columns_qualified, relationship_columns_qualified) }} as copy_rank
    from {{ ref('stg_ecms__person_relationships') }} as relationships
    left join relationship_type_groups
        on relationships.relationship_type_id = relationship_type_groups.relationship_type_id

),

relationship_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('person_relationships' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'person_relationships').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when person_id is null or related_person_id is null then 'null_person_or_related_person_id'
            when person_id = related_person_id then 'self_relationship'
            when relationship_type_id is null then 'null_relationship_type'
            when copy_rank > 1 then 'exact_duplicate_row'
            when
                {{ dq_row_number(['person_id', 'related_person_id', 'relationship_group'],
                    ['copy_rank'] + relationship_columns) }} > 1
                then 'several_rows_per_person_relative_group'
            else 'kept'
        end as reason_code
    from relationship_copies

),

-- legal outputs: repeated outputs count once (int_ecms__legal_outputs); only a child's outputs reach
-- child_applications

output_copies as (

    select
        outputs.*,
        {{ dq_row_number(output_columns, output_columns) }} as copy_rank
    from {{ ref('stg_ecms__legal_outputs') }} as outputs

),

output_ranked as (

    select
        application_id,
        person_id,
        copy_rank,
        {{ dq_row_number(output_read_columns, ['copy_rank'] + output_columns) }} as repeat_rank
    from output_copies

),

output_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('legal_outputs' as varchar(40)) as table_name,
        cast('{{ source('ecms', 'legal_outputs').identifier | upper }}' as varchar(128)) as raw_table_name,
        case
            when output_ranked.application_id is null or output_ranked.person_id is null
                then 'null_person_or_application_id'
            when output_ranked.copy_rank > 1 then 'exact_duplicate_row'
            when output_ranked.repeat_rank > 1 then 'repeated_row_other_row_id'
            when child_applications.person_id is not null then 'kept'
            else 'not_for_a_child_application'
        end as reason_code
    from output_ranked
    left join child_applications
        on
            output_ranked.application_id = child_applications.application_id
            and output_ranked.person_id = child_applications.person_id

),

-- lookups: every row with an id can be joined to
-- (person characteristics: the first CTEs, macro dq_characteristic_ctes)

lookup_classified as (

    {% for pair in dq_reconciled_lookups() %}
        select
            cast('{{ pair[0] }}' as varchar(20)) as source_name,
            cast('{{ pair[1] }}' as varchar(40)) as table_name,
            cast('{{ source(pair[0], pair[1]).identifier | upper }}' as varchar(128)) as raw_table_name,
            case when lookup_rows.id is null then 'null_lookup_id' else 'kept' end as reason_code
        from {{ source(pair[0], pair[1]) }} as lookup_rows
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

classified as (

    select * from people_classified
    union all
    select * from application_classified
    union all
    select * from case_classified
    union all
    select * from role_classified
    {% for table_name in characteristics %}
        union all
        select * from {{ table_name }}_classified
    {% endfor %}
    union all
    select * from relationship_classified
    union all
    select * from output_classified
    union all
    select * from lookup_classified

),

counted as (

    select
        source_name,
        table_name,
        raw_table_name,
        reason_code,
        count(*) as n_rows
    from classified
    group by
        source_name,
        table_name,
        raw_table_name,
        reason_code

),

final as (

    select
        cast(
            'ECMS-' || counted.source_name || '.' || counted.table_name || '-' || counted.reason_code
            as varchar(120)
        ) as dq_reconciliation_key,
        cast('ECMS' as varchar(4)) as source_system,
        counted.source_name,
        counted.table_name,
        counted.raw_table_name,
        cast(reasons.outcome as varchar(10)) as outcome,
        cast(counted.reason_code as varchar(40)) as reason_code,
        cast(reasons.description as varchar(255)) as reason_description,
        cast(counted.n_rows as bigint) as n_rows,
        cast(sum(counted.n_rows) over (partition by counted.source_name, counted.table_name) as bigint)
            as n_rows_in_table
    from counted
    left join {{ ref('dq_reasons') }} as reasons
        on counted.reason_code = reasons.reason_code

)

select * from final
