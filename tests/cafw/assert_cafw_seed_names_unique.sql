-- CAFW rows of the seeds are joined on the name (CAFW has no codes), so a name may appear only once per seed,
-- whatever its case or padding. Returns each repeated name.

with

names as (

    select
        'application_type_groups' as seed_name,
        upper(trim(application_type_name)) as label_key
    from {{ ref('application_type_groups') }}
    where source_system = 'CAFW'
    union all
    select
        'legal_output_type_categories' as seed_name,
        upper(trim(legal_output_type_name)) as label_key
    from {{ ref('legal_output_type_categories') }}
    where source_system = 'CAFW'
    union all
    select
        'relationship_type_groups' as seed_name,
        upper(trim(relationship_type_name)) as label_key
    from {{ ref('relationship_type_groups') }}
    where source_system = 'CAFW'

)

select
    seed_name,
    label_key,
    count(*) as n_rows
from names
group by
    seed_name,
    label_key
having count(*) > 1
