{#- The under-18 rule of every system: born on or before the application date and not yet 18 (the Stata rule
    `age < 18`, which is false for an unknown age). A boolean condition, for a where clause or a case. -#}
{% macro is_under_18(days_expr, years_expr) -%}
    ({{ days_expr }} >= 0 and {{ years_expr }} < 18)
{%- endmacro %}


{#- One row per person and application of roles_cte with the person's age on the application date: the body
    of the models' aged CTE. roles_cte has application_id, person_id and role_columns; case_id and
    application_date come from applications_cte (joined on application_id), or from roles_cte when it is none;
    date_of_birth from the people CTE. age_at_application_days is negative when not yet born. -#}
{% macro select_aged(
    roles_cte,
    applications_cte=none,
    role_columns=['role_on_application', 'is_subject', 'is_party', 'has_multiple_roles']
) -%}
    {%- set dates_cte = applications_cte if applications_cte is not none else roles_cte -%}
    select
        {{ roles_cte }}.application_id,
        {{ roles_cte }}.person_id,
        {%- for column in role_columns %}
        {{ roles_cte }}.{{ column }},
        {%- endfor %}
        {{ dates_cte }}.case_id,
        {{ dates_cte }}.application_date,
        people.date_of_birth,
        {{ days_between('people.date_of_birth', dates_cte ~ '.application_date') }} as age_at_application_days,
        {{ age_in_years('people.date_of_birth', dates_cte ~ '.application_date') }} as age_at_application_years
    from {{ roles_cte }}
    {%- if applications_cte is not none %}
    left join {{ applications_cte }}
        on {{ roles_cte }}.application_id = {{ applications_cte }}.application_id
    {%- endif %}
    left join people
        on {{ roles_cte }}.person_id = people.person_id
{%- endmacro %}


{#- The children of an application, as every system defines them (docs/ecms-marts-design.md): the rows of
    aged_cte (one per person and application, with is_subject, age_at_application_days and _years) whose person
    is the subject or is under 18 on the application date, with is_under_18_at_application added. Subjects are
    kept whatever their age, an unknown age included. The body of the models' children CTE. -#}
{% macro select_children(aged_cte='aged') -%}
    {%- set under_18 = is_under_18(aged_cte ~ '.age_at_application_days', aged_cte ~ '.age_at_application_years') -%}
    select
        {{ aged_cte }}.*,
        case
            when {{ under_18 }} then 1
            else 0
        end as is_under_18_at_application
    from {{ aged_cte }}
    where
        {{ aged_cte }}.is_subject = 1
        or {{ under_18 }}
{%- endmacro %}


{#- The harmonised select list of int_<system>__child_applications (names, order and casts of the mart contract,
    docs/ecms-marts-design.md), shared by every source system so that the union in the child_applications mart
    cannot drift. Each column is read from the CTE a model prepares under a standard name:
      children (person_id, application_id, case_id, application_date, role_on_application, is_subject,
        is_under_18_at_application, is_party, has_multiple_roles, date_of_birth, age_at_application_*),
      applications, people, characteristics (ethnicity/religion/nationality/language/has_disability),
      families and orders (order_<category>, n_legal_outputs, highest_order_category, final_order_date).
    Arguments:
      system, country       source_system and country literals; keys are prefixed '<system>-'.
      sources               renames of those CTEs, e.g. {'characteristics': 'people'}.
      overrides             column -> SQL expression read instead of <cte>.<column> (defaults and casts still
                            apply), for a source that records a column differently.
      not_recorded          columns the source does not record: emitted as a typed NULL (no default).
      orders_only_when      a condition; order columns are read only where it holds (else as no order).
      is_order_case_level   0/1 literal: orders recorded per case and attached to each child. -#}
{% macro harmonised_child_application_columns(
    system,
    country,
    sources={},
    overrides={},
    not_recorded=[],
    orders_only_when=none,
    is_order_case_level=0
) -%}
    {%- set cte = {
        'child': 'children', 'application': 'applications', 'person': 'people',
        'characteristics': 'characteristics', 'family': 'families', 'orders': 'orders'
    } -%}
    {%- do cte.update(sources) -%}
    {#- name, source CTE, type (none = as read), default when NULL (none = keep NULL) -#}
    {%- set spec = [
        ['person_id', 'child', none, none],
        ['application_id', 'child', none, none],
        ['case_id', 'child', none, none],
        ['case_key', none, none, none],
        ['application_type_id', 'application', 'integer', none],
        ['application_type_name', 'application', 'varchar(255)', none],
        ['is_s31', 'application', 'smallint', none],
        ['law_type', 'application', 'varchar(7)', "'Unknown'"],
        ['application_date', 'child', none, none],
        ['received_date', 'application', none, none],
        ['completed_date', 'application', none, none],
        ['court_name', 'application', 'varchar(255)', none],
        ['court_level_name', 'application', 'varchar(255)', none],
        ['dfj_area_name', 'application', 'varchar(255)', none],
        ['circuit_name', 'application', 'varchar(255)', none],
        ['local_authority_name', 'application', 'varchar(255)', none],
        ['n_applications_in_case', 'application', 'integer', none],
        ['role_on_application', 'child', 'varchar(10)', none],
        ['is_subject', 'child', 'smallint', none],
        ['is_under_18_at_application', 'child', 'smallint', none],
        ['is_party', 'child', 'smallint', none],
        ['has_multiple_roles', 'child', 'smallint', none],
        ['gender', 'person', 'varchar(7)', "'Unknown'"],
        ['date_of_birth', 'child', none, none],
        ['is_dob_corrected', 'person', 'smallint', none],
        ['age_at_application_days', 'child', 'integer', none],
        ['age_at_application_years', 'child', 'integer', none],
        ['ethnicity_name', 'characteristics', 'varchar(255)', none],
        ['religion_name', 'characteristics', 'varchar(255)', none],
        ['nationality_name', 'characteristics', 'varchar(255)', none],
        ['language_name', 'characteristics', 'varchar(255)', none],
        ['has_disability', 'characteristics', 'varchar(7)', none],
        ['mother_person_id', 'family', none, none],
        ['father_person_id', 'family', none, none],
        ['n_mothers', 'family', 'integer', '0'],
        ['n_fathers', 'family', 'integer', '0'],
        ['mother_date_of_birth', 'family', none, none],
        ['father_date_of_birth', 'family', none, none],
        ['mother_age_at_child_birth_years', 'family', 'integer', none],
        ['n_natural_siblings', 'family', 'integer', '0'],
        ['n_half_siblings', 'family', 'integer', '0'],
        ['n_step_siblings', 'family', 'integer', '0'],
        ['has_extended_family', 'family', 'smallint', '0']
    ] -%}
    {%- for category in var('legal_output_categories') -%}
        {%- do spec.append(['order_' ~ category, 'orders', 'smallint', '0']) -%}
    {%- endfor -%}
    {%- do spec.extend([
        ['is_order_case_level', none, none, none],
        ['n_legal_outputs', 'orders', 'integer', '0'],
        ['highest_order_category', 'orders', 'varchar(30)', none],
        ['final_order_date', 'orders', none, none],
        ['alf_pe', 'person', none, none],
        ['alf_sts_cd', 'person', 'integer', none],
        ['alf_mtch_pct', 'person', 'decimal(7, 6)', none],
        ['has_usable_alf', 'person', 'smallint', '0']
    ]) -%}
    {%- set child = cte['child'] -%}
    cast(
        '{{ system }}-' || cast({{ child }}.application_id as varchar(20))
        || '-' || cast({{ child }}.person_id as varchar(20))
        as varchar(60)
    ) as child_application_key,
    {{ prefixed_key(system ~ '-', child ~ '.person_id') }} as child_id,
    cast('{{ system }}' as varchar(4)) as source_system,
    cast('{{ country }}' as varchar(7)) as country,
    {%- for name, source, type, default in spec %}
        {%- if name == 'case_key' %}
    {{ prefixed_key(system ~ '-', child ~ '.case_id') }} as case_key,
        {%- elif name == 'is_order_case_level' %}
    cast({{ is_order_case_level }} as smallint) as is_order_case_level,
        {%- elif name in not_recorded %}
    cast(null as {{ type }}) as {{ name }}{{ ',' if not loop.last }}
        {%- else %}
            {%- set expr = overrides.get(name, cte[source] ~ '.' ~ name) -%}
            {%- if source == 'orders' and orders_only_when is not none -%}
                {%- set expr = 'case when ' ~ orders_only_when ~ ' then ' ~ expr ~ ' end' -%}
            {%- endif -%}
            {%- if default is not none -%}
                {%- set expr = 'coalesce(' ~ expr ~ ', ' ~ default ~ ')' -%}
            {%- endif %}
    {% if type is not none %}cast({{ expr }} as {{ type }}){% else %}{{ expr }}{% endif %} as {{ name }}
            {{- ',' if not loop.last }}
        {%- endif %}
    {%- endfor %}
{%- endmacro %}


{#- The harmonised select list of int_<system>__cases (mart contract, docs/ecms-marts-design.md), read by name
    from the model's joined CTE (case_id, law_type, local_authority_name, court_name, case_status_name,
    case_start_date, case_received_date, case_closed_date, case_reopened_date, n_applications, n_children,
    has_s31_application, final_order_date, duration_days). not_recorded: columns the source does not record,
    emitted as a typed NULL. is_within_26_weeks is NULL for a case with no s31 application. -#}
{% macro harmonised_case_columns(system, country, not_recorded=[]) -%}
    {%- set spec = [
        ['case_id', none, none],
        ['law_type', 'varchar(7)', "'Unknown'"],
        ['local_authority_name', 'varchar(255)', none],
        ['court_name', 'varchar(255)', none],
        ['case_status_name', 'varchar(255)', none],
        ['case_start_date', 'date', none],
        ['case_received_date', 'date', none],
        ['case_closed_date', 'date', none],
        ['case_reopened_date', 'date', none],
        ['n_applications', 'integer', none],
        ['n_children', 'integer', none],
        ['has_s31_application', 'smallint', none],
        ['final_order_date', 'date', none],
        ['duration_days', 'integer', none]
    ] -%}
    {#- dates are read as they are (already date), so only a not-recorded date is cast -#}
    {%- set as_read = ['case_id', 'case_start_date', 'case_received_date', 'case_closed_date',
        'case_reopened_date', 'final_order_date'] -%}
    {{ prefixed_key(system ~ '-', 'case_id') }} as case_key,
    cast('{{ system }}' as varchar(4)) as source_system,
    cast('{{ country }}' as varchar(7)) as country,
    {%- for name, type, default in spec %}
        {%- if name in not_recorded %}
    cast(null as {{ type }}) as {{ name }},
        {%- elif name in as_read %}
    {{ name }},
        {%- elif default is not none %}
    cast(coalesce({{ name }}, {{ default }}) as {{ type }}) as {{ name }},
        {%- else %}
    cast({{ name }} as {{ type }}) as {{ name }},
        {%- endif %}
    {%- endfor %}
    cast(
        case
            when has_s31_application = 1 and duration_days <= {{ var('target_duration_days') }} then 1
            when has_s31_application = 1 and duration_days > {{ var('target_duration_days') }} then 0
        end
        as smallint
    ) as is_within_26_weeks
{%- endmacro %}
