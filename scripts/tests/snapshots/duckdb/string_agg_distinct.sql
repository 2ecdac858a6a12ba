string_agg(distinct t.code_text, '|' order by t.code_text) as string_agg_distinct_result
