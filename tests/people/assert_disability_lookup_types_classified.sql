-- Every ECMS disability lookup type must be classified exactly once: either a real disability (a row in
-- disability_type_flags, which names its flag) or an answer that is not a disability (a row in
-- characteristic_codes with characteristic 'disability': none, declined, prefer not to say, unknown).
-- A type in neither would count as Unknown in int_ecms__person_characteristics and set no flag; a type
-- in both would be ambiguous. Fails with one row per such type.

with

lookup_types as (

    select
        disability_type_id,
        disability_type_name
    from {{ ref('stg_ecms__disability_types') }}
    where disability_type_id is not null

),

flagged as (

    select distinct disability_type_id
    from {{ ref('disability_type_flags') }}
    where source_system = 'ECMS'

),

not_disabilities as (

    select distinct type_id as disability_type_id
    from {{ ref('characteristic_codes') }}
    where
        source_system = 'ECMS'
        and characteristic = 'disability'

),

classified as (

    select
        lookup_types.disability_type_id,
        lookup_types.disability_type_name,
        case when flagged.disability_type_id is null then 0 else 1 end
        + case when not_disabilities.disability_type_id is null then 0 else 1 end as n_classifications
    from lookup_types
    left join flagged
        on lookup_types.disability_type_id = flagged.disability_type_id
    left join not_disabilities
        on lookup_types.disability_type_id = not_disabilities.disability_type_id

)

select
    disability_type_id,
    disability_type_name,
    n_classifications
from classified
where n_classifications <> 1
