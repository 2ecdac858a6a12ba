select
    rtrim(c.tabschema) as table_schema,
    rtrim(c.tabname) as table_name,
    rtrim(c.colname) as column_name
from syscat.columns as c
where
    rtrim(c.tabschema) in ('SAIL1661V', 'SAILCAFEREFV')
