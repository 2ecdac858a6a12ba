{#- Helpers of the dq_reconciliation audit mart (models/marts/audit/dq_reconciliation.sql) and its tests. -#}

{#- The raw tables the reconciliation accounts for, as [source name, table name] pairs (ECMS so far). The
    balance test counts each of them directly, so a table left out here fails the build. -#}
{% macro dq_reconciled_tables() -%}
    {{ return([
        ['ecms', 'applications'], ['ecms', 'people'], ['ecms', 'ethnicities'], ['ecms', 'religions'],
        ['ecms', 'nationalities'], ['ecms', 'languages'], ['ecms', 'disabilities'],
        ['ecms', 'persons_on_applications'], ['ecms', 'person_relationships'], ['ecms', 'legal_outputs'],
        ['ecms', 'cases']
    ] + dq_reconciled_lookups()) }}
{%- endmacro %}

{#- The lookup tables (every one keyed by `id`). -#}
{% macro dq_reconciled_lookups() -%}
    {%- set out = [] -%}
    {%- for name in ['application_types', 'court_court_levels', 'courts', 'court_levels', 'dfj_areas', 'circuits',
                     'sources', 'ethnicity_types', 'religion_types', 'nationality_types', 'language_types',
                     'disability_types', 'relationship_types', 'legal_output_types', 'law_types',
                     'local_authorities', 'court_forms', 'case_statuses'] -%}
        {%- do out.append(['ecms_ref', name]) -%}
    {%- endfor -%}
    {{ return(out) }}
{%- endmacro %}

{#- The CTEs that account for every raw row of one table of dq_reconciliation, each followed by a comma; the
    last, <t>_counted, has source_name, table_name, raw_table_name, reason_code and n_rows (a count of raw rows;
    a reason no row reached comes out as 0 or NULL). Each raw row is counted once, under the first reason that
    applies:
      1. exclusions: [condition, reason] pairs on the raw columns (alias dq_rows), e.g. a NULL key; a row that
         meets one is excluded with all its copies;
      2. exact_duplicate_row: every copy of a row but one (same value, or both NULL, in every column);
      3. levels: [key columns, reason] pairs, each key within the previous one; of the distinct rows (level 1)
         or keys of the level before (level 2 on) that share a key, all but one go to the reason;
      4. the one left per key of the last level: the first of classes ([condition, reason] pairs on the key
         columns (alias dq_keys) and the relations of class_joins) that holds, else otherwise. A class reads the
         key only, so which row of a key is the one left never changes what is counted.
    Counted with group by, not row_number() windows (sorting millions of wide rows was the cost). Level i holds
    one row per key with n_0 raw rows and n_j keys of level j (j < i); the summary adds n_<last> keys per class.
    Exact copies share every key, so they are looked for only among the rows of a level-1 key with more than one
    raw row (<t>_copies, found through copy_join_columns, non-NULL columns of the level-1 key; default the
    last level's key): level 1's reason gets n_0 - copies - n_1, level i's n_<i-1> - n_i. group by puts NULLs
    together just as partition by does. The exclusion reason is fixed before any join, so a NULL key that the
    class joins cannot match keeps it. screen_columns/screen_joins add derived columns (alias dq_rows joined to
    screen_joins) a level can group on. -#}
{% macro dq_table_reason_ctes(
    table_name, rows_relation, raw_table_name, columns, exclusions, levels, copy_join_columns=none,
    screen_columns=[], screen_joins='', classes=[], class_joins='', otherwise='kept', source_name='ecms'
) -%}
    {%- set n_levels = levels | length -%}
    {%- set join_columns = copy_join_columns or levels[-1][0] -%}
{{ table_name }}_screened as (

    select
        {% for col in columns -%}
        dq_rows.{{ col }},
        {% endfor -%}
        {% for expression in screen_columns -%}
        {{ expression }},
        {% endfor -%}
        case
            {% for exclusion in exclusions -%}
            when {{ exclusion[0] }} then '{{ exclusion[1] }}'
            {% endfor %}
        end as exclusion_reason
    from {{ rows_relation }} as dq_rows
    {%- if screen_joins %}
    {{ screen_joins }}
    {%- endif %}

),
{% for level in levels %}
{{ table_name }}_level_{{ loop.index }} as (

    select
        exclusion_reason,
        {% for col in level[0] -%}
        {{ col }},
        {% endfor -%}
        {% if loop.first -%}
        count(*) as n_0
    from {{ table_name }}_screened
        {%- else -%}
        {% for i in range(loop.index - 1) -%}
        sum(n_{{ i }}) as n_{{ i }},
        {% endfor -%}
        count(*) as n_{{ loop.index - 1 }}
    from {{ table_name }}_level_{{ loop.index - 1 }}
        {%- endif %}
    group by
        exclusion_reason,
        {{ level[0] | join(',\n        ') }}

),
{% endfor %}
{{ table_name }}_repeated_keys as (

    select distinct
        {{ join_columns | join(',\n        ') }}
    from {{ table_name }}_level_1
    where
        exclusion_reason is null
        and n_0 > 1

),

{{ table_name }}_copies as (

    select
        {% for col in columns -%}
        dq_rows.{{ col }},
        {% endfor -%}
        count(*) as n_copies
    from {{ rows_relation }} as dq_rows
    inner join {{ table_name }}_repeated_keys as dq_repeated
        on
            {% for col in join_columns -%}
            {% if not loop.first %}and {% endif %}dq_rows.{{ col }} = dq_repeated.{{ col }}
            {% endfor %}
    where
        case
            {% for exclusion in exclusions -%}
            when {{ exclusion[0] }} then 1
            {% endfor %}
        end is null
    group by
        {% for col in columns -%}
        dq_rows.{{ col }}{% if not loop.last %},{% endif %}
        {% endfor %}
),

{{ table_name }}_duplicates as (

    select coalesce(sum(n_copies - 1), 0) as n_duplicates
    from {{ table_name }}_copies

),

{{ table_name }}_classified as (

    select
        {% for i in range(n_levels) -%}
        dq_keys.n_{{ i }},
        {% endfor -%}
        case when dq_keys.exclusion_reason is null then 0 else 1 end as is_excluded,
        case
            when dq_keys.exclusion_reason is not null then dq_keys.exclusion_reason
            {% for class in classes -%}
            when {{ class[0] }} then '{{ class[1] }}'
            {% endfor -%}
            else '{{ otherwise }}'
        end as reason_code
    from {{ table_name }}_level_{{ n_levels }} as dq_keys
    {%- if class_joins %}
    {{ class_joins }}
    {%- endif %}

),

{{ table_name }}_summary as (

    select
        reason_code,
        is_excluded,
        {% for i in range(n_levels) -%}
        sum(n_{{ i }}) as n_{{ i }},
        {% endfor -%}
        count(*) as n_{{ n_levels }}
    from {{ table_name }}_classified
    group by
        reason_code,
        is_excluded

),

{{ table_name }}_reasons as (

    select
        reason_code,
        n_0 as n_rows
    from {{ table_name }}_summary
    where is_excluded = 1
    union all
    select
        reason_code,
        n_{{ n_levels }} as n_rows
    from {{ table_name }}_summary
    where is_excluded = 0
    union all
    select
        'exact_duplicate_row' as reason_code,
        n_duplicates as n_rows
    from {{ table_name }}_duplicates
    union all
    select
        '{{ levels[0][1] }}' as reason_code,
        sum(dq_summary.n_0) - min(dq_duplicates.n_duplicates) - sum(dq_summary.n_1) as n_rows
    from {{ table_name }}_summary as dq_summary
    cross join {{ table_name }}_duplicates as dq_duplicates
    where dq_summary.is_excluded = 0
    {%- for level in levels[1:] %}
    union all
    select
        '{{ level[1] }}' as reason_code,
        sum(n_{{ loop.index }} - n_{{ loop.index + 1 }}) as n_rows
    from {{ table_name }}_summary
    where is_excluded = 0
    {%- endfor %}

),

{{ table_name }}_counted as (

    select
        cast('{{ source_name }}' as varchar(20)) as source_name,
        cast('{{ table_name }}' as varchar(40)) as table_name,
        cast('{{ raw_table_name | upper }}' as varchar(128)) as raw_table_name,
        reason_code,
        cast(n_rows as bigint) as n_rows
    from {{ table_name }}_reasons

),
{%- endmacro %}
