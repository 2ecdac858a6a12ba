{#- Characteristic resolution (docs/ecms-marts-design.md, rule "Characteristic resolution"): the CTEs that
    turn a person's rows of one characteristic (ethnicity, religion, nationality, language) into one row.
    Replaces the per-characteristic dedupe of the Stata step 012create_people (seed-pipeline §2.2) and
    fixes §5 item 10: the same value from two sources stays that value, two different known values are
    `Conflicting` (not `Unknown`), three or more rows resolve like two, only-unknown rows stay `Unknown`.

    Renders four CTEs, each followed by a comma, to place inside a model's `with` list:
      <c>_rows     distinct (person_id, type_id, source_id) rows with is_known 0/1
      <c>_ranked   row_rank 1 = the row whose source is reported: known rows first, then lowest source_id,
                   then lowest type_id (rows are unique on type and source, so the order is total)
      <c>_summary  per person: number of distinct known codes and of distinct rows
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

{{ c }}_ranked as (

    select
        person_id,
        type_id,
        source_id,
        is_known,
        row_number() over (
            partition by person_id
            order by
                is_known desc,
                case when source_id is null then 1 else 0 end,
                source_id,
                case when type_id is null then 1 else 0 end,
                type_id
        ) as row_rank
    from {{ c }}_rows

),

{{ c }}_summary as (

    select
        person_id,
        count(distinct case when is_known = 1 then type_id end) as n_known_codes,
        count(*) as n_rows
    from {{ c }}_rows
    group by person_id

),

{{ c }}_resolved as (

    -- One known code: that code, its name and the lowest source holding it. Several: Conflicting, no
    -- type or source. None: Unknown, the lowest source of the not-known rows.
    select
        summary.person_id,
        case when summary.n_known_codes = 1 then ranked.type_id end as {{ c }}_type_id,
        cast(
            case
                when summary.n_known_codes = 1 then types.{{ c }}_type_name
                when summary.n_known_codes > 1 then 'Conflicting'
                else 'Unknown'
            end
            as varchar(255)
        ) as {{ c }}_name,
        case when summary.n_known_codes <= 1 then ranked.source_id end as {{ c }}_source_id,
        cast(
            case when summary.n_known_codes <= 1 then sources.source_name end
            as varchar(255)
        ) as {{ c }}_source_name,
        cast(summary.n_rows as integer) as n_{{ c }}_rows
    from {{ c }}_summary as summary
    inner join {{ c }}_ranked as ranked
        on
            summary.person_id = ranked.person_id
            and ranked.row_rank = 1
    left join {{ types_relation }} as types
        on ranked.type_id = types.{{ c }}_type_id
    left join {{ sources_relation }} as sources
        on ranked.source_id = sources.source_id

),
{%- endmacro %}
