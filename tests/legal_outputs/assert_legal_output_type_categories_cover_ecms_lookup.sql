-- Every ECMS legal-output type (in the lookup, or used by an output row) has a row in the seed
-- legal_output_type_categories. An unmapped type would silently count as a non-order `other`: returns
-- the types that are missing.

with

ecms_types as (

    select legal_output_type_id
    from {{ ref('stg_ecms__legal_output_types') }}

    union

    select legal_output_type_id
    from {{ ref('stg_ecms__legal_outputs') }}

),

mapped as (

    select legal_output_type_id
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'ECMS'

)

select ecms_types.legal_output_type_id
from ecms_types
where
    ecms_types.legal_output_type_id is not null
    and not exists (
        select 1
        from mapped
        where mapped.legal_output_type_id = ecms_types.legal_output_type_id
    )
