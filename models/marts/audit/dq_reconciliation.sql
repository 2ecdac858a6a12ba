-- Where every raw row went (grain: source table x reason). Each row of each raw ECMS table is counted once,
-- under the first reason that applies in the order the intermediate models apply their rules: excluded (a
-- key missing, not a child), an exact duplicate, a repeat under another row id, merged into another row of
-- its key by a named rule, or kept. Replaces Stata's unreported `tab _merge` / `duplicates drop` with one
-- table; the data test assert_dq_reconciliation_balances proves rows in = the sum over reasons for every
-- table, against a direct count of the source. Reason codes and their meaning: seed dq_reasons.
-- Rows are read from the staging views (one per raw row, cast only); lookups straight from their sources.
-- Counted per table with group by (macro dq_table_reason_ctes: copies, then keys level by level), not with a
-- row_number() per raw row: at national scale the windows sorted millions of wide rows.

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
{%- set role_classes = [
    ['child_applications.person_id is not null', 'kept'],
    ['people.date_of_birth is null or applications.application_date is null', 'not_a_child_age_unknown'],
    [days_between('people.date_of_birth', 'applications.application_date') ~ ' < 0', 'not_a_child_unborn']
] %}

with

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

relationship_type_groups as (

    select
        relationship_type_id,
        relationship_group
    from {{ ref('relationship_type_groups') }}
    where source_system = 'ECMS'

),

-- person characteristics: int_ecms__person_characteristics reads each (person, code, source) once, and keeps
-- one row per person

{% for table_name, c in characteristics.items() -%}
{{ dq_table_reason_ctes(
    table_name=table_name,
    rows_relation=ref('stg_ecms__' ~ table_name),
    raw_table_name=source('ecms', table_name).identifier,
    columns=[c ~ '_row_id', 'person_id', 'person_id_text', c ~ '_type_id', 'source_id', 'avail_from_date'],
    exclusions=[['dq_rows.person_id is null', 'null_person_id']],
    levels=[
        [['person_id', c ~ '_type_id', 'source_id'], 'repeated_row_other_row_id'],
        [['person_id'], 'several_rows_per_person_characteristic']
    ]
) }}

{% endfor -%}

-- people: int_ecms__people keeps one row per person id

{{ dq_table_reason_ctes(
    table_name='people',
    rows_relation=ref('stg_ecms__people'),
    raw_table_name=source('ecms', 'people').identifier,
    columns=people_columns,
    exclusions=[['dq_rows.person_id is null', 'null_person_id']],
    levels=[[['person_id'], 'several_rows_per_person_id']]
) }}

-- applications: int_ecms__applications keeps one row per application id

{{ dq_table_reason_ctes(
    table_name='applications',
    rows_relation=ref('stg_ecms__applications'),
    raw_table_name=source('ecms', 'applications').identifier,
    columns=application_columns,
    exclusions=[['dq_rows.application_id is null', 'null_application_id']],
    levels=[[['application_id'], 'several_rows_per_application_id']],
    classes=[
        ['child_application_ids.application_id is not null', 'kept'],
        ['applications.n_persons_on_application = 0', 'kept_no_person_on_application']
    ],
    class_joins='left join child_application_ids
        on dq_keys.application_id = child_application_ids.application_id
    left join ' ~ ref('int_ecms__applications') ~ ' as applications
        on dq_keys.application_id = applications.application_id',
    otherwise='kept_no_child_on_application'
) }}

-- cases: int_ecms__cases keeps one row per case id

{{ dq_table_reason_ctes(
    table_name='cases',
    rows_relation=ref('stg_ecms__cases'),
    raw_table_name=source('ecms', 'cases').identifier,
    columns=case_columns,
    exclusions=[['dq_rows.case_id is null', 'null_case_id']],
    levels=[[['case_id'], 'several_rows_per_case_id']]
) }}

-- persons on applications: one role per person and application (int_ecms__person_application_roles), then
-- child_applications keeps subjects and the under-18s

{{ dq_table_reason_ctes(
    table_name='persons_on_applications',
    rows_relation=ref('stg_ecms__persons_on_applications'),
    raw_table_name=source('ecms', 'persons_on_applications').identifier,
    columns=role_columns,
    exclusions=[['dq_rows.application_id is null or dq_rows.person_id is null', 'null_person_or_application_id']],
    levels=[[['application_id', 'person_id'], 'several_role_rows_per_person_application']],
    classes=role_classes,
    class_joins='left join child_applications
        on
            dq_keys.application_id = child_applications.application_id
            and dq_keys.person_id = child_applications.person_id
    left join ' ~ ref('int_ecms__applications') ~ ' as applications
        on dq_keys.application_id = applications.application_id
    left join ' ~ ref('int_ecms__people') ~ ' as people
        on dq_keys.person_id = people.person_id',
    otherwise='not_a_child_adult'
) }}

-- person relationships: family counts read each (person, related person, relationship group) once; the group
-- is NULL for a row without a type, so excluded rows never share a key with kept ones

{{ dq_table_reason_ctes(
    table_name='person_relationships',
    rows_relation=ref('stg_ecms__person_relationships'),
    raw_table_name=source('ecms', 'person_relationships').identifier,
    columns=relationship_columns,
    exclusions=[
        ['dq_rows.person_id is null or dq_rows.related_person_id is null', 'null_person_or_related_person_id'],
        ['dq_rows.person_id = dq_rows.related_person_id', 'self_relationship'],
        ['dq_rows.relationship_type_id is null', 'null_relationship_type']
    ],
    screen_columns=["case
            when dq_rows.relationship_type_id is not null
                then coalesce(relationship_type_groups.relationship_group, 'extended_family')
        end as relationship_group"],
    screen_joins='left join relationship_type_groups
        on dq_rows.relationship_type_id = relationship_type_groups.relationship_type_id',
    levels=[[['person_id', 'related_person_id', 'relationship_group'], 'several_rows_per_person_relative_group']],
    copy_join_columns=['person_id', 'related_person_id']
) }}

-- legal outputs: repeated outputs count once (int_ecms__legal_outputs); only a child's outputs reach
-- child_applications

{{ dq_table_reason_ctes(
    table_name='legal_outputs',
    rows_relation=ref('stg_ecms__legal_outputs'),
    raw_table_name=source('ecms', 'legal_outputs').identifier,
    columns=output_columns,
    exclusions=[['dq_rows.application_id is null or dq_rows.person_id is null', 'null_person_or_application_id']],
    levels=[[output_read_columns, 'repeated_row_other_row_id']],
    copy_join_columns=['application_id', 'person_id'],
    classes=[['child_applications.person_id is not null', 'kept']],
    class_joins='left join child_applications
        on
            dq_keys.application_id = child_applications.application_id
            and dq_keys.person_id = child_applications.person_id',
    otherwise='not_for_a_child_application'
) }}

-- lookups: every row with an id can be joined to

lookup_counted as (

    {% for pair in dq_reconciled_lookups() %}
        select
            cast('{{ pair[0] }}' as varchar(20)) as source_name,
            cast('{{ pair[1] }}' as varchar(40)) as table_name,
            cast('{{ source(pair[0], pair[1]).identifier | upper }}' as varchar(128)) as raw_table_name,
            case when lookup_rows.id is null then 'null_lookup_id' else 'kept' end as reason_code,
            cast(1 as bigint) as n_rows
        from {{ source(pair[0], pair[1]) }} as lookup_rows
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

classified as (

    {% for table_name in characteristics.keys() | list + ['people', 'applications', 'cases',
        'persons_on_applications', 'person_relationships', 'legal_outputs'] -%}
        select * from {{ table_name }}_counted
        union all
    {% endfor -%}
    select * from lookup_counted

),

counted as (

    select
        source_name,
        table_name,
        raw_table_name,
        reason_code,
        sum(n_rows) as n_rows
    from classified
    group by
        source_name,
        table_name,
        raw_table_name,
        reason_code
    -- a reason no row reached (a level with no repeats) has no row, as with a count per raw row
    having sum(n_rows) > 0

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
