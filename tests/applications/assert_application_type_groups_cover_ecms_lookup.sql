-- Every ECMS application type in the lookup has a row in the seed
-- application_type_groups. A type added to ECMS must be classified (is_s31) before the case timeliness
-- measure can be trusted: returns the types that are missing.
-- A row whose code is missing from the lookup itself is a fault of the extract: the relationships test
-- of stg_ecms__applications reports it as a warning (staging tests warn), and it is not a seed gap.

with

ecms_types as (

    select
        application_type_id,
        application_type_name
    from {{ ref('stg_ecms__application_types') }}

),

grouped as (

    select application_type_id
    from {{ ref('application_type_groups') }}
    where source_system = 'ECMS'

)

select
    ecms_types.application_type_id,
    ecms_types.application_type_name
from ecms_types
where
    ecms_types.application_type_id is not null
    and not exists (
        select 1
        from grouped
        where grouped.application_type_id = ecms_types.application_type_id
    )
