string_agg(t.code_text, ', ' order by t.code_text) as string_agg_result
