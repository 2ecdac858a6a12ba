-- One row per ECMS person with a resolved ethnicity, religion, nationality, language and disability.
-- Replaces the characteristic steps of 012create_people (seed-pipeline §2.2). Fixes §5 item 10 (macro
-- resolve_characteristic: same value from two sources kept, Conflicting distinct from Unknown, 3+ rows
-- resolved, only-unknown rows stay Unknown) and item 11 (a disability row with no type is Unknown, not a
-- disability; flags are 0/1, never empty). Codes come from the seeds characteristic_codes and
-- disability_type_flags, flag columns from the var disability_flags: nothing is hard-coded here.

{%- set source_system = 'ECMS' -%}
{%- set characteristics = ['ethnicity', 'religion', 'nationality', 'language'] -%}
{%- set row_models = {
    'ethnicity': 'stg_ecms__ethnicities',
    'religion': 'stg_ecms__religions',
    'nationality': 'stg_ecms__nationalities',
    'language': 'stg_ecms__languages'
} -%}
{%- set disability_flags = var('disability_flags') -%}
{%- for flag in disability_flags -%}
    {%- set n_listed = disability_flags | select('equalto', flag) | list | length -%}
    {%- if not modules.re.match('^[a-z][a-z0-9_]*$', flag) or n_listed > 1 -%}
        {{ exceptions.raise_compiler_error("var disability_flags: '" ~ flag ~ "' is not a unique lower-case identifier") }}
    {%- endif -%}
{%- endfor %}

with

{% for c in characteristics -%}
{{ resolve_characteristic(
    characteristic=c,
    rows_relation=ref(row_models[c]),
    types_relation=ref('stg_ecms__' ~ c ~ '_types'),
    sources_relation=ref('stg_ecms__sources'),
    codes_relation=ref('characteristic_codes'),
    source_system=source_system
) }}

{% endfor -%}

disability_rows as (

    -- Repeated (type, source) rows count once.
    select distinct
        person_id,
        disability_type_id,
        source_id
    from {{ ref('stg_ecms__disabilities') }}
    where person_id is not null

),

disability_classified as (

    -- A row is a disability when its type is mapped to a flag; `none` when its code means no disability;
    -- otherwise (unknown-type answers, a NULL type, a type in neither seed) it is not known.
    select
        disability_rows.person_id,
        type_flags.flag_name,
        cast(case when type_flags.flag_name is not null then 1 else 0 end as smallint) as is_disability,
        cast(
            case
                when type_flags.flag_name is null and coalesce(not_known_codes.meaning, '') <> 'none' then 1
                else 0
            end
            as smallint
        ) as is_not_known
    from disability_rows
    left join {{ ref('disability_type_flags') }} as type_flags
        on
            disability_rows.disability_type_id = type_flags.disability_type_id
            and type_flags.source_system = '{{ source_system }}'
    left join {{ ref('characteristic_codes') }} as not_known_codes
        on
            disability_rows.disability_type_id = not_known_codes.type_id
            and not_known_codes.source_system = '{{ source_system }}'
            and not_known_codes.characteristic = 'disability'

),

disability_resolved as (

    select
        person_id,
        cast(
            case
                when max(is_disability) = 1 then 'Yes'
                when max(is_not_known) = 1 then 'Unknown'
                else 'No'
            end
            as varchar(7)
        ) as has_disability,
        {% for flag in disability_flags %}
            cast(max(case when flag_name = '{{ flag }}' then 1 else 0 end) as smallint) as disability_{{ flag }},
        {% endfor %}
        cast(count(*) as integer) as n_disability_rows
    from disability_classified
    group by person_id

),

persons as (

    -- Everyone in the people table or in any characteristic table.
    select person_id from {{ ref('int_ecms__people') }}
    {% for c in characteristics %}
        union
        select person_id from {{ c }}_rows
    {% endfor %}
    union
    select person_id from disability_rows

),

final as (

    select
        persons.person_id,
        {% for c in characteristics %}
            {{ c }}_resolved.{{ c }}_type_id,
            {{ c }}_resolved.{{ c }}_name,
            {{ c }}_resolved.{{ c }}_source_id,
            {{ c }}_resolved.{{ c }}_source_name,
            cast(coalesce({{ c }}_resolved.n_{{ c }}_rows, 0) as integer) as n_{{ c }}_rows,
        {% endfor %}
        disability_resolved.has_disability,
        {% for flag in disability_flags %}
            cast(coalesce(disability_resolved.disability_{{ flag }}, 0) as smallint) as disability_{{ flag }},
        {% endfor %}
        cast(coalesce(disability_resolved.n_disability_rows, 0) as integer) as n_disability_rows
    from persons
    {% for c in characteristics %}
        left join {{ c }}_resolved
            on persons.person_id = {{ c }}_resolved.person_id
    {% endfor %}
    left join disability_resolved
        on persons.person_id = disability_resolved.person_id

)

select * from final
