select
    upper(c.table_schema) as table_schema,
    upper(c.table_name) as table_name,
    upper(c.column_name) as column_name
from information_schema.columns as c
where
    upper(c.table_catalog) = upper('raw')
    and upper(c.table_schema) in ('SAIL1661V', 'SAILCAFEREFV')
