listagg(distinct t.code_text, '|') within group (order by t.code_text) as string_agg_distinct_result
