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

{#- row_number() over the partition, ordered by the given columns (each ascending). Used to number the copies
    of a row and the rows of a key; only "is this row number 1" is read, and rows that tie on every ordering
    column are identical on what is counted, so the count never depends on row order. -#}
{#- Laid out for a call in a select list (8 spaces in), which sqlfluff checks inside dq_characteristic_ctes. -#}
{% macro dq_row_number(partition_columns, order_columns) -%}
row_number() over (
            partition by {{ partition_columns | join(', ') }}
            order by {{ order_columns | join(' asc, ') }} asc
        )
{%- endmacro %}

{#- The three CTEs of one characteristic table in dq_reconciliation, each followed by a comma:
    <table>_copies (copy number of each whole row), <table>_ranked (repeat number within person, code and
    source, as int_ecms__person_characteristics reads them; row number within the person, ordered so that
    row 1 is the first row of its (code, source) group, i.e. never a copy or a repeat) and
    <table>_classified (source_name, table_name, raw_table_name, reason_code per raw row).
    c = the characteristic's column prefix (ethnicity -> ethnicity_row_id, ethnicity_type_id). -#}
{% macro dq_characteristic_ctes(table_name, c, rows_relation, raw_table_name) -%}
    {%- set char_columns = [c ~ '_row_id', 'person_id', 'person_id_text', c ~ '_type_id', 'source_id', 'avail_from_date'] -%}
{{ table_name }}_copies as (

    select
        char_rows.*,
        {{ cafcass.dq_row_number(char_columns, char_columns) }} as copy_rank
    from {{ rows_relation }} as char_rows

),

{{ table_name }}_ranked as (

    select
        person_id,
        copy_rank,
        {{ cafcass.dq_row_number(['person_id', c ~ '_type_id', 'source_id'], ['copy_rank'] + char_columns) }} as repeat_rank,
        {{ cafcass.dq_row_number(['person_id'], [c ~ '_type_id', 'source_id', 'copy_rank'] + char_columns) }} as key_rank
    from {{ table_name }}_copies

),

{{ table_name }}_classified as (

    select
        cast('ecms' as varchar(20)) as source_name,
        cast('{{ table_name }}' as varchar(40)) as table_name,
        cast('{{ raw_table_name | upper }}' as varchar(128)) as raw_table_name,
        case
            when person_id is null then 'null_person_id'
            when copy_rank > 1 then 'exact_duplicate_row'
            when repeat_rank > 1 then 'repeated_row_other_row_id'
            when key_rank > 1 then 'several_rows_per_person_characteristic'
            else 'kept'
        end as reason_code
    from {{ table_name }}_ranked

),
{%- endmacro %}
