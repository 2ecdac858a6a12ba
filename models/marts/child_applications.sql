-- One row per child per application, every source system (grain: child_application_key). Each system's
-- intermediate model already has the harmonised column list, so the mart is a plain union (sqlfluff cannot
-- count the columns of a ref: AM04 is waived on those lines).

select * from {{ ref('int_ecms__child_applications') }}  -- noqa: AM04
union all
select * from {{ ref('int_cms__child_applications') }}  -- noqa: AM04
union all
select * from {{ ref('int_cafw__child_applications') }}  -- noqa: AM04
