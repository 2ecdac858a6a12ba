-- Every ECMS legal-output type in the lookup has a row in the seed legal_output_type_categories. An
-- unmapped type would silently count as a non-order `other`: returns the types that are missing. An output
-- row whose code is missing from the lookup itself is a fault of the extract, reported (as a warning) by
-- the relationships test of stg_ecms__legal_outputs, not a seed gap.

with

ecms_types as (

    select legal_output_type_id
    from {{ ref('stg_ecms__legal_output_types') }}

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
