-- Every ECMS application type (in the lookup, or used by an application row) has a row in the seed
-- application_type_groups. A type added to ECMS must be classified (is_s31) before the case timeliness
-- measure can be trusted: returns the types that are missing.

with

ecms_types as (

    select
        application_type_id,
        application_type_name
    from {{ ref('stg_ecms__application_types') }}

    union

    select
        application_type_id,
        cast(null as varchar(255)) as application_type_name
    from {{ ref('stg_ecms__applications') }}
    where
        application_type_id is not null
        and application_type_id not in (
            select lookup_types.application_type_id
            from {{ ref('stg_ecms__application_types') }} as lookup_types
            where lookup_types.application_type_id is not null
        )

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
