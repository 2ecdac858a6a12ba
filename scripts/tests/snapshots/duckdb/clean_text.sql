cast(nullif(trim(t.name), '') as varchar(100)) as clean_text_result
