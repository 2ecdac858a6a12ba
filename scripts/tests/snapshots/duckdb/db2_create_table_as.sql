create table SAILW1661V.children as (
    select * from SAILW1661V.children__dbt_src
) with data
distribute by hash (person_id)
organize by row
