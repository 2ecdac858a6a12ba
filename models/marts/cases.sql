-- One row per case, every source system (grain: case_key). Each system's intermediate model already has
-- the harmonised column list, so the mart is a plain union (sqlfluff cannot
-- count the columns of a ref: AM04 is waived on those lines).

select * from {{ ref('int_ecms__cases') }}  -- noqa: AM04
union all
select * from {{ ref('int_cms__cases') }}  -- noqa: AM04
union all
select * from {{ ref('int_cafw__cases') }}  -- noqa: AM04
