{#- Characteristic resolution (docs/ecms-marts-design.md, rule "Characteristic resolution"): the CTEs that
    turn a person's rows of one characteristic (ethnicity, religion, nationality, language) into one row.
    Replaces the per-characteristic dedupe of the Stata step 012create_people (seed-pipeline §2.2) and
    fixes §5 item 10: the same value from two sources stays that value, two different known values are
    `Conflicting` (not `Unknown`), three or more rows resolve like two, only-unknown rows stay `Unknown`.

    Renders four CTEs, each followed by a comma, to place inside a model's `with` list:
      <c>_rows     distinct (person_id, type_id, source_id) rows with is_known 0/1
      <c>_summary  per person: number of distinct known codes and of distinct rows, the known code, the
                   lowest source of the known rows and the lowest source of all rows
      <c>_chosen   per person: the code and source reported. One known code: that code and the lowest
                   source holding it; none: no code, the lowest source of the not-known rows; several: neither.
                   (The same pick as ranking the rows known first, then lowest source_id, NULLs last, and
                   taking row 1, but with aggregates only: no window sort.)
      <c>_resolved one row per person: <c>_type_id, <c>_name, <c>_source_id, <c>_source_name, n_<c>_rows

    Arguments: characteristic ('ethnicity'...), the relations of its rows (columns person_id,
    <c>_type_id, source_id) and its lookup (<c>_type_id, <c>_type_name), the sources lookup (source_id,
    source_name), the seed characteristic_codes and the source system its codes are listed under.
    A row is known unless its code is NULL or listed in characteristic_codes. Rows with a NULL person id
    are left out. Portable SQL: row_number in a CTE, count(distinct), no QUALIFY. -#}

{% macro resolve_characteristic(characteristic, rows_relation, types_relation, sources_relation, codes_relation, source_system='ECMS') -%}
    {%- set c = characteristic -%}
    {%- if not modules.re.match('^[a-z][a-z_]*$', c) -%}
        {{ exceptions.raise_compiler_error("resolve_characteristic: characteristic must be a lower-case identifier, got " ~ c) }}
    {%- endif -%}

{{ c }}_rows as (

    -- Repeated (type, source) rows count once.
    select distinct
        char_rows.person_id,
        char_rows.{{ c }}_type_id as type_id,
        char_rows.source_id,
        cast(
            case
                when char_rows.{{ c }}_type_id is null then 0
                when not_known_codes.type_id is not null then 0
                else 1
            end
            as smallint
        ) as is_known
    from {{ rows_relation }} as char_rows
    left join {{ codes_relation }} as not_known_codes
        on
            char_rows.{{ c }}_type_id = not_known_codes.type_id
            and not_known_codes.source_system = '{{ source_system }}'
            and not_known_codes.characteristic = '{{ c }}'
    where char_rows.person_id is not null

),

{{ c }}_summary as (

    select
        person_id,
        count(distinct case when is_known = 1 then type_id end) as n_known_codes,
        count(*) as n_rows,
        max(case when is_known = 1 then type_id end) as known_type_id,
        min(case when is_known = 1 then source_id end) as known_source_id,
        min(source_id) as lowest_source_id
    from {{ c }}_rows
    group by person_id

),

{{ c }}_chosen as (

    select
        person_id,
        n_known_codes,
        n_rows,
        case when n_known_codes = 1 then known_type_id end as type_id,
        case
            when n_known_codes = 1 then known_source_id
            when n_known_codes = 0 then lowest_source_id
        end as source_id
    from {{ c }}_summary

),

{{ c }}_resolved as (

    -- One known code: that code, its name and the lowest source holding it. Several: Conflicting, no
    -- type or source. None: Unknown, the lowest source of the not-known rows.
    select
        chosen.person_id,
        chosen.type_id as {{ c }}_type_id,
        cast(
            case
                when chosen.n_known_codes = 1 then types.{{ c }}_type_name
                when chosen.n_known_codes > 1 then 'Conflicting'
                else 'Unknown'
            end
            as varchar(255)
        ) as {{ c }}_name,
        chosen.source_id as {{ c }}_source_id,
        cast(sources.source_name as varchar(255)) as {{ c }}_source_name,
        cast(chosen.n_rows as integer) as n_{{ c }}_rows
    from {{ c }}_chosen as chosen
    left join {{ types_relation }} as types
        on chosen.type_id = types.{{ c }}_type_id
    left join {{ sources_relation }} as sources
        on chosen.source_id = sources.source_id

),
{%- endmacro %}
